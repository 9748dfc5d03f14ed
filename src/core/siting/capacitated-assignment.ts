import { BinaryHeap } from '../multi-source-dijkstra.ts';
import type { PreparedSiting } from './prepare-siting.ts';
import type { SitingProblem } from './siting-problem.ts';

/** predArc codes for the two arc kinds into the sink that are not stored pairs. */
const UNSERVED_ARC = -1;
const SITE_TO_SINK = -2;

/**
 * The best split assignment of demand to a given set of open sites that each serve at most
 * `capacity` persons: a transportation problem, solved exactly as a min-cost flow.
 *
 * Network: demand i supplies weight_i persons; it may send them along a usable stored pair to an
 * open site j (cost: the pair's metres), or leave them unserved (cost `unservedCost` per person,
 * unlimited); site j passes at most `capacity` on to the sink. Usable pairs are those within
 * radiusM for the coverage models and those cheaper than penaltyM for p-median.
 * - p-median: unservedCost = penaltyM, so the flow minimises Σ w·cost with unserved at the penalty.
 * - MCLP/LSCP: unservedCost = (open sites + 1) × (largest usable cost) + 1 m. Any augmenting path
 *   visits each open site at most once, so it costs less than that: the min-cost flow therefore
 *   serves the maximum weight within the radius (a max flow), and among such flows the one with
 *   the least walking.
 *
 * Algorithm: successive shortest paths, one demand point at a time (the incremental form of the
 * Hungarian method). Node potentials keep reduced costs non-negative so each path is a Dijkstra
 * search that stops as soon as the sink is settled; settled nodes then take potential +dist−dist(sink)
 * (a constant shift of all the others does not change reduced costs, so unsettled nodes are left
 * alone). Each new demand point gets the smallest potential that keeps its arcs non-negative.
 * The reverse arc of the unserved arc and sink → site arcs leave the sink, which a path to the sink
 * never uses, so they are not modelled. While capacity is slack a search settles one demand point
 * and one site; congested sites make it walk the demand they already serve.
 *
 * One instance keeps its work arrays, so repeated solves (greedy and swap search) do not allocate.
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
  private readonly intoStart: Uint32Array;
  private readonly into: Uint32Array;
  private readonly pot: Float64Array;
  private readonly dist: Float64Array;
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly predNode: Int32Array;
  private readonly predArc: Int32Array;
  private readonly settled: Int32Array;
  private readonly heap = new BinaryHeap(64);
  private round = 0;

  constructor(problem: SitingProblem, prepared: PreparedSiting) {
    const { matrix } = problem;
    const n = matrix.demandCount, m = matrix.siteCount;
    const { byDemandStart, byDemandSite, byDemandCost } = matrix;
    this.problem = problem;
    this.capacity = prepared.capacity;
    this.median = problem.model === 'pmedian';
    this.penaltyM = prepared.penaltyM;
    this.tiny = 1e-12 * Math.max(1, prepared.maxWeight);
    const pairs = byDemandSite.length;
    this.flow = new Float64Array(pairs);
    this.load = new Float64Array(m);
    this.unserved = new Float64Array(n);
    this.usableEnd = new Uint32Array(n);
    this.pairDemand = new Uint32Array(pairs);
    const intoStart = new Uint32Array(m + 1);
    let maxUsable = 0;
    for (let i = 0; i < n; i++) {
      let q = byDemandStart[i];
      const end = byDemandStart[i + 1];
      for (; q < end; q++) {
        const c = byDemandCost[q];
        if (this.median ? !(c < this.penaltyM) : !(c <= problem.radiusM)) break;
        if (c > maxUsable) maxUsable = c;
        this.pairDemand[q] = i;
        intoStart[byDemandSite[q] + 1]++;
      }
      this.usableEnd[i] = q;
    }
    this.maxUsableCost = maxUsable;
    for (let j = 0; j < m; j++) intoStart[j + 1] += intoStart[j];
    const fill = intoStart.slice(0, m);
    const into = new Uint32Array(intoStart[m]);
    for (let i = 0; i < n; i++) {
      for (let q = byDemandStart[i]; q < this.usableEnd[i]; q++) into[fill[byDemandSite[q]]++] = q;
    }
    this.intoStart = intoStart;
    this.into = into;
    const nodes = n + m + 1;
    this.pot = new Float64Array(nodes);
    this.dist = new Float64Array(nodes);
    this.seen = new Int32Array(nodes);
    this.done = new Int32Array(nodes);
    this.predNode = new Int32Array(nodes);
    this.predArc = new Int32Array(nodes);
    this.settled = new Int32Array(nodes);
  }

  /** Solves the assignment for the open sites (open[j] = 1, fixed ones included). */
  solve(open: Uint8Array): void {
    const { matrix, weight } = this.problem;
    const n = matrix.demandCount, m = matrix.siteCount;
    const { byDemandStart, byDemandSite, byDemandCost } = matrix;
    const { flow, load, unserved, pot, predNode, predArc, usableEnd } = this;
    const T = n + m;
    const cap = this.capacity;
    let openCount = 0;
    for (let j = 0; j < m; j++) openCount += open[j];
    const unservedCost = this.median ? this.penaltyM : (openCount + 1) * this.maxUsableCost + 1;
    flow.fill(0);
    load.fill(0);
    unserved.fill(0);
    pot.fill(0);

    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (!(w > 0)) continue;
      // The smallest potential that keeps every arc out of i at reduced cost ≥ 0.
      let pi = pot[T] - unservedCost;
      for (let q = byDemandStart[i]; q < usableEnd[i]; q++) {
        const j = byDemandSite[q];
        if (!open[j]) continue;
        const v = pot[n + j] - byDemandCost[q];
        if (v > pi) pi = v;
      }
      pot[i] = pi;
      let remaining = w;
      while (remaining > 0) {
        this.shortestPath(i, open, unservedCost);
        let delta = remaining;
        for (let v = T; v !== i; v = predNode[v]) {
          const u = predNode[v], a = predArc[v];
          if (v === T) {
            if (a === SITE_TO_SINK) delta = Math.min(delta, cap - load[u - n]);
          } else if (u >= n) delta = Math.min(delta, flow[a]);
        }
        for (let v = T; v !== i; v = predNode[v]) {
          const u = predNode[v], a = predArc[v];
          if (v === T) {
            if (a === SITE_TO_SINK) {
              const j = u - n;
              load[j] = delta >= cap - load[j] ? cap : load[j] + delta;
            } else unserved[u] += delta;
          } else if (u >= n) flow[a] = delta >= flow[a] ? 0 : flow[a] - delta; // v hands δ at site u over
          else flow[a] += delta;
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

  /** Dijkstra on reduced costs from demand `source` until the sink settles; leaves the path in predNode/predArc. */
  private shortestPath(source: number, open: Uint8Array, unservedCost: number): void {
    const { matrix } = this.problem;
    const n = matrix.demandCount, m = matrix.siteCount;
    const { byDemandStart, byDemandSite, byDemandCost } = matrix;
    const { flow, load, pot, dist, seen, done, predNode, predArc, settled, heap, usableEnd, intoStart, into, pairDemand, tiny } = this;
    const T = n + m;
    const spareLimit = this.capacity - tiny;
    const r = ++this.round;
    heap.size = 0;
    seen[source] = r;
    dist[source] = 0;
    heap.push(source, 0);
    let settledCount = 0;
    const relax = (v: number, nd: number, u: number, a: number) => {
      if (seen[v] !== r) {
        seen[v] = r;
        dist[v] = Infinity;
      }
      if (nd < dist[v] && done[v] !== r) {
        dist[v] = nd;
        predNode[v] = u;
        predArc[v] = a;
        heap.push(v, nd);
      }
    };
    while (heap.size > 0) {
      const d = heap.topKey();
      const u = heap.pop();
      if (done[u] === r || d > dist[u]) continue;
      done[u] = r;
      settled[settledCount++] = u;
      if (u === T) break;
      const pu = pot[u];
      if (u < n) {
        for (let q = byDemandStart[u]; q < usableEnd[u]; q++) {
          const j = byDemandSite[q];
          if (!open[j]) continue;
          const v = n + j;
          const rc = byDemandCost[q] + pu - pot[v];
          relax(v, d + (rc > 0 ? rc : 0), u, q);
        }
        const rc = unservedCost + pu - pot[T];
        relax(T, d + (rc > 0 ? rc : 0), u, UNSERVED_ARC);
      } else {
        const j = u - n;
        if (load[j] < spareLimit) {
          const rc = pu - pot[T];
          relax(T, d + (rc > 0 ? rc : 0), u, SITE_TO_SINK);
        }
        for (let k = intoStart[j], end = intoStart[j + 1]; k < end; k++) {
          const q = into[k];
          if (flow[q] <= tiny) continue;
          const v = pairDemand[q];
          const rc = pu - byDemandCost[q] - pot[v];
          relax(v, d + (rc > 0 ? rc : 0), u, q);
        }
      }
    }
    const dT = dist[T];
    for (let k = 0; k < settledCount; k++) {
      const s = settled[k];
      pot[s] += dist[s] - dT;
    }
  }
}
