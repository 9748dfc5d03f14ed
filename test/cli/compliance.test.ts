import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACILITY_TYPES } from '../../src/core/facility-types.ts';
import { parseCsv } from '../../src/io/parse-csv.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), ...args], { encoding: 'utf8' });
const readCsv = (file: string) => parseCsv(readFileSync(file, 'utf8'));
const XSS = '<img src=x onerror=alert(1)>';

/** Preset types a facility file can be checked for, worked out from the raw JSON: a Lifecircle type and a radius. */
function assessableTypes(json: any): string[] {
  const lifecircle = new Set(FACILITY_TYPES.map((t) => t.id));
  return json.facilities
    .filter((f: any) => (f.app_types ?? (lifecircle.has(f.id) ? [f.id] : [])).length > 0)
    .filter((f: any) => f.radius_m || json.levels.find((l: any) => l.id === f.level).walk_distance_m)
    .map((f: any) => f.id);
}

describe('lifecircle analyze --preset gb50180-2018 on the default area', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lifecircle-compliance-'));
  // The default communities, each name prefixed with markup: the report must show it as text.
  const units = JSON.parse(readFileSync(path.join(AREA, 'communities.geojson'), 'utf8'));
  for (const f of units.features) f.properties.name = `${XSS} ${f.properties.name}`;
  writeFileSync(path.join(dir, 'communities.geojson'), JSON.stringify(units));
  const out = path.join(dir, 'out');
  const run = cli('analyze', '--network', path.join(AREA, 'network.osm.pbf'), '--population', path.join(AREA, 'population.csv'),
    '--facilities', path.join(AREA, 'facilities.geojson'), '--communities', path.join(dir, 'communities.geojson'), '--preset', 'gb50180-2018', '--out', out);
  const preset = JSON.parse(readFileSync(path.join(ROOT, 'data/presets/gb50180-2018.json'), 'utf8'));

  it('exits 0 and writes compliance.csv with one row per community and assessable type of the standard', () => {
    expect(run.status, run.stderr).toBe(0);
    const bytes = readFileSync(path.join(out, 'compliance.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { header, rows } = parseCsv(bytes.toString('utf8'));
    const types = assessableTypes(preset);
    expect(types).toContain('primary_school');
    expect(types).not.toContain('subdistrict_office');
    expect(rows).toHaveLength(units.features.length * types.length);
    expect(new Set(rows.map((r) => r[header.indexOf('type')]))).toEqual(new Set(types));
  });

  it('covers the same residents per community for primary schools as the SQL community table of the same run', () => {
    const c = readCsv(path.join(out, 'compliance.csv'));
    const sql = readCsv(path.join(out, 'communities.csv'));
    const col = (t: typeof c, name: string) => t.header.indexOf(name);
    const sqlCovered = new Map(sql.rows.filter((r) => r[col(sql, 'type')] === 'primary_school').map((r) => [r[col(sql, 'community_id')], Number(r[col(sql, 'covered_pop')])]));
    const school = c.rows.filter((r) => r[col(c, 'type')] === 'primary_school');
    expect(school).toHaveLength(units.features.length);
    for (const r of school) {
      expect(r[col(c, 'radius_m')]).toBe('500');
      expect(Number(r[col(c, 'covered')]), r[0]).toBeCloseTo(sqlCovered.get(r[col(c, 'community')])!, 5);
    }
    // Not a vacuous match: some communities are partly covered.
    expect(school.some((r) => Number(r[col(c, 'covered')]) > 0 && r[col(c, 'pass')] === 'fail')).toBe(true);
  });

  it('writes a printable A4 report with the compliance matrix and the community names escaped', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('size: A4');
    expect(html).toContain('id="matrix"');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('南京新街口核心区');
    expect(html).toContain('© OpenStreetMap contributors (ODbL 1.0)');
  });
});

describe('lifecircle analyze --preset paris-15min --lang en, straight line, without communities', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'lifecircle-paris-'));
  const run = cli('analyze', '--mode', 'straight', '--population', path.join(AREA, 'population.csv'), '--facilities', path.join(AREA, 'facilities.geojson'),
    '--preset', 'paris-15min', '--lang', 'en', '--out', out);

  it('checks the whole area as one unit, a function reached through the nearest of its facility types', () => {
    expect(run.status, run.stderr).toBe(0);
    const { header, rows } = readCsv(path.join(out, 'compliance.csv'));
    // living and working cannot be seen in facility data.
    expect(rows.map((r) => r[header.indexOf('type')])).toEqual(['supplying', 'caring', 'learning', 'enjoying']);
    // caring = hospital, clinic or pharmacy within 1000 m: brute force over units.csv of the same run.
    const u = readCsv(path.join(out, 'units.csv'));
    const d = (r: string[], t: string) => (r[u.header.indexOf(`dist_${t}`)] === '' ? Infinity : Number(r[u.header.indexOf(`dist_${t}`)]));
    const covered = u.rows.reduce((s, r) => s + (Math.min(d(r, 'hospital'), d(r, 'clinic'), d(r, 'pharmacy')) <= 1000 ? Number(r[3]) : 0), 0);
    const caring = rows.find((r) => r[header.indexOf('type')] === 'caring')!;
    expect(caring[header.indexOf('community')]).toBe('all');
    expect(Number(caring[header.indexOf('covered')])).toBeCloseTo(covered, 3);
  });

  it('writes the report in English', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Compliance matrix');
  });
});

describe('lifecircle analyze --preset FILE', () => {
  it('refuses a preset with a missing field, naming its path, before analysing anything', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lifecircle-preset-'));
    const json = JSON.parse(readFileSync(path.join(ROOT, 'data/presets/gb50180-2018.json'), 'utf8'));
    delete json.facilities[3].radius_m.source;
    const file = path.join(dir, 'my-standard.json');
    writeFileSync(file, JSON.stringify(json));
    const out = path.join(dir, 'out');
    const r = cli('analyze', '--network', path.join(AREA, 'network.osm.pbf'), '--population', path.join(AREA, 'population.csv'),
      '--facilities', path.join(AREA, 'facilities.geojson'), '--preset', file, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('facilities[3].radius_m.source: missing');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unknown report language', () => {
    const r = cli('analyze', '--mode', 'straight', '--population', path.join(AREA, 'population.csv'), '--facilities', path.join(AREA, 'facilities.geojson'),
      '--preset', 'gb50180-2018', '--lang', 'fr', '--out', path.join(tmpdir(), 'never'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--lang must be zh or en, got "fr"/);
  });
});
