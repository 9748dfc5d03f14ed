import { multiSourceDijkstra, type NodeDistances } from './multi-source-dijkstra.ts';
import type { Snaps } from './snap-to-network.ts';
import type { WalkGraph } from './walk-graph.ts';

export interface NetworkFacilityDistances {
  /**
   * Walking metres from each origin to its nearest facility: origin connector leg + shortest path
   * between the two snap points along the graph + facility connector leg. NaN = origin
   * off-network; Infinity = no facility within `limitM` (or none reachable).
   */
  distance: Float64Array;
  /** Index of that facility among the facility snaps, or -1. */
  nearest: Int32Array;
}

/**
 * Nearest facility of one type for every origin by walking distance. One multi-source Dijkstra
 * seeds both end nodes of every facility's edge (leg + distance along the edge to that node);
 * an origin then takes the better of its own edge's two end nodes, or a facility on the same
 * edge directly (|t_o - t_f| · length), whichever is shorter. Off-network facilities are skipped.
 */
export function networkFacilityDistances(
  graph: WalkGraph,
  origins: Snaps,
  facilities: Snaps,
  limitM = Infinity,
  scratch?: NodeDistances,
): NetworkFacilityDistances {
  const m = facilities.edge.length;
  const seedNode: number[] = [];
  const seedDist: number[] = [];
  const seedSource: number[] = [];
  const onEdge = new Map<number, number[]>();
  for (let f = 0; f < m; f++) {
    const e = facilities.edge[f];
    if (e < 0) continue;
    const len = graph.edgeLength[e];
    const leg = facilities.legM[f];
    seedNode.push(graph.edgeFrom[e], graph.edgeTo[e]);
    seedDist.push(leg + facilities.t[f] * len, leg + (1 - facilities.t[f]) * len);
    seedSource.push(f, f);
    const list = onEdge.get(e);
    if (list) list.push(f);
    else onEdge.set(e, [f]);
  }
  const { dist, source } = multiSourceDijkstra(graph, seedNode, seedDist, seedSource, limitM, scratch);

  const n = origins.edge.length;
  const distance = new Float64Array(n);
  const nearest = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const e = origins.edge[i];
    if (e < 0) {
      distance[i] = NaN;
      continue;
    }
    const len = graph.edgeLength[e];
    const t = origins.t[i];
    const a = graph.edgeFrom[e];
    const b = graph.edgeTo[e];
    let best = dist[a] + t * len;
    let bestF = source[a];
    const viaB = dist[b] + (1 - t) * len;
    if (viaB < best) {
      best = viaB;
      bestF = source[b];
    }
    const same = onEdge.get(e);
    if (same) {
      for (const f of same) {
        const direct = Math.abs(t - facilities.t[f]) * len + facilities.legM[f];
        if (direct < best || (direct === best && f < bestF)) {
          best = direct;
          bestF = f;
        }
      }
    }
    best += origins.legM[i];
    if (best > limitM || !Number.isFinite(best)) {
      distance[i] = Infinity;
      nearest[i] = -1;
    } else {
      distance[i] = best;
      nearest[i] = bestF;
    }
  }
  return { distance, nearest };
}
