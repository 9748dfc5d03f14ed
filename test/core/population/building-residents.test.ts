import { area as turfArea, polygon as turfPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildingResidents } from '../../../src/core/population/building-residents.ts';
import type { BuildingTable } from '../../../src/core/population/building-table.ts';
import type { PolygonColumns } from '../../../src/core/polygon-columns.ts';

/** A rectangle ring [lon, lat][] from its south-west corner and size in degrees. */
const rect = (lon: number, lat: number, w: number, h: number) => [[lon, lat], [lon + w, lat], [lon + w, lat + h], [lon, lat + h], [lon, lat]];

/** Polygon columns with one single-ring polygon per feature. */
function columns(rings: number[][][]): PolygonColumns {
  const coords = rings.flat(2);
  const ringStarts = [0];
  for (const r of rings) ringStarts.push(ringStarts[ringStarts.length - 1] + r.length);
  return {
    coords: Float64Array.from(coords),
    ringStarts: Uint32Array.from(ringStarts),
    polygonRings: Uint32Array.from(rings.map((_, i) => i).concat(rings.length)),
    feature: Uint32Array.from(rings.map((_, i) => i)),
    featureCount: rings.length,
  };
}

const rings = [
  rect(118.002, 32.002, 0.0002, 0.0002), // b1: residential, 6 levels
  rect(118.004, 32.002, 0.0004, 0.0002), // b2: apartments, 30 m high → 10 floors
  rect(118.006, 32.002, 0.0002, 0.0002), // b3: office → no residents
  rect(118.008, 32.002, 0.0002, 0.0002), // b4: house, residents column says 42
  rect(118.012, 32.002, 0.0002, 0.0002), // b5: house, no levels or height → 1 floor
];
const nan = NaN;
const table: BuildingTable = {
  length: 5,
  ids: ['b1', 'b2', 'b3', 'b4', 'b5'],
  polygons: columns(rings),
  kind: ['residential', 'apartments', 'office', 'house', 'house'],
  levels: Float64Array.from([6, nan, 8, nan, nan]),
  heightM: Float64Array.from([nan, 30, nan, nan, nan]),
  residents: Float64Array.from([nan, nan, nan, 42, nan]),
  floorAreaM2: Float64Array.from([nan, nan, nan, nan, nan]),
};

describe('residents per building', () => {
  const { table: pop, measures } = buildingResidents(table, 30);
  const footprint = (i: number) => turfArea(turfPolygon([rings[i]]));
  const residentsOf = (id: string) => pop.pop[pop.ids.indexOf(`building:${id}`)];

  it('are footprint × levels ÷ 30 m² per person for a residential building with 6 levels', () => {
    // turf computes the footprint geodesically: an independent check of the local projection.
    expect(Math.abs(residentsOf('b1') / ((footprint(0) * 6) / 30) - 1)).toBeLessThan(0.005);
  });

  it('take floors as height ÷ 3 m when only the height is known (30 m → 10 floors)', () => {
    expect(measures.floors[1]).toBe(10);
    expect(Math.abs(residentsOf('b2') / ((footprint(1) * 10) / 30) - 1)).toBeLessThan(0.005);
  });

  it('come from the residents column when it has a value', () => {
    expect(residentsOf('b4')).toBe(42);
  });

  it('count one floor when neither levels nor height is known', () => {
    expect(measures.floors[4]).toBe(1);
    expect(Math.abs(residentsOf('b5') / (footprint(4) / 30) - 1)).toBeLessThan(0.005);
  });

  it('leave out non-residential buildings such as offices', () => {
    expect(pop.ids).not.toContain('building:b3');
    expect(pop.length).toBe(4);
  });

  it('are placed at the building centroid', () => {
    const k = pop.ids.indexOf('building:b1');
    expect(pop.coords[2 * k]).toBeCloseTo(118.0021, 9);
    expect(pop.coords[2 * k + 1]).toBeCloseTo(32.0021, 9);
  });

  it('are counted by path for the method statement', () => {
    expect(measures.counts).toMatchObject({ buildings: 5, residential: 4, fromResidentsField: 1, fromFootprint: 3, floorsFromLevels: 1, floorsFromHeight: 1, floorsDefault: 1 });
  });

  it('treat building=yes as a home only inside residential land use', () => {
    const yes = { ...table, kind: ['yes', 'yes', 'yes', 'yes', 'yes'], residents: new Float64Array(5).fill(NaN) };
    expect(buildingResidents(yes, 30).table.length).toBe(0);
    const landuse = columns([rect(118.001, 32.001, 0.004, 0.004)]); // holds b1 and b2 only
    expect(buildingResidents(yes, 30, landuse).table.ids).toEqual(['building:b1', 'building:b2']);
  });

  it('treat every building as a home when the file has no building type at all', () => {
    const untyped = { ...table, kind: ['', '', '', '', ''] };
    expect(buildingResidents(untyped, 30).table.length).toBe(5);
  });
});
