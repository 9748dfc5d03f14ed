import { chainSnapsOf, contractedGraphOf } from '../chain-snaps.ts';
import { BinaryHeap } from '../multi-source-dijkstra.ts';
import type { Snaps } from '../snap-to-network.ts';
import type { WalkGraph } from '../walk-graph.ts';
import { costMatrixFromTriples, type CostMatrix } from './cost-matrix.ts';

/**
 * Walking cost (m) between every demand point and every site within `limitM`, by one bounded
 * Dijkstra per site over the contracted graph. The cost has the same definition as the nearest-
 * facility distances (docs/analysis-flow.md): site connector leg + shortest path between the two
 * snap points + demand connector leg. Off-network demand or sites get no pairs.
 * `progress(doneSites, siteCount)` is called every few sites and may throw to cancel.
 */
export function networkCostMatrix(
  graph: WalkGraph,
  demandSnaps: Snaps,
  siteSnaps: Snaps,
  limitM: number,
  progress?: (done: number, total: number) => void,
): CostMatrix {
  const { cg } = contractedGraphOf(graph);
  const d = chainSnapsOf(graph, demandSnaps);
  const s = chainSnapsOf(graph, siteSnaps, false);
  const { chainA, chainB, chainLength, chainCount, nodeCount, adjOffsets, adjNode, adjLength } = cg;
  const nd = d.chain.length;
  const ns = s.chain.length;

  // Demand points grouped by chain, and chains grouped by end junction, so that a settled junction
  // hands its distance straight to the demand on the chains that leave it.
  const chainDemStart = new Uint32Array(chainCount + 1);
  for (let i = 0; i < nd; i++) if (d.chain[i] >= 0) chainDemStart[d.chain[i] + 1]++;
  for (let c = 0; c < chainCount; c++) chainDemStart[c + 1] += chainDemStart[c];
  const chainDem = new Uint32Array(chainDemStart[chainCount]);
  {
    const fill = chainDemStart.slice(0, chainCount);
    for (let i = 0; i < nd; i++) if (d.chain[i] >= 0) chainDem[fill[d.chain[i]]++] = i;
  }
  const nodeChainStart = new Uint32Array(nodeCount + 1);
  for (let c = 0; c < chainCount; c++) {
    if (chainDemStart[c + 1] === chainDemStart[c]) continue; // no demand on it: nothing to hand over
    nodeChainStart[chainA[c] + 1]++;
    if (chainB[c] !== chainA[c]) nodeChainStart[chainB[c] + 1]++;
  }
  for (let v = 0; v < nodeCount; v++) nodeChainStart[v + 1] += nodeChainStart[v];
  const nodeChain = new Uint32Array(nodeChainStart[nodeCount]);
  {
    const fill = nodeChainStart.slice(0, nodeCount);
    for (let c = 0; c < chainCount; c++) {
      if (chainDemStart[c + 1] === chainDemStart[c]) continue;
      nodeChain[fill[chainA[c]]++] = c;
      if (chainB[c] !== chainA[c]) nodeChain[fill[chainB[c]]++] = c;
    }
  }

  const dist = new Float64Array(nodeCount).fill(Infinity);
  const settled: number[] = [];
  const best = new Float64Array(nd).fill(Infinity);
  const touched: number[] = [];
  const heap = new BinaryHeap(64);
  const outDemand: number[] = [];
  const outSite: number[] = [];
  const outCost: number[] = [];
  const offer = (i: number, cost: number) => {
    if (cost > limitM) return;
    if (best[i] === Infinity) touched.push(i);
    if (cost < best[i]) best[i] = cost;
  };

  for (let j = 0; j < ns; j++) {
    if (progress && j % 16 === 0) progress(j, ns);
    const c0 = s.chain[j];
    if (c0 < 0) continue;
    const leg = s.leg[j];
    const p0 = s.pos[j];
    // Demand on the site's own chain can be reached directly along it.
    for (let q = chainDemStart[c0]; q < chainDemStart[c0 + 1]; q++) {
      const i = chainDem[q];
      offer(i, leg + Math.abs(d.pos[i] - p0) + d.leg[i]);
    }
    heap.size = 0;
    const seed = (v: number, dv: number) => {
      if (dv > limitM || dv >= dist[v]) return;
      if (dist[v] === Infinity) settled.push(v);
      dist[v] = dv;
      heap.push(v, dv);
    };
    seed(chainA[c0], leg + p0);
    seed(chainB[c0], leg + chainLength[c0] - p0);
    while (heap.size > 0) {
      const dv = heap.topKey();
      const v = heap.pop();
      if (dv > dist[v]) continue;
      for (let k = nodeChainStart[v]; k < nodeChainStart[v + 1]; k++) {
        const c = nodeChain[k];
        const fromA = chainA[c] === v;
        const fromB = chainB[c] === v;
        for (let q = chainDemStart[c]; q < chainDemStart[c + 1]; q++) {
          const i = chainDem[q];
          const along = fromA && fromB ? Math.min(d.pos[i], chainLength[c] - d.pos[i]) : fromA ? d.pos[i] : chainLength[c] - d.pos[i];
          offer(i, dv + along + d.leg[i]);
        }
      }
      for (let k = adjOffsets[v]; k < adjOffsets[v + 1]; k++) {
        const w = adjNode[k];
        const nw = dv + adjLength[k];
        if (nw <= limitM && nw < dist[w]) {
          if (dist[w] === Infinity) settled.push(w);
          dist[w] = nw;
          heap.push(w, nw);
        }
      }
    }
    for (const v of settled) dist[v] = Infinity;
    settled.length = 0;
    for (const i of touched) {
      outDemand.push(i);
      outSite.push(j);
      outCost.push(best[i]);
      best[i] = Infinity;
    }
    touched.length = 0;
  }
  progress?.(ns, ns);
  return costMatrixFromTriples(nd, ns, outDemand, outSite, outCost, limitM);
}
