import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, startPreview, watchPage } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = 4187;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const FIX = path.join(ROOT, 'test/fixtures/mapping');

// The Amap-style facility table of test/fixtures/mapping with column names no reader knows
// (服务类别, 东经, 北纬): the planner has to say which is the type and which the coordinates.
const ZH_HEADER = '编号,名称,服务类别,东经,北纬,建筑面积';
const zhFacilities = (keep: (id: string) => boolean = () => true) => {
  const [, ...rows] = readFileSync(path.join(FIX, 'facilities-amap-zh.csv'), 'utf8').trim().split('\n');
  return Buffer.from([ZH_HEADER, ...rows.filter((r) => keep(r.split(',')[0]))].join('\n') + '\n');
};
// The same six facilities written by hand with canonical columns (the hotel A05 is not a facility;
// 社区托育 is a kindergarten, 社区卫生站 a clinic), for the CLI.
const CANONICAL = [
  'id,lon,lat,type,name',
  'A01,118.7700,32.0430,kindergarten,梅园幼儿园',
  'A02,118.7810,32.0420,primary_school,游府西街小学',
  'A03,118.7850,32.0450,clinic,新街口社区卫生站',
  'A04,118.7905,32.0440,clinic,中山东路卫生站',
  'A06,118.7720,32.0380,kindergarten,石鼓路社区托育点',
  'A07,118.7660,32.0490,primary_school,琅琊路小学',
].join('\n');

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
const layerText = (page: Page) => page.evaluate(() => Object.fromEntries(['population', 'facilities', 'communities', 'network'].map((k) => [k, document.querySelector(`[data-testid="layer-${k}"]`)?.textContent ?? ''])));

/** Selects type/mode/radius and waits for fresh figures. */
async function figures(page: Page, type: string, radius: number) {
  await page.selectOption('[data-testid="type-select"]', type);
  await page.check('[data-testid="mode-network"]');
  await page.fill('[data-testid="radius-input"]', String(radius + 1));
  await page.waitForFunction((k) => document.body.dataset.analysisKey === k, `${type}|network|${radius + 1}|250`, { timeout: 60_000 });
  await page.fill('[data-testid="radius-input"]', String(radius));
  await page.waitForFunction((k) => document.body.dataset.analysisKey === k, `${type}|network|${radius}|250`, { timeout: 60_000 });
  return { covered: await page.textContent('[data-testid="covered-pop"]'), total: await page.textContent('[data-testid="total-pop"]'), facilities: await page.textContent('[data-testid="facility-count"]') };
}

