import { contractGraph, type ContractedGraph } from './contracted-graph.ts';
import type { NodeDistances } from './multi-source-dijkstra.ts';
import type { Snaps } from './snap-to-network.ts';
import type { WalkGraph } from './walk-graph.ts';

/** Points snapped to chains: chain (-1 = off-network), position along it (m), connector leg (m). */
export interface ChainSnaps {
  chain: Int32Array;
  pos: Float64Array;
  leg: Float64Array;
}

// Built once per graph / per origin set and reused for every facility type and every siting run:
// the contraction and the origins' chain positions do not depend on the type.
const contracted = new WeakMap<WalkGraph, { cg: ContractedGraph; scratch: NodeDistances }>();
const chainSnapCache = new WeakMap<Snaps, ChainSnaps>();

/** The graph's contraction (cached per graph) with a scratch distance buffer sized for it. */
export function contractedGraphOf(graph: WalkGraph): { cg: ContractedGraph; scratch: NodeDistances } {
  let c = contracted.get(graph);
  if (!c) {
    const cg = contractGraph(graph);
    c = { cg, scratch: { dist: new Float64Array(cg.nodeCount), source: new Int32Array(cg.nodeCount) } };
    contracted.set(graph, c);
  }
  return c;
}

/** Where each snapped point sits on the contraction's chains; cached per Snaps object unless `cache` is false. */
export function chainSnapsOf(graph: WalkGraph, s: Snaps, cache = true): ChainSnaps {
  const hit = cache ? chainSnapCache.get(s) : undefined;
  if (hit) return hit;
  const { cg } = contractedGraphOf(graph);
  const n = s.edge.length;
  const chain = new Int32Array(n).fill(-1);
  const pos = new Float64Array(n);
  const leg = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = s.edge[i];
    if (e < 0) continue;
    chain[i] = cg.edgeChain[e];
    pos[i] = cg.edgeStart[e] + cg.edgeDir[e] * s.t[i] * graph.edgeLength[e];
    leg[i] = s.legM[i];
  }
  const out = { chain, pos, leg };
  if (cache) chainSnapCache.set(s, out);
  return out;
}
