import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, startPreview, watchPage } from './browser.ts';

/**
 * The bad-input corpus (test/fixtures/bad, scripts/make-bad-fixtures.ts) through the app in
 * headless Chromium, every case on the input a planner would use for its layer. An error must
 * show a banner in the UI language naming the file (the languages alternate case by case), with no
 * console error or uncaught exception, the layers and figures exactly as before, and the page
 * still answering (another facility type gives other figures). A file that loads must replace its
 * layer (with its warning, in the UI language); the default layer is then loaded back and the
 * figures must be the starting ones again.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = 4189;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const BAD = path.join(ROOT, 'test/fixtures/bad');
const DEFAULT_FILES = { population: 'population.csv', facilities: 'facilities.geojson', communities: 'communities.geojson', network: 'network.osm.pbf' } as const;
const DATA_LAYERS = Object.keys(DEFAULT_FILES);
const CJK = /[\u4e00-\u9fff]/;

if (!chromiumAvailable()) {
  const msg = `\n\n!!! Chromium not found at ${CHROMIUM_PATH}: the browser end-to-end tests CANNOT run.\n!!! Install it with: apt-get install -y chromium fonts-wqy-microhei\n`;
  console.error(msg);
  if (process.env.CI === 'true') throw new Error(msg);
}

interface BadCase {
  file: string;
  layer: 'population' | 'facilities' | 'communities' | 'network' | 'candidates' | 'preset' | 'project';
  expect: 'error' | 'loads-with-warning' | 'loads';
  match?: string;
  match_zh?: string;
  check?: string;
  sparseBytes?: number;
}
const { cases } = JSON.parse(readFileSync(path.join(BAD, 'cases.json'), 'utf8')) as { cases: BadCase[] };

/**
 * The population total a file must give, computed here from the fixture's own text (rows with a
 * finite lon, lat and a non-negative pop; GeoJSON Point features with a pop property).
 */
function expectedPopulation(c: BadCase): number {
  const bytes = readFileSync(path.join(BAD, c.file));
  const text = bytes[0] === 0xff && bytes[1] === 0xfe ? new TextDecoder('utf-16le').decode(bytes) : new TextDecoder(c.file.includes('gbk') ? 'gb18030' : 'utf-8').decode(bytes);
  const num = (s: unknown) => (s === undefined || s === null || String(s).trim() === '' ? NaN : Number(s));
  const ok = (lon: number, lat: number, pop: number) => Number.isFinite(lon) && Number.isFinite(lat) && Number.isFinite(pop) && pop >= 0;
  if (c.file.endsWith('.csv')) {
    return text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((l) => l.split(',')).reduce((s, [, lon, lat, pop]) => (ok(num(lon), num(lat), num(pop)) ? s + num(pop) : s), 0);
  }
  const json = JSON.parse(text);
  const features: { geometry?: { type?: string; coordinates?: unknown } | null; properties?: { pop?: unknown } }[] = json.type === 'Feature' ? [json] : json.features;
  return features.reduce((s, f) => {
    const xy = f.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates) ? (f.geometry.coordinates as unknown[]) : [];
    return ok(num(xy[0]), num(xy[1]), num(f.properties?.pop)) ? s + num(f.properties?.pop) : s;
  }, 0);
}

const digits = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, ''));
const ready = (page: Page) => page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-status') === 'ready', null, { timeout: 60_000 });

/** What must survive a failed load: the layers' file names and the figures of the selected type. */
const state = (page: Page) =>
  page.evaluate(() => ({
    layers: ['population', 'facilities', 'communities', 'network'].map((k) => document.querySelector(`[data-testid="layer-${k}"] .file-name`)?.textContent ?? ''),
    total: document.querySelector('[data-testid="total-pop"]')?.textContent ?? '',
    covered: document.querySelector('[data-testid="covered-pop"]')?.textContent ?? '',
    facilities: document.querySelector('[data-testid="facility-count"]')?.textContent ?? '',
    key: document.body.dataset.analysisKey ?? '',
  }));

