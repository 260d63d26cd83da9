/**
 * Maximum likelihood over positive parameters, shared by the models' fits: BFGS with analytic
 * gradients on the logarithms of the parameters (so all stay positive, with bounds that keep them
 * within e^±30), Nelder–Mead as the fallback when BFGS does not converge, and standard errors from
 * the observed information matrix.
 *
 * The objective is the mean negative log-likelihood per customer: its gradient is of order one
 * whatever the size of the base, so one tolerance fits CDNOW's 2,357 customers and a million.
 */
import { bfgs, invertPositiveDefinite, numericHessian } from './quasi-newton.ts';
import { nelderMead } from './nelder-mead.ts';

/** The log-likelihood of a model and its gradient with respect to the (positive) parameters. */
export type LogLikelihoodWithGradient = (theta: Float64Array) => { value: number; gradient: Float64Array };

/** How the parameters' uncertainty came out. */
export type Uncertainty =
  | {
      ok: true;
      /** Standard errors of the parameters, in their order. */
      standardErrors: number[];
      /** Covariance of the log-parameters (the inverse observed information on the log scale). */
      logCovariance: number[][];
    }
  | {
      ok: false;
      reason: string;
      /** Which failure, and the parameters it names (for the note in the reader's language). */
      why: 'curvature' | 'singular';
      names: readonly string[];
    };

/** Result of `fitPositive`. */
export interface PositiveFit {
  theta: number[];
  logLikelihood: number;
  converged: boolean;
  /** The method whose point was kept. */
  method: 'bfgs' | 'nelder-mead';
  /** Likelihood (and gradient) evaluations, all methods and the information matrix together. */
  evaluations: number;
  uncertainty: Uncertainty;
}

/** Bounds on each log-parameter: parameters stay within e^±30 (1e−13 … 1e13). */
const LOG_BOUND = 30;

/** A start for `fitPositive` from an earlier fit of the same model (e.g. on a subsample). */
export interface WarmStart {
  theta: readonly number[];
  /** Covariance of the log-parameters of that fit and the customers it was fitted on: their product approximates the inverse Hessian of the mean. */
  logCovariance: readonly (readonly number[])[];
  weight: number;
}

/**
 * Maximises `ll` (summed over `weight` customers) over positive parameters from the first of
 * `starts` where it is finite, or from `warm` (point and curvature of an earlier fit, which saves
 * most of the evaluations on a large base). `names` label the parameters in messages.
 */
export function fitPositive(
  ll: LogLikelihoodWithGradient,
  starts: readonly (readonly number[])[],
  weight: number,
  names: readonly string[],
  warm?: WarmStart,
): PositiveFit {
  const n = names.length;
  let evaluations = 0;
  const objective = (z: Float64Array) => {
    evaluations++;
    const theta = z.map(Math.exp);
    const r = ll(theta);
    const gradient = new Float64Array(n);
    for (let i = 0; i < n; i++) gradient[i] = (-r.gradient[i]! * theta[i]!) / weight;
    return { value: -r.value / weight, gradient };
  };
  const candidates = [...(warm ? [warm.theta] : []), ...starts].map((s) => s.map(Math.log));
  const start = candidates.find(
    (z) => z.every((v) => Math.abs(v) < LOG_BOUND) && Number.isFinite(objective(Float64Array.from(z)).value),
  );
  if (!start)
    throw new Error(`the likelihood is not finite at any starting point (${names.join(', ')}); check the inputs`);
  const lower = new Array<number>(n).fill(-LOG_BOUND);
  const upper = new Array<number>(n).fill(LOG_BOUND);
  const inverseHessian =
    warm && start === candidates[0] ? warm.logCovariance.flatMap((row) => row.map((v) => v * warm.weight)) : undefined;
  const quasiNewton = bfgs(objective, start, { gradientTolerance: 1e-8, lower, upper, inverseHessian });
  let z = quasiNewton.x;
  let value = quasiNewton.value;
  let converged = quasiNewton.converged;
  let method: PositiveFit['method'] = 'bfgs';
  if (!converged) {
    // Fallback: the simplex search from the best point BFGS reached, kept if it does better.
    const inBox = (x: readonly number[]) => x.every((v) => Math.abs(v) <= LOG_BOUND);
    const simplex = nelderMead(
      (x) => (inBox(x) ? objective(Float64Array.from(x)).value : Infinity),
      Number.isFinite(value) ? z : start,
    );
    if (simplex.value <= value) {
      z = simplex.x;
      value = simplex.value;
      converged = simplex.converged;
      method = 'nelder-mead';
    }
  }
  const theta = z.map(Math.exp);
  const atZ = method === 'bfgs' ? quasiNewton.gradient : undefined;
  const uncertainty = uncertaintyAt(objective, z, weight, names, atZ);
  return { theta, logLikelihood: -value * weight, converged, method, evaluations, uncertainty };
}

/**
 * Standard errors from the observed information: the Hessian of the negative log-likelihood in
 * the log-parameters (central differences of the analytic gradient), inverted; a parameter θ =
 * e^z then has standard error θ·sd(z) (delta method). When the matrix is not positive definite the
 * likelihood is flat in some direction and no standard error is meaningful: the reason says so.
 */
function uncertaintyAt(
  objective: (z: Float64Array) => { gradient: Float64Array },
  z: readonly number[],
  weight: number,
  names: readonly string[],
  atZ?: readonly number[],
): Uncertainty {
  // Forward differences from the gradient BFGS ended with (n evaluations), central ones otherwise (2n).
  const hessian = numericHessian((x) => objective(x).gradient, z, 1e-4, atZ).map((row) => row.map((v) => v * weight));
  if (!hessian.every((row) => row.every(Number.isFinite))) {
    return {
      ok: false,
      reason: `the likelihood's curvature could not be computed at the estimate (${names.join(', ')}), so there are no standard errors`,
      why: 'curvature',
      names,
    };
  }
  const covariance = invertPositiveDefinite(hessian);
  if (!covariance) {
    return {
      ok: false,
      reason: `the observed information matrix is singular at the estimate: the data do not pin down all of ${names.join(', ')} (the likelihood is flat in some direction), so there are no standard errors`,
      why: 'singular',
      names,
    };
  }
  return {
    ok: true,
    logCovariance: covariance,
    standardErrors: z.map((zi, i) => Math.exp(zi) * Math.sqrt(covariance[i]![i]!)),
  };
}
