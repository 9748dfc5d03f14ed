import { concave, convex, featureCollection, point } from '@turf/turf';
import type { ServiceAreaSegments } from './service-area.ts';

/**
 * Outline of the area reached within `limitM`: a concave hull (turf, longest hull edge
 * `maxEdgeM`, default 250 m ≈ a long city block) of every reached piece's end points, cut at the
 * limit; falls back to the convex hull when the points are too sparse for a concave one.
 * Returns the outer ring as interleaved lon/lat (empty when fewer than 3 points are reached).
 */
export function serviceAreaOutline(area: ServiceAreaSegments, limitM: number, maxEdgeM = 250): Float64Array {
  const pts = [];
  const s = area.segments;
  for (let k = 0; k < area.startM.length; k++) {
    const a = area.startM[k];
    const b = area.endM[k];
    if (a > limitM && b > limitM) continue;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    // Keep the part within the limit; distances are assumed linear along the piece.
    const f = hi > limitM ? (limitM - lo) / (hi - lo) : 1;
    const [x0, y0, x1, y1] = a <= b ? [s[4 * k], s[4 * k + 1], s[4 * k + 2], s[4 * k + 3]] : [s[4 * k + 2], s[4 * k + 3], s[4 * k], s[4 * k + 1]];
    pts.push(point([x0, y0]), point([x0 + f * (x1 - x0), y0 + f * (y1 - y0)]));
  }
  if (pts.length < 3) return new Float64Array(0);
  const fc = featureCollection(pts);
  const hull = concave(fc, { maxEdge: maxEdgeM / 1000, units: 'kilometers' }) ?? convex(fc);
  if (!hull) return new Float64Array(0);
  const g = hull.geometry;
  // A concave hull can split into several pieces; keep the largest outer ring.
  const rings = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
  const ring = rings.reduce((best, r) => (r.length > best.length ? r : best), rings[0]);
  // turf's dissolve can leave a ring open by a rounding hair; close it exactly.
  const [fx, fy] = ring[0];
  const [lx, ly] = ring[ring.length - 1];
  return new Float64Array([...ring.flat(), ...(fx !== lx || fy !== ly ? [fx, fy] : [])]);
}
