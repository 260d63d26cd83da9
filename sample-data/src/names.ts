/** Synthetic display names: a first and a last name from short fixed lists (no real people). */
import type { Rng } from './prng.ts';

const first = [
  'Alex', 'Bea', 'Chen', 'Dana', 'Eli', 'Fang', 'Gina', 'Hugo', 'Ines', 'Jun', 'Kai', 'Lena', 'Mei', 'Nico', 'Olga', 'Pia',
  'Quinn', 'Rui', 'Sara', 'Tom', 'Uma', 'Vera', 'Wei', 'Xin', 'Yara', 'Zoe', 'Ming', 'Ana', 'Ravi', 'Lucia',
] as const;

const last = [
  'Lin', 'Wang', 'Chan', 'Silva', 'Novak', 'Berg', 'Costa', 'Duarte', 'Evans', 'Fischer', 'Garcia', 'Huang', 'Ito', 'Jensen',
  'Kim', 'Lopez', 'Meyer', 'Nakamura', 'Olsen', 'Patel', 'Rossi', 'Sato', 'Tan', 'Vogel', 'Wong', 'Yamada', 'Zhou', 'Li',
] as const;

/** A random "First Last" name. */
export function drawName(rng: Rng): string {
  return `${first[rng.int(0, first.length)]} ${last[rng.int(0, last.length)]}`;
}
