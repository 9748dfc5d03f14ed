import type { WalkGraph } from './walk-graph.ts';

export interface GraphComponents {
  /** Component id per node; 0 is the largest component. */
  component: Uint32Array;
  /** Nodes per component, largest first. */
  sizes: number[];
}

/** Connected components by breadth-first search over the CSR adjacency, largest numbered 0. */
export function graphComponents(graph: WalkGraph): GraphComponents {
  const n = graph.nodeCount;
  const raw = new Int32Array(n).fill(-1);
  const queue = new Uint32Array(n);
  const rawSizes: number[] = [];
  for (let start = 0; start < n; start++) {
    if (raw[start] >= 0) continue;
    const id = rawSizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    raw[start] = id;
    while (head < tail) {
      const v = queue[head++];
      for (let k = graph.adjOffsets[v]; k < graph.adjOffsets[v + 1]; k++) {
        const w = graph.adjNode[k];
        if (raw[w] < 0) {
          raw[w] = id;
          queue[tail++] = w;
        }
      }
    }
    rawSizes.push(tail);
  }
  // Renumber by size, largest first (stable on discovery order for equal sizes).
  const order = rawSizes.map((_, i) => i).sort((a, b) => rawSizes[b] - rawSizes[a] || a - b);
  const rank = new Uint32Array(rawSizes.length);
  order.forEach((raw, r) => (rank[raw] = r));
  const component = new Uint32Array(n);
  for (let v = 0; v < n; v++) component[v] = rank[raw[v]];
  return { component, sizes: order.map((i) => rawSizes[i]) };
}
