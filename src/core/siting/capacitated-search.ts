import { CapacitatedAssignment } from './capacitated-assignment.ts';
import type { PreparedSiting } from './prepare-siting.ts';
import type { SitingProblem, SitingProgress } from './siting-problem.ts';

/** Exactly evaluated candidates per greedy step / per site tried out in a swap pass. */
const GREEDY_TRIES = 4;
const SWAP_TRIES = 3;

/** Assignment solves a capacitated swap phase may spend: about one pass over the p chosen sites. */
export function swapBudget(p: number): number {
  return (SWAP_TRIES + 1) * p + 10;
}

/**
 * Local search for the capacitated models over the exact capacitated objective of an open set,
 * each evaluation one CapacitatedAssignment solve (the expensive part: O(demand) shortest-path
 * searches). The value maximised is
 * - MCLP / LSCP: persons served within radiusM (a max flow);
 * - p-median: persons·m saved against leaving everyone unserved, penaltyM·W − Σ w·cost.
 *
 * To keep the number of solves small, candidates are ranked by a cheap lower bound on their gain
 * read off the current assignment (`proxyGains`: persons that could move to the new site at once,
 * ignoring knock-on moves), and only the best few are solved exactly; `gainUpper` (what the site
 * could carry at most) skips candidates that cannot beat the best gain found.
 */
