import { BinaryHeap } from '../multi-source-dijkstra.ts';
import { ExchangeHeaps } from './exchange-heaps.ts';
import type { PreparedSiting } from './prepare-siting.ts';
import type { SitingProblem } from './siting-problem.ts';

/** How Dijkstra reached a node (see shortestPath). */
const FROM_SOURCE = 0;
const EXCHANGE = 1;
const SPARE = 2;
const EXIT = 3;
const SOURCE_UNSERVED = 4;

/**
 * The best split assignment of demand to a given set of open sites that each serve at most
 * `capacity` persons: a transportation problem, solved exactly as a min-cost flow.
 *
 * Network: demand i supplies weight_i persons; it may send them along a usable stored pair to an
 * open site j (cost: the pair's metres), or leave them unserved (cost `unservedCost` per person,
 * unlimited); site j passes at most `capacity` on to the sink. Usable pairs are those within
 * radiusM for the coverage models and those cheaper than penaltyM for p-median.
 * - p-median: unservedCost = penaltyM, so the flow minimises Σ w·cost with unserved at the penalty.
 * - MCLP/LSCP: unservedCost = (open sites + 1) × (largest usable cost) + 1 m. An augmenting path
 *   moves each person through each open site at most once, so it costs less than that: the
 *   min-cost flow therefore serves the most weight within the radius (a max flow), and among such
 *   flows walks the least.
 *
 * Algorithm: successive shortest paths, one demand point at a time (the incremental Hungarian
 * method), on the network contracted to the open sites: the path from site a on to site b through
 * a demand point already at a costs the cheapest cost[b] − cost[a] over such points, read off the
 * top of a lazy heap (ExchangeHeaps), so a search never walks the many points a busy site serves.
 * Site potentials keep reduced costs non-negative (demand potentials cancel on a contracted
 * arc); Dijkstra stops when the sink settles and settled sites take potential +dist − dist(sink).
 * Site loads only grow, so no arc out of the sink is ever needed.
 *
 * One instance keeps its work arrays, so repeated solves (greedy and swap search) barely allocate.
 */
export class CapacitatedAssignment {
  /** Per stored pair (position in matrix.byDemand*): persons sent along it. */
  readonly flow: Float64Array;
  /** Per site: persons it serves. */
  readonly load: Float64Array;
  /** Per demand: persons left unserved. */
  readonly unserved: Float64Array;
  /** Per demand: end of its usable prefix in matrix.byDemand* (the lists are sorted by cost). */
  readonly usableEnd: Uint32Array;
  /** After solve: persons served over usable pairs. */
  served = 0;
  /** After solve: Σ persons × metres over served flow. */
  distanceSum = 0;

  private readonly problem: SitingProblem;
  private readonly capacity: number;
  private readonly median: boolean;
  private readonly penaltyM: number;
  /** Largest usable pair cost, m (sets the coverage models' unserved cost). */
  private readonly maxUsableCost: number;
  /** Rounding dust, persons: flow or spare capacity at or below this is treated as none. */
  private readonly tiny: number;
  private readonly pairDemand: Uint32Array;
  private readonly moves: ExchangeHeaps;
  private readonly pot: Float64Array;
  private readonly dist: Float64Array;
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly predSite: Int32Array;
  private readonly predKind: Uint8Array;
  private readonly predRef: Int32Array;
  private readonly settled: Int32Array;
  private readonly heap = new BinaryHeap(64);
  private round = 0;
  private open: Uint8Array = new Uint8Array(0);
  private unservedCost = 0;

  constructor(problem: SitingProblem, prepared: PreparedSiting) {
    const { matrix } = problem;
    const n = matrix.demandCount, m = matrix.siteCount;
    const { byDemandStart, byDemandCost } = matrix;
    this.problem = problem;
    this.capacity = prepared.capacity;
    this.median = problem.model === 'pmedian';
    this.penaltyM = prepared.penaltyM;
    this.tiny = 1e-12 * Math.max(1, prepared.maxWeight);
    const pairs = byDemandCost.length;
    this.flow = new Float64Array(pairs);
    this.load = new Float64Array(m);
    this.unserved = new Float64Array(n);
    this.usableEnd = new Uint32Array(n);
    this.pairDemand = new Uint32Array(pairs);
    let maxUsable = 0;
    for (let i = 0; i < n; i++) {
      let q = byDemandStart[i];
      const end = byDemandStart[i + 1];
      for (; q < end; q++) {
        const c = byDemandCost[q];
        if (this.median ? !(c < this.penaltyM) : !(c <= problem.radiusM)) break;
        if (c > maxUsable) maxUsable = c;
        this.pairDemand[q] = i;
      }
      this.usableEnd[i] = q;
    }
    this.maxUsableCost = maxUsable;
    this.moves = new ExchangeHeaps(m);
    this.pot = new Float64Array(m + 1);
    this.dist = new Float64Array(m + 1);
    this.seen = new Int32Array(m + 1);
    this.done = new Int32Array(m + 1);
    this.predSite = new Int32Array(m + 1);
    this.predKind = new Uint8Array(m + 1);
    this.predRef = new Int32Array(m + 1);
    this.settled = new Int32Array(m + 1);
  }

