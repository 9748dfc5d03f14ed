/** What the search needs of a graph: CSR adjacency with the length beside each neighbour. */
export interface CsrGraph {
  nodeCount: number;
  adjOffsets: Uint32Array;
  adjNode: Uint32Array;
  /** Metres. */
  adjLength: Float64Array;
}

/** Shortest distances from a set of seeded nodes. */
export interface NodeDistances {
  /** Metres from the nearest source; Infinity when farther than the limit or unreachable. */
  dist: Float64Array;
  /** Which source (seed `source` value) reached each node first, or -1. */
  source: Int32Array;
  /** The queue, kept so a caller running many searches can pass it back (out) without reallocating. */
  heap?: BinaryHeap;
}

/**
 * Multi-source Dijkstra over an undirected CSR graph (the walk graph or its contraction). Each seed starts node `seedNode[k]` at
 * distance `seedDist[k]` (metres, e.g. a facility's connector leg plus the part of its edge up to
 * that node) labelled `seedSource[k]`. Nodes farther than `limitM` are not settled (Infinity).
 * The heap is a binary heap over two typed arrays with lazy deletion: a node may be pushed more
 * than once and stale entries are skipped on pop, which beats decrease-key bookkeeping here.
 */
export function multiSourceDijkstra(
  graph: CsrGraph,
  seedNode: ArrayLike<number>,
  seedDist: ArrayLike<number>,
  seedSource: ArrayLike<number>,
  limitM = Infinity,
  out?: NodeDistances,
): NodeDistances {
  const n = graph.nodeCount;
  const dist = out?.dist ?? new Float64Array(n);
  const source = out?.source ?? new Int32Array(n);
  dist.fill(Infinity);
  source.fill(-1);
  const heap = out?.heap ?? new BinaryHeap(Math.max(16, seedNode.length * 2));
  heap.size = 0;

  for (let k = 0; k < seedNode.length; k++) {
    const v = seedNode[k];
    const d = seedDist[k];
    if (d > limitM || d >= dist[v]) continue;
    dist[v] = d;
    source[v] = seedSource[k];
    heap.push(v, d);
  }

  const { adjOffsets, adjNode, adjLength } = graph;
  while (heap.size > 0) {
    const d = heap.topKey();
    const v = heap.pop();
    if (d > dist[v]) continue; // stale entry
    const s = source[v];
    for (let k = adjOffsets[v], end = adjOffsets[v + 1]; k < end; k++) {
      const w = adjNode[k];
      const nd = d + adjLength[k];
      if (nd < dist[w] && nd <= limitM) {
        dist[w] = nd;
        source[w] = s;
        heap.push(w, nd);
      }
    }
  }
  return { dist, source, heap };
}

/** Min-heap of (node, key) pairs in typed arrays, growing by doubling. */
export class BinaryHeap {
  private keys: Float64Array;
  private vals: Uint32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.vals = new Uint32Array(capacity);
  }

  topKey(): number {
    return this.keys[0];
  }

  push(val: number, key: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const vals = new Uint32Array(this.size * 2);
      vals.set(this.vals);
      this.vals = vals;
    }
    const { keys, vals } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      vals[i] = vals[parent];
      i = parent;
    }
    keys[i] = key;
    vals[i] = val;
  }

  pop(): number {
    const { keys, vals } = this;
    const top = vals[0];
    const last = --this.size;
    if (last === 0) return top;
    const key = keys[last];
    const val = vals[last];
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      if (c + 1 < last && keys[c + 1] < keys[c]) c++;
      if (keys[c] >= key) break;
      keys[i] = keys[c];
      vals[i] = vals[c];
      i = c;
    }
    keys[i] = key;
    vals[i] = val;
    return top;
  }
}
