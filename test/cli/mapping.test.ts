import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const FIX = path.join(ROOT, 'test/fixtures/mapping');
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), ...args], { encoding: 'utf8' });
const summary = (out: string) => JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));

// Each CLI run takes several seconds (more on a busy machine).
describe('lifecircle analyze with a field mapping', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lifecircle-mapping-'));
  // The same six facilities as test/fixtures/mapping/facilities-amap-zh.csv, written by hand with the
  // canonical columns and Lifecircle type ids (the hotel A05 is not a facility).
  const canonical = path.join(dir, 'facilities.csv');
  writeFileSync(canonical, [
    'id,lon,lat,type,name',
    'A01,118.7700,32.0430,kindergarten,梅园幼儿园',
    'A02,118.7810,32.0420,primary_school,游府西街小学',
    'A03,118.7850,32.0450,clinic,新街口社区卫生站',
    'A04,118.7905,32.0440,clinic,中山东路卫生站',
    'A06,118.7720,32.0380,kindergarten,石鼓路社区托育点',
    'A07,118.7660,32.0490,primary_school,琅琊路小学',
  ].join('\n'));
  const common = ['--network', path.join(AREA, 'network.osm.pbf'), '--population', path.join(AREA, 'population.csv'), '--communities', path.join(AREA, 'communities.geojson')];
  const outCanonical = path.join(dir, 'canonical');
  const outMapped = path.join(dir, 'mapped');
  const a = cli('analyze', ...common, '--facilities', canonical, '--out', outCanonical);
  const b = cli('analyze', ...common, '--facilities', path.join(FIX, 'facilities-amap-zh.csv'), '--facilities-mapping', path.join(FIX, 'facilities-amap-zh.mapping.json'), '--out', outMapped);

  it('gives the same coverage for the Chinese-column Amap table + mapping as for the canonical CSV', () => {
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const [x, y] = [summary(outCanonical), summary(outMapped)];
    expect(y.counts.facilities).toBe(6);
    expect(y.counts.facility_types).toEqual(['clinic', 'kindergarten', 'primary_school']);
    expect(y.totals).toEqual(x.totals);
    expect(readFileSync(path.join(outMapped, 'units.csv'), 'utf8')).toBe(readFileSync(path.join(outCanonical, 'units.csv'), 'utf8'));
  });

  it('records the mapping in summary.json', () => {
    const s = summary(outMapped);
    expect(s.field_mapping.files.facilities).toBe(path.join(FIX, 'facilities-amap-zh.mapping.json'));
    expect(s.field_mapping.mappings.facilities.columns.type).toBe('类型');
    expect(s.field_mapping.skip_bad_rows).toBe(false);
  });

  it('without the mapping the Chinese table is refused with the columns it found', () => {
    const r = cli('analyze', ...common, '--facilities', path.join(FIX, 'facilities-amap-zh.csv'), '--out', path.join(dir, 'none'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/expected CSV columns id,lon,lat,type\[,name\]; found: 编号, 名称, 类型, 经度, 纬度, 建筑面积/);
  });

  it('refuses rows with problems, listing their row numbers, unless --skip-bad-rows', () => {
    const mapping = path.join(dir, 'pop-mapping.json');
    writeFileSync(mapping, JSON.stringify({ kind: 'population', columns: { id: 'id', lon: 'lon', lat: 'lat', pop: 'pop' } }));
    const args = ['analyze', '--mode', 'straight', '--population', path.join(FIX, 'population-problems.csv'), '--population-mapping', mapping, '--facilities', canonical,
      '--communities', path.join(AREA, 'communities.geojson')];
    const refused = cli(...args, '--out', path.join(dir, 'refused'));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/no location.*rows 5/);
    expect(refused.stderr).toMatch(/population is negative \(column "pop"\): rows 3/);
    expect(refused.stderr).toMatch(/--skip-bad-rows/);
    const skipped = cli(...args, '--skip-bad-rows', '--out', path.join(dir, 'skipped'));
    expect(skipped.status, skipped.stderr).toBe(0);
    // P1 (100) and P9 (90) are the only rows without a problem.
    expect(summary(path.join(dir, 'skipped')).counts).toMatchObject({ population_units: 2, population: 190 });
    expect(summary(path.join(dir, 'skipped')).field_mapping.skip_bad_rows).toBe(true);
  });

  it('names the flag and the key at fault in a broken mapping file', () => {
    const bad = path.join(dir, 'bad-mapping.json');
    writeFileSync(bad, JSON.stringify({ kind: 'facilities', columns: { kind_of: '类型' } }));
    const r = cli('analyze', ...common, '--facilities', path.join(FIX, 'facilities-amap-zh.csv'), '--facilities-mapping', bad, '--out', path.join(dir, 'bad'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--facilities-mapping .*bad-mapping\.json: field mapping: unknown role "kind_of"/);
  });
});
