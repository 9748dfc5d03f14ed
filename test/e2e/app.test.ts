import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilityTypeOfTags } from '../../src/core/facility-types.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, startPreview, watchPage } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = 4179;
const ORIGIN = `http://127.0.0.1:${PORT}`;

if (!chromiumAvailable()) {
  const msg = `\n\n!!! Chromium not found at ${CHROMIUM_PATH}: the browser end-to-end tests CANNOT run.\n!!! Install it with: apt-get install -y chromium fonts-wqy-microhei\n`;
  console.error(msg);
  if (process.env.CI === 'true') throw new Error(msg);
}

/** What the CLI prints for the same inputs: an independent process on the same data files. */
function cliCoverage(type: string, radius: number, mode: string, ...extra: string[]) {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), 'coverage', '--type', type, '--radius', String(radius), '--mode', mode, '--data', path.join(ROOT, 'data/nanjing-xinjiekou'), ...extra], { encoding: 'utf8' });
  return JSON.parse(out) as { population: number; covered: number; facilities: number; off_network_units: number };
}

const personsText = (n: number) => Math.round(n).toLocaleString('en-US');

describe.runIf(chromiumAvailable())('the app in headless Chromium on the default area', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  let loadMs = 0;

  beforeAll(async () => {
    server = await startPreview(ROOT, PORT);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    watchPage(page, consoleErrors, foreignRequests);
    const t0 = Date.now();
    await page.goto(ORIGIN);
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
    await page.waitForFunction(() => document.body.dataset.mapIdle === '1', null, { timeout: 60_000 });
    loadMs = Date.now() - t0;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

  it('loads the default Nanjing area within two minutes and shows its population', async () => {
    expect(loadMs).toBeGreaterThan(0);
    const total = await page.textContent('[data-testid="total-pop"]');
    const cli = cliCoverage('primary_school', 500, 'network');
    expect(total).toBe(personsText(cli.population));
    mkdirSync(path.join(ROOT, '.out'), { recursive: true });
    writeFileSync(path.join(ROOT, '.out/e2e-load-ms.txt'), String(loadMs));
  });

  it('shows the same covered population as the CLI for a chosen type, radius and mode', async () => {
    for (const [type, radius, mode] of [['primary_school', 500, 'network'], ['market', 800, 'straight'], ['kindergarten', 300, 'network']] as const) {
      await page.selectOption('[data-testid="type-select"]', type);
      await page.check(`[data-testid="mode-${mode}"]`);
      // Typed key by key, as a planner would: the half-typed "8" must not break anything.
      await page.locator('[data-testid="radius-input"]').selectText();
      await page.keyboard.type(String(radius), { delay: 30 });
      await page.waitForFunction((k) => document.body.dataset.analysisKey === k, `${type}|${mode}|${radius}|250`);
      const cli = cliCoverage(type, radius, mode);
      expect(await page.textContent('[data-testid="covered-pop"]')).toBe(personsText(cli.covered));
      expect(await page.textContent('[data-testid="facility-count"]')).toBe(String(cli.facilities));
    }
  });

  it('draws a map that is not blank', async () => {
    await page.selectOption('[data-testid="type-select"]', 'primary_school');
    await page.check('[data-testid="mode-network"]');
    await page.fill('[data-testid="radius-input"]', '500');
    await page.waitForFunction(() => document.body.dataset.analysisKey === 'primary_school|network|500|250');
    await page.waitForTimeout(800);
    const stats = await page.evaluate(() => {
      const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
      const c = document.createElement('canvas');
      c.width = 200; c.height = 150;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0, 200, 150);
      const d = ctx.getImageData(0, 0, 200, 150).data;
      let sum = 0, sum2 = 0, colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4) { const g = (d[i] + d[i + 1] + d[i + 2]) / 3; sum += g; sum2 += g * g; colours.add((d[i] >> 4) << 8 | (d[i + 1] >> 4) << 4 | d[i + 2] >> 4); }
      const n = d.length / 4;
      return { variance: sum2 / n - (sum / n) ** 2, colours: colours.size };
    });
    expect(stats.variance).toBeGreaterThan(100);
    expect(stats.colours).toBeGreaterThan(20);
    mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'docs/screenshot.png') });
  });

  it('draws the walking service area of a facility when it is clicked (network mode)', async () => {
    // A primary school's position, found from the data file and the core's tag rules.
    const fc = JSON.parse(readFileSync(path.join(ROOT, 'data/nanjing-xinjiekou/facilities.geojson'), 'utf8'));
    const school = fc.features.find((f: { properties: Record<string, string> }) => facilityTypeOfTags(f.properties) === 'primary_school');
    const [lon, lat] = school.geometry.coordinates;
    const map = (await page.locator('.map').boundingBox())!;
    const xy = await page.evaluate(([x, y]) => (window as unknown as { __lifecircleMap: { project(p: number[]): { x: number; y: number } } }).__lifecircleMap.project([x, y]), [lon, lat]);
    // Hover first, as a user would, until the tooltip names the school; then click it.
    await expect.poll(async () => {
      await page.mouse.move(map.x + xy.x + 1, map.y + xy.y + 1);
      await page.mouse.move(map.x + xy.x, map.y + xy.y);
      return page.locator('[data-testid="tooltip"]').textContent({ timeout: 500 }).catch(() => null);
    }, { timeout: 20_000 }).toContain(school.properties.name);
    // Click it. deck.gl takes a press as a click only when it is short (a tap): on a CPU-starved
    // machine the press can be read as too long, so click again, as a user would, until it registers.
    await expect.poll(async () => {
      await page.mouse.click(map.x + xy.x, map.y + xy.y);
      return page.waitForFunction(() => Number(document.body.dataset.serviceAreaSegments) > 0, null, { timeout: 5_000 }).then(() => true, () => false);
    }, { timeout: 45_000 }).toBe(true);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-service-area.png') });
  });

  it('exports the uncovered cells as RFC 7946 GeoJSON with population and distance', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-geojson"]')]);
    const fc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.crs).toBeUndefined();
    expect(fc.features.length).toBeGreaterThan(0);
    const cli = cliCoverage('primary_school', 500, 'network');
    const exportedPop = fc.features.reduce((s: number, f: { properties: { pop: number } }) => s + f.properties.pop, 0);
    expect(exportedPop).toBeCloseTo(cli.population - cli.covered, 3);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('Point');
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(118.7); expect(lon).toBeLessThan(118.85);
      expect(lat).toBeGreaterThan(32.0); expect(lat).toBeLessThan(32.1);
      expect(f.properties.nearest_distance_m === null || f.properties.nearest_distance_m > 500).toBe(true);
    }
  });

  it('exports the community table as CSV with a UTF-8 byte-order mark', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('街坊');
  });

  it('zooms to a community unit when it is clicked and highlights its row', async () => {
    const row = page.locator('[data-testid="community-table"] tbody tr').nth(3);
    const idx = await row.getAttribute('data-idx');
    await row.click();
    await expect.poll(() => page.locator('[data-testid="community-table"] tr.selected').getAttribute('data-idx')).toBe(idx);
  });

  it('shows a tooltip as text when hovering a population cell', async () => {
    const box = (await page.locator('.map').boundingBox())!;
    let text: string | null = null;
    for (let k = 0; k < 40 && !text; k++) {
      await page.mouse.move(box.x + box.width * (0.3 + 0.4 * ((k * 7) % 10) / 10), box.y + box.height * (0.3 + 0.4 * ((k * 3) % 10) / 10));
      text = await page.locator('[data-testid="tooltip"]').textContent({ timeout: 300 }).catch(() => null);
    }
    expect(text).toBeTruthy();
    expect(await page.locator('[data-testid="tooltip"] *').evaluateAll((els) => els.every((e) => e.tagName === 'DIV'))).toBe(true);
  });

  it('keeps the loaded layers and says why when a bad file is loaded', async () => {
    const before = await page.textContent('[data-testid="total-pop"]');
    await page.setInputFiles('[data-testid="file-population"]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('name,x\nfoo,bar\n') });
    await page.waitForSelector('[data-testid="error"]');
    expect(await page.textContent('[data-testid="error"]')).toContain('bad.csv');
    expect(await page.textContent('[data-testid="total-pop"]')).toBe(before);
  });

  it('recomputes with a new maximum snap distance from the spec-driven control, as the CLI does', async () => {
    await page.fill('[data-testid="param-max-snap"]', '15');
    await page.press('[data-testid="param-max-snap"]', 'Enter');
    await page.waitForFunction(() => document.body.dataset.analysisKey === 'primary_school|network|500|15', null, { timeout: 60_000 });
    const cli = cliCoverage('primary_school', 500, 'network', '--max-snap', '15');
    expect(await page.textContent('[data-testid="covered-pop"]')).toBe(personsText(cli.covered));
    expect(await page.textContent('[data-testid="off-network"]')).toContain(String(cli.off_network_units));
    expect(cli.off_network_units).toBeGreaterThan(0);
  });

  it('analyses a facility list the planner loads (CSV) exactly as the CLI does', async () => {
    const csv = 'id,lon,lat,type,name\nK1,118.7700,32.0430,kindergarten,梅园幼儿园\nK2,118.7850,32.0480,kindergarten,新建幼儿园\n';
    const dir = mkdtempSync(path.join(tmpdir(), 'lifecircle-e2e-'));
    writeFileSync(path.join(dir, 'kindergartens.csv'), csv);
    await page.setInputFiles('[data-testid="file-facilities"]', { name: 'kindergartens.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => document.body.dataset.analysisKey?.startsWith('kindergarten|'), null, { timeout: 60_000 });
    await page.check('[data-testid="mode-network"]');
    await page.waitForFunction(() => document.body.dataset.analysisKey?.startsWith('kindergarten|network|300|'), null, { timeout: 60_000 });
    const out = path.join(dir, 'out');
    execFileSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), 'analyze', '--network', path.join(ROOT, 'data/nanjing-xinjiekou/network.osm.pbf'),
      '--population', path.join(ROOT, 'data/nanjing-xinjiekou/population.csv'), '--facilities', path.join(dir, 'kindergartens.csv'),
      '--max-snap', await page.inputValue('[data-testid="param-max-snap"]'), '--out', out]);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(await page.textContent('[data-testid="facility-count"]')).toBe('2');
    expect(await page.textContent('[data-testid="covered-pop"]')).toBe(personsText(summary.totals.kindergarten.covered));
  });

  it('rebuilds the walk graph when the planner edits the walkable rule, as the CLI does', async () => {
    const edgesShown = async () => Number((await page.textContent('[data-testid="graph-stats"]'))!.match(/([\d,]+) (?:edges|路段)|路段 ([\d,]+)/)!.slice(1).find(Boolean)!.replace(/,/g, ''));
    const before = await edgesShown();
    await page.fill('[data-testid="excluded-highways"]', 'motorway, motorway_link, construction, proposed, raceway, bus_guideway, footway, steps');
    await page.press('[data-testid="excluded-highways"]', 'Enter');
    await expect.poll(edgesShown, { timeout: 60_000 }).toBeLessThan(before);
    const walk = JSON.parse(readFileSync(path.join(ROOT, 'data/nanjing-xinjiekou/streets.geojson'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.LineString, { highway: string }>;
    const footEdges = walk.features.filter((f) => ['footway', 'steps'].includes(f.properties.highway)).reduce((n, f) => n + f.geometry.coordinates.length - 1, 0);
    expect(before - (await edgesShown())).toBe(footEdges);
  });

  it('shows progress for a long load, cancels it, and keeps the loaded population', async () => {
    const before = await page.textContent('[data-testid="total-pop"]');
    // 150,000 seeded random points over the area: long enough to see progress and press cancel.
    const rand = seededRandom(11);
    const rows = ['id,lon,lat,pop'];
    for (let i = 0; i < 150_000; i++) rows.push(`R${i},${(118.763 + rand() * 0.033).toFixed(6)},${(32.035 + rand() * 0.017).toFixed(6)},${(rand() * 50).toFixed(1)}`);
    await page.setInputFiles('[data-testid="file-population"]', { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await page.waitForSelector('[data-testid="progress"]', { timeout: 30_000 });
    await page.click('[data-testid="progress"] button');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="error"]')].some((e) => /取消|Cancel/.test(e.textContent ?? '')), null, { timeout: 60_000 });
    await page.waitForSelector('[data-testid="progress"]', { state: 'detached', timeout: 60_000 });
    expect(await page.textContent('[data-testid="total-pop"]')).toBe(before);
  });

  it('shows the OSM and GHS-POP attribution on the map', async () => {
    const attribution = await page.textContent('.maplibregl-ctrl-attrib');
    expect(attribution).toContain('OpenStreetMap');
    expect(attribution).toContain('GHS-POP');
  });

  it('made no request outside localhost and logged no console errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
