import { CapacitatedSearch } from './capacitated-search.ts';
import { CoverageState } from './coverage-state.ts';
import type { HeuristicOptions } from './heuristic-options.ts';
import { heuristicResult, infeasibleHeuristicResult } from './heuristic-result.ts';
import { fewestLargestReaching } from './largest-values.ts';
import { lscpLagrangianBound } from './lscp-lagrangian-bound.ts';
import { prepareSiting } from './prepare-siting.ts';
import { sitingNow } from './siting-clock.ts';
import { COVERAGE_TOLERANCE, type SitingProblem, type SitingResult } from './siting-problem.ts';


/**
 * Location set covering (LSCP) by greedy + redundancy drop, with a proven lower bound.
 *
 * Greedy opens the site covering the most uncovered weight (ties: lower index) until the covered
 * weight reaches targetCoverage × Σ weight (all demand, reachable or not); then, while possible,
 * closes the selected site whose loss (weight only it covers) is smallest (ties: the latest
 * chosen) if the target still holds.
 *
 * Lower bound: coverage is monotone submodular, so for any open set S ⊇ fixed and any feasible
 * answer O, need ≤ f(O) ≤ f(S) + Σ_{o ∈ O} gain(o | S): |O| is at least the fewest largest
 * gains at S that add up to need − f(S). S = fixed alone gives the textbook bound; we take the
 * largest over every greedy prefix, and the (usually much tighter) Lagrangian bound of
 * lscpLagrangianBound.
 *
 * Capacitated (served weight within radiusM, each open site serving ≤ capacity persons): greedy
 * on served weight (CapacitatedSearch) and the same drop step over full assignment solves. Lower
 * bound: the largest of the uncapacitated bound (capacity only lowers coverage),
 * ⌈(need − served(fixed)) / capacity⌉, and the prefix bound above with each site's gain upper
 * bound (served weight is submodular too).
 *
 * Infeasible when even every site together cannot reach the target; the message says how much
 * weight (and how many points) no site covers within radiusM.
 * objective = number of new sites.
 */
