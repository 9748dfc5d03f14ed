import { readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseArea, type AreaAnalysis } from '../../src/cli/area-analysis.ts';
import { communityCoverage, coverageTotals, straightOnlyPopulation } from '../../src/io/community-coverage.ts';
import { openNodeDuckDb } from '../../src/io/duckdb-node.ts';
import type { SqlDatabase } from '../../src/io/sql-database.ts';

const AREA = path.resolve(import.meta.dirname, '../../data/nanjing-xinjiekou');
const file = (f: string) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(AREA, f))) });
const csvRows = readFileSync(path.join(AREA, 'population.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const communitiesFc: GeoJSON.FeatureCollection<GeoJSON.Polygon> = JSON.parse(readFileSync(path.join(AREA, 'communities.geojson'), 'utf8'));

describe('DuckDB-WASM (Node build) on the real default area', () => {
  let db: SqlDatabase;
  let a: AreaAnalysis;
  beforeAll(async () => {
    db = await openNodeDuckDb();
    a = await analyseArea(db, { population: file('population.csv'), facilities: file('facilities.geojson'), network: file('network.osm.pbf'), communities: file('communities.geojson') }, { modes: ['network', 'straight'], limitM: 2000, maxSnapM: 250 });
  });
  afterAll(() => db.close());

  it('holds one population row per CSV line, and every community and facility', async () => {
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INT AS n FROM population');
    expect(n).toBe(csvRows.length);
    const [{ c }] = await db.query<{ c: number }>('SELECT count(*)::INT AS c FROM communities');
    expect(c).toBe(communitiesFc.features.length);
    const [{ p }] = await db.query<{ p: number }>('SELECT sum(pop) AS p FROM population');
    expect(p).toBeCloseTo(csvRows.reduce((s, r) => s + Number(r[3]), 0), 6);
    const [{ f }] = await db.query<{ f: number }>('SELECT count(*)::INT AS f FROM facilities');
    expect(f).toBe(a.facilities.length);
  });

  it('aggregates per community exactly as an independent turf point-in-polygon + loop does', async () => {
    const type = 'primary_school';
    const radius = 500;
    const d = a.distances.results.find((r) => r.type === type && r.mode === 'network')!.distance;
    // Independent assignment: turf's point-in-polygon on the GeoJSON, not the core's ray casting.
    const unitOf = csvRows.map(([, lon, lat]) => communitiesFc.features.findIndex((f) => booleanPointInPolygon([Number(lon), Number(lat)], f)));
    const rows = await communityCoverage(db, type, 'network', radius);
    for (const row of rows.filter((r) => r.idx >= 0)) {
      const members = unitOf.flatMap((u, i) => (u === row.idx ? [i] : []));
      const pop = members.reduce((s, i) => s + Number(csvRows[i][3]), 0);
      const covered = members.reduce((s, i) => s + (d[i] <= radius ? Number(csvRows[i][3]) : 0), 0);
      expect(row.pop, row.id).toBeCloseTo(pop, 6);
      expect(row.covered, row.id).toBeCloseTo(covered, 6);
      if (pop > 0) expect(row.share!).toBeCloseTo(covered / pop, 9);
      // Population-weighted 90th percentile: the smallest distance whose cumulative weight reaches 90 %.
      const sorted = members.map((i) => [d[i], Number(csvRows[i][3])]).sort((x, y) => (Number.isNaN(x[0]) ? 1 : Number.isNaN(y[0]) ? -1 : x[0] - y[0]));
      let cum = 0;
      const p90 = sorted.find(([, w]) => (cum += w) >= 0.9 * pop - 1e-9)?.[0];
      if (members.length) expect(row.p90_dist, row.id).toBe(p90);
    }
  });

  it('totals the covered population and counts facilities of the type', async () => {
    const t = await coverageTotals(db, 'market', 'straight', 800);
    const d = a.distances.results.find((r) => r.type === 'market' && r.mode === 'straight')!.distance;
    expect(t.covered).toBeCloseTo(csvRows.reduce((s, r, i) => s + (d[i] <= 800 ? Number(r[3]) : 0), 0), 6);
    expect(t.facilities).toBe(a.facilities.typeIndex.filter((k) => a.facilities.types[k] === 'market').length);
  });

  it('finds population that a straight radius covers but walking does not', async () => {
    const s = a.distances.results.find((r) => r.type === 'primary_school' && r.mode === 'straight')!.distance;
    const n = a.distances.results.find((r) => r.type === 'primary_school' && r.mode === 'network')!.distance;
    const expected = csvRows.reduce((sum, r, i) => sum + (s[i] <= 500 && !(n[i] <= 500) ? Number(r[3]) : 0), 0);
    expect(await straightOnlyPopulation(db, 'primary_school', 500)).toBeCloseTo(expected, 6);
    expect(expected).toBeGreaterThan(0);
  });

  it('fails fast instead of hanging when SQL needs an extension (autoload is off)', async () => {
    await expect(db.query("SELECT * FROM read_parquet('x.parquet')")).rejects.toThrow(/parquet/i);
  });
});
