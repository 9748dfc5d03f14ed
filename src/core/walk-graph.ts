import { haversineMetres } from './geodesic-distance.ts';
import type { NetworkInput } from './network-input.ts';
import { DEFAULT_WALKABLE_RULE, isWalkable, type WalkableRule } from './walkable-rule.ts';

/**
 * An undirected walk graph in compressed sparse row form (walking ignores oneway).
 * Node `v` is at `coords[2*v]` = lon, `coords[2*v+1]` = lat. Edge `e` joins `edgeFrom[e]` and
 * `edgeTo[e]` (consecutive nodes of a way) with geodesic length `edgeLength[e]` in metres.
 * The neighbours of `v` are `adjNode[k]` over edges `adjEdge[k]`, k in adjOffsets[v]..adjOffsets[v+1].
 */
export interface WalkGraph {
  nodeCount: number;
  edgeCount: number;
  coords: Float64Array;
  edgeFrom: Uint32Array;
  edgeTo: Uint32Array;
  edgeLength: Float64Array;
  /** Index of the input line each edge came from (for reports). */
  edgeLine: Uint32Array;
  adjOffsets: Uint32Array;
  adjNode: Uint32Array;
  adjEdge: Uint32Array;
  /** Length of edge adjEdge[k], stored beside adjNode[k] so the search reads one array, not two. */
  adjLength: Float64Array;
}

/**
 * Builds the walk graph from street lines: keeps walkable lines, splits them into one edge
 * between every pair of consecutive vertices (every OSM node), and numbers only used vertices.
 * Edge length is the haversine distance (R = 6,371,008.8 m) between the two vertices.
 */
export function buildWalkGraph(input: NetworkInput, rule: WalkableRule = DEFAULT_WALKABLE_RULE): WalkGraph {
  const lineCount = input.lineTags.length;
  const vertexCount = input.coords.length / 2;
  const nodeOf = new Int32Array(vertexCount).fill(-1);
  let nodeCount = 0;
  let edgeCount = 0;
  const walkable = new Uint8Array(lineCount);
  for (let l = 0; l < lineCount; l++) {
    if (!isWalkable(input.lineTags[l], rule)) continue;
    walkable[l] = 1;
    for (let k = input.lineOffsets[l]; k < input.lineOffsets[l + 1]; k++) {
      const v = input.lineVertices[k];
      if (nodeOf[v] < 0) nodeOf[v] = nodeCount++;
      if (k > input.lineOffsets[l] && input.lineVertices[k - 1] !== v) edgeCount++;
    }
  }

  const coords = new Float64Array(2 * nodeCount);
  for (let v = 0; v < vertexCount; v++) {
    const n = nodeOf[v];
    if (n < 0) continue;
    coords[2 * n] = input.coords[2 * v];
    coords[2 * n + 1] = input.coords[2 * v + 1];
  }

  const edgeFrom = new Uint32Array(edgeCount);
  const edgeTo = new Uint32Array(edgeCount);
  const edgeLength = new Float64Array(edgeCount);
  const edgeLine = new Uint32Array(edgeCount);
  let e = 0;
  for (let l = 0; l < lineCount; l++) {
    if (!walkable[l]) continue;
    for (let k = input.lineOffsets[l] + 1; k < input.lineOffsets[l + 1]; k++) {
      const a = input.lineVertices[k - 1];
      const b = input.lineVertices[k];
      if (a === b) continue;
      edgeFrom[e] = nodeOf[a];
      edgeTo[e] = nodeOf[b];
      edgeLength[e] = haversineMetres(input.coords[2 * a], input.coords[2 * a + 1], input.coords[2 * b], input.coords[2 * b + 1]);
      edgeLine[e++] = l;
    }
  }
  return withAdjacency(nodeCount, coords, edgeFrom, edgeTo, edgeLength, edgeLine);
}

/** Adds CSR adjacency to an edge list (both directions of every edge). */
export function withAdjacency(
  nodeCount: number,
  coords: Float64Array,
  edgeFrom: Uint32Array,
  edgeTo: Uint32Array,
  edgeLength: Float64Array,
  edgeLine: Uint32Array = new Uint32Array(edgeFrom.length),
): WalkGraph {
  const edgeCount = edgeFrom.length;
  const adjOffsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    adjOffsets[edgeFrom[e] + 1]++;
    adjOffsets[edgeTo[e] + 1]++;
  }
  for (let v = 0; v < nodeCount; v++) adjOffsets[v + 1] += adjOffsets[v];
  const fill = adjOffsets.slice(0, nodeCount);
  const adjNode = new Uint32Array(2 * edgeCount);
  const adjEdge = new Uint32Array(2 * edgeCount);
  const adjLength = new Float64Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeFrom[e];
    const b = edgeTo[e];
    adjNode[fill[a]] = b;
    adjLength[fill[a]] = edgeLength[e];
    adjEdge[fill[a]++] = e;
    adjNode[fill[b]] = a;
    adjLength[fill[b]] = edgeLength[e];
    adjEdge[fill[b]++] = e;
  }
  return { nodeCount, edgeCount, coords, edgeFrom, edgeTo, edgeLength, edgeLine, adjOffsets, adjNode, adjEdge, adjLength };
}
