import { CapacitatedSearch, swapBudget } from './capacitated-search.ts';
import { CoverageState } from './coverage-state.ts';
import type { HeuristicOptions } from './heuristic-options.ts';
import { heuristicResult, infeasibleHeuristicResult } from './heuristic-result.ts';
import { sumOfLargest } from './largest-values.ts';
import { mclpLagrangianBound } from './mclp-lagrangian-bound.ts';
import { prepareSiting, type PreparedSiting } from './prepare-siting.ts';
import { sitingNow } from './siting-clock.ts';
import type { SitingProblem, SitingProgress, SitingResult } from './siting-problem.ts';

/**
 * Maximal covering location (MCLP) by greedy + swap, with a proven upper bound.
 *
 * Uncapacitated: greedy opens the site covering the most not-yet-covered weight (ties: lower
 * index). Gains are kept exact as points become covered (CoverageState), which costs O(pairs)
 * over the whole run, less than lazy (CELF) re-evaluation, and yields every site's exact gain at
 * every step for the bound. Then best-improvement swaps: closing s and opening j changes coverage
 * by gain(j) − loss(s) + (weight only s covers that j also covers); one pass measures every (j, s)
 * pair in one sweep of each j's coverage list (only points covered exactly once involve an s),
 * and skips any j whose gain cannot beat the best swap found (the correction never exceeds loss(s)).
 *
 * Bound: coverage is monotone submodular, so for ANY open set S ⊇ fixed,
 * OPT ≤ f(S ∪ O*) ≤ f(S) + Σ_{o ∈ O*} gain(o | S) ≤ f(S) + (sum of the p largest gains at S).
 * We take the minimum over every greedy prefix, every swap pass and the final set, the weight any
 * site covers at all, and the (usually much tighter) Lagrangian bound of mclpLagrangianBound.
 *
 * Capacitated: the uncapacitated answer, evaluated with capacity, is kept when capacity costs it
 * nothing; otherwise a greedy and swaps over the served weight (CapacitatedSearch) compete with
 * it. Bound: the smallest of the uncapacitated bound (capacity only lowers coverage),
 * served(fixed) + p × capacity, and served(S) + the p largest per-site gain upper bounds at every
 * greedy prefix (served weight is submodular: a max flow into the open sites is the convolution
 * of a coverage function with capacity × count).
 *
 * p > free sites → 'infeasible' (the CLI treats "p larger than the number of candidates" as such).
 */
export function solveMclpHeuristic(problem: SitingProblem, options: HeuristicOptions = {}): SitingResult {
  const startedMs = sitingNow();
  if (problem.model !== 'mclp') throw new RangeError(`solveMclpHeuristic needs model 'mclp', got '${problem.model}'`);
  const prepared = prepareSiting(problem);
  const F = prepared.free.length, p = problem.p;
  const capacitated = prepared.capacitated;
  const algorithm = capacitated ? 'capacitated-greedy+swap' : 'greedy+swap';
  if (p > F) {
    return infeasibleHeuristicResult(problem, prepared, algorithm, `MCLP: p = ${p} new sites requested but only ${F} candidate site(s) are free`, startedMs);
  }
  const progress = options.progress;
  progress?.(0, 'MCLP greedy');
  const uncapacitated = uncapacitatedMclp(problem, prepared, progress, capacitated ? 0.3 : 0.95);
  if (!capacitated) {
    progress?.(0.95, 'MCLP evaluating');
    return heuristicResult(problem, prepared, {
      algorithm, selected: uncapacitated.order, marginalGain: uncapacitated.gains, bound: uncapacitated.bound,
      onlyFeasible: p === 0 || p === F, startedMs,
    });
  }

  const search = new CapacitatedSearch(problem, prepared);
  const open = prepared.isFixed.slice();
  for (const j of uncapacitated.order) open[j] = 1;
  let order = Array.from(uncapacitated.order);
  let value = search.value(open);
  let bound = Math.min(uncapacitated.bound, search.value(prepared.isFixed.slice()) + p * prepared.capacity);
  // Capacity only lowers coverage, so when the uncapacitated answer loses nothing to it, no open
  // set does better than it relative to the uncapacitated bound: keep it.
  if (value < uncapacitated.objective - 1e-9 * Math.max(1, uncapacitated.objective)) {
    const scratch = new Float64Array(F);
    const trial = prepared.isFixed.slice();
    const greedy = search.greedy(trial, p, null, (v) => {
      // served(S) + the p largest gain upper bounds of closed sites (submodularity of served weight).
      let c = 0;
      for (const j of prepared.free) if (!trial[j]) scratch[c++] = search.gainUpper[j];
      bound = Math.min(bound, v + sumOfLargest(scratch, c, p));
    }, progress && ((f, label) => progress(0.3 + 0.3 * f, label)));
    if (greedy.value > value) {
      order = greedy.order;
      value = greedy.value;
      open.set(trial);
    }
    progress?.(0.6, 'MCLP capacitated swaps');
    value = search.swap(open, order, value, swapBudget(p), progress && ((f, label) => progress(0.6 + 0.3 * f, label)));
  }
  const marginalGain = search.gainsInOrder(open, order);
  progress?.(0.95, 'MCLP evaluating');
  return heuristicResult(problem, prepared, {
    algorithm, selected: Int32Array.from(order), marginalGain, bound,
    onlyFeasible: p === 0 || p === F, startedMs, assignment: search.assignment,
  });
}

