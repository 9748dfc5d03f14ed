/**
 * Checks the bundled default area (data/nanjing-xinjiekou, made by scripts/prepare-data.ts)
 * against independent computations: its own files, and where available the shared source data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { area, bbox, booleanPointInPolygon, featureCollection, intersect, kinks } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon, Position } from 'geojson';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const AREA = path.join(REPO, 'data', 'nanjing-xinjiekou');
const sharedRoot = process.env.LIFECIRCLE_SHARED_DATA
  ? path.resolve(process.env.LIFECIRCLE_SHARED_DATA)
  : path.resolve(REPO, '..', 'shared', 'data');
const SHARED = fs.existsSync(path.join(sharedRoot, 'study_area_bbox.geojson'))
  ? sharedRoot
  : path.join(sharedRoot, 'nanjing-xinjiekou');
const hasShared = fs.existsSync(path.join(SHARED, 'population_ghspop_100m.csv'));
if (!hasShared) console.warn(`skipping source comparisons: shared data not found at ${SHARED} (set LIFECIRCLE_SHARED_DATA)`);

const read = (f: string) => fs.readFileSync(path.join(AREA, f), 'utf8');
const manifest = JSON.parse(read('area.json'));
const [minLon, minLat, maxLon, maxLat] = manifest.bbox as number[];

/** Tiny CSV reader (no quoted fields occur in these files): header row → objects of strings. */
function parseCsv(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trim().split(/\r?\n/);
  const cols = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i], v])));
}
const population = parseCsv(read('population.csv'));
const communities = JSON.parse(read('communities.geojson')) as FeatureCollection<Polygon>;

/** Twice the signed area of a lon/lat ring (shoelace, degrees²): > 0 means counter-clockwise. */
const signedArea2 = (ring: Position[]) =>
  ring.slice(0, -1).reduce((s, p, i) => s + p[0] * ring[i + 1][1] - ring[i + 1][0] * p[1], 0);

describe('default area nanjing-xinjiekou', () => {
  it('lists in area.json only files that exist and are each well under 5 MB', () => {
    for (const f of Object.values(manifest.files as Record<string, string>)) {
      expect(fs.statSync(path.join(AREA, f)).size, f).toBeLessThan(2 * 1024 * 1024);
    }
  });

  it('keeps every population row inside the study bbox, with ids P0001… in order', () => {
    expect(population.length).toBeGreaterThan(400);
    population.forEach((r, i) => {
      expect(r.id).toBe(`P${String(i + 1).padStart(4, '0')}`);
      const lon = Number(r.lon), lat = Number(r.lat);
      expect(lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat, r.id).toBe(true);
      expect(Number(r.pop)).toBeGreaterThanOrEqual(0);
    });
  });

  it.skipIf(!hasShared)('sums pop to the same total as the shared source CSV filtered by the bbox of the data-complete core', () => {
    // The study area is the OSM extract's data-complete core: the extent of its buildings.
    const studyBbox = bbox(JSON.parse(fs.readFileSync(path.join(SHARED, 'buildings_osm2021.geojson'), 'utf8')));
    expect(studyBbox).toEqual(manifest.bbox);
    const source = parseCsv(fs.readFileSync(path.join(SHARED, 'population_ghspop_100m.csv'), 'utf8'))
      .filter((r) => +r.lon >= minLon && +r.lon <= maxLon && +r.lat >= minLat && +r.lat <= maxLat);
    const sum = (rows: Record<string, string>[]) => rows.reduce((s, r) => s + Number(r.pop), 0);
    expect(population.length).toBe(source.length);
    expect(sum(population)).toBeCloseTo(sum(source), 6); // persons; same decimal strings, so exact
  });

  it.skipIf(!hasShared)('copies the OSM PBF byte for byte', () => {
    const a = fs.readFileSync(path.join(AREA, manifest.files.network));
    const b = fs.readFileSync(path.join(SHARED, 'osm_nanjing_xinjiekou_2021-06-12.osm.pbf'));
    expect(a.equals(b)).toBe(true);
  });

  it('ships all 441 facilities with raw tags and without the staged category fields', () => {
    const fc = JSON.parse(read('facilities.geojson')) as FeatureCollection<Point>;
    expect(fc.features).toHaveLength(441);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('Point');
      expect(f.properties!.id).toMatch(/^[nwra]\d+$/);
      expect('name' in f.properties!).toBe(true);
      for (const k of ['category', 'category_zh', 'geom_source']) expect(f.properties).not.toHaveProperty(k);
    }
  });

  it('gives communities unique ids U… and the required properties', () => {
    const ids = communities.features.map((f) => f.properties!.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of communities.features) {
      expect(f.properties!.id).toMatch(/^U\d{2,}$/);
      expect(f.properties!.derived).toBe(true);
      expect(typeof f.properties!.name).toBe('string');
      expect(f.properties!.name_en).toContain(`Block ${f.properties!.id}`);
      // area_ha is the geodesic area in hectares, rounded to 2 decimals
      expect(f.properties!.area_ha).toBeCloseTo(area(f) / 1e4, 1);
    }
  });

  it('makes communities valid polygons: closed rings, CCW outer / CW inner rings, no self-intersection', () => {
    for (const f of communities.features) {
      expect(f.geometry.type).toBe('Polygon');
      f.geometry.coordinates.forEach((ring, i) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[ring.length - 1]).toEqual(ring[0]);
        expect(signedArea2(ring) > 0, `${f.properties!.id} ring ${i} orientation`).toBe(i === 0);
      });
      expect(kinks(f).features, `${f.properties!.id} kinks`).toHaveLength(0);
    }
  });

  it('makes communities pairwise non-overlapping (shared area < 1 m²)', () => {
    const boxes = communities.features.map((f) => bbox(f));
    let candidatePairs = 0;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue;
        candidatePairs++;
        const x = intersect(featureCollection([communities.features[i], communities.features[j]]));
        const shared = x ? area(x) : 0;
        expect(shared, `${communities.features[i].properties!.id} × ${communities.features[j].properties!.id}`).toBeLessThan(1);
      }
    }
    expect(candidatePairs).toBeGreaterThan(communities.features.length); // neighbours were really compared
  });

  it('tiles the study area: unit areas add up to the bbox area and each population cell is in exactly one unit', () => {
    const bboxPolygon: Feature<Polygon> = {
      type: 'Feature', properties: {},
      geometry: { type: 'Polygon', coordinates: [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]] },
    };
    const total = communities.features.reduce((s, f) => s + area(f), 0);
    expect(Math.abs(total - area(bboxPolygon)) / area(bboxPolygon)).toBeLessThan(0.001);
    const boxes = communities.features.map((f) => bbox(f));
    for (const r of population) {
      const p = [Number(r.lon), Number(r.lat)];
      const hits = communities.features.filter((f, i) => p[0] >= boxes[i][0] && p[0] <= boxes[i][2]
        && p[1] >= boxes[i][1] && p[1] <= boxes[i][3] && booleanPointInPolygon(p, f));
      expect(hits.length, r.id).toBe(1);
    }
  });

  it('keeps typical community units at block scale (median 2–40 ha)', () => {
    const a = communities.features.map((f) => f.properties!.area_ha as number).sort((x, y) => x - y);
    const median = a[Math.floor(a.length / 2)];
    expect(median).toBeGreaterThan(2);
    expect(median).toBeLessThan(40);
    expect(a[0]).toBeGreaterThanOrEqual(0.5); // slivers were merged
  });
});
