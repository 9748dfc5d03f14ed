import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, type Task } from '../../workers/analysis-handlers.ts';
import { AnalysisState } from '../../workers/analysis-state.ts';
import { loadPresetArg } from '../../src/cli/compliance-outputs.ts';
import { projectFromJson } from '../../src/app/project-file.ts';
import { detectChineseOffset } from '../../src/core/crs/detect-chinese-offset.ts';
import { decodeText } from '../../src/io/decode-text.ts';
import { checkFileSize } from '../../src/io/file-size-limit.ts';
import { LoadError, messageZhOf } from '../../src/io/load-error.ts';
import { localiseWarning } from '../../src/io/warning-zh.ts';
import { readAnyLayer } from '../../src/io/read-any-layer.ts';
import { readCommunities } from '../../src/io/read-communities.ts';
import { readSitePoints } from '../../src/io/read-site-points.ts';

/**
 * The bad-input corpus (test/fixtures/bad/, made by scripts/make-bad-fixtures.ts): every case goes
 * through the code path the analysis worker and the CLI use (createHandlers in-process for the
 * population, facility and network loads; readAnyLayer + the reader for communities and
 * candidates; loadPresetArg; projectFromJson) and must fail with a LoadError whose message names the
 * file and matches the manifest, or load (with the expected warning) and be sane. A TypeError or
 * any other exception is a failure.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const BAD = path.join(ROOT, 'test/fixtures/bad');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');

interface BadCase {
  file: string;
  layer: 'population' | 'facilities' | 'communities' | 'network' | 'candidates' | 'preset' | 'project';
  expect: 'error' | 'loads-with-warning' | 'loads';
  match?: string;
  match_zh?: string;
  note: string;
  check?: 'plain-text' | 'gcj02-offset' | 'off-network' | 'pop-count' | 'size-limit';
  rows?: number;
  sparseBytes?: number;
}

const { cases } = JSON.parse(readFileSync(path.join(BAD, 'cases.json'), 'utf8')) as { cases: BadCase[] };
const noTask: Task = { progress: () => {}, checkpoint: async () => {} };
const bytesOf = (file: string) => new Uint8Array(readFileSync(path.join(BAD, file)));
const area = (file: string) => ({ name: file, bytes: new Uint8Array(readFileSync(path.join(AREA, file))) });

interface Loaded {
  warnings: string[];
  /** Rows/features loaded. */
  count: number;
  /** Every string the loaded layer shows (ids, names, titles). */
  strings: string[];
  coords?: Float64Array;
}

/** Loads one case the way the app does; throws what the readers throw. */
async function load(c: BadCase, h = createHandlers()): Promise<Loaded> {
  const name = c.file;
  if (c.check === 'size-limit') {
    // A 1 GB file is not written: its size is what the app checks first (File.size / fs.stat).
    checkFileSize(name, c.sparseBytes!);
  }
  const bytes = bytesOf(c.file);
  switch (c.layer) {
    case 'population': {
      const r = await h.loadPopulation({ name, bytes }, noTask);
      return { warnings: r.warnings, count: r.table.length, strings: r.table.ids, coords: r.table.coords };
    }
    case 'facilities': {
      const r = await h.loadFacilities({ name, bytes }, noTask);
      return { warnings: r.warnings, count: r.table.length, strings: [...r.table.ids, ...r.table.names.filter((n): n is string => n !== null)], coords: r.table.coords };
    }
    case 'network': {
      const r = await h.loadNetwork({ name, bytes }, noTask);
      return { warnings: r.warnings, count: r.stats.edges, strings: [] };
    }
    case 'communities': {
      const layer = await readAnyLayer(name, bytes);
      const r = readCommunities(name, layer.text);
      return { warnings: [...layer.warnings, ...r.warnings], count: r.table.ids.length, strings: [...r.table.ids, ...r.table.names] };
    }
    case 'candidates': {
      const layer = await readAnyLayer(name, bytes);
      const r = readSitePoints(name, layer.text);
      return { warnings: [...layer.warnings, ...r.warnings], count: r.table.ids.length, strings: r.table.ids, coords: r.table.coords };
    }
    case 'preset': {
      const p = await loadPresetArg(path.join(BAD, name));
      return { warnings: [], count: p.facilities.length, strings: [p.title_en, p.title_zh] };
    }
    case 'project': {
      const p = projectFromJson(decodeText(bytes).text);
      return { warnings: [], count: Object.keys(p.layers).length, strings: [] };
    }
  }
}

const CJK = /[\u4e00-\u9fff]/;

/** Row, feature, line, vertex and record numbers an English message names ("rows 3, 5", "feature 1 (S)", "rows 2 and 6"). */
function placeNumbers(en: string): string[] {
  const out: string[] = [];
  for (const m of en.matchAll(/\b(?:rows?|features?|line|vertex|record)\s+((?:\d+(?:,\s*|\s+and\s+)?)+)/g)) out.push(...m[1].match(/\d+/g)!);
  return out;
}

/**
 * The Chinese text of a message (a LoadError's messageZh, or a localised warning): Chinese
 * characters, the file name first, the same row/feature numbers as the English, and the
 * manifest's match_zh.
 */
