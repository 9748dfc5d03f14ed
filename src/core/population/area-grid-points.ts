import { localProjection } from '../local-projection.ts';
import type { PolygonColumns } from '../polygon-columns.ts';

/** At most this many grid cells are laid over one feature's bounding box; larger features get a coarser grid. */
export const MAX_GRID_CELLS_PER_FEATURE = 20_000;

/**
 * Points of a regular square grid (cell centres, `spacingM` metres apart in the local projection
 * centred on the feature's bounding box) that lie inside feature `f` of `polygons` (even-odd over
 * each polygon's rings, so holes are excluded). When the bounding box holds more than
 * MAX_GRID_CELLS_PER_FEATURE cells the spacing grows until it does not. Interleaved lon/lat.
 */
export function gridPointsInFeature(polygons: PolygonColumns, polys: number[], spacingM: number): { coords: Float64Array; spacingM: number } {
  const { coords, ringStarts, polygonRings } = polygons;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of polys) {
    for (let v = ringStarts[polygonRings[p]]; v < ringStarts[polygonRings[p] + 1]; v++) {
      minX = Math.min(minX, coords[2 * v]);
      maxX = Math.max(maxX, coords[2 * v]);
      minY = Math.min(minY, coords[2 * v + 1]);
      maxY = Math.max(maxY, coords[2 * v + 1]);
    }
  }
  if (!Number.isFinite(minX)) return { coords: new Float64Array(0), spacingM };
  const { kx, ky } = localProjection((minY + maxY) / 2);
  const wM = (maxX - minX) * kx, hM = (maxY - minY) * ky;
  let s = spacingM;
  if ((wM / s) * (hM / s) > MAX_GRID_CELLS_PER_FEATURE) s = Math.sqrt((wM * hM) / MAX_GRID_CELLS_PER_FEATURE);
  const out: number[] = [];
  const nx = Math.floor(wM / s), ny = Math.floor(hM / s);
  // Centred in the box: the margin left over is split evenly on both sides.
  const x0 = minX + (wM - nx * s) / 2 / kx + s / 2 / kx;
  const y0 = minY + (hM - ny * s) / 2 / ky + s / 2 / ky;
  for (let j = 0; j < ny; j++) {
    const y = y0 + (j * s) / ky;
    for (let i = 0; i < nx; i++) {
      const x = x0 + (i * s) / kx;
      if (insideAny(polygons, polys, x, y)) out.push(x, y);
    }
  }
  return { coords: Float64Array.from(out), spacingM: s };
}

/** True when (x, y) is inside any of the polygons `polys` (even-odd over each polygon's rings). */
export function insideAny(polygons: PolygonColumns, polys: number[], x: number, y: number): boolean {
  const { coords, ringStarts, polygonRings } = polygons;
  for (const p of polys) {
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
    if (inside) return true;
  }
  return false;
}

/** The polygon indices of each feature. */
export function polygonsByFeature(polygons: PolygonColumns): number[][] {
  const out: number[][] = Array.from({ length: polygons.featureCount }, () => []);
  for (let p = 0; p + 1 < polygons.polygonRings.length; p++) out[polygons.feature[p]].push(p);
  return out;
}
