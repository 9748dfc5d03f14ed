import { coordinateProblem } from './check-coordinates.ts';

type Geometry = { type?: string; coordinates?: unknown } | null | undefined;

/**
 * One point for a GeoJSON geometry: a Point itself, or the area-weighted centroid of a Polygon /
 * MultiPolygon's outer rings (planar in degrees: fine at city scale). Null for anything else.
 */
export function geometryRepresentativePoint(geometry: unknown): [number, number] | null {
  const g = geometry as Geometry;
  if (!g || !Array.isArray(g.coordinates)) return null;
  if (g.type === 'Point') {
    const [lon, lat] = g.coordinates as number[];
    return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : null;
  }
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? (g.coordinates as unknown[]) : null;
  if (!polys) return null;
  let a = 0, cx = 0, cy = 0;
  for (const poly of polys as number[][][][]) {
    const ring = poly[0];
    if (!ring || ring.length < 3) continue;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      a += cross;
      cx += (ring[j][0] + ring[i][0]) * cross;
      cy += (ring[j][1] + ring[i][1]) * cross;
    }
  }
  if (a === 0) {
    const ring = (polys as number[][][][])[0]?.[0];
    return ring?.[0] ? [ring[0][0], ring[0][1]] : null;
  }
  const p: [number, number] = [cx / (3 * a), cy / (3 * a)];
  return coordinateProblem(p[0], p[1]) === 'longitude/latitude are not numbers' ? null : p;
}
