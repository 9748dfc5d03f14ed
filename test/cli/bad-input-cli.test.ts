import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `lifecircle analyze` with one bad file from test/fixtures/bad in place of the default area's good
 * one: a non-zero exit code and the corpus message (the manifest's regex, naming the file) on
 * stderr, as in the app. The CLI processes run concurrently (each start is ~3 s).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const BAD = path.join(ROOT, 'test/fixtures/bad');

interface BadCase {
  file: string;
  layer: string;
  expect: string;
  match?: string;
  match_zh?: string;
  sparseBytes?: number;
}
const { cases } = JSON.parse(readFileSync(path.join(BAD, 'cases.json'), 'utf8')) as { cases: BadCase[] };

const SUBSET = [
  'pop-truncated.geojson', 'pop-swapped.csv', 'pop-binary.geojson', 'pop-missing-header.csv', 'pop-utf16le-nobom.csv', 'pop-1gb.csv',
  'fac-streets-as-facilities.geojson', 'fac-no-type.csv',
  'net-no-walkable.geojson', 'net-garbage.osm.pbf', 'net-empty.osm.pbf',
  'com-zip-bomb.zip', 'com-short-ring.geojson',
  'preset-missing-field.json',
];

const tmp = mkdtempSync(path.join(tmpdir(), 'lifecircle-bad-'));

/** The bad file's path; for a simulated huge file, a sparse file of that size (no disk blocks written). */
function badPath(c: BadCase): string {
  if (!c.sparseBytes) return path.join(BAD, c.file);
  const p = path.join(tmp, c.file);
  writeFileSync(p, '');
  truncateSync(p, c.sparseBytes);
  return p;
}

function args(c: BadCase, out: string): string[] {
  const files: Record<string, string> = {
    population: path.join(AREA, 'population.csv'),
    facilities: path.join(AREA, 'facilities.geojson'),
    network: path.join(AREA, 'network.osm.pbf'),
    communities: path.join(AREA, 'communities.geojson'),
  };
  const extra: string[] = [];
  if (c.layer === 'preset') extra.push('--preset', badPath(c));
  else files[c.layer] = badPath(c);
  return ['analyze', ...Object.entries(files).flatMap(([k, v]) => [`--${k}`, v]), ...extra, '--out', out];
}

/** At most 3 CLI processes at a time: each start compiles TypeScript, and the machine may have 2 cores. */
let running = 0;
const waiting: (() => void)[] = [];
async function run(argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (running >= 3) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await spawnCli(argv);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function spawnCli(argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), ...argv], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('lifecircle analyze with a bad input file', () => {
  const chosen = SUBSET.map((f) => cases.find((c) => c.file === f)!);
  const results = Promise.all(chosen.map((c, i) => run(args(c, path.join(tmp, `out-${i}`)))));

  it('covers at least 10 error cases across the layers', () => {
    expect(chosen.every((c) => c && c.expect === 'error')).toBe(true);
    expect(chosen.length).toBeGreaterThanOrEqual(10);
    expect(new Set(chosen.map((c) => c.layer)).size).toBeGreaterThanOrEqual(5);
  });

  it('exits non-zero with the same message as the readers, naming the file', async () => {
    const rs = await results;
    chosen.forEach((c, i) => {
      const r = rs[i];
      expect(r.code, `${c.file}: ${r.stderr}`).not.toBe(0);
      expect(r.stderr, c.file).toMatch(/^lifecircle: /);
      expect(r.stderr, c.file).toContain(c.file);
      expect(r.stderr, c.file).toMatch(new RegExp(c.match!, 'is'));
      expect(r.stderr, c.file).not.toMatch(/TypeError|RangeError|at .*\.ts:\d+/);
    });
  }, 300_000);

  // Files that load: the run succeeds and the warning is printed (and kept in summary.json).
  const WARNED: [string, RegExp][] = [
    ['pop-duplicate-ids.csv', /pop-duplicate-ids\.csv: ids are not unique \(id "P0001" on rows 2 and 6\)/],
    ['fac-gcj02-declared-wgs84.geojson', /fac-gcj02-declared-wgs84\.geojson: the points look like GCJ-02.*--facilities-crs gcj02/],
    ['fac-all-off-network.geojson', /fac-all-off-network\.geojson: all 3 facilities are more than 250 m from a walkable street/],
  ];
  const warned = Promise.all(WARNED.map(([f], i) => run(args(cases.find((c) => c.file === f)!, path.join(tmp, `warn-${i}`)))));

  it('exits 0 on files that load with a warning, printing the warning to stderr and summary.json', async () => {
    const rs = await warned;
    WARNED.forEach(([f, re], i) => {
      expect(rs[i].code, `${f}: ${rs[i].stderr}`).toBe(0);
      expect(rs[i].stderr, f).toMatch(new RegExp(`lifecircle: warning: ${re.source}`));
      const summary = JSON.parse(readFileSync(path.join(tmp, `warn-${i}`, 'summary.json'), 'utf8'));
      expect(summary.warnings.join('\n'), f).toMatch(re);
    });
  }, 300_000);

  // --lang zh: the same errors and warnings in Chinese (what the app shows in its Chinese UI).
  const ZH = ['pop-swapped.csv', 'pop-1gb.csv', 'com-short-ring.geojson', 'net-no-walkable.geojson', 'pop-duplicate-ids.csv'];
  const zhRuns = Promise.all(ZH.map((f, i) => {
    const c = cases.find((x) => x.file === f)!;
    // pop-1gb.csv gets its own sparse copy name, so it does not race the English run's file.
    const argv = args(c.sparseBytes ? { ...c, file: `zh-${c.file}` } : c, path.join(tmp, `zh-${i}`));
    return run([...argv, '--lang', 'zh']);
  }));

  it('prints the same messages in Chinese with --lang zh, naming the file and the rows', async () => {
    const rs = await zhRuns;
    ZH.forEach((f, i) => {
      const c = cases.find((x) => x.file === f)!;
      const r = rs[i];
      const expected = c.expect === 'error' ? new RegExp(`^lifecircle: (zh-)?${f.replace(/\./g, '\\.')}：`) : new RegExp(`lifecircle: warning: ${f.replace(/\./g, '\\.')}：`, 'm');
      expect(r.code, `${f}: ${r.stderr}`).toBe(c.expect === 'error' ? 1 : 0);
      expect(r.stderr, f).toMatch(expected);
      expect(r.stderr, f).toMatch(new RegExp(c.match_zh!, 's'));
      expect(r.stderr, f).not.toMatch(/TypeError|RangeError|at .*\.ts:\d+/);
    });
  }, 300_000);

  it('refused the 1 GB file from its size, without reading it (the sparse file has no blocks)', async () => {
    await results;
    const st = statSync(path.join(tmp, 'pop-1gb.csv'));
    expect(st.size).toBe(1024 ** 3);
    expect(st.blocks * 512).toBeLessThan(1024 ** 2);
  }, 300_000);
});
