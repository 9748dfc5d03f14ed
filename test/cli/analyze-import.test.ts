import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const FIX = path.join(ROOT, 'test/fixtures/import');
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), ...args], { encoding: 'utf8' });
const summary = (out: string) => JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));

describe('lifecircle analyze on the default area imported from planners’ formats', () => {
  // The same area twice: the GeoJSON/CSV originals, and the import fixtures (an .xlsx of the
  // population, the facilities as a GB18030 CSV in GCJ-02, the communities as a GBK Shapefile
  // in CGCS2000 3° Gauss-Krüger). Walking distances on the same OSM network.
  const base = mkdtempSync(path.join(tmpdir(), 'lifecircle-import-'));
  const outOriginal = path.join(base, 'original');
  const outImported = path.join(base, 'imported');
  const original = cli('analyze', '--network', path.join(AREA, 'network.osm.pbf'), '--population', path.join(AREA, 'population.csv'),
    '--facilities', path.join(AREA, 'facilities.geojson'), '--communities', path.join(AREA, 'communities.geojson'), '--out', outOriginal);
  const imported = cli('analyze', '--network', path.join(AREA, 'network.osm.pbf'), '--population', path.join(FIX, 'population.xlsx'),
    '--facilities', path.join(FIX, 'facilities-gcj02.csv'), '--facilities-crs', 'gcj02',
    '--communities', path.join(FIX, 'communities-gk-cm120.zip'), '--out', outImported);

  it('exits 0 both times', () => {
    expect(original.status, original.stderr).toBe(0);
    expect(imported.status, imported.stderr).toBe(0);
  });

  it('gives the same coverage totals per facility type (covered residents within 0.1 %)', () => {
    const a = summary(outOriginal);
    const b = summary(outImported);
    expect(b.counts.facilities).toBe(a.counts.facilities);
    expect(b.counts.population).toBeCloseTo(a.counts.population, 6);
    expect(b.counts.communities).toBe(a.counts.communities);
    expect(Object.keys(b.totals).sort()).toEqual(Object.keys(a.totals).sort());
    for (const [type, t] of Object.entries(a.totals) as [string, { covered: number; share: number }][]) {
      expect(Math.abs(b.totals[type].covered - t.covered), type).toBeLessThanOrEqual(0.001 * a.counts.population);
      expect(b.totals[type].share, type).toBeCloseTo(t.share, 3);
    }
  });

  it('writes the same communities table (names from the GBK .dbf equal the originals)', () => {
    const a = readFileSync(path.join(outOriginal, 'communities.csv'), 'utf8').split('\n').map((l) => l.split(',').slice(0, 3).join(','));
    const b = readFileSync(path.join(outImported, 'communities.csv'), 'utf8').split('\n').map((l) => l.split(',').slice(0, 3).join(','));
    expect(b).toEqual(a);
    expect(b.join('\n')).toContain('广州路街坊');
  });

  it('records each layer’s coordinate system and what was detected in summary.json', () => {
    expect(summary(outImported).crs).toEqual({ population: 'wgs84', facilities: 'gcj02', communities: 'EPSG:4549', network: 'wgs84' });
    expect(summary(outOriginal).crs).toEqual({ population: 'wgs84', facilities: 'wgs84', communities: 'wgs84', network: 'wgs84' });
    const s = summary(outImported).layer_sources;
    expect(s.facilities).toMatchObject({ format: 'csv', encoding: 'gb18030', crsFrom: 'argument' });
    expect(s.communities).toMatchObject({ format: 'shapefile-zip', encoding: 'gbk', crsFrom: 'prj' });
    expect(s.population).toMatchObject({ format: 'xlsx' });
  });

  it('refuses an unknown --facilities-crs before reading anything, naming the flag', () => {
    const r = cli('analyze', '--mode', 'straight', '--population', path.join(AREA, 'population.csv'), '--facilities', path.join(FIX, 'facilities-gcj02.csv'),
      '--facilities-crs', 'mars', '--out', path.join(base, 'bad'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--facilities-crs: unknown coordinate system "mars"/);
  });
});

describe('lifecircle site with --existing-crs and --candidates-crs', () => {
  it('keeps the same existing schools from a GCJ-02 CSV as from the WGS84 GeoJSON, and records the CRSs', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'lifecircle-site-crs-'));
    const run = (out: string, ...existing: string[]) =>
      cli('site', '--model', 'mclp', '--p', '2', '--heuristic', '--demand', path.join(FIX, 'population.xlsx'), '--demand-weight', 'pop',
        '--candidates', path.join(FIX, 'facilities-bd09.tsv'), '--candidates-crs', 'bd09', ...existing,
        '--existing-type', 'primary_school', '--type', 'primary_school', '--out', path.join(base, out));
    const a = run('a', '--existing', path.join(AREA, 'facilities.geojson'));
    const b = run('b', '--existing', path.join(FIX, 'facilities-gcj02.csv'), '--existing-crs', 'gcj02');
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const [sa, sb] = [summary(path.join(base, 'a')), summary(path.join(base, 'b'))];
    expect(sb.before.covered).toBeCloseTo(sa.before.covered, 6);
    expect(sb.selected).toEqual(sa.selected);
    expect(sb.crs).toEqual({ demand: 'wgs84', candidates: 'bd09', existing: 'gcj02' });
  });
});
