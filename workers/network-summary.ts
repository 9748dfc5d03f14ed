import type { PreparedNetwork } from '../src/core/area-context.ts';
import type { NetworkSummary } from './protocol.ts';

/** Graph statistics plus segments for drawing the graph and its disconnected pieces. */
export function networkSummary(net: PreparedNetwork, warnings: string[]): NetworkSummary {
  const { graph, component, stats } = net;
  const segments = new Float64Array(4 * graph.edgeCount);
  let isolated = 0;
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.edgeFrom[e];
    const b = graph.edgeTo[e];
    segments.set([graph.coords[2 * a], graph.coords[2 * a + 1], graph.coords[2 * b], graph.coords[2 * b + 1]], 4 * e);
    if (component[a] !== 0) isolated++;
  }
  const isolatedSegments = new Float64Array(4 * isolated);
  for (let e = 0, k = 0; e < graph.edgeCount; e++) {
    if (component[graph.edgeFrom[e]] !== 0) isolatedSegments.set(segments.subarray(4 * e, 4 * e + 4), 4 * k++);
  }
  return { stats, segments, isolatedSegments, warnings };
}
