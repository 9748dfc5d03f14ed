/**
 * Prototype (bench only, not used by the app): networkFacilityDistances on a graph whose
 * degree-2 nodes are contracted away.
 *
 * OSM splits every street into one edge per OSM node, so most walk-graph nodes have degree 2 and
 * lie in the middle of a street between two junctions. Contracting each maximal path of degree-2
 * nodes ("chain") into one edge leaves a graph of junctions only (here ~4× fewer nodes). Every
 * original edge keeps its place on its chain (start position and direction), so a snapped point
 * (edge, t) becomes (chain, position along the chain) and the answer is the same:
 *   origin leg + min(dist[A] + p, dist[B] + L − p, |p − p_f| + facility leg on the same chain).
 * The Dijkstra also reads lengths straight from the adjacency (no adjEdge → edgeLength
 * indirection) and numbers junctions along a Hilbert curve for locality.
 */
import type { WalkGraph } from '../../src/core/walk-graph.ts';
import type { Snaps } from '../../src/core/snap-to-network.ts';

export interface ContractedGraph {
  /** Junctions (nodes of degree ≠ 2, plus one node per isolated ring). */
  nodeCount: number;
  chainCount: number;
  chainA: Uint32Array;
  chainB: Uint32Array;
  chainLen: Float64Array;
  adjOffsets: Uint32Array;
  adjNode: Uint32Array;
  adjLen: Float64Array;
  /** Per original edge: its chain, the chain position of edgeFrom, and +1/−1 (position grows from→to or to→from). */
  edgeChain: Uint32Array;
  edgeStart: Float64Array;
  edgeDir: Int8Array;
}

export function contractGraph(g: WalkGraph, opts: { hilbert?: boolean } = {}): ContractedGraph {
  const n = g.nodeCount;
  const deg = (v: number) => g.adjOffsets[v + 1] - g.adjOffsets[v];
  const junctionOf = new Int32Array(n).fill(-1);
  const junctions: number[] = [];
  for (let v = 0; v < n; v++) if (deg(v) !== 2) junctionOf[v] = junctions.push(v) - 1;

  const m = g.edgeCount;
  const edgeChain = new Uint32Array(m);
  const edgeStart = new Float64Array(m);
  const edgeDir = new Int8Array(m);
  const assigned = new Uint8Array(m);
  const chainA: number[] = [];
  const chainB: number[] = [];
  const chainLen: number[] = [];

  const walk = (start: number, firstEdge: number) => {
    const c = chainA.length;
    let cur = start;
    let e = firstEdge;
    let pos = 0;
    for (;;) {
      assigned[e] = 1;
      edgeChain[e] = c;
      const len = g.edgeLength[e];
      const forward = g.edgeFrom[e] === cur;
      edgeStart[e] = forward ? pos : pos + len;
      edgeDir[e] = forward ? 1 : -1;
      pos += len;
      cur = forward ? g.edgeTo[e] : g.edgeFrom[e];
      if (junctionOf[cur] >= 0) break;
      // Degree-2 node: continue on its other edge.
      const k = g.adjOffsets[cur];
      const next = g.adjEdge[k] === e ? g.adjEdge[k + 1] : g.adjEdge[k];
      if (assigned[next]) break; // closed ring back to its start (cannot happen from a junction)
      e = next;
    }
    chainA.push(junctionOf[start]);
    chainB.push(junctionOf[cur]);
    chainLen.push(pos);
  };
  for (const j of [...junctions]) {
    for (let k = g.adjOffsets[j]; k < g.adjOffsets[j + 1]; k++) if (!assigned[g.adjEdge[k]]) walk(j, g.adjEdge[k]);
  }
  // Rings of degree-2 nodes only: make one of their nodes a junction.
  for (let e = 0; e < m; e++) {
    if (assigned[e]) continue;
    const v = g.edgeFrom[e];
    junctionOf[v] = junctions.push(v) - 1;
    walk(v, e);
  }

  // Number junctions along a Hilbert curve for locality.
  const J = junctions.length;
  const order = opts.hilbert === false ? Uint32Array.from(junctions.keys()) : hilbertSort(junctions, g.coords);
  const rank = new Uint32Array(J);
  for (let r = 0; r < J; r++) rank[order[r]] = r;
  const C = chainA.length;
  const A = new Uint32Array(C), B = new Uint32Array(C), L = Float64Array.from(chainLen);
  for (let c = 0; c < C; c++) {
    A[c] = rank[chainA[c]];
    B[c] = rank[chainB[c]];
  }
  const adjOffsets = new Uint32Array(J + 1);
  for (let c = 0; c < C; c++) {
    if (A[c] === B[c]) continue; // a loop never shortens a path
    adjOffsets[A[c] + 1]++;
    adjOffsets[B[c] + 1]++;
  }
  for (let v = 0; v < J; v++) adjOffsets[v + 1] += adjOffsets[v];
  const fill = adjOffsets.slice(0, J);
  const adjNode = new Uint32Array(adjOffsets[J]);
  const adjLen = new Float64Array(adjOffsets[J]);
  for (let c = 0; c < C; c++) {
    if (A[c] === B[c]) continue;
    adjNode[fill[A[c]]] = B[c];
    adjLen[fill[A[c]]++] = L[c];
    adjNode[fill[B[c]]] = A[c];
    adjLen[fill[B[c]]++] = L[c];
  }
  return { nodeCount: J, chainCount: C, chainA: A, chainB: B, chainLen: L, adjOffsets, adjNode, adjLen, edgeChain, edgeStart, edgeDir };
}