describe.runIf(chromiumAvailable())('the field-mapping dialog in headless Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const tmp = mkdtempSync(path.join(tmpdir(), 'lifecircle-mapping-e2e-'));
  writeFileSync(path.join(tmp, 'facilities.csv'), CANONICAL);
  // The CLI on the canonical file: the independent path for the numbers the app shows after mapping.
  execFileSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), 'analyze', '--network', path.join(AREA, 'network.osm.pbf'), '--population', path.join(AREA, 'population.csv'),
    '--facilities', path.join(tmp, 'facilities.csv'), '--communities', path.join(AREA, 'communities.geojson'), '--out', path.join(tmp, 'out')]);
  const cli = JSON.parse(readFileSync(path.join(tmp, 'out/summary.json'), 'utf8'));
  let afterFacilities: Awaited<ReturnType<typeof figures>>;

  beforeAll(async () => {
    server = await startPreview(ROOT, PORT);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    watchPage(page, consoleErrors, foreignRequests);
    await page.goto(ORIGIN);
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
    await ready(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

  it('maps the columns and type values of a Chinese facility table and gets the CLI’s coverage', async () => {
    await dropFile(page, 'facilities-amap.csv', zhFacilities());
    await page.waitForSelector('[data-testid="mapping-dialog"]', { timeout: 60_000 });
    // Guessed from the Chinese names; the rest is missing and Load waits for it.
    expect(await page.inputValue('[data-testid="mapping-role-id"]')).toBe('编号');
    expect(await page.inputValue('[data-testid="mapping-role-name"]')).toBe('名称');
    expect(await page.textContent('[data-testid="mapping-missing"]')).toMatch(/经度.*纬度.*设施类型/);
    expect(await page.isDisabled('[data-testid="mapping-load"]')).toBe(true);
    await page.selectOption('[data-testid="mapping-role-lon"]', '东经');
    expect(await page.textContent('[data-testid="mapping-samples-lon"]')).toBe('118.7700 · 118.7810 · 118.7850');
    await page.selectOption('[data-testid="mapping-role-lat"]', '北纬');
    await page.selectOption('[data-testid="mapping-role-type"]', '服务类别');
    await page.waitForSelector('[data-testid="mapping-type-value"][data-value="社区托育"]', { timeout: 30_000 });
    // Five distinct values; the Amap categories and 社区卫生站 are recognised, the other two are not.
    expect(await page.locator('[data-testid="mapping-type-value"]').count()).toBe(5);
    expect(await page.inputValue('[data-testid="mapping-type-select"][data-value="科教文化服务;学校;小学"]')).toBe('primary_school');
    expect(await page.inputValue('[data-testid="mapping-type-select"][data-value="社区卫生站"]')).toBe('clinic');
    expect(await page.inputValue('[data-testid="mapping-type-select"][data-value="住宿服务;宾馆酒店;五星级宾馆"]')).toBe('');
    await page.selectOption('[data-testid="mapping-type-select"][data-value="社区托育"]', 'kindergarten');
    expect(await page.textContent('[data-testid="mapping-no-problems"]')).toBeTruthy();
    await page.click('[data-testid="mapping-load"]');
    await page.waitForFunction(() => /facilities-amap\.csv/.test(document.querySelector('[data-testid="layer-facilities"]')?.textContent ?? ''), null, { timeout: 60_000 });
    await ready(page);
    expect(await page.locator('[data-testid="mapping-dialog"]').count()).toBe(0);
    afterFacilities = await figures(page, 'kindergarten', 300);
    expect(afterFacilities.facilities).toBe('2');
    expect(afterFacilities.covered).toBe(personsText(cli.totals.kindergarten.covered));
    const primary = await figures(page, 'primary_school', 500);
    expect(primary.facilities).toBe('2');
    expect(primary.covered).toBe(personsText(cli.totals.primary_school.covered));
  });

  it('lists a population file’s problem rows by number; skipping them loads P1 and P9 (190 residents)', async () => {
    const before = await layerText(page);
    await dropFile(page, 'population-problems.csv', readFileSync(path.join(FIX, 'population-problems.csv')));
    // The reader refuses the file as before (row 7 is swapped) and keeps the layers; the rows are offered for review.
    await page.waitForSelector('[data-testid="error"]', { timeout: 60_000 });
    await ready(page);
    expect(await page.textContent('[data-testid="error"]')).toMatch(/population-problems\.csv.*7/s);
    expect(await layerText(page)).toEqual(before);
    expect(await page.textContent('[data-testid="mapping-offer-population"]')).toMatch(/7 行有问题（行 3, 4, 5, 6, 7, 8, 9）/);
    await page.click('[data-testid="mapping-review-population"]');
    await page.waitForSelector('[data-testid="mapping-problems"]', { timeout: 60_000 });
    const rows = async (kind: string) => page.getAttribute(`[data-testid="mapping-problem-${kind}"]`, 'data-rows');
    // Hand-counted lines of the file (header = line 1).
    expect(await rows('no_location')).toBe('5');
    expect(await rows('out_of_range')).toBe('8');
    expect(await rows('swapped')).toBe('7');
    expect(await rows('pop_not_number')).toBe('4,9');
    expect(await rows('pop_negative')).toBe('3');
    expect(await rows('duplicate_id')).toBe('6');
    expect(await page.textContent('[data-testid="mapping-problem-pop_not_number"]')).toContain('4, 9');
    for (const kind of ['swapped', 'pop_not_number', 'pop_negative', 'duplicate_id']) await page.selectOption(`[data-testid="mapping-action-${kind}"]`, 'skip');
    await page.click('[data-testid="mapping-load"]');
    await page.waitForFunction(() => /population-problems\.csv/.test(document.querySelector('[data-testid="layer-population"]')?.textContent ?? ''), null, { timeout: 60_000 });
    await ready(page);
    // The figures follow the SQL query on the new layer: wait for them instead of reading at once.
    await page.waitForFunction((n) => document.querySelector('[data-testid="total-pop"]')?.textContent === n, personsText(190), { timeout: 60_000 });
    expect(await page.locator('[data-testid="mapping-offer-population"]').count()).toBe(0);
  });

  it('cancelling the dialog leaves every layer as it was', async () => {
    const before = await layerText(page);
    const total = await page.textContent('[data-testid="total-pop"]');
    await dropFile(page, 'population-raw.csv', Buffer.from('甲,乙,丙,丁\n1,118.77,32.04,5\n'));
    await page.waitForSelector('[data-testid="mapping-dialog"]', { timeout: 60_000 });
    await page.click('[data-testid="mapping-cancel"]');
    expect(await page.locator('[data-testid="mapping-dialog"]').count()).toBe(0);
    await ready(page);
    expect(await layerText(page)).toEqual(before);
    expect(await page.textContent('[data-testid="total-pop"]')).toBe(total);
  });

  it('after a reload, the project reopens with its mappings and a file of the same shape loads with the remembered mapping', async () => {
    await page.waitForFunction(() => /population-problems\.csv/.test(document.body.dataset.projectSaved ?? '') && /facilities-amap\.csv/.test(document.body.dataset.projectSaved ?? ''), null, { timeout: 30_000 });
    await page.reload();
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
    await ready(page);
    await page.waitForFunction((n) => document.querySelector('[data-testid="total-pop"]')?.textContent === n, personsText(190), { timeout: 60_000 });
    // Same columns, other rows (A01 kindergarten, A02 primary school, the hotel, A06 社区托育): no question asked.
    await dropFile(page, 'facilities-amap-2.csv', zhFacilities((id) => ['A01', 'A02', 'A05', 'A06'].includes(id)));
    await page.waitForFunction(() => /facilities-amap-2\.csv/.test(document.querySelector('[data-testid="layer-facilities"]')?.textContent ?? ''), null, { timeout: 60_000 });
    await ready(page);
    expect(await page.locator('[data-testid="mapping-dialog"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="mapping-note-facilities"]')).toMatch(/记住的字段映射/);
    expect((await figures(page, 'kindergarten', 300)).facilities).toBe('2');
  });

  it('made no foreign requests and logged no console errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
