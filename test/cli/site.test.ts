import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/parse-csv.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const FIX = path.join(ROOT, 'test/fixtures/siting');
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), ...args], { encoding: 'utf8' });
const tmp = () => mkdtempSync(path.join(tmpdir(), 'lifecircle-site-'));
const summaryOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8'));
const handCase = (out: string, ...extra: string[]) =>
  cli('site', '--demand', path.join(FIX, 'demand.csv'), '--candidates', path.join(FIX, 'candidates.csv'), '--existing', path.join(FIX, 'existing.csv'),
    '--od', path.join(FIX, 'od.csv'), '--radius', '500', '--out', out, ...extra);
/** `ogrinfo -so` of one layer: GDAL (what QGIS uses) must open the file and read its features. */
const ogrinfo = (file: string) => execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });

describe('lifecircle site on the hand-worked OD case (test/fixtures/siting/README.md)', () => {
  for (const method of ['--exact', '--heuristic']) {
    it(`MCLP p=1 picks c2 and covers 240 of 290 (${method})`, () => {
      const out = tmp();
      const run = handCase(out, '--model', 'mclp', '--p', '1', method);
      expect(run.status, run.stderr).toBe(0);
      const s = summaryOf(out);
      expect(s).toMatchObject({ model: 'mclp', method: method.slice(2), status: 'optimal', selected: ['c2'], objective: 240, covered_weight: 240 });
      expect(s.bound).toBeCloseTo(240, 9);
      expect(s.gap).toBe(0);
      expect(s.uncovered_count).toBe(1); // d5 (d4 weighs nothing)
    });
  }

  it('LSCP with a 100 % target is infeasible: exit code 2 and a message naming the unreachable residents', () => {
    const out = tmp();
    const run = handCase(out, '--model', 'lscp', '--target-coverage', '100');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/infeasible/i);
    expect(summaryOf(out).status).toBe('infeasible');
    expect(summaryOf(out).message).toMatch(/50/);
  });

  it('LSCP with an 80 % target needs the one site c2', () => {
    const out = tmp();
    const run = handCase(out, '--model', 'lscp', '--target-coverage', '80', '--exact');
    expect(run.status, run.stderr).toBe(0);
    expect(summaryOf(out)).toMatchObject({ status: 'optimal', selected: ['c2'], objective: 1 });
  });

  it('p-median p=1 picks c2 with 160,000 person-metres', () => {
    const out = tmp();
    const run = handCase(out, '--model', 'pmedian', '--p', '1', '--exact');
    expect(run.status, run.stderr).toBe(0);
    const s = summaryOf(out);
    expect(s.selected).toEqual(['c2']);
    expect(s.objective).toBeCloseTo(160_000, 6);
  });

  it('p larger than the number of candidates is infeasible with exit code 2', () => {
    const out = tmp();
    const run = handCase(out, '--model', 'mclp', '--p', '4');
    expect(run.status).toBe(2);
    expect(summaryOf(out).status).toBe('infeasible');
  });

  it('reads renamed OD columns through --od-from/--od-to/--od-cost', () => {
    const dir = tmp();
    const od = path.join(dir, 'od-renamed.csv');
    writeFileSync(od, readFileSync(path.join(FIX, 'od.csv'), 'utf8').replace('from,to,cost', 'origin,dest,metres'));
    const out = tmp();
    const run = cli('site', '--demand', path.join(FIX, 'demand.csv'), '--candidates', path.join(FIX, 'candidates.csv'), '--existing', path.join(FIX, 'existing.csv'),
      '--od', od, '--od-from', 'origin', '--od-to', 'dest', '--od-cost', 'metres', '--radius', '500', '--model', 'mclp', '--p', '1', '--out', out);
    expect(run.status, run.stderr).toBe(0);
    expect(summaryOf(out).selected).toEqual(['c2']);
  });

  it('refuses a bad parameter value with the spec’s message and exit code 1', () => {
    const bad = cli('site', '--demand', path.join(FIX, 'demand.csv'), '--candidates', path.join(FIX, 'candidates.csv'), '--out', tmp(), '--model', 'nope');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Model \(model\) must be one of mclp, lscp, pmedian/);
  });
});

describe('lifecircle site on the default area (walking network, generated candidates)', () => {
  const out = tmp();
  const args = ['site', '--model', 'mclp', '--p', '3', '--demand', path.join(AREA, 'population.csv'), '--demand-weight', 'pop',
    '--existing', path.join(AREA, 'facilities.geojson'), '--existing-type', 'kindergarten', '--network', path.join(AREA, 'network.osm.pbf'),
    '--candidates', 'generated', '--type', 'kindergarten', '--out', out];
  const run = cli(...args);

  it('solves MCLP exactly and writes summary, proposals and gaps', () => {
    expect(run.status, run.stderr).toBe(0);
    const s = summaryOf(out);
    expect(s.method).toBe('exact');
    expect(s.status).toBe('optimal');
    expect(s.selected).toHaveLength(3);
    expect(s.parameters.radius_m).toBe(300); // GB 50180 kindergarten radius
    expect(s.after.covered).toBeGreaterThan(s.before.covered);
    expect(s.after.covered - s.before.covered).toBeCloseTo(s.objective - s.before.covered, 6);
  });

  it('writes proposals.geojson that GDAL opens: 3 points with the documented fields', () => {
    const info = ogrinfo(path.join(out, 'proposals.geojson'));
    expect(info).toMatch(/Geometry: Point/);
    expect(info).toMatch(/Feature Count: 3/);
    for (const field of ['rank', 'facility_type', 'model', 'added_population_covered', 'population_served', 'nearest_existing_m', 'candidate_id']) expect(info).toContain(`${field}:`);
    const fc = JSON.parse(readFileSync(path.join(out, 'proposals.geojson'), 'utf8'));
    expect(fc.metadata).toMatchObject({ facility_type: 'kindergarten', model: 'mclp', status: 'optimal', gap: 0 });
    expect(fc.features.map((f: { properties: { rank: number } }) => f.properties.rank)).toEqual([1, 2, 3]);
    const gains = fc.features.map((f: { properties: { added_population_covered: number } }) => f.properties.added_population_covered);
    expect(gains.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(summaryOf(out).after.covered - summaryOf(out).before.covered, 0);
  });

  it('writes gaps.geojson that GDAL reads as polygons, and a candidates.csv the app can load', () => {
    expect(ogrinfo(path.join(out, 'gaps.geojson'))).toMatch(/Geometry: Polygon/);
    const { header, rows } = parseCsv(readFileSync(path.join(out, 'candidates.csv'), 'utf8'));
    expect(header).toEqual(['id', 'lon', 'lat']);
    expect(rows.length).toBeGreaterThan(10);
  });

  it('gives the same selection when the written candidates file is fed back in, and the heuristic never beats the proven optimum', () => {
    const again = tmp();
    const r2 = cli(...args.map((a) => (a === 'generated' ? path.join(out, 'candidates.csv') : a === out ? again : a)));
    expect(r2.status, r2.stderr).toBe(0);
    expect(summaryOf(again).selected).toEqual(summaryOf(out).selected);
    const heur = tmp();
    const r3 = cli(...args.map((a) => (a === out ? heur : a)), '--heuristic');
    expect(r3.status, r3.stderr).toBe(0);
    const h = summaryOf(heur);
    expect(h.objective).toBeLessThanOrEqual(summaryOf(out).objective + 1e-6);
    expect(h.bound).toBeGreaterThanOrEqual(summaryOf(out).objective - 1e-6);
  });
});