function expectChinese(zh: string, en: string, c: BadCase) {
  expect(zh, en).toMatch(CJK);
  expect(zh.startsWith(`${c.file}：`), zh).toBe(true);
  for (const n of placeNumbers(en)) expect(zh, `${n} of: ${en}`).toMatch(new RegExp(`(?<!\\d)${n}(?!\\d)`));
  if (c.match_zh) expect(zh).toMatch(new RegExp(c.match_zh, 's'));
}

/** Street segments of the default area, for the GCJ-02 offset detector. */
function streetSegments(): Float64Array {
  const fc = JSON.parse(readFileSync(path.join(AREA, 'streets.geojson'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.LineString>;
  const out: number[] = [];
  for (const f of fc.features) for (let i = 1; i < f.geometry.coordinates.length; i++) out.push(...f.geometry.coordinates[i - 1], ...f.geometry.coordinates[i]);
  return Float64Array.from(out);
}

describe('bad input corpus (test/fixtures/bad)', () => {
  it('has at least 50 cases over every layer, and every file exists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.layer))).toEqual(new Set(['population', 'facilities', 'communities', 'network', 'candidates', 'preset', 'project']));
    for (const c of cases) expect(() => readFileSync(path.join(BAD, c.file)), c.file).not.toThrow();
  });

  for (const c of cases) {
    it(`${c.file} (${c.layer}): ${c.expect} — ${c.note}`, async () => {
      let loaded: Loaded | undefined;
      let error: unknown;
      try {
        loaded = await load(c);
      } catch (e) {
        error = e;
      }
      if (c.expect === 'error') {
        expect(error, 'expected an error, but the file loaded').toBeDefined();
        const e = error as Error;
        // Data layers fail with a LoadError naming the file; presets and project files with an Error
        // (the preset's names the file, the project's is shown under the file name by the app).
        if (c.layer === 'preset' || c.layer === 'project') expect(e.constructor.name, e.stack).toBe('Error');
        else expect(e, e.stack).toBeInstanceOf(LoadError);
        if (c.layer !== 'project') expect(e.message).toContain(c.file);
        expect(e.message).toMatch(new RegExp(c.match!, 'is'));
        // Presets and project files are checked by their own validators, in English (the app puts
        // its localised "could not import <file>" before them).
        if (c.layer !== 'preset' && c.layer !== 'project') expectChinese(messageZhOf(e), e.message, c);
        return;
      }
      if (error) throw error;
      expect(loaded!.count).toBeGreaterThan(0);
      if (c.expect === 'loads-with-warning') {
        expect(loaded!.warnings.join('\n')).toMatch(new RegExp(c.match!, 'is'));
        const w = loaded!.warnings.find((x) => new RegExp(c.match!, 'is').test(x))!;
        expectChinese(localiseWarning(w), w, c);
      }
      // Every other warning the corpus produces has a Chinese form too.
      for (const w of loaded!.warnings) expect(localiseWarning(w), w).toMatch(CJK);
      if (loaded!.coords) for (const v of loaded!.coords) expect(Number.isFinite(v)).toBe(true);
      if (c.check === 'pop-count') expect(loaded!.count).toBe(c.rows);
      if (c.check === 'plain-text') {
        // Loaded verbatim, as data: rendering must treat it as text (escaping is the UI's job).
        expect(loaded!.strings.some((s) => s.includes('<script>alert(1)</script>') || s.includes('<img src=x onerror=alert(1)>'))).toBe(true);
      }
      if (c.check === 'gcj02-offset') expect(detectChineseOffset(loaded!.coords!, streetSegments()).suggestion).toBe('gcj02');
      if (c.check === 'off-network') {
        const h = createHandlers();
        await h.loadNetwork(area('network.osm.pbf'), noTask);
        await h.loadPopulation(area('population.csv'), noTask);
        const f = await h.loadFacilities({ name: c.file, bytes: bytesOf(c.file) }, noTask);
        const d = await h.computeDistances({ types: f.table.types, modes: ['network'], limitM: 1000, maxSnapM: 250 }, noTask);
        expect(d.offNetwork.facilities).toBe(f.table.length);
        for (const r of d.results) expect(r.distance.every((x) => x === Infinity)).toBe(true);
      }
    });
  }

  it('a failed load keeps the layer loaded before it (population, facilities, network)', async () => {
    const state = new AnalysisState();
    const h = createHandlers(state);
    await h.loadPopulation(area('population.csv'), noTask);
    await h.loadFacilities(area('facilities.geojson'), noTask);
    await h.loadNetwork(area('network.osm.pbf'), noTask);
    const before = { population: state.population, facilities: state.facilities, network: state.network };
    const bad = cases.filter((c) => c.expect === 'error' && (c.layer === 'population' || c.layer === 'facilities' || c.layer === 'network'));
    expect(bad.length).toBeGreaterThan(20);
    for (const c of bad) {
      await expect(load(c, h), c.file).rejects.toBeInstanceOf(LoadError);
      expect(state.population, c.file).toBe(before.population);
      expect(state.facilities, c.file).toBe(before.facilities);
      expect(state.network, c.file).toBe(before.network);
    }
    // …and the analysis still runs on them.
    const d = await h.computeDistances({ types: ['primary_school'], modes: ['network'], limitM: 1000, maxSnapM: 250 }, noTask);
    expect(d.results[0].distance.length).toBe(before.population!.length);
  });
});
