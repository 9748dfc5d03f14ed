import { chainSnapsOf, contractedGraphOf } from './chain-snaps.ts';
import { multiSourceDijkstra } from './multi-source-dijkstra.ts';
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
 * over the contracted graph seeds both end junctions of every facility's chain (leg + distance
 * along the chain to that junction); an origin then takes the better of its own chain's two end
 * junctions, or a facility on the same chain directly (|p_o − p_f|), whichever is shorter. Ties go
 * to the lower facility index. Off-network facilities are skipped.
 */
export function networkFacilityDistances(graph: WalkGraph, origins: Snaps, facilities: Snaps, limitM = Infinity): NetworkFacilityDistances {
  const { cg, scratch } = contractedGraphOf(graph);
  const o = chainSnapsOf(graph, origins);
  const f = chainSnapsOf(graph, facilities, false);
  const { chainA, chainB, chainLength } = cg;

  const seedNode: number[] = [];
  const seedDist: number[] = [];
  const seedSource: number[] = [];
  const onChain = new Map<number, number[]>();
  for (let j = 0; j < f.chain.length; j++) {
    const c = f.chain[j];
    if (c < 0) continue;
    seedNode.push(chainA[c], chainB[c]);
    seedDist.push(f.leg[j] + f.pos[j], f.leg[j] + (chainLength[c] - f.pos[j]));
    seedSource.push(j, j);
    const list = onChain.get(c);
    if (list) list.push(j);
    else onChain.set(c, [j]);
  }
  const { dist, source, heap } = multiSourceDijkstra(cg, seedNode, seedDist, seedSource, limitM, scratch);
  scratch.heap = heap;

  const n = o.chain.length;
  const distance = new Float64Array(n);
  const nearest = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = o.chain[i];
    if (c < 0) {
      distance[i] = NaN;
      continue;
    }
    const p = o.pos[i];
    let best = dist[chainA[c]] + p;
    let bestF = source[chainA[c]];
    const viaB = dist[chainB[c]] + (chainLength[c] - p);
    if (viaB < best || (viaB === best && source[chainB[c]] < bestF)) {
      best = viaB;
      bestF = source[chainB[c]];
    }
    const same = onChain.get(c);
    if (same) {
      for (const j of same) {
        const direct = Math.abs(p - f.pos[j]) + f.leg[j];
        if (direct < best || (direct === best && j < bestF)) {
          best = direct;
          bestF = j;
        }
      }
    }
    best += o.leg[i];
    if (best > limitM || !Number.isFinite(best)) distance[i] = Infinity;
    else {
      distance[i] = best;
      nearest[i] = bestF;
    }
  }
  return { distance, nearest };
}
