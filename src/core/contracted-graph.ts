import { hilbertOrder } from './hilbert-order.ts';
import type { CsrGraph } from './multi-source-dijkstra.ts';
import type { WalkGraph } from './walk-graph.ts';

/**
 * The walk graph with its degree-2 nodes contracted away. OSM splits every street at every node,
 * so most nodes (≈ 80 % in a city) sit mid-street with two neighbours. Each maximal run of such
 * nodes between two junctions becomes one "chain"; the search then visits junctions only (≈ 4–5×
 * fewer nodes), and every original edge keeps its place on its chain, so a point snapped at
 * (edge, t) sits at a known position along a chain and distances are unchanged.
 * Junctions are numbered along a Hilbert curve for memory locality.
 */
export interface ContractedGraph extends CsrGraph {
  chainCount: number;
  /** End junctions and length (metres) of each chain. */
  chainA: Uint32Array;
  chainB: Uint32Array;
  chainLength: Float64Array;
  /** Per original edge: its chain, the chain position (m) of its edgeFrom end, and +1/−1 when
   * positions grow from edgeFrom to edgeTo / the other way. */
  edgeChain: Uint32Array;
  edgeStart: Float64Array;
  edgeDir: Int8Array;
}

export function contractGraph(g: WalkGraph): ContractedGraph {
  const n = g.nodeCount;
  const m = g.edgeCount;
  const junctionOf = new Int32Array(n).fill(-1);
  const junctions: number[] = [];
  for (let v = 0; v < n; v++) if (g.adjOffsets[v + 1] - g.adjOffsets[v] !== 2) junctionOf[v] = junctions.push(v) - 1;

  const edgeChain = new Uint32Array(m);
  const edgeStart = new Float64Array(m);
  const edgeDir = new Int8Array(m);
  const assigned = new Uint8Array(m);
  const chainA: number[] = [];
  const chainB: number[] = [];
  const chainLength: number[] = [];

  /** Follows degree-2 nodes from junction `start` along `first` until the next junction. */
  const walk = (start: number, first: number) => {
    const c = chainA.length;
    let cur = start;
    let e = first;
    let pos = 0;
    for (;;) {
      assigned[e] = 1;
      edgeChain[e] = c;
      const forward = g.edgeFrom[e] === cur;
      edgeStart[e] = forward ? pos : pos + g.edgeLength[e];
      edgeDir[e] = forward ? 1 : -1;
      pos += g.edgeLength[e];
      cur = forward ? g.edgeTo[e] : g.edgeFrom[e];
      if (junctionOf[cur] >= 0) break;
      const k = g.adjOffsets[cur];
      const next = g.adjEdge[k] === e ? g.adjEdge[k + 1] : g.adjEdge[k];
      if (assigned[next]) break;
      e = next;
    }
    chainA.push(junctionOf[start]);
    chainB.push(junctionOf[cur]);
    chainLength.push(pos);
  };
  for (let j = 0; j < junctions.length; j++) {
    const v = junctions[j];
    for (let k = g.adjOffsets[v]; k < g.adjOffsets[v + 1]; k++) if (!assigned[g.adjEdge[k]]) walk(v, g.adjEdge[k]);
  }
  // A ring made only of degree-2 nodes has no junction: promote one of its nodes.
  for (let e = 0; e < m; e++) {
    if (assigned[e]) continue;
    junctionOf[g.edgeFrom[e]] = junctions.push(g.edgeFrom[e]) - 1;
    walk(g.edgeFrom[e], e);
  }

  const J = junctions.length;
  const C = chainA.length;
  const order = hilbertOrder(junctions, g.coords);
  const rank = new Uint32Array(J);
  for (let r = 0; r < J; r++) rank[order[r]] = r;
  const A = Uint32Array.from(chainA, (j) => rank[j]);
  const B = Uint32Array.from(chainB, (j) => rank[j]);
  const L = Float64Array.from(chainLength);

  const adjOffsets = new Uint32Array(J + 1);
  for (let c = 0; c < C; c++) {
    if (A[c] === B[c]) continue; // a loop back to its own junction never shortens a path
    adjOffsets[A[c] + 1]++;
    adjOffsets[B[c] + 1]++;
  }
  for (let v = 0; v < J; v++) adjOffsets[v + 1] += adjOffsets[v];
  const fill = adjOffsets.slice(0, J);
  const adjNode = new Uint32Array(adjOffsets[J]);
  const adjLength = new Float64Array(adjOffsets[J]);
  for (let c = 0; c < C; c++) {
    if (A[c] === B[c]) continue;
    adjNode[fill[A[c]]] = B[c];
    adjLength[fill[A[c]]++] = L[c];
    adjNode[fill[B[c]]] = A[c];
    adjLength[fill[B[c]]++] = L[c];
  }
  return { nodeCount: J, adjOffsets, adjNode, adjLength, chainCount: C, chainA: A, chainB: B, chainLength: L, edgeChain, edgeStart, edgeDir };
}