interface McLpCore {
  order: Int32Array;
  gains: Float64Array;
  /** Covered weight of the final set, persons. */
  objective: number;
  bound: number;
}

/** The uncapacitated greedy + swap with its bound (see solveMclpHeuristic). */
function uncapacitatedMclp(problem: SitingProblem, prepared: PreparedSiting, progress: SitingProgress | undefined, share: number): McLpCore {
  const { weight } = problem;
  const { free, isFixed, siteCount: m, totalWeight } = prepared;
  const F = free.length, p = problem.p;
  const state = new CoverageState(problem);
  const { gain, count, owner, siteStart, siteDemand } = state;
  const isOpen = isFixed.slice();
  for (let j = 0; j < m; j++) if (isFixed[j]) state.open(j);
  const scratch = new Float64Array(F);
  let bound = totalWeight - state.unreachableWeight;
  const boundHere = () => {
    let c = 0;
    for (let k = 0; k < F; k++) {
      const j = free[k];
      if (!isOpen[j]) scratch[c++] = Math.max(0, gain[j]);
    }
    bound = Math.min(bound, state.covered + sumOfLargest(scratch, c, p));
  };
  // Gains are running sums: treat differences below this as ties (persons).
  const tieTol = 1e-12 * Math.max(1, totalWeight);

  const order = new Int32Array(p);
  const every = Math.max(1, Math.ceil(p / 20));
  for (let k = 0; k < p; k++) {
    boundHere();
    let best = -1, bestGain = -Infinity;
    for (let t = 0; t < F; t++) {
      const j = free[t];
      if (isOpen[j]) continue;
      if (gain[j] > bestGain + tieTol) {
        best = j;
        bestGain = gain[j];
      }
    }
    isOpen[best] = 1;
    state.open(best);
    order[k] = best;
    if (progress && k % every === 0) progress((share * 0.5 * (k + 1)) / p, `MCLP greedy: ${k + 1} of ${p} sites`);
  }

  // Best-improvement swaps.
  if (p > 0 && p < F) {
    const slotOf = new Int32Array(m).fill(-1);
    for (let k = 0; k < p; k++) slotOf[order[k]] = k;
    const loss = new Float64Array(p), common = new Float64Array(p);
    const touched = new Int32Array(p);
    const candidates = new Int32Array(F);
    const swapTol = 1e-10 * Math.max(1, totalWeight);
    const n = count.length;
    for (let pass = 0; pass < 50 * p + 100; pass++) {
      boundHere();
      loss.fill(0);
      for (let i = 0; i < n; i++) {
        if (count[i] !== 1) continue;
        const s = slotOf[owner[i]];
        if (s >= 0) loss[s] += weight[i];
      }
      let c = 0;
      for (let t = 0; t < F; t++) {
        const j = free[t];
        if (!isOpen[j] && gain[j] > swapTol) candidates[c++] = j;
      }
      candidates.subarray(0, c).sort((a, b) => gain[b] - gain[a] || a - b);
      let bestProfit = swapTol, bestIn = -1, bestOut = -1;
      for (let t = 0; t < c; t++) {
        const j = candidates[t];
        const g = gain[j];
        if (g <= bestProfit) break; // profit(j, s) ≤ gain(j) for every s
        let nt = 0;
        for (let k = siteStart[j], end = siteStart[j + 1]; k < end; k++) {
          const i = siteDemand[k];
          if (count[i] !== 1) continue;
          const s = slotOf[owner[i]];
          if (s < 0) continue;
          if (common[s] === 0) touched[nt++] = s;
          common[s] += weight[i];
        }
        for (let s = 0; s < p; s++) {
          const profit = g - loss[s] + common[s];
          if (profit > bestProfit) {
            bestProfit = profit;
            bestIn = j;
            bestOut = s;
          }
        }
        for (let u = 0; u < nt; u++) common[touched[u]] = 0;
      }
      if (bestIn < 0) break;
      const out = order[bestOut];
      state.close(out);
      isOpen[out] = 0;
      slotOf[out] = -1;
      state.open(bestIn);
      isOpen[bestIn] = 1;
      // Selection order: the kept sites in their order, the new one last.
      for (let k = bestOut; k < p - 1; k++) {
        order[k] = order[k + 1];
        slotOf[order[k]] = k;
      }
      order[p - 1] = bestIn;
      slotOf[bestIn] = p - 1;
      progress?.(share * 0.75, `MCLP swaps: ${pass + 1}`);
    }
  }
  state.refreshGains();
  const objective = state.covered;
  boundHere();
  if (p > 0 && p < F && bound > state.covered) bound = Math.min(bound, mclpLagrangianBound(problem, prepared, state, state.covered));

  // Marginal gains in selection order on the final set: close them all, reopen one by one.
  for (let k = 0; k < p; k++) state.close(order[k]);
  const gains = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    gains[k] = state.newlyCovered(order[k]);
    state.open(order[k]);
  }
  return { order, gains, objective, bound };
}
