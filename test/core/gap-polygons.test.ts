import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { gapAt, serviceGaps, type GapPolygon } from '../../src/core/gap-polygons.ts';
import { localProjection } from '../../src/core/local-projection.ts';
import { seededRandom } from '../helpers/seeded-random.ts';

const S = 100; // cell size, m
const LAT0 = 32.04;

/** Demand points at the centres of the given grid cells (col, row), on the grid serviceGaps will use. */
function pointsAtCells(cells: [number, number][], weights?: number[]) {
  const ky = localProjection(0).ky;
  const row0 = Math.floor((LAT0 * ky) / S);
  const lats = cells.map(([, r]) => ((row0 + r + 0.5) * S) / ky);
  const meanLat = lats.reduce((a, b) => a + b, 0) / Math.max(1, lats.length);
  const { kx } = localProjection(meanLat);
  const col0 = Math.floor((118.78 * kx) / S);
  const coords = new Float64Array(cells.length * 2);
  cells.forEach(([c], i) => {
    coords[2 * i] = ((col0 + c + 0.5) * S) / kx;
    coords[2 * i + 1] = lats[i];
  });
  const weight = Float64Array.from(weights ?? cells.map(() => 10));
  return { coords, weight, uncovered: new Uint8Array(cells.length).fill(1) };
}

const asPolygon = (g: GapPolygon) => turf.polygon(g.rings.map((r) => Array.from({ length: r.length / 2 }, (_, k) => [r[2 * k], r[2 * k + 1]])));
const signedArea = (r: Float64Array) => {
  let a = 0;
  for (let k = 0; k + 3 < r.length; k += 2) a += r[k] * r[k + 3] - r[k + 2] * r[k + 1];
  return a / 2;
};

describe('service gaps', () => {
  it('trace an L of three cells as one counter-clockwise hexagon of 3 cells’ area', () => {
    const { coords, weight, uncovered } = pointsAtCells([[0, 0], [1, 0], [0, 1]], [5, 7, 11]);
    const { gaps } = serviceGaps(coords, weight, uncovered, S);
    expect(gaps).toHaveLength(1);
    expect(gaps[0].rings).toHaveLength(1);
    expect(gaps[0].rings[0].length / 2).toBe(7); // 6 corners + closing point
    expect(signedArea(gaps[0].rings[0])).toBeGreaterThan(0);
    expect(gaps[0].population).toBe(23);
    expect(turf.area(asPolygon(gaps[0]))).toBeCloseTo(3 * S * S, -2);
  });

  it('give a ring of eight cells a square hole, wound clockwise', () => {
    const ring: [number, number][] = [[0, 0], [1, 0], [2, 0], [0, 1], [2, 1], [0, 2], [1, 2], [2, 2]];
    const { gaps } = serviceGaps(...Object.values(pointsAtCells(ring)) as [Float64Array, Float64Array, Uint8Array], S);
    expect(gaps).toHaveLength(1);
    expect(gaps[0].rings).toHaveLength(2);
    expect(gaps[0].rings.map((r) => r.length / 2)).toEqual([5, 5]);
    expect(signedArea(gaps[0].rings[1])).toBeLessThan(0);
    expect(turf.area(asPolygon(gaps[0]))).toBeCloseTo(8 * S * S, -2);
  });

  it('keep cells that touch only at a corner apart, and rank gaps by population', () => {
    const { coords, weight, uncovered } = pointsAtCells([[0, 0], [1, 1], [5, 5]], [3, 9, 4]);
    const { gaps } = serviceGaps(coords, weight, uncovered, S);
    expect(gaps.map((g) => g.population)).toEqual([9, 4, 3]);
    expect(gaps.map((g) => g.rank)).toEqual([1, 2, 3]);
  });

  it('ignore covered and zero-weight points', () => {
    const p = pointsAtCells([[0, 0], [3, 0], [6, 0]], [0, 10, 10]);
    p.uncovered[2] = 0;
    const { gaps } = serviceGaps(p.coords, p.weight, p.uncovered, S);
    expect(gaps).toHaveLength(1);
    expect(gaps[0].demandCount).toBe(1);
  });

  it('on random patterns, cover exactly their own cells: area, holes and containment agree with turf', () => {
    const rand = seededRandom(21);
    for (let trial = 0; trial < 5; trial++) {
      const cells: [number, number][] = [];
      for (let c = 0; c < 14; c++) for (let r = 0; r < 14; r++) if (rand() < 0.55) cells.push([c, r]);
      const p = pointsAtCells(cells);
      const { gaps, grid } = serviceGaps(p.coords, p.weight, p.uncovered, S);
      expect(gaps.reduce((a, g) => a + g.cellCount, 0)).toBe(cells.length);
      const polys = gaps.map(asPolygon);
      gaps.forEach((g, k) => {
        expect(signedArea(g.rings[0]), `trial ${trial} gap ${k}`).toBeGreaterThan(0);
        for (const r of g.rings.slice(1)) expect(signedArea(r)).toBeLessThan(0);
        expect(g.rings.filter((r) => signedArea(r) > 0), 'one shell').toHaveLength(1);
        // Each ring simple (holes may touch the shell at a corner, which OGC allows).
        for (const r of g.rings) expect(turf.kinks(asPolygon({ ...g, rings: [r] })).features).toHaveLength(0);
        expect(turf.area(polys[k]) / (g.cellCount * S * S)).toBeCloseTo(1, 2);
      });
      for (let i = 0; i < cells.length; i++) {
        const pt = turf.point([p.coords[2 * i], p.coords[2 * i + 1]]);
        const holders = polys.filter((poly) => turf.booleanPointInPolygon(pt, poly));
        expect(holders).toHaveLength(1);
        expect(gapAt(grid, p.coords[2 * i], p.coords[2 * i + 1])).toBe(polys.indexOf(holders[0]));
      }
    }
  });
});
