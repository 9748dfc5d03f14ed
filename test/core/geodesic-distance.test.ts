import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M, haversineMetres } from '../../src/core/geodesic-distance.ts';

const RAD = Math.PI / 180;
/** Spherical law of cosines: a different formula for the same great-circle distance. */
const lawOfCosines = (lon1: number, lat1: number, lon2: number, lat2: number) =>
  EARTH_RADIUS_M * Math.acos(Math.min(1, Math.sin(lat1 * RAD) * Math.sin(lat2 * RAD) + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.cos((lon2 - lon1) * RAD)));

describe('haversineMetres', () => {
  it('gives R·π/180 metres for one degree along a meridian', () => {
    expect(haversineMetres(118.78, 32, 118.78, 33)).toBeCloseTo((EARTH_RADIUS_M * Math.PI) / 180, 6);
  });

  it('gives R·cos(φ)·Δλ (to 1 mm) for 0.01° of longitude at Nanjing’s latitude', () => {
    const expected = EARTH_RADIUS_M * Math.cos(32.04 * RAD) * 0.01 * RAD;
    expect(haversineMetres(118.77, 32.04, 118.78, 32.04)).toBeCloseTo(expected, 3);
  });

  it('agrees with the spherical law of cosines to 1 cm over city distances', () => {
    const pairs = [[118.7624, 32.0347, 118.7968, 32.0522], [118.78, 32.04, 118.7812, 32.0431], [118.70, 32.00, 118.90, 32.10]];
    for (const [a, b, c, d] of pairs) expect(haversineMetres(a, b, c, d)).toBeCloseTo(lawOfCosines(a, b, c, d), 2);
  });

  it('is zero for the same point and symmetric', () => {
    expect(haversineMetres(118.78, 32.04, 118.78, 32.04)).toBe(0);
    expect(haversineMetres(118.78, 32.04, 118.79, 32.05)).toBe(haversineMetres(118.79, 32.05, 118.78, 32.04));
  });
});