function hilbertSort(nodes: number[], coords: Float64Array): Uint32Array {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const v of nodes) {
    minX = Math.min(minX, coords[2 * v]);
    maxX = Math.max(maxX, coords[2 * v]);
    minY = Math.min(minY, coords[2 * v + 1]);
    maxY = Math.max(maxY, coords[2 * v + 1]);
  }
  const keys = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    let x = Math.floor((65535 * (coords[2 * nodes[i]] - minX)) / (maxX - minX || 1));
    let y = Math.floor((65535 * (coords[2 * nodes[i] + 1] - minY)) / (maxY - minY || 1));
    let d = 0;
    for (let s = 1 << 15; s > 0; s >>= 1) {
      const rx = (x & s) > 0 ? 1 : 0, ry = (y & s) > 0 ? 1 : 0;
      d += s * s * ((3 * rx) ^ ry);
      if (ry === 0) {
        if (rx === 1) (x = s - 1 - x), (y = s - 1 - y);
        const t = x;
        x = y;
        y = t;
      }
    }
    keys[i] = d;
  }
  const idx = Uint32Array.from({ length: nodes.length }, (_, i) => i);
  return idx.sort((a, b) => keys[a] - keys[b] || a - b);
}

/** Snapped points on chains: chain (−1 = off-network), position along it (m), connector leg (m). */
export interface ChainSnaps {
  chain: Int32Array;
  pos: Float64Array;
  leg: Float64Array;
}

export function toChainSnaps(g: WalkGraph, cg: ContractedGraph, s: Snaps): ChainSnaps {
  const n = s.edge.length;
  const chain = new Int32Array(n).fill(-1);
  const pos = new Float64Array(n);
  const leg = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = s.edge[i];
    if (e < 0) continue;
    chain[i] = cg.edgeChain[e];
    pos[i] = cg.edgeStart[e] + cg.edgeDir[e] * s.t[i] * g.edgeLength[e];
    leg[i] = s.legM[i];
  }
  return { chain, pos, leg };
}

export interface Scratch {
  dist: Float64Array;
  source: Int32Array;
  facHead: Int32Array;
  facNext: Int32Array;
  heapKeys: Float64Array;
  heapVals: Uint32Array;
}

