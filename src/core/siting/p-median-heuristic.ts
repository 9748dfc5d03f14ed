import { CapacitatedSearch, swapBudget } from './capacitated-search.ts';
import { GainHeap } from './gain-heap.ts';
import type { HeuristicOptions } from './heuristic-options.ts';
import { heuristicResult, infeasibleHeuristicResult } from './heuristic-result.ts';
import { pMedianLagrangianBound } from './p-median-lagrangian-bound.ts';
import { PMedianState } from './p-median-state.ts';
import { prepareSiting, type PreparedSiting } from './prepare-siting.ts';
import { sitingNow } from './siting-clock.ts';
import type { SitingProblem, SitingProgress, SitingResult } from './siting-problem.ts';

/**
 * p-median by greedy + fast interchange, with a Lagrangian lower bound.
 *
 * Uncapacitated: lazy greedy (CELF; the saving Σ w·max(0, d1 − c) of a site only shrinks as
 * others open) opens p free sites, each cutting Σ w·min(cost, penaltyM) the most (ties: lower
 * index). Then Whitaker's fast interchange, best improvement per pass (Resende & Werneck's
 * formulation): with d1/d2 the costs to the nearest and second-nearest open site,
 *   profit(in, out) = gain(in) − loss(out) + extra(in, out),
 *   gain(in)  = Σ_i w_i max(0, d1_i − c_i,in),
 *   loss(out) = Σ_{i: nearest is out} w_i (d2_i − d1_i),
 *   extra(in, out) = Σ_{i: nearest is out, c_i,in < d2_i} w_i (d2_i − max(d1_i, c_i,in)),
 * all from one sweep of each point's sites cheaper than d2 (a short prefix of its sorted list).
 * Bound: pMedianLagrangianBound, started from prices midway between each point's nearest and
 * second-nearest open site.
 *
 * Capacitated (split assignment, unserved at penaltyM): the uncapacitated answer is kept when
 * capacity costs it nothing; otherwise a greedy and swaps over the min-cost-flow cost
 * (CapacitatedSearch) compete with it. Bound: the uncapacitated Lagrangian bound (capacity can
 * only raise the cost).
 *
 * p > free sites → 'infeasible'. marginalGain = cost reduction (persons·m) in selection order.
 */
export function solvePMedianHeuristic(problem: SitingProblem, options: HeuristicOptions = {}): SitingResult {
  const startedMs = sitingNow();
  if (problem.model !== 'pmedian') throw new RangeError(`solvePMedianHeuristic needs model 'pmedian', got '${problem.model}'`);
  const prepared = prepareSiting(problem);
  const F = prepared.free.length, p = problem.p;
  const capacitated = prepared.capacitated;
  const algorithm = capacitated ? 'capacitated-greedy+swap' : 'lazy-greedy+fast-interchange';
  if (p > F) {
    return infeasibleHeuristicResult(problem, prepared, algorithm, `p-median: p = ${p} new sites requested but only ${F} candidate site(s) are free`, startedMs);
  }
  const progress = options.progress;
  const onlyFeasible = p === 0 || p === F;
  progress?.(0, 'p-median greedy');
  const core = uncapacitatedPMedian(problem, prepared, progress);
  progress?.(0.3, 'p-median lower bound');
  let bound = -Infinity;
  if (!onlyFeasible) {
    const { d1, d2 } = core.state;
    const startPrice = new Float64Array(d1.length);
    for (let i = 0; i < d1.length; i++) startPrice[i] = (d1[i] + d2[i]) / 2;
    bound = pMedianLagrangianBound(problem, prepared, core.state.usableEnd, core.cost, startPrice, progress && ((f, label) => progress(0.3 + 0.3 * f, label)));
  }
  if (!capacitated) {
    progress?.(0.95, 'p-median evaluating');
    return heuristicResult(problem, prepared, { algorithm, selected: core.order, marginalGain: core.gains, bound, onlyFeasible, startedMs });
  }

  const search = new CapacitatedSearch(problem, prepared);
  const open = prepared.isFixed.slice();
  for (const j of core.order) open[j] = 1;
  let order = Array.from(core.order);
  let value = search.value(open);
  // Capacity only raises the cost: when the uncapacitated answer loses nothing to it, keep it.
  const uncapacitatedSaving = prepared.penaltyM * prepared.totalWeight - core.cost;
  if (value < uncapacitatedSaving - 1e-9 * Math.max(1, Math.abs(uncapacitatedSaving))) {
    const trial = prepared.isFixed.slice();
    const greedy = search.greedy(trial, p, null, null, progress && ((f, label) => progress(0.6 + 0.15 * f, label)));
    if (greedy.value > value) {
      order = greedy.order;
      value = greedy.value;
      open.set(trial);
    }
    progress?.(0.75, 'p-median capacitated swaps');
    search.swap(open, order, value, swapBudget(p), progress && ((f, label) => progress(0.75 + 0.2 * f, label)));
  }
  const marginalGain = search.gainsInOrder(open, order);
  progress?.(0.95, 'p-median evaluating');
  return heuristicResult(problem, prepared, {
    algorithm, selected: Int32Array.from(order), marginalGain, bound, onlyFeasible, startedMs, assignment: search.assignment,
  });
}

interface PMedianCore {
  order: Int32Array;
  gains: Float64Array;
  cost: number;
  state: PMedianState;
}

