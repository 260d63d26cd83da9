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

/** ln B(a, b), the log of the beta function. */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for
 * 0 ≤ z < 1 (Abramowitz & Stegun 1964, eq. 15.1.1), summed term by term. Each term is the
 * previous one times (a+n)(b+n)z / ((c+n)(n+1)); the ratio tends to z, so the series converges
 * for |z| < 1, slowly as z → 1. We stop once the ratio is below 1 and the geometric bound on the
 * remaining tail, |term|·ρ/(1−ρ), is below `tolerance` × |sum| (valid because, for positive
 * a, b, c, the ratio decreases towards z once n exceeds a few units). Throws when the series has
 * not converged after `maxTerms` terms instead of returning a wrong number.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, tolerance = 1e-14, maxTerms = 1_000_000): number {
  if (!(z >= 0 && z < 1)) throw new Error(`hyp2f1: z must be in [0, 1), got ${z}`);
  if (!(c > 0)) throw new Error(`hyp2f1: c must be positive, got ${c}`);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < maxTerms; n++) {
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    // Only trust the tail bound once the ratio no longer grows: its derivative in n is
    // negative once n is larger than a, b and c.
    if (n > Math.max(a, b, c) && ratio < 1 && Math.abs(term) * (ratio / (1 - ratio)) <= tolerance * Math.abs(sum)) return sum;
    if (term === 0) return sum;
  }
  throw new Error(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${maxTerms} terms`);
}
