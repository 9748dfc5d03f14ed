import type { CoverageState } from './coverage-state.ts';
import type { PreparedSiting } from './prepare-siting.ts';
import type { SitingProblem } from './siting-problem.ts';

/** Subgradient iterations at most. */
const MAX_ITERATIONS = 60;
/** Halve the step factor after this many iterations without a better bound. */
const PATIENCE = 5;

/**
 * A lower bound on the number of new sites the uncapacitated LSCP needs, by Lagrangian
 * relaxation of the coverage constraints, maximised by subgradient optimisation. Usually far
 * tighter than the "fewest largest gains" bound, which it complements (the caller takes the larger).
 *
 * Model: min Σ_{free j} x_j with Σ_i w_i y_i ≥ need, y_i ≤ Σ_{free j covering i} x_j,
 * 0 ≤ y_i ≤ 1, x binary, where need = target − (weight fixed sites cover) and only points some
 * free site covers can have y_i > 0. Relaxing y_i ≤ Σ x_j with multipliers λ_i ≥ 0 gives, for
 * every λ,
 *   L(λ) = Σ_{free j} min(0, 1 − σ_j) + K(λ) ≤ optimum,   σ_j = Σ_{i covered by j} λ_i,
 *   K(λ) = min Σ λ_i y_i subject to Σ w_i y_i ≥ need, 0 ≤ y ≤ 1 (a fractional knapsack: cheapest
 *          λ_i / w_i first).
 * Subgradient g_i = y_i − (relaxation-open sites covering i); Polyak steps θ·(upper − L)/‖g‖²,
 * θ from 2, halved after PATIENCE iterations without progress; σ and the open counts are updated
 * incrementally, and L is recomputed from scratch at the best λ. Returns ⌈L⌉ (a site count),
 * with a 1e-6 allowance for rounding.
 *
 * `state`: coverage lists; `fixedCount`: per point, how many fixed sites cover it; `need`:
 * persons still to cover beyond the fixed sites; `upper`: the heuristic's site count.
 */
export function lscpLagrangianBound(
  problem: SitingProblem,
  prepared: PreparedSiting,
  state: CoverageState,
  fixedCount: Int32Array,
  need: number,
  upper: number,
): number {
  if (need <= 0) return 0;
  const { weight } = problem;
  const { byDemandStart, byDemandSite } = problem.matrix;
  const n = weight.length, m = prepared.siteCount;
  const { coverEnd, siteStart, siteDemand } = state;
  const { free, isFixed } = prepared;
  // Points in play: positive weight, not covered by a fixed site, covered by some free site.
  const active: number[] = [];
  const isActive = new Uint8Array(n);
  let maxCover = 0;
  for (let j = 0; j < m; j++) {
    if (isFixed[j]) continue;
    let s = 0;
    for (let k = siteStart[j]; k < siteStart[j + 1]; k++) if (fixedCount[siteDemand[k]] === 0) s += weight[siteDemand[k]];
    maxCover = Math.max(maxCover, s);
  }
  for (let i = 0; i < n; i++) {
    if (weight[i] > 0 && fixedCount[i] === 0 && coverEnd[i] > byDemandStart[i]) {
      active.push(i);
      isActive[i] = 1;
    }
  }
  if (maxCover === 0) return 0;
  const A = active.length;
  // Start: every person worth 1 / (the most any one site covers), so no σ_j exceeds 1 and
  // L = need / maxCover, the classic counting bound.
  const lambda = new Float64Array(n);
  for (const i of active) lambda[i] = weight[i] / maxCover;
  const bestLambda = lambda.slice();
  const sigma = new Float64Array(m);
  const count = new Int32Array(n);
  const openLR = new Uint8Array(m);
  const y = new Float64Array(n);
  const sub = new Float64Array(n);
  const byRatio = Int32Array.from(active);
  // Fast approximate order for the iterations: λ/w rounded to float32, its bits above the index
  // in one exactly representable double, sorted natively (A < 2^20). The final L sorts exactly.
  const packed = A < 1 << 20 ? new Float64Array(A) : null;
  const f32 = new Float32Array(1), bits = new Uint32Array(f32.buffer);

  const sigmaFromScratch = (lam: Float64Array) => {
    sigma.fill(0);
    for (const i of active) {
      const l = lam[i];
      if (l === 0) continue;
      for (let q = byDemandStart[i]; q < coverEnd[i]; q++) sigma[byDemandSite[q]] += l;
    }
  };
  /**
   * L at the current λ and σ; fills y (the knapsack answer) and returns L. Only the exact order
   * gives the knapsack's minimum (a valid bound); the approximate one may overshoot K by rounding,
   * which only steers the iterations.
   */
  const evaluate = (lam: Float64Array, exact: boolean): number => {
    let L = 0;
    for (const j of free) if (sigma[j] > 1) L += 1 - sigma[j];
    if (exact || !packed) byRatio.sort((a, b) => lam[a] / weight[a] - lam[b] / weight[b] || a - b);
    else {
      for (let t = 0; t < A; t++) {
        f32[0] = lam[active[t]] / weight[active[t]];
        packed[t] = bits[0] * 1048576 + t;
      }
      packed.sort();
      for (let t = 0; t < A; t++) byRatio[t] = active[packed[t] % 1048576];
    }
    let left = need;
    for (let t = 0; t < A; t++) {
      const i = byRatio[t];
      if (left <= 0) {
        y[i] = 0;
        continue;
      }
      const take = Math.min(1, left / weight[i]);
      y[i] = take;
      left -= take * weight[i];
      L += take * lam[i];
    }
    // left > 0 cannot happen: the caller checked that every coverable point together reaches need.
    return L;
  };
  sigmaFromScratch(lambda);

  // Hot inner loops in small functions, which the JIT optimises within the first iteration.
  /** Point i's multiplier moves from l to v: adjust σ of the sites covering it. */
  const moveLambda = (i: number, l: number, v: number) => {
    lambda[i] = v;
    for (let q = byDemandStart[i]; q < coverEnd[i]; q++) sigma[byDemandSite[q]] += v - l;
  };
  /** Site j enters (want 1) or leaves the relaxation's open set: adjust its points' counts. */
  const flip = (j: number, want: number) => {
    openLR[j] = want;
    const delta = want ? 1 : -1;
    for (let k = siteStart[j]; k < siteStart[j + 1]; k++) {
      const i = siteDemand[k];
      if (isActive[i]) count[i] += delta;
    }
  };

  let best = -Infinity, theta = 2, stall = 0;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const L = evaluate(lambda, false);
    for (const j of free) {
      const want = sigma[j] > 1 ? 1 : 0;
      if (want !== openLR[j]) flip(j, want);
    }
    if (L > best) {
      best = L;
      bestLambda.set(lambda);
      stall = 0;
    } else if (++stall >= PATIENCE) {
      theta /= 2;
      stall = 0;
    }
    if (Math.ceil(best - 1e-6) >= upper || theta < 1e-3) break;
    let norm = 0;
    for (const i of active) {
      const g = y[i] - count[i];
      sub[i] = g;
      norm += g * g;
    }
    if (norm === 0) break;
    const step = (theta * Math.max(upper - L, 1e-3)) / norm;
    for (const i of active) {
      const g = sub[i];
      if (g === 0) continue;
      const l = lambda[i];
      const v = Math.max(0, l + step * g);
      if (v !== l) moveLambda(i, l, v);
    }
  }
  sigmaFromScratch(bestLambda);
  return Math.max(0, Math.ceil(evaluate(bestLambda, true) - 1e-6));
}
