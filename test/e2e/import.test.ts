import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, startPreview, watchPage } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = 4185;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const FIX = path.join(ROOT, 'test/fixtures/import');

if (!chromiumAvailable()) {
  const msg = `\n\n!!! Chromium not found at ${CHROMIUM_PATH}: the browser end-to-end tests CANNOT run.\n!!! Install it with: apt-get install -y chromium fonts-wqy-microhei\n`;
  console.error(msg);
  if (process.env.CI === 'true') throw new Error(msg);
}

/**
 * The CLI on the WGS84 originals (the default area's facilities.geojson and communities.geojson):
 * an independent path for the numbers the app shows after importing the GCJ-02 CSV and the
 * Gauss-Krüger Shapefile and accepting the suggested conversion.
 */
function cliCoverage(type: string, radius: number, mode: string) {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), 'coverage', '--type', type, '--radius', String(radius), '--mode', mode, '--data', AREA], { encoding: 'utf8' });
  return JSON.parse(out) as { population: number; covered: number; facilities: number };
}

const personsText = (n: number) => Math.round(n).toLocaleString('en-US');

/** Drops a file on the map as a browser does: a DataTransfer with the file, dragenter → dragover → drop. */
async function dropFile(page: Page, name: string, bytes: Buffer) {
  await page.evaluate(({ name, b64 }) => {
    const bin = atob(b64);
    const u = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([u], name));
    const el = document.querySelector('[data-testid="drop-zone"]')!;
    for (const type of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, { name, b64: bytes.toString('base64') });
}

const ready = (page: Page) => page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-status') === 'ready', null, { timeout: 60_000 });

/** Selects type/mode/radius and waits for fresh figures (the key is cleared first, so a stale one does not count). */
async function figures(page: Page, type: string, radius: number, mode: 'network' | 'straight') {
  await page.selectOption('[data-testid="type-select"]', type);
  await page.check(`[data-testid="mode-${mode}"]`);
  // Through another radius first, so the figures for the target are computed afresh on the current layers.
  await page.fill('[data-testid="radius-input"]', String(radius + 1));
  await page.waitForFunction((k) => document.body.dataset.analysisKey === k, `${type}|${mode}|${radius + 1}|250`, { timeout: 60_000 });
  await page.fill('[data-testid="radius-input"]', String(radius));
  await page.waitForFunction((k) => document.body.dataset.analysisKey === k, `${type}|${mode}|${radius}|250`, { timeout: 60_000 });
  return { covered: await page.textContent('[data-testid="covered-pop"]'), total: await page.textContent('[data-testid="total-pop"]'), facilities: await page.textContent('[data-testid="facility-count"]') };
}

const layerText = (page: Page) => page.evaluate(() => Object.fromEntries(['population', 'facilities', 'communities', 'network'].map((k) => [k, document.querySelector(`[data-testid="layer-${k}"]`)?.textContent ?? ''])));

describe.runIf(chromiumAvailable())('importing own data, the GCJ-02 notice and projects in headless Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const communitiesCount = (JSON.parse(readFileSync(path.join(AREA, 'communities.geojson'), 'utf8')) as GeoJSON.FeatureCollection).features.length;
  const cli = cliCoverage('primary_school', 500, 'network');
  const cliMarket = cliCoverage('market', 800, 'straight');
  let expected: { covered: string | null; total: string | null; facilities: string | null };
  let layersBefore: Record<string, string>;
  let exported = '';
  const tmp = mkdtempSync(path.join(tmpdir(), 'lifecircle-import-'));

  beforeAll(async () => {
    server = await startPreview(ROOT, PORT);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    watchPage(page, consoleErrors, foreignRequests);
    await page.goto(ORIGIN);
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
    await ready(page);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

  it('drops the Gauss-Krüger Shapefile zip (GBK .dbf) as communities: detected format, encoding and CRS shown', async () => {
    await dropFile(page, 'communities-gk-cm120.zip', readFileSync(path.join(FIX, 'communities-gk-cm120.zip')));
    await page.waitForFunction(() => /communities-gk-cm120\.zip/.test(document.querySelector('[data-testid="layer-communities"]')?.textContent ?? ''), null, { timeout: 60_000 });
    await ready(page);
    const src = await page.textContent('[data-testid="source-communities"]');
    expect(src).toContain('shapefile-zip');
    expect(src).toMatch(/gb18030|gbk/i);
    expect(src).toMatch(/CGCS2000|4549|Gauss/);
    expect(await page.locator('[data-testid="community-table"] tbody tr').count()).toBeGreaterThanOrEqual(Math.min(communitiesCount, 1));
    // Chinese names decoded from the GBK .dbf.
    expect(await page.textContent('[data-testid="community-table"]')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('asks which layer a dropped file is when its name does not say, and cancelling changes nothing', async () => {
    const before = await layerText(page);
    await dropFile(page, 'data.csv', readFileSync(path.join(FIX, 'facilities-bd09.tsv')));
    await page.waitForSelector('[data-testid="drop-chooser"]');
    expect(await page.textContent('[data-testid="drop-chooser"]')).toContain('data.csv');
    expect(await page.locator('[data-testid^="drop-as-"]').count()).toBe(4);
    await page.click('[data-testid="drop-chooser"] button:last-child');
    expect(await page.locator('[data-testid="drop-chooser"]').count()).toBe(0);
    expect(await layerText(page)).toEqual(before);
  });

  it('drops the GCJ-02 CSV (GB18030) as facilities, shows the Amap/GCJ-02 notice, and converts only when asked', async () => {
    await dropFile(page, 'facilities-gcj02.csv', readFileSync(path.join(FIX, 'facilities-gcj02.csv')));
    await page.waitForSelector('[data-testid="offset-notice"]', { timeout: 60_000 });
    await ready(page);
    const notice = await page.textContent('[data-testid="offset-notice"]');
    expect(notice).toMatch(/高德\/GCJ-02|Amap\/GCJ-02/);
    const n = page.locator('[data-testid="offset-notice"]');
    expect(await n.getAttribute('data-suggested')).toBe('gcj02');
    const before = Number(await n.getAttribute('data-before-m'));
    const after = Number(await n.getAttribute('data-after-m'));
    // The medians are in the text, before and after, and the conversion brings the points markedly closer to the streets.
    expect(notice).toContain(`${before}`);
    expect(notice).toContain(`${after}`);
    expect(after).toBeLessThan(before * 0.7);
    expect(await page.textContent('[data-testid="source-facilities"]')).toMatch(/csv · gb18030 · WGS 84/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-import-gcj02.png') });
    await page.click('[data-testid="offset-apply"]');
    await page.waitForSelector('[data-testid="offset-choice-facilities"]', { timeout: 60_000 });
    await ready(page);
    expect(await page.textContent('[data-testid="source-facilities"]')).toContain('GCJ-02');
    expect(await page.locator('[data-testid="offset-notice"]').count()).toBe(0);
  });

  it('gives the same coverage as the CLI on the WGS84 originals', async () => {
    expected = await figures(page, 'primary_school', 500, 'network');
    expect(expected.covered).toBe(personsText(cli.covered));
    expect(expected.total).toBe(personsText(cli.population));
    expect(expected.facilities).toBe(String(cli.facilities));
    const market = await figures(page, 'market', 800, 'straight');
    expect(market.covered).toBe(personsText(cliMarket.covered));
    expected = await figures(page, 'primary_school', 500, 'network');
    layersBefore = await layerText(page);
  });

  it('finds the project intact after a reload (IndexedDB autosave)', async () => {
    await page.waitForFunction(() => /facilities-gcj02\.csv:gcj02/.test(document.body.dataset.projectSaved ?? '') && /^[^|]*\|primary_school\|/.test(document.body.dataset.projectSaved ?? ''), null, { timeout: 30_000 });
    await page.reload();
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
    await ready(page);
    expect(await page.evaluate(() => document.body.dataset.projectRestored)).toBeTruthy();
    expect(await layerText(page)).toEqual(layersBefore);
    expect(await page.inputValue('[data-testid="type-select"]')).toBe('primary_school');
    expect(await page.textContent('[data-testid="offset-choice-facilities"]')).toMatch(/gcj02/);
    expect(await figures(page, 'primary_school', 500, 'network')).toEqual(expected);
  });

  it('exports the project to one file and imports it again', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="project-export"]')]);
    exported = readFileSync((await download.path())!, 'utf8');
    const json = JSON.parse(exported);
    expect(json.format_version).toBe(2);
    expect(json.layers.facilities).toMatchObject({ name: 'facilities-gcj02.csv', crs: 'gcj02' });
    expect(json.layers.communities.name).toBe('communities-gk-cm120.zip');
    expect(Buffer.from(json.layers.communities.bytes_base64, 'base64').equals(readFileSync(path.join(FIX, 'communities-gk-cm120.zip')))).toBe(true);
    const file = path.join(tmp, 'project.json');
    writeFileSync(file, exported);
    await page.evaluate(() => { delete document.body.dataset.projectImport; });
    await page.setInputFiles('[data-testid="project-import"]', file);
    await page.waitForFunction(() => document.body.dataset.projectImport?.startsWith('ok'), null, { timeout: 60_000 });
    await ready(page);
    expect(await layerText(page)).toEqual(layersBefore);
    expect(await figures(page, 'primary_school', 500, 'network')).toEqual(expected);
  });

  it('refuses a corrupted project file, a future format_version and a file whose layer cannot load, changing nothing', async () => {
    const json = JSON.parse(exported);
    const bad = [
      { name: 'truncated.json', text: exported.slice(0, exported.length / 2), error: /not valid JSON|JSON/ },
      { name: 'future.json', text: JSON.stringify({ ...json, format_version: 99 }), error: /format_version 99/ },
      { name: 'garbage-layer.json', text: JSON.stringify({ ...json, layers: { ...json.layers, facilities: { name: 'facilities.csv', bytes_base64: Buffer.from('name,x\nfoo,bar\n').toString('base64') } } }), error: /facilities\.csv/ },
    ];
    for (const b of bad) {
      const n = await page.locator('[data-testid="error"]').count();
      const file = path.join(tmp, b.name);
      writeFileSync(file, b.text);
      await page.evaluate(() => { delete document.body.dataset.projectImport; });
      await page.setInputFiles('[data-testid="project-import"]', file);
      await page.waitForFunction(() => document.body.dataset.projectImport?.startsWith('failed'), null, { timeout: 60_000 });
      await ready(page);
      const errors = await page.locator('[data-testid="error"]').allTextContents();
      expect(errors.length).toBe(n + 1);
      expect(errors[n]).toContain(b.name);
      expect(errors[n]).toMatch(b.error);
      expect(await layerText(page)).toEqual(layersBefore);
    }
    expect(await figures(page, 'market', 800, 'straight')).toMatchObject({ covered: personsText(cliMarket.covered) });
    expect(await figures(page, 'primary_school', 500, 'network')).toEqual(expected);
  });

  it('made no foreign requests and logged no console errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
