import Flatbush from 'flatbush';
import type { PolygonColumns } from './polygon-columns.ts';

/**
 * The feature index containing each point (interleaved lon/lat), or -1 when none does.
 * Polygon boxes go into flatbush; each candidate is tested by even-odd ray casting over all its
 * rings (holes excluded). When polygons overlap, the lowest feature index wins.
 */
export function pointsInPolygons(points: Float64Array, polygons: PolygonColumns): Int32Array {
  const n = points.length / 2;
  const out = new Int32Array(n).fill(-1);
  const pc = polygons.polygonRings.length - 1;
  if (pc <= 0) return out;
  const { coords, ringStarts, polygonRings } = polygons;
  const index = new Flatbush(pc);
  for (let p = 0; p < pc; p++) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let v = ringStarts[polygonRings[p]]; v < ringStarts[polygonRings[p] + 1]; v++) {
      const x = coords[2 * v], y = coords[2 * v + 1];
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();

  for (let i = 0; i < n; i++) {
    const x = points[2 * i], y = points[2 * i + 1];
    let found = -1;
    for (const p of index.search(x, y, x, y)) {
      const f = polygons.feature[p];
      if (found >= 0 && f >= found) continue;
      let inside = false;
      for (let r = polygonRings[p]; r < polygonRings[p + 1]; r++) {
        for (let a = ringStarts[r + 1] - 1, b = ringStarts[r]; b < ringStarts[r + 1]; a = b++) {
          const ay = coords[2 * a + 1], by = coords[2 * b + 1];
          if (ay > y !== by > y) {
            const ax = coords[2 * a], bx = coords[2 * b];
            if (x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
          }
        }
      }
      if (inside) found = f;
    }
    out[i] = found;
  }
  return out;
}
