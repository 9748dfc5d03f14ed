import { localProjection } from '../local-projection.ts';
import type { PolygonColumns } from '../polygon-columns.ts';

/**
 * Area (m²) and area-weighted centroid (lon, lat) of every feature of a polygon layer.
 * Each polygon is projected with the equirectangular projection centred on its own first vertex's
 * latitude (src/core/local-projection.ts: scale error < 0.2 % over ±0.1°, far less over a building
 * or a 社区), then the shoelace formula: outer ring minus holes. A feature with zero area gets the
 * mean of its outer-ring vertices as centroid.
 */
export function polygonFeatureAreas(polygons: PolygonColumns): { areaM2: Float64Array; centroids: Float64Array } {
  const { coords, ringStarts, polygonRings, feature, featureCount } = polygons;
  const areaM2 = new Float64Array(featureCount);
  // Per feature: area in degree² and Σ lon·A, Σ lat·A (lon/lat are linear in the local projection).
  const wDeg = new Float64Array(featureCount);
  const sx = new Float64Array(featureCount);
  const sy = new Float64Array(featureCount);
  const vx = new Float64Array(featureCount);
  const vy = new Float64Array(featureCount);
  const vn = new Float64Array(featureCount);
  for (let p = 0; p + 1 < polygonRings.length; p++) {
    const f = feature[p];
    const { kx, ky } = localProjection(coords[2 * ringStarts[polygonRings[p]] + 1]);
    for (let r = polygonRings[p]; r < polygonRings[p + 1]; r++) {
      const s = ringStarts[r], e = ringStarts[r + 1];
      const outer = r === polygonRings[p];
      if (outer) {
        for (let v = s; v < e; v++) {
          vx[f] += coords[2 * v];
          vy[f] += coords[2 * v + 1];
          vn[f]++;
        }
      }
      // Relative to the ring's first vertex, so the cross products keep their precision.
      const ox = coords[2 * s], oy = coords[2 * s + 1];
      let a2 = 0, cx = 0, cy = 0;
      for (let i = s, j = e - 1; i < e; j = i++) {
        const xj = coords[2 * j] - ox, yj = coords[2 * j + 1] - oy, xi = coords[2 * i] - ox, yi = coords[2 * i + 1] - oy;
        const cross = xj * yi - xi * yj;
        a2 += cross;
        cx += (xj + xi) * cross;
        cy += (yj + yi) * cross;
      }
      if (a2 === 0) continue;
      // Holes count negatively whatever their winding: the sign comes from the ring's role.
      const a = ((outer ? 1 : -1) * Math.abs(a2)) / 2;
      wDeg[f] += a;
      areaM2[f] += a * kx * ky;
      sx[f] += a * (ox + cx / (3 * a2));
      sy[f] += a * (oy + cy / (3 * a2));
    }
  }
  const centroids = new Float64Array(2 * featureCount);
  for (let f = 0; f < featureCount; f++) {
    const useArea = wDeg[f] > 0;
    centroids[2 * f] = useArea ? sx[f] / wDeg[f] : vn[f] ? vx[f] / vn[f] : NaN;
    centroids[2 * f + 1] = useArea ? sy[f] / wDeg[f] : vn[f] ? vy[f] / vn[f] : NaN;
  }
  return { areaM2, centroids };
}