  /** Solves the assignment for the open sites (open[j] = 1, fixed ones included). */
  solve(open: Uint8Array): void {
    const { matrix, weight } = this.problem;
    const n = matrix.demandCount, m = matrix.siteCount;
    const { byDemandStart, byDemandCost } = matrix;
    const { flow, load, unserved, pot, predSite, predKind, predRef, usableEnd, pairDemand } = this;
    const T = m;
    const cap = this.capacity;
    this.open = open;
    let openCount = 0;
    for (let j = 0; j < m; j++) openCount += open[j];
    this.unservedCost = this.median ? this.penaltyM : (openCount + 1) * this.maxUsableCost + 1;
    flow.fill(0);
    load.fill(0);
    unserved.fill(0);
    pot.fill(0);
    this.moves.reset();

    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (!(w > 0)) continue;
      let remaining = w;
      while (remaining > 0) {
        this.shortestPath(i);
        let delta = remaining;
        for (let v = T; ;) {
          const kind = predKind[v], a = predSite[v], ref = predRef[v];
          if (kind === SPARE) delta = Math.min(delta, cap - load[a]);
          else if (kind === EXCHANGE || kind === EXIT) delta = Math.min(delta, flow[this.moves.from[ref]]);
          if (kind === FROM_SOURCE || kind === SOURCE_UNSERVED) break;
          v = a;
        }
        for (let v = T; ;) {
          const kind = predKind[v], a = predSite[v], ref = predRef[v];
          if (kind === SPARE) load[a] = delta >= cap - load[a] ? cap : load[a] + delta;
          else if (kind === SOURCE_UNSERVED) unserved[i] += delta;
          else if (kind === FROM_SOURCE) this.addFlow(ref, delta);
          else {
            const from = this.moves.from[ref];
            flow[from] = delta >= flow[from] ? 0 : flow[from] - delta;
            if (kind === EXIT) unserved[pairDemand[from]] += delta;
            else this.addFlow(this.moves.to[ref], delta);
          }
          if (kind === FROM_SOURCE || kind === SOURCE_UNSERVED) break;
          v = a;
        }
        remaining = delta >= remaining ? 0 : remaining - delta;
      }
    }

    let served = 0, distanceSum = 0;
    for (let i = 0; i < n; i++) {
      for (let q = byDemandStart[i]; q < usableEnd[i]; q++) {
        const f = flow[q];
        if (f === 0) continue;
        served += f;
        distanceSum += f * byDemandCost[q];
      }
    }
    this.served = served;
    this.distanceSum = distanceSum;
  }

  /** Adds persons to pair q; when it starts carrying flow, its demand's moves away from that site become available. */
  private addFlow(q: number, delta: number): void {
    const { flow, tiny } = this;
    const was = flow[q];
    flow[q] = was + delta;
    if (was > tiny || !(flow[q] > tiny)) return;
    const { byDemandStart, byDemandSite, byDemandCost } = this.problem.matrix;
    const i = this.pairDemand[q];
    const a = byDemandSite[q], c = byDemandCost[q];
    const moves = this.moves;
    for (let q2 = byDemandStart[i], end = this.usableEnd[i]; q2 < end; q2++) {
      const b = byDemandSite[q2];
      if (b === a || !this.open[b]) continue;
      moves.push(moves.heapFor(a, b), byDemandCost[q2] - c, q, q2);
    }
    moves.push(moves.heapFor(a, -1), this.unservedCost - c, q, -1);
  }

  /** Dijkstra on reduced costs from demand `source` over the open sites until the sink settles; leaves the path in pred*. */
  private shortestPath(source: number): void {
    const { byDemandStart, byDemandSite, byDemandCost } = this.problem.matrix;
    const { flow, load, pot, dist, seen, done, predSite, predKind, predRef, settled, heap, tiny, open, moves } = this;
    const T = this.problem.matrix.siteCount;
    const spareLimit = this.capacity - tiny;
    const unservedCost = this.unservedCost;
    const r = ++this.round;
    heap.size = 0;
    const relax = (v: number, nd: number, a: number, kind: number, ref: number) => {
      if (seen[v] !== r) {
        seen[v] = r;
        dist[v] = Infinity;
      }
      if (nd < dist[v] && done[v] !== r) {
        dist[v] = nd;
        predSite[v] = a;
        predKind[v] = kind;
        predRef[v] = ref;
        heap.push(v, nd);
      }
    };
    // The source's potential: the smallest keeping its arcs non-negative.
    const end = this.usableEnd[source];
    let ps = pot[T] - unservedCost;
    for (let q = byDemandStart[source]; q < end; q++) {
      const j = byDemandSite[q];
      if (open[j] && pot[j] - byDemandCost[q] > ps) ps = pot[j] - byDemandCost[q];
    }
    for (let q = byDemandStart[source]; q < end; q++) {
      const j = byDemandSite[q];
      if (!open[j]) continue;
      const rc = byDemandCost[q] + ps - pot[j];
      relax(j, rc > 0 ? rc : 0, -1, FROM_SOURCE, q);
    }
    const rcU = unservedCost + ps - pot[T];
    relax(T, rcU > 0 ? rcU : 0, -1, SOURCE_UNSERVED, -1);

    let settledCount = 0;
    while (heap.size > 0) {
      const d = heap.topKey();
      const a = heap.pop();
      if (done[a] === r || d > dist[a]) continue;
      done[a] = r;
      settled[settledCount++] = a;
      if (a === T) break;
      const pa = pot[a];
      if (load[a] < spareLimit) {
        const rc = pa - pot[T];
        relax(T, d + (rc > 0 ? rc : 0), a, SPARE, -1);
      }
      const list = moves.bySite[a];
      for (let k = 0; k < list.length; k++) {
        const h = list[k];
        const e = moves.top(h, flow, tiny);
        if (e < 0) continue;
        const b = moves.target[h];
        const v = b < 0 ? T : b;
        const rc = moves.key[e] + pa - pot[v];
        relax(v, d + (rc > 0 ? rc : 0), a, b < 0 ? EXIT : EXCHANGE, e);
      }
    }
    const dT = dist[T];
    for (let k = 0; k < settledCount; k++) {
      const s = settled[k];
      pot[s] += dist[s] - dT;
    }
  }
}
