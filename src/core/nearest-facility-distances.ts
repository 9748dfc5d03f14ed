import Flatbush from 'flatbush';
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
 * Facilities go into a flatbush index in local equirectangular metres; when the planar runner-up
 * is within 1% + 1 m of the planar nearest, every facility that close is re-ranked with the
 * haversine formula (the projection's scale error is far below 1%).
 * Both inputs are interleaved lon/lat degrees.
 */
export function nearestFacilityDistances(origins: Float64Array, facilities: Float64Array): NearestFacilities {
  const n = origins.length / 2;
  const m = facilities.length / 2;
  const distance = new Float64Array(n).fill(Infinity);
  const nearest = new Int32Array(n).fill(-1);
  if (m === 0) return { distance, nearest };

  const p = localProjection(meanLatitude(origins, facilities));
  const index = new Flatbush(m, 16, Float64Array);
  for (let j = 0; j < m; j++) {
    const x = facilities[2 * j] * p.kx;
    const y = facilities[2 * j + 1] * p.ky;
    index.add(x, y, x, y);
  }
  index.finish();

  for (let i = 0; i < n; i++) {
    const lon = origins[2 * i];
    const lat = origins[2 * i + 1];
    const x = lon * p.kx;
    const y = lat * p.ky;
    const [first, second] = index.neighbors(x, y, 2);
    const planar = Math.hypot(facilities[2 * first] * p.kx - x, facilities[2 * first + 1] * p.ky - y);
    // Usually the runner-up is clearly farther and the planar nearest is the geodesic nearest too.
    if (second === undefined || Math.hypot(facilities[2 * second] * p.kx - x, facilities[2 * second + 1] * p.ky - y) > planar * 1.01 + 1) {
      distance[i] = haversineMetres(lon, lat, facilities[2 * first], facilities[2 * first + 1]);
      nearest[i] = first;
      continue;
    }
    let best = Infinity;
    let bestJ = -1;
    for (const j of index.neighbors(x, y, Infinity, planar * 1.01 + 1)) {
      const d = haversineMetres(lon, lat, facilities[2 * j], facilities[2 * j + 1]);
      if (d < best || (d === best && j < bestJ)) {
        best = d;
        bestJ = j;
      }
    }
    distance[i] = best;
    nearest[i] = bestJ;
  }
  return { distance, nearest };
}
