import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/parse-csv.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), ...args], { encoding: 'utf8' });

describe('lifecircle analyze (the CLI) on the default area', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'lifecircle-'));
  const run = cli('analyze', '--network', path.join(AREA, 'network.osm.pbf'), '--population', path.join(AREA, 'population.csv'),
    '--facilities', path.join(AREA, 'facilities.geojson'), '--communities', path.join(AREA, 'communities.geojson'), '--out', out);

  it('exits 0 and writes units.csv with one dist_ column per facility type and one row per unit', () => {
    expect(run.status, run.stderr).toBe(0);
    const { header, rows } = parseCsv(readFileSync(path.join(out, 'units.csv'), 'utf8'));
    expect(header.slice(0, 5)).toEqual(['id', 'lon', 'lat', 'pop', 'snap_m']);
    expect(header).toContain('dist_primary_school');
    expect(header).toContain('dist_market');
    const population = parseCsv(readFileSync(path.join(AREA, 'population.csv'), 'utf8'));
    expect(rows).toHaveLength(population.rows.length);
    // Walking distances are never shorter than the connector leg alone.
    const snap = header.indexOf('snap_m'), school = header.indexOf('dist_primary_school');
    for (const r of rows) if (r[school] !== '') expect(Number(r[school])).toBeGreaterThanOrEqual(Number(r[snap]));
  });

  it('writes summary.json with graph statistics and counts of off-network and unreachable units', () => {
    const s = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(s.mode).toBe('network');
    expect(s.graph.nodes).toBeGreaterThan(1000);
    expect(s.graph.components).toBeGreaterThanOrEqual(1);
    expect(s.counts.off_network_units).toBeGreaterThanOrEqual(0);
    expect(s.counts.unreachable_units_by_type.primary_school).toBeGreaterThanOrEqual(0);
    expect(s.timings_ms.total).toBeGreaterThan(0);
  });

  it('writes communities.csv with a UTF-8 BOM and one row per unit and type', () => {
    const bytes = readFileSync(path.join(out, 'communities.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { header, rows } = parseCsv(bytes.toString('utf8'));
    expect(header).toContain('share_300m');
    const units = JSON.parse(readFileSync(path.join(AREA, 'communities.geojson'), 'utf8')).features.length;
    const types = new Set(rows.map((r) => r[header.indexOf('type')]));
    expect(rows.length).toBe(units * types.size);
  });

  it('prints JSON totals for `coverage --type school`, and straight-line coverage is at least the walking one', () => {
    const walk = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), 'coverage', '--type', 'school', '--radius', '500', '--data', AREA], { encoding: 'utf8' }));
    const line = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), 'coverage', '--type', 'school', '--radius', '500', '--mode', 'straight', '--data', AREA], { encoding: 'utf8' }));
    expect(walk.type).toBe('primary_school');
    expect(walk.population).toBeCloseTo(line.population, 6);
    expect(line.covered).toBeGreaterThanOrEqual(walk.covered);
  });

  it('rejects a bad parameter with a message naming it, its unit and its range', () => {
    const r = cli('coverage', '--type', 'school', '--radius', '-5', '--data', AREA);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Service radius \(radiusM\) must be between 50 and 5000 m/);
  });
});

describe('lifecircle analyze with renamed population columns and straight-line mode', () => {
  it('reads columns named by --id-col/--lon-col/--lat-col/--pop-col', async () => {
    const { writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(tmpdir(), 'lifecircle-cols-'));
    const csv = path.join(dir, 'cells.csv');
    writeFileSync(csv, 'code,x,y,residents\nA,118.7800,32.0440,100\nB,118.7700,32.0400,50\n');
    const out = path.join(dir, 'out');
    const r = cli('analyze', '--mode', 'straight', '--population', csv, '--facilities', path.join(AREA, 'facilities.geojson'),
      '--id-col', 'code', '--lon-col', 'x', '--lat-col', 'y', '--pop-col', 'residents', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const { rows } = parseCsv(readFileSync(path.join(out, 'units.csv'), 'utf8'));
    expect(rows.map((x) => [x[0], x[3]])).toEqual([['A', '100'], ['B', '50']]);
  });
});

describe('lifecircle analyze with an edited walkable rule', () => {
  it('leaves the excluded highway classes out of the graph, and names a bad rule key', async () => {
    const { writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(tmpdir(), 'lifecircle-rule-'));
    const rule = path.join(dir, 'rule.json');
    writeFileSync(rule, JSON.stringify({ excludedHighways: ['motorway', 'motorway_link', 'footway', 'steps'] }));
    const args = ['--network', path.join(AREA, 'network.osm.pbf'), '--population', path.join(AREA, 'population.csv'), '--facilities', path.join(AREA, 'facilities.geojson')];
    const base = cli('analyze', ...args, '--out', path.join(dir, 'base'));
    const edited = cli('analyze', ...args, '--walkable-rule', rule, '--out', path.join(dir, 'edited'));
    expect(base.status, base.stderr).toBe(0);
    expect(edited.status, edited.stderr).toBe(0);
    const edges = (d: string) => JSON.parse(readFileSync(path.join(dir, d, 'summary.json'), 'utf8')).graph.edges;
    // Independent count: footway/steps edges = consecutive node pairs of those ways in the OSM fixture's GeoJSON twin.
    const walk = JSON.parse(readFileSync(path.join(AREA, 'streets.geojson'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.LineString, { highway: string }>;
    const footEdges = walk.features.filter((f) => ['footway', 'steps'].includes(f.properties.highway)).reduce((s, f) => s + f.geometry.coordinates.length - 1, 0);
    expect(edges('base') - edges('edited')).toBe(footEdges);
    writeFileSync(rule, JSON.stringify({ noSuchList: [] }));
    const bad = cli('analyze', ...args, '--walkable-rule', rule, '--out', path.join(dir, 'bad'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/"noSuchList" must be one of excludedHighways/);
  });
});
