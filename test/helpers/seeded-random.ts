import { seededRandom } from '../../src/core/seeded-random.ts';

export { seededRandom };

/** n random lon/lat points in a box, interleaved. */
export function randomPoints(rand: () => number, n: number, [minLon, minLat, maxLon, maxLat]: number[]): Float64Array {
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = minLon + rand() * (maxLon - minLon);
    out[2 * i + 1] = minLat + rand() * (maxLat - minLat);
  }
  return out;
}
