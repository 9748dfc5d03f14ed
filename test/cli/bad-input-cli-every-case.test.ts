import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

/**
 * Every error case of the bad-input corpus that the CLI can be given (population, facilities,
 * communities, network, preset) through the CLI's entry point `main(argv)` — the function
 * bin/lifecircle.mjs runs — in this process, so that all of them fit in the suite's time (a process
 * start costs ~3 s; bad-input-cli.test.ts spawns the real binary for a subset). Each must return
 * exit code 1 and print the corpus message naming the file: in English by default, in Chinese with
 * `--lang zh` (every other case).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const BAD = path.join(ROOT, 'test/fixtures/bad');
const CJK = /[\u4e00-\u9fff]/;

interface BadCase { file: string; layer: string; expect: string; match?: string; match_zh?: string; sparseBytes?: number }
const { cases } = JSON.parse(readFileSync(path.join(BAD, 'cases.json'), 'utf8')) as { cases: BadCase[] };
const CLI_LAYERS = ['population', 'facilities', 'communities', 'network', 'preset'];
const errors = cases.filter((c) => c.expect === 'error' && CLI_LAYERS.includes(c.layer));
const tmp = mkdtempSync(path.join(tmpdir(), 'lifecircle-bad-every-'));

function badPath(c: BadCase): string {
  if (!c.sparseBytes) return path.join(BAD, c.file);
  const p = path.join(tmp, c.file);
  writeFileSync(p, '');
  truncateSync(p, c.sparseBytes); // sparse: no disk blocks written
  return p;
}

function argv(c: BadCase, i: number, lang: 'en' | 'zh'): string[] {
  const files: Record<string, string> = {
    population: path.join(AREA, 'population.csv'),
    facilities: path.join(AREA, 'facilities.geojson'),
    network: path.join(AREA, 'network.osm.pbf'),
    communities: path.join(AREA, 'communities.geojson'),
  };
  const extra = c.layer === 'preset' ? ['--preset', badPath(c)] : [];
  if (c.layer !== 'preset') files[c.layer] = badPath(c);
  return ['analyze', ...Object.entries(files).flatMap(([k, v]) => [`--${k}`, v]), ...extra, '--out', path.join(tmp, `out-${i}`), ...(lang === 'zh' ? ['--lang', 'zh'] : [])];
}

describe('lifecircle analyze, through its entry point, on every error case of the corpus', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has the CLI layers\' error cases (at least 50)', () => {
    expect(errors.length).toBeGreaterThanOrEqual(50);
  });

  errors.forEach((c, i) => {
    const lang = i % 2 === 0 ? 'en' : 'zh';
    it(`${c.file} (${c.layer}, ${lang}): exit 1 and the corpus message`, async () => {
      const printed: string[] = [];
      vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { printed.push(a.join(' ')); });
      vi.spyOn(console, 'log').mockImplementation(() => {});
      const code = await main(argv(c, i, lang));
      const stderr = printed.join('\n');
      expect(code, stderr).toBe(1);
      expect(stderr).toMatch(/^lifecircle: /);
      expect(stderr).toContain(c.file);
      expect(stderr).not.toMatch(/TypeError|RangeError|at .*\.ts:\d+/);
      if (lang === 'en') expect(stderr).toMatch(new RegExp(c.match!, 'is'));
      else {
        expect(stderr).toMatch(CJK);
        if (c.match_zh) expect(stderr).toMatch(new RegExp(c.match_zh, 's'));
      }
    }, 60_000);
  });
});
