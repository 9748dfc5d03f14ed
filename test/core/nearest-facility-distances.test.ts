import { describe, expect, it } from 'vitest';
import { coverageFlags, coveredPopulation } from '../../src/core/coverage-flags.ts';
import { haversineMetres } from '../../src/core/geodesic-distance.ts';
import { nearestFacilityDistances } from '../../src/core/nearest-facility-distances.ts';
import { randomPoints, seededRandom } from '../helpers/seeded-random.ts';

const NANJING = [118.70, 31.98, 118.86, 32.10];

/** The obvious O(n·m) scan: every origin against every facility. */
function bruteForce(origins: Float64Array, facilities: Float64Array) {
  const n = origins.length / 2;
  const distance = new Float64Array(n).fill(Infinity);
  const nearest = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < facilities.length / 2; j++) {
      const d = haversineMetres(origins[2 * i], origins[2 * i + 1], facilities[2 * j], facilities[2 * j + 1]);
      if (d < distance[i]) { distance[i] = d; nearest[i] = j; }
    }
  }
  return { distance, nearest };
}

describe('nearestFacilityDistances', () => {
  it('finds the same nearest facility and distance as a brute-force scan on seeded random points', () => {
    for (const [seed, n, m] of [[1, 2000, 40], [2, 3000, 3], [3, 1500, 700]]) {
      const rand = seededRandom(seed);
      const origins = randomPoints(rand, n, NANJING);
      const facilities = randomPoints(rand, m, NANJING);
      const got = nearestFacilityDistances(origins, facilities);
      const want = bruteForce(origins, facilities);
      for (let i = 0; i < n; i++) {
        expect(got.distance[i]).toBeCloseTo(want.distance[i], 6);
        expect(got.nearest[i]).toBe(want.nearest[i]);
      }
    }
  });

  it('stays exact for origins far outside the facilities\' extent and for clustered facilities', () => {
    const rand = seededRandom(4);
    const origins = randomPoints(rand, 3000, [118.5, 31.8, 119.1, 32.3]);
    const facilities = new Float64Array([...randomPoints(rand, 300, [118.77, 32.03, 118.79, 32.05]), ...randomPoints(rand, 5, NANJING)]);
    const got = nearestFacilityDistances(origins, facilities);
    const want = bruteForce(origins, facilities);
    for (let i = 0; i < 3000; i++) {
      expect(got.distance[i]).toBeCloseTo(want.distance[i], 6);
      expect(got.nearest[i]).toBe(want.nearest[i]);
    }
  });

  it('reports Infinity and -1 when there are no facilities', () => {
    const r = nearestFacilityDistances(new Float64Array([118.78, 32.04]), new Float64Array(0));
    expect(r.distance[0]).toBe(Infinity);
    expect(r.nearest[0]).toBe(-1);
  });

  it('measures a hand-worked case: 0.001° north of a facility is R·π/180·0.001 m away', () => {
    const r = nearestFacilityDistances(new Float64Array([118.78, 32.041]), new Float64Array([118.78, 32.040, 118.79, 32.05]));
    expect(r.nearest[0]).toBe(0);
    expect(r.distance[0]).toBeCloseTo(111.19508, 4);
  });
});

describe('coverageFlags', () => {
  it('covers a distance equal to the radius, never NaN (off-network) or Infinity (unreachable)', () => {
    expect([...coverageFlags([0, 499.9, 500, 500.1, NaN, Infinity], 500)]).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('sums covered and total population in persons', () => {
    expect(coveredPopulation([10, 20, 30], [1, 0, 1])).toEqual({ covered: 40, total: 60 });
  });
});
