/**
 * Special functions the buy-till-you-die models need: the log-gamma function and the Gaussian
 * hypergeometric function ₂F₁. Written here because JavaScript has neither built in and the
 * project keeps its dependencies few; both are short and tested against independent values.
 */

// Lanczos approximation, g = 7, n = 9 (Press et al., Numerical Recipes 3rd ed., §6.1; the
// coefficients of Godfrey's set). Relative error below 1e-15 for positive arguments.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos). Throws for x ≤ 0, where the models never need it. */
export function lnGamma(x: number): number {
  if (!(x > 0)) throw new Error(`lnGamma: argument must be positive, got ${x}`);
  // Reflection keeps accuracy for small arguments: Γ(x)Γ(1−x) = π / sin(πx).
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The digamma function ψ(x) = d ln Γ(x) / dx for x > 0, which the gradients of the models'
 * log-likelihoods need. The recurrence ψ(x) = ψ(x + 1) − 1/x (A&S eq. 6.3.5) moves the argument to
 * at least 10, where the asymptotic series ψ(x) ~ ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) (A&S eq. 6.3.18),
 * taken to x⁻¹⁴, is accurate to about 10⁻¹⁵.
 */
export function digamma(x: number): number {
  if (!(x > 0)) throw new Error(`digamma: argument must be positive, got ${x}`);
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  // B₂/2, B₄/4, … B₁₄/14: 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, 1/12.
  const tail =
    inv2 *
    (1 / 12 -
      inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return shift + Math.log(x) - 0.5 / x - tail;
}

/** ln B(a, b), the log of the beta function. */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, c neither 0 nor a negative
 * integer; with `lnFactor`, e^lnFactor · ₂F₁ formed on the log scale, so a product such as BG/NBD's
 * ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; z) stays finite when the ₂F₁ alone would
 * overflow (very frequent buyers: x in the thousands).
 *
 * Up to z = 0.9 the defining series Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ (Abramowitz & Stegun 1964,
 * eq. 15.1.1) is summed directly. Its terms shrink like zⁿ, so near z = 1 it needs millions of
 * terms (z = 0.99997, which BG/NBD meets for frequent buyers with a small α over a long horizon,
 * did not converge in 10⁶); above 0.9 the value comes instead from the connection formula to
 * 1 − z (A&S eq. 15.3.6), two series in 1 − z ≤ 0.1 that converge in a few dozen terms:
 *
 *   F(a,b;c;z) = Γ(c)Γ(d)/(Γ(c−a)Γ(c−b)) · F(a, b; 1−d; 1−z)
 *              + (1−z)^d Γ(c)Γ(−d)/(Γ(a)Γ(b)) · F(c−a, c−b; 1+d; 1−z),   d = c − a − b.
 *
 * The formula fails when d is an integer (both Γ(±d) have poles that cancel) and loses digits
 * near one. Within 3·10⁻⁴ of an integer m, F, which is smooth in c, is interpolated with a cubic
 * through the four values of c that put d at m ± 3·10⁻⁴ and m ± 6·10⁻⁴: the interpolation error is
 * of order 10⁻¹⁴ · ∂⁴F/∂c⁴ and the cancellation costs about four digits, so the result keeps
 * about ten significant digits there (tested against the closed forms at d = 0 and d = 1) instead
 * of full double precision elsewhere. Where the formula's two parts are more than 10⁴ times their
 * sum (large a, b, c with a small c − a − b: the parts cancel), the direct series is summed
 * instead up to z = 0.99999 (it converges for every z < 1, slowly near 1); beyond, the formula's
 * value is kept if it still has nine digits, otherwise `hyp2f1` throws.
 *
 * Every series is summed with a running scale: when the partial sum passes 10²⁰⁰ both it and the
 * current term are divided by 10²⁰⁰ and the scale's logarithm is carried, so large parameters
 * (terms that grow for thousands of steps before they shrink) never overflow in between; the
 * scale meets the gamma-function ratios and `lnFactor` as logarithms and is exponentiated once.
 * Where no rescaling happens and `lnFactor` is 0 the arithmetic is exactly the plain sum's. Throws
 * instead of returning a wrong number when a series does not converge.
 */
