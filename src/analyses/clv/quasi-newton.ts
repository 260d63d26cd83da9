/**
 * A small BFGS minimiser with a line search that satisfies the strong Wolfe conditions, for the
 * models' maximum-likelihood fits (3–4 parameters, analytic gradients). Hand-written for the same
 * reason as `nelder-mead.ts`: no well-kept, small JavaScript optimiser is installed, and the
 * problems are tiny — the work is in evaluating the likelihood, not in the linear algebra.
 *
 * Nocedal & Wright (2006), "Numerical Optimization", 2nd ed.: the BFGS update of the inverse
 * Hessian (eq. 6.17), its first scaling (eq. 6.20), and the line search of Algorithm 3.5 with
 * the zoom of Algorithm 3.6 (safeguarded quadratic interpolation, bisection when a trial value is
 * not finite).
 *
 * The variables may be bounded to a box (the fits use bounds on log-parameters): a step never
 * leaves the box, and a trial point where the function is not finite counts as too far, so the
 * search steps back instead of failing on NaN.
 */

/** The value of the function to minimise and its gradient at a point. */
export interface ValueAndGradient {
  value: number;
  gradient: Float64Array;
}

/** Options of `bfgs`. */
export interface BfgsOptions {
  /** Stop when every gradient component is below this in size (default 1e-9). */
  gradientTolerance?: number;
  /**
   * Also converged when the function no longer decreases beyond rounding (relative change below
   * 1e-14, or no acceptable step) while every gradient component is below this (default 1e-6):
   * sums over a million terms carry rounding noise that a tighter gradient cannot beat.
   */
  noiseGradient?: number;
  /** Iterations at most (default 200). */
  maxIterations?: number;
  /** Lower bounds of the variables (default −∞). */
  lower?: readonly number[];
  /** Upper bounds (default +∞). */
  upper?: readonly number[];
  /** Largest step in any variable on the first iteration, before curvature is known (default 1). */
  firstStep?: number;
  /**
   * A starting approximation of the inverse Hessian (row-major n×n, symmetric positive definite),
   * e.g. from a fit of the same model on a subsample; default the identity, scaled after the first step.
   */
  inverseHessian?: readonly number[];
}

/** Result of `bfgs`. */
export interface BfgsResult {
  x: number[];
  value: number;
  gradient: number[];
  iterations: number;
  /** Function-and-gradient evaluations. */
  evaluations: number;
  /** True when the gradient tolerance was met. */
  converged: boolean;
  /** Why it stopped, for notes and tests. */
  reason: 'gradient' | 'noise floor' | 'no progress' | 'iterations' | 'not finite at start';
}