/** Selects a facility type and waits for its figures (the key is cleared first, so a stale one does not count). */
async function selectType(page: Page, type: string) {
  await page.evaluate(() => delete document.body.dataset.analysisKey);
  await page.selectOption('[data-testid="type-select"]', type);
  await page.waitForFunction((t) => (document.body.dataset.analysisKey ?? '').startsWith(`${t}|`), type, { timeout: 60_000 });
}

async function setLang(page: Page, lang: 'zh' | 'en') {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current.startsWith(lang)) return;
  await page.click('button.lang');
  await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
}

/** Closes every error banner. */
async function dismissErrors(page: Page) {
  while ((await page.locator('[data-testid="error"]').count()) > 0) await page.locator('[data-testid="error"] button').first().click();
}

const INPUT: Record<BadCase['layer'], string> = {
  population: '[data-testid="file-population"]',
  facilities: '[data-testid="file-facilities"]',
  communities: '[data-testid="file-communities"]',
  network: '[data-testid="file-network"]',
  candidates: '[data-testid="candidate-file"]',
  preset: '[data-testid="preset-import"]',
  project: '[data-testid="project-import"]',
};

/**
 * Gives the file to the layer's input. A huge case is a File made in the page from one 1 MiB
 * buffer repeated (Blob parts are references, nothing of that size is read): the app must refuse
 * it from File.size before reading it.
 */
