import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, closeApp, openApp } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = 4201;
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');

const ready = (page: Page) => page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-status') === 'ready', null, { timeout: 60_000 });
const personsText = (n: number) => Math.round(n).toLocaleString('en-US');
/** The figures are queried after the layers load: wait for the total to become `text` (or time out and fail below). */
const totalBecomes = (page: Page, text: string) =>
  page.waitForFunction((t) => document.querySelector('[data-testid="total-pop"]')?.textContent === t, text, { timeout: 20_000 }).catch(() => {});

describe.runIf(chromiumAvailable())('population as community totals in headless Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  // Twenty communities of the default area with totals 1000, 1013, …, 1247 (a census table by 社区).
  const ids = (JSON.parse(readFileSync(path.join(AREA, 'communities.geojson'), 'utf8')) as GeoJSON.FeatureCollection).features.slice(0, 20).map((f) => String(f.properties!.id));
  const totals = ids.map((_, k) => 1000 + 13 * k);
  const csv = `社区,人口\n${ids.map((id, k) => `${id},${totals[k]}`).join('\n')}\n`;
  const tableSum = totals.reduce((s, x) => s + x, 0); // 20 × 1000 + 13 × 190 = 22,470

  beforeAll(async () => {
    ({ server, browser, page } = await openApp(ROOT, PORT, { consoleErrors, foreignRequests }));
    await ready(page);
  });

  afterAll(() => closeApp({ server, browser }));

  it('loads a community totals CSV spread over buildings: the total population equals the table sum', async () => {
    expect(tableSum).toBe(22_470);
    await page.selectOption('[data-testid="population-from"]', 'community-totals');
    await page.selectOption('[data-testid="population-spread"]', 'buildings');
    await page.setInputFiles('[data-testid="file-population"]', { name: 'totals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => /totals\.csv/.test(document.querySelector('[data-testid="layer-population"]')?.textContent ?? ''), null, { timeout: 60_000 });
    await ready(page);
    await totalBecomes(page, personsText(tableSum));
    expect(await page.textContent('[data-testid="total-pop"]')).toBe(personsText(tableSum));
    expect(await page.textContent('[data-testid="population-method"]')).toContain('人口按社区总数分摊到住宅建筑（按建筑面积');
    expect(await page.textContent('[data-testid="coverage-population-method"]')).toContain('20 个社区');
  });

  it('spreads the same file over the community area instead, keeping the total', async () => {
    await page.selectOption('[data-testid="population-spread"]', 'area');
    await page.click('[data-testid="population-apply"]');
    await page.waitForFunction(() => /均匀分摊/.test(document.querySelector('[data-testid="population-method"]')?.textContent ?? ''), null, { timeout: 60_000 });
    await ready(page);
    await totalBecomes(page, personsText(tableSum));
    expect(await page.textContent('[data-testid="total-pop"]')).toBe(personsText(tableSum));
  });

  it('logged no console errors and made no request beyond 127.0.0.1', () => {
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