/** Uncapacitated lazy greedy + fast interchange (see solvePMedianHeuristic). */
function uncapacitatedPMedian(problem: SitingProblem, prepared: PreparedSiting, progress: SitingProgress | undefined): PMedianCore {
  const { weight, matrix } = problem;
  const { byDemandStart, byDemandSite, byDemandCost, bySiteStart, bySiteDemand } = matrix;
  const { free, isFixed, siteCount: m } = prepared;
  const n = matrix.demandCount;
  const F = free.length, p = problem.p;
  const state = new PMedianState(problem, prepared);
  for (let j = 0; j < m; j++) if (isFixed[j]) state.openSite(j);
  const { open, d1, d2, n1, usableEnd } = state;

  // Lazy greedy.
  const heap = new GainHeap(F);
  for (const j of free) heap.push(j, state.gainOf(j));
  const measuredAt = new Int32Array(m).fill(-1);
  const order = new Int32Array(p);
  for (let k = 0; k < p; k++) {
    for (;;) {
      const j = heap.topSite();
      if (k === 0 || measuredAt[j] === k) break; // step 0: keys are exact
      measuredAt[j] = k;
      heap.replaceTopKey(state.gainOf(j));
    }
    const j = heap.pop();
    state.openSite(j);
    order[k] = j;
    if (progress && k % Math.max(1, Math.ceil(p / 10)) === 0) progress((0.15 * (k + 1)) / p, `p-median greedy: ${k + 1} of ${p} sites`);
  }

  // Fast interchange, best improvement per pass.
  let cost = state.cost();
  const moved = new Int32Array(p); // per slot: 0 = greedy's site, else the swap that brought its site
  let swaps = 0;
  if (p > 0 && p < F) {
    const slotOf = new Int32Array(m).fill(-1);
    for (let k = 0; k < p; k++) slotOf[order[k]] = k;
    const rank = new Int32Array(m).fill(-1);
    for (let k = 0; k < F; k++) rank[free[k]] = k;
    const gainIn = new Float64Array(m);
    const loss = new Float64Array(p);
    const extra = new Float64Array(F * p);
    /** Adds (sign 1) or removes (−1) demand i's terms of gain, loss and extra under the current state. */
    const contribute = (i: number, sign: number) => {
      const w = sign * weight[i];
      if (w === 0) return;
      const a = d1[i], b = d2[i];
      const s = n1[i] >= 0 ? slotOf[n1[i]] : -1;
      if (s >= 0) loss[s] += w * (b - a);
      for (let q = byDemandStart[i], end = usableEnd[i]; q < end; q++) {
        const c = byDemandCost[q];
        if (c >= b) break;
        const j = byDemandSite[q];
        if (open[j]) continue;
        if (c < a) gainIn[j] += w * (a - c);
        if (s >= 0) extra[rank[j] * p + s] += w * (b - (c > a ? c : a));
      }
    };
    const recomputeAll = () => {
      gainIn.fill(0);
      loss.fill(0);
      extra.fill(0);
      for (let i = 0; i < n; i++) if (weight[i] > 0) contribute(i, 1);
    };
    const touchedAt = new Int32Array(n).fill(-1);
    const touched = new Int32Array(n);
    recomputeAll();
    let fresh = true; // gain/loss/extra summed from scratch (no running-sum rounding)
    for (let pass = 0; pass < 50 * p + 100; pass++) {
      let bestProfit = 1e-10 * Math.max(1, cost), bestIn = -1, bestOut = -1;
      for (let t = 0; t < F; t++) {
        const j = free[t];
        const g = gainIn[j];
        if (open[j] || g <= bestProfit) continue; // extra(in, out) ≤ loss(out): profit ≤ gain(in)
        const row = t * p;
        for (let s = 0; s < p; s++) {
          const profit = g - loss[s] + extra[row + s];
          if (profit > bestProfit) {
            bestProfit = profit;
            bestIn = j;
            bestOut = s;
          }
        }
      }
      if (bestIn < 0) {
        if (fresh) break;
        recomputeAll(); // confirm the local optimum without accumulated rounding
        fresh = true;
        continue;
      }
      // Only points with the swapped sites in their lists change their terms: take those out,
      // swap (the new site takes the old one's slot), put them back.
      const out = order[bestOut];
      let count = 0;
      for (const j of [out, bestIn]) {
        for (let k = bySiteStart[j], end = bySiteStart[j + 1]; k < end; k++) {
          const i = bySiteDemand[k];
          if (touchedAt[i] === pass || !(weight[i] > 0)) continue;
          touchedAt[i] = pass;
          touched[count++] = i;
          contribute(i, -1);
        }
      }
      state.closeSite(out);
      slotOf[out] = -1;
      state.openSite(bestIn);
      slotOf[bestIn] = bestOut;
      order[bestOut] = bestIn;
      moved[bestOut] = ++swaps;
      for (let k = 0; k < count; k++) contribute(touched[k], 1);
      fresh = false;
      cost = state.cost();
      progress?.(0.2, `p-median swaps: ${swaps}`);
    }
  }
  // Selection order: kept sites in greedy order, then swapped-in ones in the order they came.
  const slots = Array.from({ length: p }, (_, k) => k).sort((a, b) => moved[a] - moved[b] || a - b);
  const finalOrder = Int32Array.from(slots, (k) => order[k]);
  order.set(finalOrder);

  // Cost reductions in selection order on the final set.
  for (let k = 0; k < p; k++) state.closeSite(order[k]);
  const gains = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    gains[k] = state.gainOf(order[k]);
    state.openSite(order[k]);
  }
  return { order, gains, cost: state.cost(), state };
}