export class CapacitatedSearch {
  readonly assignment: CapacitatedAssignment;
  /** Per site: an upper bound (any open set) on the value it adds: see the constructor. */
  readonly gainUpper: Float64Array;
  evaluations = 0;
  private readonly problem: SitingProblem;
  private readonly prepared: PreparedSiting;
  private readonly proxy: Float64Array;
  /** Per demand: persons at its dearest option in the current assignment, and that option's cost per person. */
  private readonly movable: Float64Array;
  private readonly dearest: Float64Array;

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
    this.proxy = new Float64Array(m);
    this.movable = new Float64Array(matrix.demandCount);
    this.dearest = new Float64Array(matrix.demandCount);
  }

  /** The value of an open set (see the class comment); leaves its assignment in `assignment`. */
  value(open: Uint8Array): number {
    this.evaluations++;
    const a = this.assignment;
    a.solve(open);
    return this.problem.model === 'pmedian' ? this.prepared.penaltyM * a.served - a.distanceSum : a.served;
  }

  /**
   * Lower bounds on the gain of opening each closed site, from the assignment last solved (which
   * must be that of `open`): coverage — unserved persons it covers, up to capacity; p-median —
   * persons it could take from each point's dearest option (unserved: penaltyM) at the saving
   * dearest − cost, scaled down evenly if they exceed capacity. Both are feasible moves.
   */
  private proxyGains(open: Uint8Array): Float64Array {
    const { matrix, weight } = this.problem;
    const { byDemandStart, byDemandCost, bySiteStart, bySiteDemand, bySiteCost } = matrix;
    const { flow, unserved, usableEnd } = this.assignment;
    const median = this.problem.model === 'pmedian';
    const penalty = this.prepared.penaltyM, cap = this.prepared.capacity;
    const { movable, dearest, proxy } = this;
    for (let i = 0; i < matrix.demandCount; i++) {
      movable[i] = 0;
      dearest[i] = 0;
      if (!(weight[i] > 0)) continue;
      if (unserved[i] > 0) {
        movable[i] = unserved[i];
        dearest[i] = median ? penalty : 1;
      } else if (median) {
        for (let q = usableEnd[i] - 1; q >= byDemandStart[i]; q--) {
          if (flow[q] > 0) {
            movable[i] = flow[q];
            dearest[i] = byDemandCost[q];
            break;
          }
        }
      }
    }
    proxy.fill(0);
    for (const j of this.prepared.free) {
      if (open[j]) continue;
      let amount = 0, value = 0;
      for (let k = bySiteStart[j], end = bySiteStart[j + 1]; k < end; k++) {
        const i = bySiteDemand[k], c = bySiteCost[k];
        if (movable[i] === 0 || (median ? !(c < dearest[i]) : !(c <= this.problem.radiusM))) continue;
        amount += movable[i];
        value += movable[i] * (median ? dearest[i] - c : 1);
      }
      proxy[j] = amount > cap ? (value * cap) / amount : value;
    }
    return proxy;
  }

  /** Closed free sites by proxy gain, best first (ties: gainUpper, then index). */
  private ranked(open: Uint8Array): Int32Array {
    const proxy = this.proxyGains(open);
    const list = Int32Array.from(this.prepared.free.filter((j) => !open[j]));
    return list.sort((a, b) => proxy[b] - proxy[a] || this.gainUpper[b] - this.gainUpper[a] || a - b);
  }

  /**
   * Greedy: opens up to `maxCount` free sites one at a time, each the best of the GREEDY_TRIES
   * candidates with the largest proxy gain, measured exactly (a candidate whose gainUpper cannot
   * beat the best so far is skipped), stopping early once `reached(value)` holds.
   * Before each step `atPrefix(value)` sees the current value. Opens the chosen sites in `open`
   * and returns them in order.
   */
  greedy(
    open: Uint8Array,
    maxCount: number,
    reached: ((value: number) => boolean) | null,
    atPrefix: ((value: number) => void) | null,
    progress?: SitingProgress,
  ): { order: number[]; value: number } {
    let value = this.value(open);
    const order: number[] = [];
    while (order.length < maxCount) {
      if (reached?.(value)) break;
      atPrefix?.(value);
      const candidates = this.ranked(open);
      if (candidates.length === 0) break;
      let best = -1, bestValue = -Infinity, tried = 0, lastSolved = -1;
      for (const j of candidates) {
        if (tried >= GREEDY_TRIES) break;
        if (best >= 0 && this.gainUpper[j] <= bestValue - value) continue; // cannot beat the best
        open[j] = 1;
        const v = this.value(open);
        open[j] = 0;
        tried++;
        lastSolved = j;
        if (v > bestValue) {
          best = j;
          bestValue = v;
        }
      }
      open[best] = 1;
      order.push(best);
      value = bestValue;
      if (lastSolved !== best) this.value(open); // leave the chosen set's assignment for the next proxies
      progress?.(Math.min(1, order.length / Math.max(1, maxCount)), `capacitated greedy: ${order.length} site(s)`);
    }
    atPrefix?.(value);
    return { order, value };
  }

  /**
   * Swaps: for each chosen site in turn, close it and try the SWAP_TRIES closed sites with the
   * largest proxy gain in its place, keeping the first that raises the value; passes repeat until
   * none helps or `budget` solves are spent. `order` is updated in place (a swapped-in site goes
   * to the end). Returns the final value.
   */
  swap(open: Uint8Array, order: number[], value: number, budget: number, progress?: SitingProgress): number {
    const tol = 1e-10 * Math.max(1, Math.abs(value));
    const start = this.evaluations;
    let improved = true;
    while (improved && this.evaluations - start < budget) {
      improved = false;
      for (let s = 0; s < order.length && this.evaluations - start < budget; s++) {
        const out = order[s];
        open[out] = 0;
        this.value(open);
        const candidates = this.ranked(open);
        let accepted = -1;
        for (let t = 0, tried = 0; t < candidates.length && tried < SWAP_TRIES; t++) {
          const j = candidates[t];
          if (j === out) continue;
          tried++;
          open[j] = 1;
          const v = this.value(open);
          if (v > value + tol) {
            value = v;
            accepted = j;
            break;
          }
          open[j] = 0;
        }
        if (accepted < 0) {
          open[out] = 1;
          continue;
        }
        order.splice(s, 1);
        order.push(accepted);
        s--;
        improved = true;
        progress?.(Math.min(1, (this.evaluations - start) / budget), `capacitated swap: ${this.evaluations - start} evaluation(s)`);
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
