import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, startPreview, watchPage } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const PORT = 4181;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const KEY = 'primary_school|network|500|2000|250';

/** The CLI on the same files: an independent process whose selection the app must reproduce. */
function cliSite(...extra: string[]) {
  const out = mkdtempSync(path.join(tmpdir(), 'lifecircle-e2e-site-'));
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), 'site', '--demand', path.join(AREA, 'population.csv'), '--demand-weight', 'pop',
    '--existing', path.join(AREA, 'facilities.geojson'), '--existing-type', 'primary_school', '--network', path.join(AREA, 'network.osm.pbf'),
    '--type', 'primary_school', '--out', out, ...extra], { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 2) throw new Error(run.stderr);
  return JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
}
const cliCoverage = () =>
  JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), 'coverage', '--type', 'primary_school', '--radius', '500', '--mode', 'network', '--data', AREA], { encoding: 'utf8' }));
const persons = (s: string | null) => Number((s ?? '').replace(/,/g, ''));

describe.runIf(chromiumAvailable())('siting in the app (headless Chromium, default area, primary schools 500 m)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];

  const run = async (model: string, settings: Record<string, string>) => {
    await page.selectOption('[data-testid="siting-model"]', model);
    for (const [flag, value] of Object.entries(settings)) {
      const el = page.locator(`[data-testid="siting-${flag}"]`);
      if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
      else {
        await el.fill(value);
        await el.blur();
      }
    }
    const before = await page.evaluate(() => document.body.dataset.sitingDone ?? '');
    await page.click('[data-testid="run-siting"]');
    await page.waitForFunction((b) => (document.body.dataset.sitingDone ?? '') !== b, before, { timeout: 120_000 });
    return page.locator('[data-testid="siting-result"]');
  };

  beforeAll(async () => {
    server = await startPreview(ROOT, PORT);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    watchPage(page, consoleErrors, foreignRequests);
    await page.goto(ORIGIN);
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
    await page.selectOption('[data-testid="type-select"]', 'primary_school');
    await page.waitForFunction((k) => document.body.dataset.analysisKey === k, 'primary_school|network|500|250', { timeout: 60_000 });
    await page.waitForFunction((k) => document.body.dataset.gapsKey?.startsWith(k), KEY, { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

  it('shows the service gaps, whose residents add up to everyone the CLI counts as not covered', async () => {
    const cli = cliCoverage();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-gaps"]')]);
    const file = (await download.path())!;
    const fc = JSON.parse(readFileSync(file, 'utf8'));
    const sum = fc.features.reduce((s: number, f: { properties: { uncovered_population: number } }) => s + f.properties.uncovered_population, 0);
    expect(sum).toBeCloseTo(cli.population - cli.covered, -1);
    expect(await page.locator('[data-testid="gap-row"]').count()).toBe(Math.min(5, fc.features.length));
    expect(execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' })).toMatch(/Geometry: Polygon/);
  });

  it('runs MCLP (p = 3) and picks the same sites as `lifecircle site` on the same files', async () => {
    const result = await run('mclp', { p: '3', method: 'auto' });
    const cli = cliSite('--model', 'mclp', '--p', '3', '--candidates', 'generated');
    expect(await result.getAttribute('data-selected')).toBe(cli.selected.join(','));
    expect(await result.getAttribute('data-status')).toBe(cli.status);
    expect(await page.locator('[data-testid="proposal-row"]').count()).toBe(3);
  });

  it('shows before and after side by side: before is the panel’s covered population, after adds the proposals’ gains', async () => {
    const coveredBefore = persons(await page.textContent('[data-testid="covered-before"]'));
    const coveredAfter = persons(await page.textContent('[data-testid="covered-after"]'));
    expect(coveredBefore).toBe(persons(await page.textContent('[data-testid="covered-pop"]')));
    const gains = await page.locator('[data-testid="proposal-row"] td:nth-child(3)').allTextContents();
    expect(Math.abs(coveredBefore + gains.map(persons).reduce((a, b) => a + b, 0) - coveredAfter)).toBeLessThanOrEqual(3); // rounding of 4 figures
    expect(coveredAfter).toBeGreaterThan(coveredBefore);
    // The GB 50180 check moves with it: no community loses, and completeness does not fall.
    const passing = async (id: string) => Number((await page.textContent(`[data-testid="${id}"]`))!.split('/')[0]);
    expect(await passing('passing-after')).toBeGreaterThanOrEqual(await passing('passing-before'));
    const pct = async (id: string) => Number((await page.textContent(`[data-testid="${id}"]`))!.replace('%', ''));
    expect(await pct('completeness-after')).toBeGreaterThan(await pct('completeness-before'));
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-siting.png') });
  });

  it('exports proposals.geojson that GDAL opens, with the documented properties and metadata', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-proposals"]')]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lifecircle-e2e-')), 'proposals.geojson');
    writeFileSync(file, readFileSync((await download.path())!));
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
    expect(info).toMatch(/Geometry: Point/);
    expect(info).toMatch(/Feature Count: 3/);
    const fc = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(fc.features[0].properties)).toEqual(expect.arrayContaining(['rank', 'facility_type', 'model', 'added_population_covered', 'population_served', 'nearest_existing_m', 'candidate_id']));
    expect(fc.metadata).toMatchObject({ facility_type: 'primary_school', model: 'mclp' });
    expect(fc.metadata.parameters).toMatchObject({ p: 3, radius_m: 500, mode: 'network' });
    expect(fc.metadata.data_sources.join(' ')).toMatch(/OpenStreetMap/);
  });

  it('runs LSCP for an 80 % target and needs as many sites as the CLI', async () => {
    const result = await run('lscp', { 'target-coverage': '80' });
    const cli = cliSite('--model', 'lscp', '--target-coverage', '80', '--candidates', 'generated');
    expect(await result.getAttribute('data-status')).toBe(cli.status);
    expect(await page.locator('[data-testid="proposal-row"]').count()).toBe(cli.selected.length);
    expect(await result.getAttribute('data-selected')).toBe(cli.selected.join(','));
  });

  it('cancels a long exact run, says so, and keeps the earlier results and the map usable', async () => {
    await page.selectOption('[data-testid="siting-model"]', 'pmedian');
    await page.fill('[data-testid="siting-spacing"]', '10');
    await page.locator('[data-testid="siting-spacing"]').blur();
    await page.fill('[data-testid="siting-p"]', '12');
    await page.locator('[data-testid="siting-p"]').blur();
    await page.selectOption('[data-testid="siting-method"]', 'exact');
    await page.click('[data-testid="run-siting"]');
    await page.waitForSelector('[data-testid="progress"]', { timeout: 30_000 });
    await page.waitForTimeout(1500);
    await page.click('[data-testid="progress"] button');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="error"]')].some((e) => /取消|Cancel/.test(e.textContent ?? '')), null, { timeout: 30_000 });
    // The LSCP result is still shown and a new run works.
    expect(await page.locator('[data-testid="siting-result"]').getAttribute('data-selected')).toBeTruthy();
    await page.fill('[data-testid="siting-spacing"]', '100');
    await page.locator('[data-testid="siting-spacing"]').blur();
    const result = await run('mclp', { p: '1', method: 'heuristic' });
    expect(await result.getAttribute('data-method')).toBe('heuristic');
  });

  it('made no request outside localhost and logged no console errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
