import { describe, expect, it } from 'vitest';
import { spreadCommunityTotals } from '../../../src/core/population/spread-community-totals.ts';
import type { PolygonColumns } from '../../../src/core/polygon-columns.ts';

const rect = (lon: number, lat: number, w: number, h: number) => [[lon, lat], [lon + w, lat], [lon + w, lat + h], [lon, lat + h], [lon, lat]];

function columns(rings: number[][][]): PolygonColumns {
  const ringStarts = [0];
  for (const r of rings) ringStarts.push(ringStarts[ringStarts.length - 1] + r.length);
  return {
    coords: Float64Array.from(rings.flat(2)),
    ringStarts: Uint32Array.from(ringStarts),
    polygonRings: Uint32Array.from(rings.map((_, i) => i).concat(rings.length)),
    feature: Uint32Array.from(rings.map((_, i) => i)),
    featureCount: rings.length,
  };
}

/** Brute-force even-odd point-in-polygon, written here so the test does not trust the code under test. */
function inside(ring: number[][], x: number, y: number): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

// Two square communities side by side, ≈ 945 m × 1112 m each at 32°N.
const A = rect(118.0, 32.0, 0.01, 0.01);
const B = rect(118.01, 32.0, 0.01, 0.01);
const communities = { polygons: columns([A, B]), ids: ['A', 'B'] };
const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);

describe('community totals spread over residential buildings', () => {
  // Three buildings in A with floor areas 100, 300 and 600 m²; none in B.
  const buildings = {
    ids: ['b1', 'b2', 'b3'],
    centroids: Float64Array.from([118.002, 32.002, 118.004, 32.004, 118.006, 32.006]),
    weight: Float64Array.from([100, 300, 600]),
  };
  const r = spreadCommunityTotals(communities, Float64Array.from([1000, 500]), 'buildings', { buildings, gridM: 100 });
  const popOf = (id: string) => r.table.pop[r.table.ids.indexOf(id)];

  it('give each building its share of floor area: 1000 × 100/1000, × 300/1000, × 600/1000', () => {
    expect(popOf('A/building:b1')).toBeCloseTo(100, 9);
    expect(popOf('A/building:b2')).toBeCloseTo(300, 9);
    expect(popOf('A/building:b3')).toBeCloseTo(600, 9);
  });

  it('fall back to the area for a community without buildings, and say so', () => {
    expect(r.fellBack).toEqual([1]);
    expect(r.how).toEqual(['buildings', 'area-grid']);
    const bPoints = r.table.ids.filter((id) => id.startsWith('B/grid:'));
    expect(bPoints.length).toBeGreaterThan(50);
  });

  it('place every total in full: the points sum to 1000 + 500', () => {
    expect(sum(r.table.pop)).toBeCloseTo(1500, 6);
    expect(Array.from(r.placed)).toEqual([1000, 500]);
  });
});

describe('community totals spread over the area', () => {
  const r = spreadCommunityTotals(communities, Float64Array.from([1000, 2000]), 'area', { gridM: 100 });

  it('keep each community total exactly', () => {
    const byCommunity = (c: string) => r.table.pop.filter((_, i) => r.table.ids[i].startsWith(`${c}/`)).reduce((s, x) => s + x, 0);
    expect(byCommunity('A')).toBeCloseTo(1000, 6);
    expect(byCommunity('B')).toBeCloseTo(2000, 6);
  });

  it('put every point inside its own community (brute-force point in polygon)', () => {
    for (let i = 0; i < r.table.length; i++) {
      const ring = r.table.ids[i].startsWith('A/') ? A : B;
      expect(inside(ring, r.table.coords[2 * i], r.table.coords[2 * i + 1])).toBe(true);
    }
  });

  it('use about one point per 100 m × 100 m cell: 945 m × 1112 m → 9 × 11 = 99 points', () => {
    // floor(945/100) × floor(1112/100): whole cells inside the square, hand-worked.
    const a = r.table.ids.filter((id) => id.startsWith('A/')).length;
    expect(a).toBe(99);
  });

  it('give equal weights within a community', () => {
    const a = r.table.pop.filter((_, i) => r.table.ids[i].startsWith('A/'));
    expect(Math.max(...a) - Math.min(...a)).toBeLessThan(1e-9);
  });

  it('put the whole total of a community too small for a grid point at its centroid', () => {
    const tiny = { polygons: columns([rect(118.0, 32.0, 0.0002, 0.0002)]), ids: ['T'] };
    const t = spreadCommunityTotals(tiny, Float64Array.from([37]), 'area', { gridM: 50 });
    expect(t.table.ids).toEqual(['T/centroid']);
    expect(t.table.pop[0]).toBe(37);
    expect(t.table.coords[0]).toBeCloseTo(118.0001, 9);
    expect(t.table.coords[1]).toBeCloseTo(32.0001, 9);
  });

  it('skip communities without a total (NaN) or with zero', () => {
    const t = spreadCommunityTotals(communities, Float64Array.from([NaN, 0]), 'area', { gridM: 100 });
    expect(t.table.length).toBe(0);
    expect(t.how).toEqual(['none', 'none']);
  });

  it('exclude holes: no point of a square with a square hole falls in the hole', () => {
    const outer = rect(118.0, 32.0, 0.01, 0.01);
    const hole = rect(118.003, 32.003, 0.004, 0.004);
    const withHole: PolygonColumns = {
      coords: Float64Array.from([...outer, ...hole].flat()),
      ringStarts: Uint32Array.from([0, 5, 10]),
      polygonRings: Uint32Array.from([0, 2]),
      feature: Uint32Array.from([0]),
      featureCount: 1,
    };
    const t = spreadCommunityTotals({ polygons: withHole, ids: ['H'] }, Float64Array.from([500]), 'area', { gridM: 100 });
    for (let i = 0; i < t.table.length; i++) expect(inside(hole, t.table.coords[2 * i], t.table.coords[2 * i + 1])).toBe(false);
    expect(sum(t.table.pop)).toBeCloseTo(500, 6);
  });
});