export function hyp2f1(
  a: number,
  b: number,
  c: number,
  z: number,
  lnFactor = 0,
  tolerance = 1e-14,
  maxTerms = 1_000_000,
): number {
  if (!(z >= 0 && z < 1)) throw new Error(`hyp2f1: z must be in [0, 1), got ${z}`);
  if (!(c > 0) && !(c < 0 && !Number.isInteger(c)))
    throw new Error(`hyp2f1: c must not be 0 or a negative integer, got ${c}`);
  if (z <= CONNECT_ABOVE) {
    const s = directSeries(a, b, c, z, tolerance, maxTerms);
    return s.lnScale === 0 && lnFactor === 0 ? s.sum : s.sum * Math.exp(s.lnScale + lnFactor);
  }
  const near = connectionOrInterpolation(a, b, c, z, tolerance, lnFactor);
  // The formula's two parts can be far larger than their sum (large a, b, c with a small c − a − b):
  // every digit of that ratio is lost. Up to four digits are accepted (the interpolation's own
  // cancellation); beyond that the direct series, slow near z = 1 but exact, takes over.
  const value = near.value;
  if (near.magnitude <= 1e4 * Math.abs(value)) return value;
  if (z <= DIRECT_UP_TO) {
    const s = directSeries(a, b, c, z, tolerance, 20_000_000);
    return s.lnScale === 0 && lnFactor === 0 ? s.sum : s.sum * Math.exp(s.lnScale + lnFactor);
  }
  if (near.magnitude <= 1e7 * Math.abs(value)) return value;
  throw new Error(
    `hyp2f1(${a}, ${b}; ${c}; ${z}): the connection formula cancels to fewer than nine digits this close to z = 1`,
  );
}

/** The connection formula, interpolated in c near an integer c − a − b, with the size of the parts it summed. */
function connectionOrInterpolation(
  a: number,
  b: number,
  c: number,
  z: number,
  tolerance: number,
  lnFactor: number,
): { value: number; magnitude: number } {
  const d = c - a - b;
  const m = Math.round(d);
  if (Math.abs(d - m) >= NEAR_INTEGER) return connection(a, b, c, z, tolerance, lnFactor);
  // Cubic (Lagrange) interpolation in d through d = m ± ε, m ± 2ε.
  const nodes = [-2, -1, 1, 2].map((k) => m + k * NEAR_INTEGER);
  let value = 0;
  let magnitude = 0;
  for (const [i, di] of nodes.entries()) {
    let weight = 1;
    for (const [j, dj] of nodes.entries()) if (j !== i) weight *= (d - dj) / (di - dj);
    // Each value is ~1/ε larger than F before the cancellation: sum its series to the last bit.
    const node = connection(a, b, a + b + di, z, Math.min(tolerance, 1e-17), lnFactor);
    value += weight * node.value;
    // The nodes' own parts cancel to the node values, which the weights (±1/ε) cancel again.
    magnitude += Math.abs(weight) * node.magnitude * NEAR_INTEGER;
  }
  return { value, magnitude };
}

/** Above this z, `hyp2f1` uses the connection formula to 1 − z (then 1 − z < 0.1). */
const CONNECT_ABOVE = 0.9;
/** Up to this z the direct series is the fallback when the connection formula cancels (at most ~10⁶·ln 10 terms there). */
const DIRECT_UP_TO = 0.99999;
/** Distance of c − a − b from an integer under which `hyp2f1` interpolates (see there). */
const NEAR_INTEGER = 3e-4;
/** A series' partial sum is rescaled when it passes this (see `hyp2f1`). */
const RESCALE_AT = 1e200;
const LN_RESCALE = Math.log(RESCALE_AT);

/** A series value as sum · e^lnScale. */
interface ScaledSum {
  sum: number;
  lnScale: number;
}

/**
 * The series summed term by term. Each term is the previous one times
 * (a+n)(b+n)z / ((c+n)(n+1)); the ratio tends to z. We stop once the ratio is below 1 and the
 * geometric bound on the remaining tail, |term|·ρ/(1−ρ), is below `tolerance` × |sum| (valid
 * because the ratio decreases towards z once n exceeds |a|, |b| and |c|).
 */