/** Minimises a function given by `fg` (value and gradient) from `x0`. */
export function bfgs(
  fg: (x: Float64Array) => ValueAndGradient,
  x0: readonly number[],
  options: BfgsOptions = {},
): BfgsResult {
  const n = x0.length;
  const { gradientTolerance = 1e-9, noiseGradient = 1e-6, maxIterations = 200, firstStep = 1 } = options;
  const lower = options.lower ?? new Array<number>(n).fill(-Infinity);
  const upper = options.upper ?? new Array<number>(n).fill(Infinity);
  let evaluations = 0;
  const evaluate = (x: Float64Array): ValueAndGradient => {
    evaluations++;
    const r = fg(x);
    const finite = Number.isFinite(r.value) && r.gradient.every(Number.isFinite);
    return finite ? r : { value: Infinity, gradient: r.gradient };
  };
  let x: Float64Array = Float64Array.from(x0);
  let cur = evaluate(x);
  const result = (iterations: number, reason: BfgsResult['reason']): BfgsResult => ({
    x: [...x],
    value: cur.value,
    gradient: [...cur.gradient],
    iterations,
    evaluations,
    converged: reason === 'gradient' || reason === 'noise floor',
    reason,
  });
  const stalled = (iterations: number) =>
    result(iterations, maxAbs(cur.gradient) <= noiseGradient ? 'noise floor' : 'no progress');
  if (!Number.isFinite(cur.value)) return result(0, 'not finite at start');
  // Inverse Hessian approximation, row-major.
  const H = new Float64Array(n * n);
  const given =
    options.inverseHessian !== undefined &&
    options.inverseHessian.length === n * n &&
    options.inverseHessian.every(Number.isFinite);
  if (given) H.set(options.inverseHessian!);
  else for (let i = 0; i < n; i++) H[i * n + i] = 1;
  const p = new Float64Array(n);
  for (let it = 0; it < maxIterations; it++) {
    if (maxAbs(cur.gradient) <= gradientTolerance) return result(it, 'gradient');
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= H[i * n + j]! * cur.gradient[j]!;
      p[i] = s;
    }
    let slope = dot(p, cur.gradient);
    if (!(slope < 0)) {
      // Not a descent direction (rounding in H): restart from steepest descent.
      H.fill(0);
      for (let i = 0; i < n; i++) {
        H[i * n + i] = 1;
        p[i] = -cur.gradient[i]!;
      }
      slope = dot(p, cur.gradient);
    }
    if ((it === 0 && !given) || slope === -dot(cur.gradient, cur.gradient)) {
      // Before any curvature is known, limit the step to `firstStep` in every variable.
      const size = maxAbs(p);
      if (size > firstStep) for (let i = 0; i < n; i++) p[i] = (p[i]! * firstStep) / size;
      slope = dot(p, cur.gradient);
    }
    // The largest step that stays in the box.
    let maxStep = Infinity;
    for (let i = 0; i < n; i++) {
      if (p[i]! > 0) maxStep = Math.min(maxStep, (upper[i]! - x[i]!) / p[i]!);
      else if (p[i]! < 0) maxStep = Math.min(maxStep, (lower[i]! - x[i]!) / p[i]!);
    }
    if (!(maxStep > 0)) return stalled(it);
    const found = wolfeLineSearch(evaluate, x, p, cur, slope, Math.min(1, maxStep), maxStep);
    if (!found) return stalled(it);
    const decrease = cur.value - found.at.value;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = found.x[i]! - x[i]!;
      y[i] = found.at.gradient[i]! - cur.gradient[i]!;
    }
    x = found.x;
    cur = found.at;
    if (decrease <= 1e-14 * Math.abs(cur.value) && maxAbs(cur.gradient) <= noiseGradient)
      return result(it + 1, 'noise floor');
    const sy = dot(s, y);
    // The curvature condition holds after a Wolfe step; skip the update if rounding broke it.
    if (!(sy > 0)) continue;
    if (it === 0 && !given) {
      // Nocedal & Wright eq. 6.20: scale the first approximation to the curvature just seen.
      const scale = sy / dot(y, y);
      for (let i = 0; i < n * n; i++) H[i] = H[i]! * scale;
    }
    bfgsUpdate(H, s, y, sy, n);
  }
  return result(maxIterations, maxAbs(cur.gradient) <= gradientTolerance ? 'gradient' : 'iterations');
}

/** H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ with ρ = 1/(yᵀs) (Nocedal & Wright eq. 6.17). */
function bfgsUpdate(H: Float64Array, s: Float64Array, y: Float64Array, sy: number, n: number): void {
  const rho = 1 / sy;
  const Hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += H[i * n + j]! * y[j]!;
    Hy[i] = v;
  }
  const yHy = dot(y, Hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i * n + j] = H[i * n + j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!;
    }
  }
}

/** Constants of the strong Wolfe conditions: sufficient decrease and curvature (N&W §3.1). */
const C1 = 1e-4;
const C2 = 0.9;

/**
 * Finds a step along `p` satisfying the strong Wolfe conditions (N&W Algorithm 3.5). Returns null
 * when none is found in 24 trials. A relative slack of 10⁻¹³·|f| on the decrease condition lets
 * the last iterations, where differences are at rounding level, still be accepted.
 */
