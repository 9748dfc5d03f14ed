import type { CoverageState } from './coverage-state.ts';
import type { PreparedSiting } from './prepare-siting.ts';
import type { SitingProblem } from './siting-problem.ts';

/** Subgradient iterations at most. */
const MAX_ITERATIONS = 100;
/** Halve the step factor after this many iterations without a better bound. */
const PATIENCE = 5;

/**
 * An upper bound on the uncapacitated MCLP optimum by Lagrangian relaxation of the coverage
 * constraints, minimised by subgradient optimisation. Usually far tighter than the submodular
 * "f(S) + best p gains" bound, which it complements (the caller takes the smaller).
 *
 * Model: max Σ_i w_i y_i with y_i ≤ Σ_{free j covering i} x_j, 0 ≤ y_i ≤ 1, exactly p free
 * x_j = 1; demand a fixed site covers is a constant (`base`). Relaxing y_i ≤ Σ x_j with
 * multipliers 0 ≤ λ_i ≤ w_i (persons) gives, for every such λ,
 *   L(λ) = base + Σ_i (w_i − λ_i) + (the p largest σ_j over free j) ≥ optimum,
 *   σ_j = Σ_{i covered by j} λ_i.
 * Subgradient g_i = (relaxation-open sites covering i) − y_i; Polyak steps θ·(L − lower)/‖g‖²
 * with θ from 2, halved after PATIENCE iterations without a better bound. σ and the per-point
 * counts are updated incrementally (a point whose λ moves touches its covering sites; a site
 * entering or leaving the relaxation's open set touches its points), and the returned bound is L
 * recomputed from scratch at the best λ.
 *
 * `state`: coverage lists (the open counts in it are read once: points covered at most once by
 * `open` start at λ = w, others at 0 — the prices a near-optimal answer suggests). `lower`: the
 * heuristic's covered weight.
 */
export function mclpLagrangianBound(
  problem: SitingProblem,
  prepared: PreparedSiting,
  state: CoverageState,
  lower: number,
): number {
  const { matrix, weight, p } = problem;
  const n = matrix.demandCount, m = matrix.siteCount;
  const { byDemandStart, byDemandSite } = matrix;
  const { coverEnd, siteStart, siteDemand } = state;
  const { free, isFixed } = prepared;
  const F = free.length;

  // Points in play: positive weight, no fixed site covering, some free site covering.
  const active = new Uint8Array(n);
  const lambda = new Float64Array(n);
  let base = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    if (!(w > 0) || coverEnd[i] === byDemandStart[i]) continue;
    let byFixed = false;
    for (let q = byDemandStart[i]; q < coverEnd[i] && !byFixed; q++) byFixed = isFixed[byDemandSite[q]] === 1;
    if (byFixed) base += w;
    else {
      active[i] = 1;
      lambda[i] = state.count[i] <= 1 ? w : 0;
    }
  }
  const bestLambda = lambda.slice();
  const sigma = new Float64Array(m);
  const count = new Int32Array(n);
  const openLR = new Uint8Array(m);
  const nextOpen = new Uint8Array(m);
  const sorted = new Float64Array(Math.max(1, F));
  const sub = new Float64Array(n);

  const fromScratch = (lam: Float64Array): number => {
    sigma.fill(0);
    let s = base;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      const l = lam[i];
      s += weight[i] - l;
      if (l === 0) continue;
      for (let q = byDemandStart[i]; q < coverEnd[i]; q++) sigma[byDemandSite[q]] += l;
    }
    return s;
  };
  let sumRest = fromScratch(lambda);

  /** L at the current σ; picks the relaxation's open set (p largest σ, ties by index) into nextOpen. */
  const evaluate = (): number => {
    let L = sumRest;
    for (let k = 0; k < F; k++) sorted[k] = sigma[free[k]];
    sorted.subarray(0, F).sort();
    for (let k = F - 1; k >= F - p; k--) L += sorted[k];
    nextOpen.fill(0);
    if (p > 0) {
      const threshold = sorted[F - p];
      let opened = 0;
      for (let k = 0; k < F; k++) if (sigma[free[k]] > threshold) { nextOpen[free[k]] = 1; opened++; }
      for (let k = 0; k < F && opened < p; k++) if (sigma[free[k]] === threshold && !nextOpen[free[k]]) { nextOpen[free[k]] = 1; opened++; }
    }
    return L;
  };

  // Hot inner loops in small functions, which the JIT optimises within the first iteration.
  /** Point i's multiplier moves from l to v: adjust σ of the free sites covering it. */
  const moveLambda = (i: number, l: number, v: number) => {
    lambda[i] = v;
    sumRest -= v - l;
    for (let q = byDemandStart[i]; q < coverEnd[i]; q++) {
      const j = byDemandSite[q];
      if (!isFixed[j]) sigma[j] += v - l;
    }
  };
  /** Site j enters or leaves the relaxation's open set: adjust its points' counts. */
  const flip = (j: number) => {
    const delta = nextOpen[j] ? 1 : -1;
    openLR[j] = nextOpen[j];
    for (let k = siteStart[j], end = siteStart[j + 1]; k < end; k++) {
      const i = siteDemand[k];
      if (active[i]) count[i] += delta;
    }
  };

  let best = Infinity, theta = 2, stall = 0;
  const tol = 1e-9 * Math.max(1, Math.abs(lower));
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const L = evaluate();
    for (let j = 0; j < m; j++) if (nextOpen[j] !== openLR[j]) flip(j);
    if (L < best) {
      best = L;
      bestLambda.set(lambda);
      stall = 0;
    } else if (++stall >= PATIENCE) {
      theta /= 2;
      stall = 0;
    }
    if (best - lower <= tol || theta < 1e-3) break;

    let norm = 0;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      const y = lambda[i] < weight[i] || count[i] > 0 ? 1 : 0; // at λ = w, y is free: match the cover
      const g = count[i] - y;
      sub[i] = g;
      norm += g * g;
    }
    if (norm === 0) break; // the relaxed answer is feasible and complementary: L is optimal
    const step = (theta * Math.max(L - lower, tol)) / norm;
    for (let i = 0; i < n; i++) {
      if (!active[i] || sub[i] === 0) continue;
      const l = lambda[i];
      const v = Math.min(weight[i], Math.max(0, l - step * sub[i]));
      if (v !== l) moveLambda(i, l, v);
    }
  }
  sumRest = fromScratch(bestLambda);
  return evaluate();
}
