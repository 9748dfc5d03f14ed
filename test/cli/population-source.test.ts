import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/parse-csv.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), ...args], { encoding: 'utf8' });

describe('lifecircle analyze --population-from community-totals', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lifecircle-popsrc-'));
  // Three communities of the default area by id, one by its name, and one unknown (row 6).
  const table = path.join(dir, 'totals.csv');
  writeFileSync(table, 'community,total\nU001,1000\nU002,2500\nU003,777\n广州路街坊,5\nNOPE,99\n');
  // 广州路街坊 is U001's name: joined by name and added to U001.
  const inputTotal = 1000 + 2500 + 777 + 5;
  const out = path.join(dir, 'out');
  const run = cli('analyze', '--mode', 'straight', '--population', table, '--population-from', 'community-totals', '--spread-over', 'buildings',
    '--buildings', path.join(AREA, 'buildings.geojson'), '--landuse', path.join(AREA, 'landuse.geojson'),
    '--facilities', path.join(AREA, 'facilities.geojson'), '--communities', path.join(AREA, 'communities.geojson'), '--preset', 'gb50180-2018', '--lang', 'zh', '--out', out);

  it('exits 0 and the summary population equals the sum of the table rows that name a community', () => {
    expect(run.status, run.stderr).toBe(0);
    const s = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(s.counts.population).toBeCloseTo(inputTotal, 6);
  });

  it('records the method in summary.json', () => {
    const s = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(s.population_method.from).toBe('community-totals');
    expect(s.population_method.spreadOver).toBe('buildings');
    expect(s.population_method.zh).toContain('人口按社区总数分摊到住宅建筑');
  });

  it('states the method in the printable report', () => {
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('人口按社区总数分摊到住宅建筑（按建筑面积');
  });

  it('warns about the unknown community with its row number', () => {
    expect(run.stderr).toMatch(/row 6 "NOPE"/);
  });

  it('writes units.csv whose populations add up to the same total', () => {
    const { header, rows } = parseCsv(readFileSync(path.join(out, 'units.csv'), 'utf8'));
    const pop = header.indexOf('pop');
    expect(rows.reduce((s, r) => s + Number(r[pop]), 0)).toBeCloseTo(inputTotal, 3);
  });

  it('refuses community totals spread over buildings without --buildings', () => {
    const r = cli('analyze', '--mode', 'straight', '--population', table, '--population-from', 'community-totals',
      '--facilities', path.join(AREA, 'facilities.geojson'), '--communities', path.join(AREA, 'communities.geojson'), '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--buildings FILE, or --spread-over area/);
  });

  it('refuses an unknown --population-from value, listing the choices', () => {
    const r = cli('analyze', '--mode', 'straight', '--population', table, '--population-from', 'census',
      '--facilities', path.join(AREA, 'facilities.geojson'), '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/units, buildings, community-totals/);
  });
});
