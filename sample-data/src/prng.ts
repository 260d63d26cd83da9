/**
 * A small, fast, seedable pseudo-random number generator and the samplers the model needs.
 *
 * Uniforms come from sfc32 ("Small Fast Counting", Chris Doty-Humphrey, from the PractRand suite;
 * passes PractRand and BigCrush). Its 128-bit state is filled from the seed with splitmix32 (the
 * 32-bit variant of Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators").
 * Math.random is never used: every number in the sample data follows from the seed.
 */

/** splitmix32 step: a well-mixed 32-bit output for each state increment. */
function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [s, (z ^ (z >>> 16)) >>> 0];
}

/**
 * MurmurHash3's 32-bit finaliser (Appleby 2008). Used to derive independent per-customer seeds,
 * so customer `i` is the same whether we generate 10 customers or a million.
 */
export function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The seed of one customer's random stream: a hash of the dataset seed and the customer index. */
export function streamSeed(seed: number, index: number): number {
  return mix32(mix32(seed) ^ mix32((index + 0x632be5ab) | 0));
}

/** A seeded random stream with the distributions the generative model uses. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  /** @param seed any 32-bit integer; equal seeds give equal streams. */
  constructor(seed: number) {
    let s = seed | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix32(s);
      s = next;
      words.push(out);
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
    // Discard the first outputs, as the PractRand author recommends, to leave the seeding transient.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform on [0, 1) with 32 bits of resolution (sfc32). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform on [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer uniform on [lo, hi). */
  int(lo: number, hi: number): number {
    return lo + Math.floor((hi - lo) * this.next());
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Normal(mean, sd) by the Box–Muller transform (Box & Muller 1958); the second variate is kept. */
  normal(mean = 0, sd = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + sd * z;
    }
    const u = 1 - this.next(); // (0, 1]: log(0) never happens
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  /** Lognormal: exp(Normal(mu, sigma)); mean is exp(mu + sigma²/2). */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /** Lognormal with the given arithmetic mean and log-scale sigma. */
  lognormalMean(mean: number, sigma: number): number {
    return this.lognormal(Math.log(mean) - (sigma * sigma) / 2, sigma);
  }

  /**
   * Gamma(shape, scale) by Marsaglia & Tsang (2000), "A simple method for generating gamma
   * variables"; for shape < 1 the boost Gamma(k) = Gamma(k + 1) · U^(1/k).
   */
  gamma(shape: number, scale = 1): number {
    if (!(shape > 0) || !(scale > 0)) throw new Error(`invalid gamma parameters: shape ${shape}, scale ${scale}`);
    if (shape < 1) return this.gamma(shape + 1, scale) * Math.pow(1 - this.next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /**
   * Poisson(lambda). Knuth's multiplication method for lambda < 30 (exact); above that a
   * rounded Normal(lambda, √lambda) — an approximation that only matters for very busy buyers.
   */
  poisson(lambda: number): number {
    if (!(lambda >= 0)) throw new Error(`invalid poisson rate: ${lambda}`);
    if (lambda === 0) return 0;
    if (lambda >= 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Picks an item with probability proportional to its weight. */
  pick<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]!;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }
}
