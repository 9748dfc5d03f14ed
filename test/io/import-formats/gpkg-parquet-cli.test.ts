import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const FIX = path.join(ROOT, 'test/fixtures/import');
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), ...args], { encoding: 'utf8' });
const summary = (out: string) => JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));

describe('lifecircle analyze with a GeoPackage, a GeoParquet and a Parquet layer', () => {
  // The default area twice on the same OSM network: the GeoJSON/CSV originals, and the facilities
  // as a GeoPackage and the communities as GeoParquet (both in EPSG:4549) and the population as Parquet.
  const base = mkdtempSync(path.join(tmpdir(), 'lifecircle-gpkg-'));
  const outOriginal = path.join(base, 'original');
  const outImported = path.join(base, 'imported');
  const original = cli('analyze', '--network', path.join(AREA, 'network.osm.pbf'), '--population', path.join(AREA, 'population.csv'),
    '--facilities', path.join(AREA, 'facilities.geojson'), '--communities', path.join(AREA, 'communities.geojson'), '--out', outOriginal);
  const imported = cli('analyze', '--network', path.join(AREA, 'network.osm.pbf'), '--population', path.join(FIX, 'population.parquet'),
    '--facilities', path.join(FIX, 'facilities-gk-cm120.gpkg'), '--communities', path.join(FIX, 'communities-gk-cm120.parquet'), '--out', outImported);

  it('exits 0 both times', () => {
    expect(original.status, original.stderr).toBe(0);
    expect(imported.status, imported.stderr).toBe(0);
  });

  it('gives the same coverage per facility type and the same communities table', () => {
    const a = summary(outOriginal);
    const b = summary(outImported);
    expect(b.counts).toEqual(a.counts);
    expect(b.totals).toEqual(a.totals);
    // Coordinates differ by < 1 cm after the round trip through EPSG:4549, so distances may differ in the 6th decimal (µm).
    const cells = (out: string) => readFileSync(path.join(out, 'communities.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const [ca, cb] = [cells(outOriginal), cells(outImported)];
    expect(cb.length).toBe(ca.length);
    cb.forEach((row, i) => row.forEach((cell, j) => {
      if (cell !== '' && Number.isFinite(Number(cell))) expect(Math.abs(Number(cell) - Number(ca[i][j])), `${ca[i][0]} ${ca[0][j]}`).toBeLessThan(0.001);
      else expect(cell).toBe(ca[i][j]);
    }));
    expect(cb.flat()).toContain('广州路街坊');
  });

  it('records the formats and the coordinate systems read from the files', () => {
    const s = summary(outImported);
    expect(s.crs).toEqual({ population: 'wgs84', facilities: 'EPSG:4549', communities: 'EPSG:4549', network: 'wgs84' });
    expect(s.layer_sources.facilities).toMatchObject({ format: 'geopackage', crsFrom: 'file', layer: 'facilities' });
    expect(s.layer_sources.communities).toMatchObject({ format: 'geoparquet', crsFrom: 'file' });
    expect(s.layer_sources.population).toMatchObject({ format: 'parquet' });
  });

  it('refuses a plain SQLite database given as facilities with the reason, exit code non-zero', () => {
    const r = cli('analyze', '--mode', 'straight', '--population', path.join(AREA, 'population.csv'), '--facilities', path.join(FIX, 'not-a-geopackage.gpkg'), '--out', path.join(base, 'bad'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/not-a-geopackage\.gpkg: an SQLite database but not a GeoPackage/);
  });
});
