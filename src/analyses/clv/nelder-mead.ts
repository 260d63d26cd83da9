/**
 * A small Nelder–Mead minimiser. Hand-written because no well-kept, small JavaScript optimiser
 * is installed in this project (and the models here need only a few unconstrained parameters:
 * we minimise over log-parameters so positivity holds without constraints).
 *
 * Nelder & Mead (1965), "A simplex method for function minimization", Computer Journal 7(4),
 * with the standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½) as in
 * Lagarias et al. (1998), SIAM J. Optim. 9(1). The search is restarted from its best point until a
 * restart no longer improves the value, the usual remedy for a collapsed simplex.
 */

/** Options of `nelderMead`. */
export interface NelderMeadOptions {
  /** Initial step along each coordinate (default 0.5; on log-parameters that is ×1.65). */
  step?: number;
  /** Stop when the simplex's function values differ by less than this × max(1, |best value|) (default 1e-12). */
  fTolerance?: number;
  /** …and its vertices by less than this in every coordinate (default 1e-8). */
  xTolerance?: number;
  /** Iterations per run (default 4000). */
  maxIterations?: number;
  /** Restarts from the best point (default 6). */
  maxRestarts?: number;
}

/** Result of `nelderMead`. */
export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
  /** True when the last run met both tolerances before its iteration limit. */
  converged: boolean;
}

/** Minimises `f` from `x0`. Non-finite values of `f` count as +∞ (the search steps away). */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const { step = 0.5, fTolerance = 1e-12, xTolerance = 1e-8, maxIterations = 4000, maxRestarts = 6 } = options;
  const safe = (x: readonly number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let best = { x: [...x0], value: safe(x0), iterations: 0, converged: false };
  for (let restart = 0; restart <= maxRestarts; restart++) {
    const run = simplexRun(safe, best.x, step, fTolerance, xTolerance, maxIterations);
    const improved = best.value - run.value;
    best = { ...run, iterations: best.iterations + run.iterations };
    if (run.converged && improved <= fTolerance * Math.max(1, Math.abs(run.value))) break;
  }
  return best;
}

function simplexRun(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  step: number,
  fTol: number,
  xTol: number,
  maxIterations: number,
): NelderMeadResult {
  const n = x0.length;
  let points: number[][] = [[...x0]];
  for (let i = 0; i < n; i++) {
    const p = [...x0];
    p[i] = p[i]! + step;
    points.push(p);
  }
  let values = points.map(f);
  const combine = (a: readonly number[], b: readonly number[], t: number) => a.map((ai, i) => ai + t * (b[i]! - ai));
  for (let it = 0; it < maxIterations; it++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    points = order.map((i) => points[i]!);
    values = order.map((i) => values[i]!);
    const spreadF = values[n]! - values[0]!;
    let spreadX = 0;
    for (let i = 1; i <= n; i++)
      for (let j = 0; j < n; j++) spreadX = Math.max(spreadX, Math.abs(points[i]![j]! - points[0]![j]!));
    if (spreadF <= fTol * Math.max(1, Math.abs(values[0]!)) && spreadX <= xTol)
      return { x: points[0]!, value: values[0]!, iterations: it, converged: true };

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += points[i]![j]! / n;
    const worst = points[n]!;
    const reflected = combine(centroid, worst, -1);
    const fr = f(reflected);
    if (fr < values[0]!) {
      const expanded = combine(centroid, worst, -2);
      const fe = f(expanded);
      [points[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
      continue;
    }
    if (fr < values[n - 1]!) {
      [points[n], values[n]] = [reflected, fr];
      continue;
    }
    // Outside contraction when the reflection beat the worst point, inside otherwise.
    const outside = fr < values[n]!;
    const contracted = combine(centroid, worst, outside ? -0.5 : 0.5);
    const fc = f(contracted);
    if (fc < (outside ? fr : values[n]!)) {
      [points[n], values[n]] = [contracted, fc];
      continue;
    }
    for (let i = 1; i <= n; i++) {
      points[i] = combine(points[0]!, points[i]!, 0.5);
      values[i] = f(points[i]!);
    }
  }
  const i0 = values.indexOf(Math.min(...values));
  return { x: points[i0]!, value: values[i0]!, iterations: maxIterations, converged: false };
}