async function giveFile(page: Page, c: BadCase) {
  if (!c.sparseBytes) return page.setInputFiles(INPUT[c.layer], path.join(BAD, c.file));
  await page.evaluate(({ selector, name, size }) => {
    const chunk = new Uint8Array(1024 ** 2);
    const file = new File(Array.from({ length: Math.ceil(size / chunk.length) }, () => chunk), name, { type: 'text/csv' });
    const dt = new DataTransfer();
    dt.items.add(file);
    const input = document.querySelector(selector) as HTMLInputElement;
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, { selector: INPUT[c.layer], name: c.file, size: c.sparseBytes });
}

describe.runIf(chromiumAvailable())('the bad-input corpus in headless Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const dialogs: string[] = [];
  let baseline: Awaited<ReturnType<typeof state>>;
  let marketCovered = '';
  const tally = { error: 0, loads: 0, responsive: 0 };
  // Errors first, against the default area's figures; then the files that load, each replacing its
  // layer (no restore needed in between: their checks depend only on the file just loaded), the
  // project imports last since they replace every layer.
  const ordered = [
    ...cases.filter((c) => c.expect === 'error'),
    ...cases.filter((c) => c.expect !== 'error' && c.layer !== 'project'),
    ...cases.filter((c) => c.expect !== 'error' && c.layer === 'project'),
  ];
  const lastError = ordered.map((c) => c.expect).lastIndexOf('error');

  beforeAll(async () => {
    server = await startPreview(ROOT, PORT);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    watchPage(page, consoleErrors, foreignRequests);
    // An alert() from HTML in a name would open a dialog: recorded, and the test fails on it.
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.goto(ORIGIN);
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
    await ready(page);
    await selectType(page, 'market');
    marketCovered = (await state(page)).covered;
    await selectType(page, 'primary_school');
    baseline = await state(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

  it('starts from the default area, and another facility type gives other figures', () => {
    expect(baseline.layers).toEqual(Object.values(DEFAULT_FILES));
    expect(digits(baseline.total)).toBeGreaterThan(10_000);
    expect(marketCovered).not.toBe(baseline.covered);
  });

  ordered.forEach((c, i) => {
    it(`${c.file} (${c.layer}): ${c.expect}`, async () => {
      // Chinese and English in blocks of 8 cases (a language switch re-renders the whole page).
      const lang = Math.floor(i / 8) % 2 === 0 ? 'zh' : 'en';
      await setLang(page, lang);
      await dismissErrors(page);
      const errorsBefore = consoleErrors.length;
      await page.evaluate(() => { delete document.body.dataset.analysisKey; delete document.body.dataset.projectImport; });
      await giveFile(page, c);

      if (c.expect === 'error') {
        tally.error++;
        if (c.layer === 'preset') {
          // Preset files are checked by the standards panel, which lists every problem under its (translated) title.
          const box = page.locator('[data-testid="preset-import-errors"]');
          await box.waitFor({ timeout: 30_000 });
          const text = (await box.textContent())!;
          expect(text).toContain(c.file);
          expect(await box.locator('li').count()).toBeGreaterThan(0);
          if (lang === 'zh') expect(text).toMatch(CJK);
        } else {
          await page.waitForSelector('[data-testid="error"]', { timeout: 60_000 });
          await ready(page);
          const text = (await page.locator('[data-testid="error"]').last().textContent())!;
          expect(text, text).toContain(c.file);
          if (lang === 'en') {
            expect(text).toMatch(new RegExp(c.match!, 'is'));
            expect(text).not.toMatch(CJK);
          } else {
            // The Chinese banner: the translated title, and (data layers) the Chinese reason after the file name.
            expect(text).toMatch(CJK);
            if (c.layer !== 'project') expect(text).toContain(`${c.file}：`);
            if (c.match_zh) expect(text).toMatch(new RegExp(c.match_zh, 's'));
          }
        }
        // Nothing loaded before was lost, and the page still computes.
        expect(await state(page)).toEqual({ ...baseline, key: '' });
        // The page still computes (a type switch recomputes everything: every 8th error and the last, for time).
        if (tally.error % 8 === 1 || i === lastError) {
          await selectType(page, 'market');
          expect((await state(page)).covered).toBe(marketCovered);
          await selectType(page, 'primary_school');
          expect(await state(page)).toEqual(baseline);
          tally.responsive++;
        }
      } else {
        tally.loads++;
        if (DATA_LAYERS.includes(c.layer)) {
          await page.waitForFunction(({ k, name }) => document.querySelector(`[data-testid="layer-${k}"] .file-name`)?.textContent === name, { k: c.layer, name: c.file }, { timeout: 60_000 });
          await ready(page);
          expect(await page.locator('[data-testid="error"]').count()).toBe(0);
          if (c.expect === 'loads-with-warning') {
            const warnings = await page.locator('.hint.warning').allTextContents();
            const w = warnings.find((x) => x.includes(c.file));
            expect(w, warnings.join('\n')).toBeDefined();
            if (lang === 'en') expect(w).toMatch(new RegExp(c.match!, 'is'));
            else {
              expect(w).toMatch(CJK);
              if (c.match_zh) expect(w).toMatch(new RegExp(c.match_zh, 's'));
            }
          }
          await page.waitForFunction(() => !!document.body.dataset.analysisKey, null, { timeout: 60_000 });
          if (c.layer === 'population') {
            expect(digits((await state(page)).total)).toBe(Math.round(expectedPopulation(c)));
          }
        } else if (c.layer === 'candidates') {
          await page.waitForSelector('[data-testid="candidate-loaded"]', { timeout: 30_000 });
          expect(await page.textContent('[data-testid="candidate-loaded"]')).toContain(c.file);
        } else if (c.layer === 'preset') {
          await page.waitForFunction(() => document.querySelector('[data-testid="standards"]')?.getAttribute('data-preset') !== 'gb50180-2018', null, { timeout: 30_000 });
          // HTML in the title is shown as text.
          expect(await page.textContent('[data-testid="standards"]')).toMatch(/<script>alert\(1\)<\/script>|<img src=x onerror=alert\(1\)>/);
        } else if (c.layer === 'project') {
          await page.waitForFunction(() => (document.body.dataset.projectImport ?? '').startsWith('ok|'), null, { timeout: 60_000 });
          await ready(page);
          expect(await page.textContent('[data-testid="layer-population"] .file-name')).toBe('population.csv');
          await page.waitForFunction(() => !!document.body.dataset.analysisKey, null, { timeout: 60_000 });
          expect(digits((await state(page)).total)).toBeLessThan(digits(baseline.total));
        }
      }
      expect(consoleErrors.slice(errorsBefore)).toEqual([]);
      expect(dialogs).toEqual([]);
    }, 120_000);
  });

  it('ran every case with no console error and no request leaving the machine', () => {
    expect(tally.error + tally.loads).toBe(cases.length);
    expect(tally.responsive).toBeGreaterThanOrEqual(8);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
