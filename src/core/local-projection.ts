import { EARTH_RADIUS_M } from './geodesic-distance.ts';

/**
 * An equirectangular projection centred on latitude `lat0`: x = R·λ·cos φ0, y = R·φ (metres).
 * Over a city (±0.1° of latitude) its scale error is below 0.2%, so it is used only to search
 * spatial indexes and to project a point onto a segment; reported distances are geodesic.
 */
export interface LocalProjection {
  /** Metres per degree of longitude at lat0. */
  kx: number;
  /** Metres per degree of latitude. */
  ky: number;
}

export function localProjection(lat0: number): LocalProjection {
  const ky = (EARTH_RADIUS_M * Math.PI) / 180;
  return { kx: ky * Math.cos((lat0 * Math.PI) / 180), ky };
}

/** Projects interleaved lon/lat degrees to interleaved x/y metres (a new array). */
export function projectCoords(coords: Float64Array, p: LocalProjection): Float64Array {
  const out = new Float64Array(coords.length);
  for (let i = 0; i < coords.length; i += 2) {
    out[i] = coords[i] * p.kx;
    out[i + 1] = coords[i + 1] * p.ky;
  }
  return out;
}

/** Mean latitude of interleaved lon/lat coordinates (0 when empty). */
export function meanLatitude(...coordArrays: Float64Array[]): number {
  let sum = 0;
  let n = 0;
  for (const c of coordArrays) {
    for (let i = 1; i < c.length; i += 2) sum += c[i];
    n += c.length / 2;
  }
  return n ? sum / n : 0;
}