export function makeScratch(cg: ContractedGraph): Scratch {
  return {
    dist: new Float64Array(cg.nodeCount),
    source: new Int32Array(cg.nodeCount),
    facHead: new Int32Array(cg.chainCount),
    facNext: new Int32Array(16),
    heapKeys: new Float64Array(1 << 16),
    heapVals: new Uint32Array(1 << 16),
  };
}

/** Same contract as the core's networkFacilityDistances (distance NaN / Infinity, nearest −1). */
export function contractedFacilityDistances(
  cg: ContractedGraph,
  origins: ChainSnaps,
  facilities: ChainSnaps,
  limitM = Infinity,
  scratch: Scratch = makeScratch(cg),
): { distance: Float64Array; nearest: Int32Array } {
  const { dist, source, facHead } = scratch;
  dist.fill(Infinity);
  source.fill(-1);
  facHead.fill(-1);
  const m = facilities.chain.length;
  if (scratch.facNext.length < m) scratch.facNext = new Int32Array(m);
  const facNext = scratch.facNext;
  const { chainA, chainB, chainLen } = cg;

  // Binary heap (lazy deletion) inlined over typed arrays.
  let keys = scratch.heapKeys;
  let vals = scratch.heapVals;
  let size = 0;
  const push = (val: number, key: number) => {
    if (size === keys.length) {
      const k2 = new Float64Array(size * 2);
      k2.set(keys);
      keys = scratch.heapKeys = k2;
      const v2 = new Uint32Array(size * 2);
      v2.set(vals);
      vals = scratch.heapVals = v2;
    }
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p];
      if (pk <= key) break;
      keys[i] = pk;
      vals[i] = vals[p];
      i = p;
    }
    keys[i] = key;
    vals[i] = val;
  };
  const seed = (v: number, d: number, f: number) => {
    if (d > limitM || d >= dist[v]) return;
    dist[v] = d;
    source[v] = f;
    push(v, d);
  };
  for (let f = 0; f < m; f++) {
    const c = facilities.chain[f];
    if (c < 0) continue;
    const p = facilities.pos[f], leg = facilities.leg[f];
    seed(chainA[c], leg + p, f);
    seed(chainB[c], leg + (chainLen[c] - p), f);
    facNext[f] = facHead[c];
    facHead[c] = f;
  }

  const { adjOffsets, adjNode, adjLen } = cg;
  while (size > 0) {
    const d = keys[0];
    const v = vals[0];
    const last = --size;
    if (last > 0) {
      const key = keys[last], val = vals[last];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= last) break;
        let ck = keys[c];
        if (c + 1 < last) {
          const k2 = keys[c + 1];
          if (k2 < ck) (c++, (ck = k2));
        }
        if (ck >= key) break;
        keys[i] = ck;
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = key;
      vals[i] = val;
    }
    if (d > dist[v]) continue;
    const s = source[v];
    for (let k = adjOffsets[v], end = adjOffsets[v + 1]; k < end; k++) {
      const w = adjNode[k];
      const nd = d + adjLen[k];
      if (nd < dist[w] && nd <= limitM) {
        dist[w] = nd;
        source[w] = s;
        push(w, nd);
      }
    }
  }

  const n = origins.chain.length;
  const distance = new Float64Array(n);
  const nearest = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = origins.chain[i];
    if (c < 0) {
      distance[i] = NaN;
      continue;
    }
    const p = origins.pos[i];
    const a = chainA[c], b = chainB[c];
    let best = dist[a] + p;
    let bestF = source[a];
    const viaB = dist[b] + (chainLen[c] - p);
    if (viaB < best) (best = viaB), (bestF = source[b]);
    for (let f = facHead[c]; f >= 0; f = facNext[f]) {
      const direct = Math.abs(p - facilities.pos[f]) + facilities.leg[f];
      if (direct < best || (direct === best && f < bestF)) (best = direct), (bestF = f);
    }
    best += origins.leg[i];
    if (best > limitM || !Number.isFinite(best)) distance[i] = Infinity;
    else (distance[i] = best), (nearest[i] = bestF);
  }
  return { distance, nearest };
}
