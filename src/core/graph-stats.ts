import { graphComponents } from './graph-components.ts';
import type { WalkGraph } from './walk-graph.ts';

export interface GraphStats {
  nodes: number;
  edges: number;
  /** Σ edge length, metres. */
  totalLengthM: number;
  components: number;
  /** Share of nodes in the largest component, 0–1. */
  largestComponentShare: number;
}

/** Size, length and connectivity of a walk graph; `component` is returned for map display. */
export function graphStats(graph: WalkGraph): GraphStats & { component: Uint32Array } {
  let total = 0;
  for (let e = 0; e < graph.edgeCount; e++) total += graph.edgeLength[e];
  const { component, sizes } = graphComponents(graph);
  return {
    nodes: graph.nodeCount,
    edges: graph.edgeCount,
    totalLengthM: total,
    components: sizes.length,
    largestComponentShare: graph.nodeCount ? sizes[0] / graph.nodeCount : 0,
    component,
  };
}
