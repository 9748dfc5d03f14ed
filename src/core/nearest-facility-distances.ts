import { haversineMetres } from './geodesic-distance.ts';
import { localProjection, meanLatitude } from './local-projection.ts';

export interface NearestFacilities {
  /** Geodesic metres to the nearest facility; Infinity when there are no facilities. */
  distance: Float64Array;
  /** Index of that facility in the `facilities` coords, or -1. */
  nearest: Int32Array;
}

/**
 * Straight-line (haversine, R = 6,371,008.8 m) distance from every origin to its nearest facility.
 * Facilities are bucketed in a uniform grid in local equirectangular metres (about one facility per
 * cell, at least 50 m). Each origin scans rings of cells outwards until the nearest planar
 * candidate is closer than any unscanned cell can be, then re-ranks every facility within 1% + 1 m
 * of that planar distance with the haversine formula (the projection's scale error is far below
 * 1%). Ties go to the lower facility index. Both inputs are interleaved lon/lat degrees.
 */
export function nearestFacilityDistances(origins: Float64Array, facilities: Float64Array): NearestFacilities {
  const n = origins.length / 2;
  const m = facilities.length / 2;
  const distance = new Float64Array(n).fill(Infinity);
  const nearest = new Int32Array(n).fill(-1);
  if (m === 0) return { distance, nearest };

  const { kx, ky } = localProjection(meanLatitude(origins, facilities));
  const fx = new Float64Array(m);
  const fy = new Float64Array(m);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let j = 0; j < m; j++) {
    const x = (fx[j] = facilities[2 * j] * kx);
    const y = (fy[j] = facilities[2 * j + 1] * ky);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const size = Math.max(50, Math.sqrt(((maxX - minX) * (maxY - minY)) / m));
  const cols = Math.floor((maxX - minX) / size) + 1;
  const rows = Math.floor((maxY - minY) / size) + 1;
  // Facilities sorted by cell (counting sort): cell c holds items[start[c] .. start[c+1]).
  const start = new Uint32Array(cols * rows + 1);
  const cellOf = new Uint32Array(m);
  for (let j = 0; j < m; j++) {
    cellOf[j] = Math.floor((fy[j] - minY) / size) * cols + Math.floor((fx[j] - minX) / size);
    start[cellOf[j] + 1]++;
  }
  for (let c = 0; c < cols * rows; c++) start[c + 1] += start[c];
  const fill = start.slice(0, cols * rows);
  const items = new Uint32Array(m);
  for (let j = 0; j < m; j++) items[fill[cellOf[j]]++] = j;

  const maxRing = Math.max(cols, rows);
  const ring = new Int32Array(8 * maxRing + 8); // cells of one ring, reused for every origin
  /** Writes the in-grid cells at Chebyshev distance r from (cx, cy) into `ring`; returns how many. */
  const ringCells = (cx: number, cy: number, r: number): number => {
    let k = 0;
    for (let y = Math.max(0, cy - r); y <= Math.min(rows - 1, cy + r); y++) {
      if (y === cy - r || y === cy + r) {
        for (let x = Math.max(0, cx - r); x <= Math.min(cols - 1, cx + r); x++) ring[k++] = y * cols + x;
      } else {
        if (cx - r >= 0) ring[k++] = y * cols + cx - r;
        if (cx + r < cols) ring[k++] = y * cols + cx + r;
      }
    }
    return k;
  };

  for (let i = 0; i < n; i++) {
    const lon = origins[2 * i];
    const lat = origins[2 * i + 1];
    const px = lon * kx;
    const py = lat * ky;
    const cx = Math.min(cols - 1, Math.max(0, Math.floor((px - minX) / size)));
    const cy = Math.min(rows - 1, Math.max(0, Math.floor((py - minY) / size)));
    // Distance from the point to the grid (0 inside): no facility is nearer than that.
    const outside = Math.hypot(Math.max(0, minX - px, px - (minX + cols * size)), Math.max(0, minY - py, py - (minY + rows * size)));

    // Pass 1: the nearest planar distance. After rings 0..r, an unscanned facility is at least
    // max(r·size, outside) away.
    let planar2 = Infinity;
    for (let r = 0; r <= maxRing; r++) {
      const cells = ringCells(cx, cy, r);
      for (let q = 0; q < cells; q++) {
        for (let k = start[ring[q]], end = start[ring[q] + 1]; k < end; k++) {
          const j = items[k];
          const dx = fx[j] - px;
          const dy = fy[j] - py;
          const d2 = dx * dx + dy * dy;
          if (d2 < planar2) planar2 = d2;
        }
      }
      const bound = Math.max(r * size, outside);
      if (planar2 <= bound * bound) break;
    }

    // Pass 2: geodesic re-rank of every facility within 1% + 1 m of it.
    const reach = Math.sqrt(planar2) * 1.01 + 1;
    const reach2 = reach * reach;
    const rings = Math.min(maxRing, Math.ceil(reach / size) + 1);
    let best = Infinity;
    let bestJ = -1;
    for (let y = Math.max(0, cy - rings); y <= Math.min(rows - 1, cy + rings); y++) {
      for (let x = Math.max(0, cx - rings); x <= Math.min(cols - 1, cx + rings); x++) {
        const c = y * cols + x;
        for (let k = start[c], end = start[c + 1]; k < end; k++) {
          const j = items[k];
          const dx = fx[j] - px;
          const dy = fy[j] - py;
          if (dx * dx + dy * dy > reach2) continue;
          const d = haversineMetres(lon, lat, facilities[2 * j], facilities[2 * j + 1]);
          if (d < best || (d === best && j < bestJ)) {
            best = d;
            bestJ = j;
          }
        }
      }
    }
    distance[i] = best;
    nearest[i] = bestJ;
  }
  return { distance, nearest };
}
