/**
 * Prototype (bench only): renumber the walk graph's nodes for memory locality. Edge ids are kept,
 * so snaps (which refer to edges) stay valid and the core functions run unchanged on the result.
 */
import { withAdjacency, type WalkGraph } from '../../src/core/walk-graph.ts';

/** Node order: breadth-first from the lowest node of each component (a Cuthill–McKee-like order). */
export function bfsOrder(g: WalkGraph): Uint32Array {
  const n = g.nodeCount;
  const order = new Uint32Array(n);
  const seen = new Uint8Array(n);
  let tail = 0;
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    let head = tail;
    order[tail++] = s;
    seen[s] = 1;
    while (head < tail) {
      const v = order[head++];
      for (let k = g.adjOffsets[v]; k < g.adjOffsets[v + 1]; k++) {
        const w = g.adjNode[k];
        if (!seen[w]) (seen[w] = 1), (order[tail++] = w);
      }
    }
  }
  return order;
}

/** Node order along a Hilbert curve over the node coordinates (2^16 × 2^16 grid). */
export function hilbertOrder(g: WalkGraph): Uint32Array {
  const n = g.nodeCount;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let v = 0; v < n; v++) {
    const x = g.coords[2 * v], y = g.coords[2 * v + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const keys = new Float64Array(n);
  const H = 65535;
  for (let v = 0; v < n; v++) {
    const x = Math.floor((H * (g.coords[2 * v] - minX)) / (maxX - minX || 1));
    const y = Math.floor((H * (g.coords[2 * v + 1] - minY)) / (maxY - minY || 1));
    keys[v] = hilbert(x, y) * n + v;
  }
  const idx = Uint32Array.from({ length: n }, (_, v) => v);
  idx.sort((a, b) => keys[a] - keys[b]);
  return idx;
}

function hilbert(x: number, y: number): number {
  let d = 0;
  for (let s = 1 << 15; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

/** The same graph with node `order[k]` renumbered k (edge ids unchanged). */
export function renumberNodes(g: WalkGraph, order: Uint32Array): WalkGraph {
  const n = g.nodeCount;
  const newId = new Uint32Array(n);
  for (let k = 0; k < n; k++) newId[order[k]] = k;
  const coords = new Float64Array(2 * n);
  for (let v = 0; v < n; v++) {
    coords[2 * newId[v]] = g.coords[2 * v];
    coords[2 * newId[v] + 1] = g.coords[2 * v + 1];
  }
  const edgeFrom = g.edgeFrom.map((v) => newId[v]);
  const edgeTo = g.edgeTo.map((v) => newId[v]);
  return withAdjacency(n, coords, edgeFrom, edgeTo, g.edgeLength, g.edgeLine);
}
