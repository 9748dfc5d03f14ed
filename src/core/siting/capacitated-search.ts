import { CapacitatedAssignment } from './capacitated-assignment.ts';
import { GainHeap } from './gain-heap.ts';
import type { PreparedSiting } from './prepare-siting.ts';
import type { SitingProblem, SitingProgress } from './siting-problem.ts';

/**
 * Local search for the capacitated models over the exact capacitated objective of an open set,
 * each evaluation one CapacitatedAssignment solve. The value maximised is
 * - MCLP / LSCP: persons served within radiusM (a max flow);
 * - p-median: persons·m saved against leaving everyone unserved, penaltyM·W − Σ w·cost.
 * Both are monotone submodular in the open set: served weight is a max flow into the open sites,
 * i.e. min over X ⊆ open of capacity·|X| + (weight with a covering site in open∖X), the
 * convolution of a coverage function with a modular one; the savings are an assignment
 * (transportation) valuation. So stale marginal gains stay upper bounds, which is what lazy
 * greedy and the prefix bounds below rely on.
 */
export class CapacitatedSearch {
  readonly assignment: CapacitatedAssignment;
  /** Per site: an upper bound (any open set) on the value it adds: see the constructor. */
  readonly gainUpper: Float64Array;
  evaluations = 0;
  private readonly problem: SitingProblem;
  private readonly prepared: PreparedSiting;

  constructor(problem: SitingProblem, prepared: PreparedSiting) {
    this.problem = problem;
    this.prepared = prepared;
    this.assignment = new CapacitatedAssignment(problem, prepared);
    // Opening j adds at most what flows through j in the best assignment with j open (take that
    // flow away and the rest is feasible without j): at most `capacity` persons from demand it
    // can serve, each worth 1 (coverage) or penaltyM − cost (p-median) — a fractional knapsack,
    // filled nearest first.
    const { matrix, weight } = problem;
    const m = matrix.siteCount;
    const { bySiteStart, bySiteDemand, bySiteCost } = matrix;
    const median = problem.model === 'pmedian';
    const cap = prepared.capacity, penalty = prepared.penaltyM;
    this.gainUpper = new Float64Array(m);
    const order = new Int32Array(matrix.bySiteDemand.length);
    for (let j = 0; j < m; j++) {
      const start = bySiteStart[j], end = bySiteStart[j + 1];
      let count = 0;
      for (let k = start; k < end; k++) {
        const c = bySiteCost[k];
        if ((median ? c < penalty : c <= problem.radiusM) && weight[bySiteDemand[k]] > 0) order[count++] = k;
      }
      const list = order.subarray(0, count);
      if (median) list.sort((a, b) => bySiteCost[a] - bySiteCost[b]);
      let left = cap, value = 0;
      for (let t = 0; t < count && left > 0; t++) {
        const k = list[t];
        const take = Math.min(left, weight[bySiteDemand[k]]);
        left -= take;
        value += take * (median ? penalty - bySiteCost[k] : 1);
      }
      this.gainUpper[j] = value;
    }
  }

  /** The value of an open set (see the class comment). */
  value(open: Uint8Array): number {
    this.evaluations++;
    const a = this.assignment;
    a.solve(open);
    return this.problem.model === 'pmedian' ? this.prepared.penaltyM * a.served - a.distanceSum : a.served;
  }

  /**
   * Lazy greedy (CELF): opens up to `maxCount` free sites one at a time, each the one adding most
   * value (ties: lower index), stopping early once `reached(value)` holds. Keys in the heap are
   * the last measured gains, which bound the current ones from above (submodularity), so only the
   * top site is re-measured until it is measured at the current set. Before each step
   * `atPrefix(value, heap)` sees the current value and those upper bounds (for bounds).
   * Opens the chosen sites in `open` and returns them in order.
   */
  lazyGreedy(
    open: Uint8Array,
    maxCount: number,
    reached: ((value: number) => boolean) | null,
    atPrefix: ((value: number, heap: GainHeap) => void) | null,
    progress?: SitingProgress,
  ): { order: number[]; value: number } {
    const { free } = this.prepared;
    const heap = new GainHeap(free.length);
    for (const j of free) if (!open[j]) heap.push(j, this.gainUpper[j]);
    const measuredAt = new Int32Array(this.prepared.siteCount).fill(-1);
    const valueWith = new Float64Array(this.prepared.siteCount);
    let value = this.value(open);
    const order: number[] = [];
    while (order.length < maxCount && heap.size > 0) {
      if (reached?.(value)) break;
      atPrefix?.(value, heap);
      const step = order.length;
      for (;;) {
        const j = heap.topSite();
        if (measuredAt[j] === step) break;
        open[j] = 1;
        const v = this.value(open);
        open[j] = 0;
        measuredAt[j] = step;
        valueWith[j] = v;
        heap.replaceTopKey(Math.max(0, v - value));
      }
      const j = heap.pop();
      open[j] = 1;
      value = valueWith[j];
      order.push(j);
      progress?.(Math.min(1, order.length / Math.max(1, maxCount)), `capacitated greedy: ${order.length} site(s)`);
    }
    atPrefix?.(value, heap);
    return { order, value };
  }

  /**
   * First-improvement swaps: replace a chosen site by a closed free one (candidates tried in
   * descending gainUpper) whenever that raises the value, until no swap helps or `budget`
   * evaluations are spent (each is a full assignment solve, so the neighbourhood p × free sites
   * is only searched exhaustively on small instances). `order` is updated in place: a swapped-in
   * site goes to the end. Returns the final value.
   */
  swap(open: Uint8Array, order: number[], value: number, budget: number, progress?: SitingProgress): number {
    const { free } = this.prepared;
    const candidates = Int32Array.from(free).sort((a, b) => this.gainUpper[b] - this.gainUpper[a] || a - b);
    const tol = 1e-10 * Math.max(1, Math.abs(value));
    let spent = 0;
    let improved = true;
    while (improved && spent < budget) {
      improved = false;
      search: for (let s = 0; s < order.length; s++) {
        const out = order[s];
        for (const j of candidates) {
          if (open[j]) continue;
          open[out] = 0;
          open[j] = 1;
          const v = this.value(open);
          spent++;
          if (v > value + tol) {
            value = v;
            order.splice(s, 1);
            order.push(j);
            improved = true;
            progress?.(Math.min(1, spent / budget), `capacitated swap: ${spent} evaluation(s)`);
            break search;
          }
          open[j] = 0;
          open[out] = 1;
          if (spent >= budget) break search;
        }
      }
    }
    return value;
  }

  /** Value gained by each site of `order` when opened in that order after the sites already open. */
  gainsInOrder(open: Uint8Array, order: ArrayLike<number>): Float64Array {
    const gains = new Float64Array(order.length);
    const trial = open.slice();
    for (let k = 0; k < order.length; k++) trial[order[k]] = 0;
    let before = this.value(trial);
    for (let k = 0; k < order.length; k++) {
      trial[order[k]] = 1;
      const after = this.value(trial);
      gains[k] = after - before;
      before = after;
    }
    return gains;
  }
}