function directSeries(a: number, b: number, c: number, z: number, tolerance: number, maxTerms: number): ScaledSum {
  let term = 1;
  let sum = 1;
  let lnScale = 0;
  const settled = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
  for (let n = 0; n < maxTerms; n++) {
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    if (Math.abs(sum) > RESCALE_AT) {
      sum /= RESCALE_AT;
      term /= RESCALE_AT;
      lnScale += LN_RESCALE;
    }
    // Only trust the tail bound once the ratio no longer grows: its derivative in n is
    // negative once n is larger than a, b and c.
    if (n > settled && ratio < 1 && Math.abs(term) * (ratio / (1 - ratio)) <= tolerance * Math.abs(sum))
      return { sum, lnScale };
    if (term === 0) return { sum, lnScale };
  }
  throw new Error(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${maxTerms} terms`);
}

/**
 * The same series for any real a, b and c that is not a non-positive integer, at 0 ≤ w ≤ 0.1
 * (the connection formula's arguments may be negative). Once n exceeds |a|, |b| and |c| the
 * ratio of successive terms is below about 4w < 1/2 in size, so the tail is under the last term.
 */
function smallSeries(a: number, b: number, c: number, w: number, tolerance: number): ScaledSum {
  let term = 1;
  let sum = 1;
  let lnScale = 0;
  const settled = Math.abs(a) + Math.abs(b) + Math.abs(c) + 1;
  const maxTerms = 10_000 + 2 * Math.ceil(settled);
  for (let n = 0; n < maxTerms; n++) {
    term *= ((a + n) * (b + n) * w) / ((c + n) * (n + 1));
    sum += term;
    if (Math.abs(sum) > RESCALE_AT || Math.abs(term) > RESCALE_AT) {
      sum /= RESCALE_AT;
      term /= RESCALE_AT;
      lnScale += LN_RESCALE;
    }
    if (term === 0 || (n > settled && Math.abs(term) <= tolerance * Math.abs(sum))) return { sum, lnScale };
  }
  throw new Error(`hyp2f1: series (${a}, ${b}; ${c}; ${w}) did not converge`);
}

/** Γ(x) as a sign and ln|Γ(x)|, for any real x; sign 0 at the poles (x = 0, −1, −2, …). */
function signedLnGamma(x: number): { sign: number; ln: number } {
  if (x > 0) return { sign: 1, ln: lnGamma(x) };
  if (Number.isInteger(x)) return { sign: 0, ln: Infinity };
  // Reflection, Γ(x) = π / (sin(πx) Γ(1−x)) with 1 − x > 1 (A&S eq. 6.1.17).
  const s = Math.sin(Math.PI * x);
  return { sign: Math.sign(s), ln: Math.log(Math.PI / Math.abs(s)) - lnGamma(1 - x) };
}

/** Π Γ(up) / Π Γ(down) as a sign and a logarithm; sign 0 when a Γ below has a pole. */
function lnGammaRatio(up: readonly number[], down: readonly number[]): { sign: number; ln: number } {
  let sign = 1;
  let ln = 0;
  for (const x of down) {
    const g = signedLnGamma(x);
    if (g.sign === 0) return { sign: 0, ln: -Infinity };
    sign *= g.sign;
    ln -= g.ln;
  }
  for (const x of up) {
    const g = signedLnGamma(x);
    sign *= g.sign;
    ln += g.ln;
  }
  return { sign, ln };
}

/** A&S eq. 15.3.6 (see `hyp2f1`) times e^lnFactor, and the sum of its two parts' sizes; c − a − b must not be an integer. */
function connection(
  a: number,
  b: number,
  c: number,
  z: number,
  tolerance: number,
  lnFactor: number,
): { value: number; magnitude: number } {
  const d = c - a - b;
  const w = 1 - z;
  const part = (g: { sign: number; ln: number }, lnScale: number, series: () => ScaledSum) => {
    if (g.sign === 0) return 0;
    const s = series();
    return s.sum === 0 ? 0 : g.sign * Math.exp(g.ln + lnScale + s.lnScale + lnFactor) * s.sum;
  };
  const first = part(lnGammaRatio([c, d], [c - a, c - b]), 0, () => smallSeries(a, b, 1 - d, w, tolerance));
  const second = part(lnGammaRatio([c, -d], [a, b]), d * Math.log(w), () =>
    smallSeries(c - a, c - b, 1 + d, w, tolerance),
  );
  return { value: first + second, magnitude: Math.abs(first) + Math.abs(second) };
}