export function solveLscpHeuristic(problem: SitingProblem, options: HeuristicOptions = {}): SitingResult {
  const startedMs = sitingNow();
  if (problem.model !== 'lscp') throw new RangeError(`solveLscpHeuristic needs model 'lscp', got '${problem.model}'`);
  const prepared = prepareSiting(problem);
  const { free, isFixed, siteCount: m, totalWeight: W, capacitated } = prepared;
  const F = free.length;
  const algorithm = capacitated ? 'capacitated-greedy+drop' : 'greedy+drop';
  const progress = options.progress;
  const target = problem.targetCoverage * W - COVERAGE_TOLERANCE * Math.max(W, 1);
  const pct = (x: number) => (W > 0 ? (100 * x) / W : 0).toFixed(2);
  progress?.(0, 'LSCP greedy');

  const state = new CoverageState(problem);
  for (let j = 0; j < m; j++) if (isFixed[j]) state.open(j);
  const reachable = W - state.unreachableWeight;
  const unreachableNote = `${state.unreachableWeight.toFixed(1)} persons at ${state.unreachableCount} demand point(s) have no site (existing or candidate) within ${problem.radiusM} m`;
  if (reachable < target) {
    return infeasibleHeuristicResult(problem, prepared, algorithm,
      `LSCP: the target ${(problem.targetCoverage * 100).toFixed(2)} % of ${W.toFixed(1)} persons cannot be met: ${unreachableNote}, so at most ${reachable.toFixed(1)} persons (${pct(reachable)} %) can be covered`,
      startedMs);
  }
  const fixedCount = state.count.slice();
  const coveredByFixed = state.covered;
  /** The Lagrangian lower bound, given the site count of a solution found (its Polyak target). */
  const lagrangian = (upper: number) =>
    lscpLagrangianBound(problem, prepared, state, fixedCount, target - coveredByFixed, upper);
  const scratch = new Float64Array(Math.max(1, F));
  const gainsOfClosed = (isOpen: Uint8Array) => {
    let c = 0;
    for (let k = 0; k < F; k++) if (!isOpen[free[k]]) scratch[c++] = Math.max(0, state.gain[free[k]]);
    return c;
  };

  if (!capacitated) {
    const isOpen = isFixed.slice();
    let bound = 0;
    const order: number[] = [];
    const tieTol = 1e-12 * Math.max(1, W);
    while (state.covered < target) {
      const c = gainsOfClosed(isOpen);
      bound = Math.max(bound, fewestLargestReaching(scratch, c, target - state.covered));
      let best = -1, bestGain = 0;
      for (let t = 0; t < F; t++) {
        const j = free[t];
        if (!isOpen[j] && state.gain[j] > bestGain + tieTol) {
          best = j;
          bestGain = state.gain[j];
        }
      }
      if (best < 0) break; // unreachable given the check above, up to rounding
      isOpen[best] = 1;
      state.open(best);
      order.push(best);
      if (order.length % 16 === 0) progress?.(0.8 * (state.covered / Math.max(target, 1e-9)), `LSCP greedy: ${order.length} site(s)`);
    }
    progress?.(0.85, 'LSCP dropping redundant sites');
    state.refreshGains();
    for (;;) {
      let drop = -1, dropLoss = Infinity;
      for (let k = order.length - 1; k >= 0; k--) {
        const loss = state.uniqueLoss(order[k]);
        if (loss < dropLoss && state.covered - loss >= target) {
          drop = k;
          dropLoss = loss;
        }
      }
      if (drop < 0) break;
      state.close(order[drop]);
      isOpen[order[drop]] = 0;
      order.splice(drop, 1);
    }
    if (bound < order.length) bound = Math.max(bound, lagrangian(order.length));
    // Marginal gains in the kept order.
    for (const j of order) state.close(j);
    const marginalGain = new Float64Array(order.length);
    for (let k = 0; k < order.length; k++) {
      marginalGain[k] = state.newlyCovered(order[k]);
      state.open(order[k]);
    }
    progress?.(0.95, 'LSCP evaluating');
    return heuristicResult(problem, prepared, { algorithm, selected: Int32Array.from(order), marginalGain, bound, startedMs });
  }

  // Capacitated.
  const cap = prepared.capacity;
  const search = new CapacitatedSearch(problem, prepared);
  const all = isFixed.slice().fill(1);
  const maxServed = search.value(all);
  if (maxServed < target) {
    return infeasibleHeuristicResult(problem, prepared, algorithm,
      `LSCP: the target ${(problem.targetCoverage * 100).toFixed(2)} % of ${W.toFixed(1)} persons cannot be met: with every one of the ${F} candidate site(s) open and at most ${cap} persons per site, at most ${maxServed.toFixed(1)} persons (${pct(maxServed)} %) can be served within ${problem.radiusM} m${state.unreachableCount > 0 ? `; ${unreachableNote}` : ''}`,
      startedMs);
  }
  const open = isFixed.slice();
  const served0 = search.value(open);
  let bound = fewestLargestReaching(scratch, gainsOfClosed(open), target - state.covered);
  if (served0 < target) bound = Math.max(bound, cap > 0 ? Math.ceil((target - served0) / cap - 1e-9) : Infinity);
  const greedy = search.greedy(open, F, (v) => v >= target, (value) => {
    let c = 0;
    for (const j of free) if (!open[j]) scratch[c++] = search.gainUpper[j];
    bound = Math.max(bound, fewestLargestReaching(scratch, c, target - value));
  }, progress && ((f, label) => progress(0.7 * f, label)));
  const order = greedy.order;
  progress?.(0.7, 'LSCP dropping redundant sites');
  for (let dropped = true; dropped;) {
    dropped = false;
    for (let k = order.length - 1; k >= 0; k--) {
      open[order[k]] = 0;
      if (search.value(open) >= target) {
        order.splice(k, 1);
        dropped = true;
        break;
      }
      open[order[k]] = 1;
    }
  }
  if (bound < order.length) bound = Math.max(bound, lagrangian(order.length));
  const marginalGain = search.gainsInOrder(open, order);
  progress?.(0.95, 'LSCP evaluating');
  return heuristicResult(problem, prepared, {
    algorithm, selected: Int32Array.from(order), marginalGain, bound: Math.min(bound, order.length), startedMs, assignment: search.assignment,
  });
}
