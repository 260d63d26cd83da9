import type { Cell, CellId, Notebook, Reference } from '../format/types.ts';

/** The dependency graph of a notebook: who uses whom, and what could not be resolved. */
export interface DependencyGraph {
  /** Cells each cell depends on (direct). */
  deps: Map<CellId, CellId[]>;
  /** Cells that depend on each cell (direct). */
  dependents: Map<CellId, CellId[]>;
  /** Problems per cell: unknown names, wrong kinds of names, cycles. */
  problems: Map<CellId, string[]>;
  /** All cell ids in an order where every cell comes after its dependencies (cycles last, in notebook order). */
  order: CellId[];
  /** The cell that declares each name. */
  owners: Map<string, Cell>;
}

const label = (c: Cell) => (c.name ? `${c.kind} ${c.name}` : `${c.kind} on line ${c.line}`);
const refText = (r: Reference) => (r.member ? `${r.name}.${r.member}` : r.name);

/**
 * Builds the graph from each cell's declarations and references. References resolve by name to the
 * first cell declaring it; what a reference may point at depends on where it was written
 * (`$name` must be an input, a chart's `data` a sql or analysis cell, …).
 */
export function buildGraph(nb: Notebook): DependencyGraph {
  const owners = new Map<string, Cell>();
  for (const c of nb.cells) if (c.name && c.kind !== 'prose' && !owners.has(c.name)) owners.set(c.name, c);
  const names = (kinds: Cell['kind'][]) =>
    [...owners.values()]
      .filter((c) => kinds.includes(c.kind))
      .map((c) => c.name)
      .join(', ') || 'none';
  const deps = new Map<CellId, CellId[]>();
  const problems = new Map<CellId, string[]>();
  for (const cell of nb.cells) {
    const out = new Set<CellId>();
    const issues: string[] = [];
    for (const ref of cell.references) {
      const target = owners.get(ref.name);
      const bad = (why: string) => issues.push(`${label(cell)}: ${why}`);
      switch (ref.via) {
        case 'param':
          if (!target) bad(`unknown parameter $${refText(ref)} (inputs: ${names(['input'])})`);
          else if (target.kind !== 'input') bad(`$${ref.name} is a ${target.kind} cell, not an input`);
          else out.add(target.id);
          break;
        case 'data':
          if (!target) bad(`unknown result "${refText(ref)}" (results: ${names(['sql', 'analysis'])})`);
          else if (target.kind !== 'sql' && target.kind !== 'analysis')
            bad(`"${ref.name}" is a ${target.kind} cell, not a sql or analysis result`);
          else if (target.kind === 'sql' && ref.member)
            bad(`"${refText(ref)}": sql results have no tables; write data: ${ref.name}`);
          else out.add(target.id);
          break;
        case 'options':
          if (!target) bad(`unknown result "${ref.name}" in options_from (sql cells: ${names(['sql'])})`);
          else if (target.kind !== 'sql')
            bad(`options_from must name a sql cell; "${ref.name}" is a ${target.kind} cell`);
          else out.add(target.id);
          break;
        case 'interpolation':
          if (!target) bad(`unknown name {${refText(ref)}} (names: ${names(['input', 'sql', 'analysis'])})`);
          else if (target.kind === 'chart') bad(`{${ref.name}} is a chart and has no value`);
          else out.add(target.id);
          break;
        case 'table':
          if (target) out.add(target.id);
          break;
      }
    }
    out.delete(cell.id);
    deps.set(cell.id, [...out]);
    if (issues.length) problems.set(cell.id, issues);
  }
  const dependents = new Map<CellId, CellId[]>(nb.cells.map((c) => [c.id, []]));
  for (const [id, ds] of deps) for (const d of ds) dependents.get(d)?.push(id);
  const order = topoOrder(nb, deps, problems);
  return { deps, dependents, problems, order, owners };
}

/** Kahn's algorithm in notebook order; cells left over sit on (or behind) a cycle and are reported. */
function topoOrder(nb: Notebook, deps: Map<CellId, CellId[]>, problems: Map<CellId, string[]>): CellId[] {
  const done = new Set<CellId>();
  const order: CellId[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const c of nb.cells) {
      if (done.has(c.id)) continue;
      if ((deps.get(c.id) ?? []).every((d) => done.has(d))) {
        done.add(c.id);
        order.push(c.id);
        progress = true;
      }
    }
  }
  for (const c of nb.cells) {
    if (done.has(c.id)) continue;
    const cycle = findCycle(c.id, deps);
    const name = (id: CellId) => nb.cells.find((x) => x.id === id)?.name ?? id;
    const msg = cycle
      ? `${label(c)}: circular reference: ${[...cycle, cycle[0]!].map(name).join(' → ')}`
      : `${label(c)}: depends on a circular reference`;
    problems.set(c.id, [...(problems.get(c.id) ?? []), msg]);
    order.push(c.id);
  }
  return order;
}

/** A cycle through `start`, if there is one. */
function findCycle(start: CellId, deps: Map<CellId, CellId[]>): CellId[] | null {
  const path: CellId[] = [];
  const seen = new Set<CellId>();
  const visit = (id: CellId): CellId[] | null => {
    if (id === start && path.length) return [...path];
    if (seen.has(id)) return null;
    seen.add(id);
    path.push(id);
    for (const d of deps.get(id) ?? []) {
      const found = visit(d);
      if (found) return found;
    }
    path.pop();
    return null;
  };
  return visit(start);
}

/** A cell and everything downstream of it, transitively. */
export function downstream(graph: DependencyGraph, ids: Iterable<CellId>): Set<CellId> {
  const out = new Set<CellId>();
  const stack = [...ids];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(graph.dependents.get(id) ?? []));
  }
  return out;
}
