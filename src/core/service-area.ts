import { multiSourceDijkstra } from './multi-source-dijkstra.ts';
import type { WalkGraph } from './walk-graph.ts';

export interface ServiceAreaSegments {
  /** Reached edge pieces, [lon0, lat0, lon1, lat1] each. */
  segments: Float64Array;
  /** Walking metres from the facility at each end of each piece. */
  startM: Float64Array;
  endM: Float64Array;
}

/**
 * The street network one facility reaches within `limitM` walking metres. The facility is
 * attached at position `t` of `edge` by a connector of `legM` metres (see snapToNetwork). Each
 * reached edge is returned whole when both ends are within the limit, otherwise cut where the
 * walking distance reaches the limit.
 */
export function serviceArea(graph: WalkGraph, edge: number, t: number, legM: number, limitM: number): ServiceAreaSegments {
  const len0 = graph.edgeLength[edge];
  const { dist } = multiSourceDijkstra(
    graph,
    [graph.edgeFrom[edge], graph.edgeTo[edge]],
    [legM + t * len0, legM + (1 - t) * len0],
    [0, 0],
    limitM,
  );
  const seg: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const c = graph.coords;
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.edgeFrom[e];
    const b = graph.edgeTo[e];
    const da = dist[a];
    const db = dist[b];
    if (da > limitM && db > limitM) continue;
    const len = graph.edgeLength[e];
    if (da <= limitM && db <= limitM) {
      seg.push(c[2 * a], c[2 * a + 1], c[2 * b], c[2 * b + 1]);
      start.push(da);
      end.push(db);
      continue;
    }
    // One end reached: cut the edge where the distance from that end reaches the limit.
    const [u, du, v] = da <= limitM ? [a, da, b] : [b, db, a];
    const f = len > 0 ? Math.min(1, (limitM - du) / len) : 0;
    seg.push(c[2 * u], c[2 * u + 1], c[2 * u] + f * (c[2 * v] - c[2 * u]), c[2 * u + 1] + f * (c[2 * v + 1] - c[2 * u + 1]));
    start.push(du);
    end.push(du + f * len);
  }
  return { segments: new Float64Array(seg), startM: new Float64Array(start), endM: new Float64Array(end) };
}
