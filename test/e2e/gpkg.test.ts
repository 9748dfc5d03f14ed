import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, closeApp, openApp } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = 4197;
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const FIX = path.join(ROOT, 'test/fixtures/import');

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
const loaded = (page: Page, kind: string, name: string) =>
  page.waitForFunction(([k, n]) => (document.querySelector(`[data-testid="layer-${k}"]`)?.textContent ?? '').includes(n), [kind, name], { timeout: 60_000 });

describe.runIf(chromiumAvailable())('dropping a GeoPackage and a GeoParquet file in headless Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  // The CLI on the WGS84 GeoJSON originals: the independent path for the figures.
  const cli = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), 'coverage', '--type', 'primary_school', '--radius', '500', '--data', AREA], { encoding: 'utf8' }));

  beforeAll(async () => {
    ({ server, browser, page } = await openApp(ROOT, PORT, { consoleErrors, foreignRequests }, { width: 1280, height: 800 }));
    await ready(page);
  });

  afterAll(() => closeApp({ server, browser }));

  it('reads the Gauss-Krüger GeoPackage as facilities (sql.js wasm in the worker) and shows what it detected', async () => {
    await dropFile(page, 'facilities-gk-cm120.gpkg', readFileSync(path.join(FIX, 'facilities-gk-cm120.gpkg')));
    await loaded(page, 'facilities', 'facilities-gk-cm120.gpkg');
    await ready(page);
    expect(await page.textContent('[data-testid="source-facilities"]')).toMatch(/geopackage · — · CGCS2000 \/ 3-degree Gauss-Kruger CM 120E \(来自文件\)/);
  });

  it('reads the GeoParquet communities in the same CRS', async () => {
    await dropFile(page, 'communities-gk-cm120.parquet', readFileSync(path.join(FIX, 'communities-gk-cm120.parquet')));
    await loaded(page, 'communities', 'communities-gk-cm120.parquet');
    await ready(page);
    expect(await page.textContent('[data-testid="source-communities"]')).toMatch(/geoparquet · — · CGCS2000/);
    expect(await page.textContent('[data-testid="community-table"]')).toContain('广州路街坊');
  });

  it('gives the coverage the CLI computes on the GeoJSON originals, with no console error and no request off this machine', async () => {
    await page.selectOption('[data-testid="type-select"]', 'primary_school');
    await page.check('[data-testid="mode-network"]');
    await page.fill('[data-testid="radius-input"]', '501');
    await page.waitForFunction(() => document.body.dataset.analysisKey === 'primary_school|network|501|250', null, { timeout: 60_000 });
    await page.fill('[data-testid="radius-input"]', '500');
    await page.waitForFunction(() => document.body.dataset.analysisKey === 'primary_school|network|500|250', null, { timeout: 60_000 });
    expect(await page.textContent('[data-testid="covered-pop"]')).toBe(Math.round(cli.covered).toLocaleString('en-US'));
    expect(await page.textContent('[data-testid="facility-count"]')).toBe(String(cli.facilities));
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