function wolfeLineSearch(
  evaluate: (x: Float64Array) => ValueAndGradient,
  x: Float64Array,
  p: Float64Array,
  at0: ValueAndGradient,
  slope0: number,
  first: number,
  maxStep: number,
): { x: Float64Array; at: ValueAndGradient } | null {
  const f0 = at0.value;
  const slack = 1e-13 * Math.abs(f0);
  const point = (step: number): { step: number; x: Float64Array; at: ValueAndGradient; slope: number } => {
    const xt: Float64Array = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) xt[i] = x[i]! + step * p[i]!;
    const at = evaluate(xt);
    return { step, x: xt, at, slope: dot(at.gradient, p) };
  };
  const sufficient = (t: { step: number; at: ValueAndGradient }) => t.at.value <= f0 + C1 * t.step * slope0 + slack;
  const curvature = (t: { slope: number }) => Math.abs(t.slope) <= -C2 * slope0;
  type Trial = ReturnType<typeof point>;
  const zoom = (lo: Trial, hi: Trial, budget: number): Trial | null => {
    for (let k = 0; k < budget; k++) {
      const width = hi.step - lo.step;
      let step = lo.step + width / 2;
      if (Number.isFinite(hi.at.value)) {
        // Minimum of the quadratic through f(lo), f'(lo) and f(hi), kept inside the middle 80%.
        const denom = 2 * (hi.at.value - lo.at.value - lo.slope * width);
        if (denom > 0) step = lo.step - (lo.slope * width * width) / denom;
        const a = Math.min(lo.step, hi.step);
        const b = Math.max(lo.step, hi.step);
        step = Math.min(Math.max(step, a + 0.1 * (b - a)), b - 0.1 * (b - a));
      }
      const t = point(step);
      if (!sufficient(t) || t.at.value >= lo.at.value) hi = t;
      else {
        if (curvature(t)) return t;
        if (t.slope * (hi.step - lo.step) >= 0) hi = lo;
        lo = t;
      }
    }
    // Out of budget: a point that decreased the function is still progress.
    return lo.step > 0 ? lo : null;
  };
  let prev: Trial = { step: 0, x, at: at0, slope: slope0 };
  let step = first;
  for (let i = 0; i < 20; i++) {
    const t = point(step);
    if (!sufficient(t) || (i > 0 && t.at.value >= prev.at.value)) {
      const z = zoom(prev, t, 24 - i);
      return z && { x: z.x, at: z.at };
    }
    if (curvature(t)) return { x: t.x, at: t.at };
    if (t.slope >= 0) {
      const z = zoom(t, prev, 24 - i);
      return z && { x: z.x, at: z.at };
    }
    prev = t;
    if (step >= maxStep) return { x: t.x, at: t.at };
    step = Math.min(2 * step, maxStep);
  }
  return { x: prev.x, at: prev.at };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/**
 * The Hessian of a function at `x` from its analytic gradient, symmetrised. Central differences,
 * H[i][j] = (∂ᵢf(x + h eⱼ) − ∂ᵢf(x − h eⱼ)) / 2h: 2n gradient evaluations, error of order h². With
 * the gradient at `x` given (`atX`), forward differences, (∂ᵢf(x + h eⱼ) − ∂ᵢf(x)) / h: n
 * evaluations, error of order h — ample for standard errors, and half the cost on a large base.
 */
export function numericHessian(
  gradient: (x: Float64Array) => Float64Array,
  x: readonly number[],
  h = 1e-4,
  atX?: ArrayLike<number>,
): number[][] {
  const n = x.length;
  const columns: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const up = Float64Array.from(x);
    up[j] = up[j]! + h;
    const gu = gradient(up);
    if (atX) {
      columns.push(gu.map((v, i) => (v - atX[i]!) / h));
      continue;
    }
    const down = Float64Array.from(x);
    down[j] = down[j]! - h;
    const gd = gradient(down);
    columns.push(gu.map((v, i) => (v - gd[i]!) / (2 * h)));
  }
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (columns[j]![i]! + columns[i]![j]!) / 2),
  );
}

/**
 * The inverse of a symmetric positive definite matrix through its Cholesky factor; null when the
 * matrix is not positive definite (to working precision), i.e. singular or indefinite.
 */
export function invertPositiveDefinite(m: readonly (readonly number[])[]): number[][] | null {
  const n = m.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(m[i]![i]!));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        // A pivot at rounding level relative to the matrix means a singular direction.
        if (!(s > 1e-12 * largest)) return null;
        L[i]![i] = Math.sqrt(s);
      } else L[i]![j] = s / L[j]![j]!;
    }
  }
  // inverse = L⁻ᵀ L⁻¹, column by column: solve L y = eₖ, then Lᵀ x = y.
  const inv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let k = 0; k < n; k++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let s = i === k ? 1 : 0;
      for (let j = 0; j < i; j++) s -= L[i]![j]! * y[j]!;
      y[i] = s / L[i]![i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i]!;
      for (let j = i + 1; j < n; j++) s -= L[j]![i]! * inv[j]![k]!;
      inv[i]![k] = s / L[i]![i]!;
    }
  }
  return inv;
}
