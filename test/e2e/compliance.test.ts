import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, isLocalRequest, startPreview } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const PORT = 4183;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const COMMUNITIES = 162;

/**
 * `lifecircle analyze --preset …` on the same files: an independent process whose compliance.csv
 * the app's matrix must reproduce. Returns the csv rows as objects.
 */
function cliCompliance(preset: string): Record<string, string>[] {
  const out = mkdtempSync(path.join(tmpdir(), 'lifecircle-e2e-compliance-'));
  execFileSync(process.execPath, [path.join(ROOT, 'bin/lifecircle.mjs'), 'analyze', '--network', path.join(AREA, 'network.osm.pbf'),
    '--population', path.join(AREA, 'population.csv'), '--facilities', path.join(AREA, 'facilities.geojson'),
    '--communities', path.join(AREA, 'communities.geojson'), '--preset', preset, '--out', out], { encoding: 'utf8' });
  return parseCsv(readFileSync(path.join(out, 'compliance.csv'), 'utf8'));
}

/** RFC 4180 with an optional BOM (enough for compliance.csv). */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field); field = ''; rows.push(row); row = [];
    } else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, k) => [h, r[k]])));
}

/** Cells per type and verdict, e.g. `primary_school|fail` → 133 (`none` = no residents). */
const countCsv = (rows: Record<string, string>[]) => {
  const m: Record<string, number> = {};
  for (const r of rows) { const k = `${r.type}|${r.pass === 'no_residents' ? 'none' : r.pass}`; m[k] = (m[k] ?? 0) + 1; }
  return m;
};
const persons = (s: string | null) => Number((s ?? '').replace(/,/g, ''));

describe.runIf(chromiumAvailable())('standards and compliance in the app (headless Chromium, default area, GB 50180-2018)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const timings: Record<string, number> = {};

  const complianceKey = () => page.evaluate(() => document.body.dataset.complianceKey ?? '');
  const waitForKey = (prefix: string) => page.waitForFunction((p) => document.body.dataset.complianceKey?.startsWith(p), prefix, { timeout: 60_000 });
  const countMatrix = () => page.$$eval('[data-testid="matrix-cell"]', (cells) => {
    const m: Record<string, number> = {};
    for (const c of cells as HTMLElement[]) { const k = `${c.dataset.type}|${c.dataset.state}`; m[k] = (m[k] ?? 0) + 1; }
    return m;
  });
  const loaded = async () => {
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
    await waitForKey('gb50180-2018|network|');
  };

  beforeAll(async () => {
    server = await startPreview(ROOT, PORT);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    // Context-wide, so the report window is watched as closely as the app.
    const watch = (p: Page) => {
      p.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${p.url()}: ${m.text()}`); });
      p.on('pageerror', (e) => consoleErrors.push(String(e.stack ?? e)));
    };
    context.on('page', watch);
    context.on('request', (r) => { if (!isLocalRequest(r.url())) foreignRequests.push(r.url()); });
    page = await context.newPage();
    const t0 = Date.now();
    await page.goto(ORIGIN);
    await loaded();
    timings.load = Date.now() - t0;
  });

  afterAll(async () => {
    console.log('compliance e2e timings (ms):', JSON.stringify(timings));
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

  it('checks GB 50180-2018 out of the box: every community in the matrix, the same verdicts as the CLI’s compliance.csv', async () => {
    await page.selectOption('[data-testid="preset-select"]', 'gb50180-2018');
    await waitForKey(`gb50180-2018|network|${COMMUNITIES}|`);
    const t0 = Date.now();
    const cli = cliCompliance('gb50180-2018');
    timings.cli = Date.now() - t0;
    const matrix = page.locator('[data-testid="compliance-matrix"]');
    expect(await matrix.getAttribute('data-communities')).toBe(String(COMMUNITIES));
    expect(await page.locator('[data-testid="matrix-row"]').count()).toBe(COMMUNITIES);
    expect(new Set(cli.map((r) => r.community)).size).toBe(COMMUNITIES);
    expect(Number(await matrix.getAttribute('data-types'))).toBe(new Set(cli.map((r) => r.type)).size);

    const app = await countMatrix();
    const want = countCsv(cli);
    expect(app['primary_school|fail']).toBe(want['primary_school|fail']);
    expect(app['primary_school|fail']).toBeGreaterThan(0);
    expect(app).toEqual(want); // every type, every verdict
    // The failure list is ranked by shortfall, as the CLI ranks it.
    const top = cli.filter((r) => r.pass === 'fail').sort((a, b) => Number(b.shortfall) - Number(a.shortfall))[0];
    expect(persons(await page.textContent('[data-testid="failure-row"] td:nth-child(5)'))).toBe(Math.round(Number(top.shortfall)));
    // The histogram counts every resident once.
    const hist = await page.$$eval('[data-testid="completeness-histogram"] tbody tr', (rows) => rows.reduce((s, r) => s + Number((r as HTMLElement).dataset.persons), 0));
    expect(Math.round(hist)).toBe(persons(await page.textContent('[data-testid="total-pop"]')));
    // Unchecked values are flagged, with their clause in the tooltip.
    const mark = page.locator('[data-testid="preset-row"][data-id="hospital"] [data-testid="mark-unverified"]').first();
    expect(await mark.getAttribute('title')).toMatch(/GB 50180-2018 Table B\.0\.\d/);
  });

  let editedFails = 0;
  it('edits one radius: a custom preset is listed, the matrix and the radius field follow, as the CLI does with the exported preset', async () => {
    const before = (await countMatrix())['primary_school|fail'];
    await page.fill('[data-testid="preset-radius-primary_school"]', '1000');
    await page.press('[data-testid="preset-radius-primary_school"]', 'Enter');
    await waitForKey('gb50180-2018-edited|network|');
    expect(await page.inputValue('[data-testid="preset-select"]')).toBe('gb50180-2018-edited');
    expect(await page.textContent('[data-testid="preset-select"] option[value="gb50180-2018-edited"]')).toContain('GB 50180-2018 副本（已修改）');
    editedFails = (await countMatrix())['primary_school|fail'] ?? 0;
    expect(editedFails).toBeLessThan(before);
    // The single-type radius field takes the preset's radius.
    expect(await page.inputValue('[data-testid="radius-input"]')).toBe('1000');
    await page.waitForFunction(() => document.body.dataset.analysisKey === 'primary_school|network|1000|250', null, { timeout: 60_000 });
    // The exported preset, run through the CLI, gives the same verdicts.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="preset-export"]')]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lifecircle-e2e-preset-')), 'edited.json');
    writeFileSync(file, readFileSync((await download.path())!));
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.facilities.find((f: { id: string }) => f.id === 'primary_school').radius_m).toMatchObject({ value: 1000, source: { standard: 'user edit' }, confidence: 'uncertain' });
    expect(await countMatrix()).toEqual(countCsv(cliCompliance(file)));
  });

  it('keeps the custom preset across a reload (localStorage), still active (the autosaved project)', async () => {
    // The project autosave (IndexedDB) records the active preset id; the preset itself lives in localStorage.
    await page.waitForFunction(() => (document.body.dataset.projectSaved ?? '').split('|')[2] === 'gb50180-2018-edited', null, { timeout: 30_000 });
    await page.reload();
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
    await waitForKey('gb50180-2018-edited|network|');
    expect(await page.inputValue('[data-testid="preset-select"]')).toBe('gb50180-2018-edited');
    expect(await page.locator('[data-testid="preset-select"] option[value="gb50180-2018-edited"]').count()).toBe(1);
    await page.selectOption('[data-testid="preset-select"]', 'gb50180-2018-edited');
    await waitForKey('gb50180-2018-edited|network|');
    expect((await countMatrix())['primary_school|fail'] ?? 0).toBe(editedFails);
  });

  it('refuses a broken preset file, naming the paths, and keeps the active preset', async () => {
    const keyBefore = await complianceKey();
    const broken = JSON.parse(readFileSync(path.join(ROOT, 'data/presets/gb50180-2018.json'), 'utf8'));
    broken.id = 'broken';
    broken.facilities[3].radius_m.value = -5;
    delete broken.facilities[0].required.source;
    await page.setInputFiles('[data-testid="preset-import"]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const errors = page.locator('[data-testid="preset-import-errors"]');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('broken.json');
    expect(await errors.textContent()).toContain('facilities[3].radius_m.value');
    expect(await errors.textContent()).toContain('facilities[0].required.source');
    await page.setInputFiles('[data-testid="preset-import"]', { name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('{ "schema_version": 1,') });
    await page.waitForFunction(() => document.querySelector('[data-testid="preset-import-errors"]')?.textContent?.includes('notjson.json'));
    expect(await page.inputValue('[data-testid="preset-select"]')).toBe('gb50180-2018-edited');
    expect(await page.locator('[data-testid="preset-select"] option[value="broken"]').count()).toBe(0);
    expect(await complianceKey()).toBe(keyBefore);
  });

  it('draws the completeness index in place of the coverage colours, with its legend', async () => {
    await page.check('[data-testid="show-completeness"]');
    await page.locator('[data-testid="legend-completeness"]').waitFor();
    await page.locator('[data-testid="compliance-matrix-section"]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: path.join(ROOT, 'docs/screenshot-compliance.png') });
  });

  it('shows a community and its facility type when a matrix cell is clicked', async () => {
    const cell = page.locator('[data-testid="matrix-cell"][data-type="kindergarten"][data-state="fail"]').first();
    const c = await cell.getAttribute('data-c');
    await cell.click();
    await expect.poll(() => page.inputValue('[data-testid="type-select"]')).toBe('kindergarten');
    await expect.poll(() => page.locator('[data-testid="community-table"] tr.selected').getAttribute('data-idx')).toBe(c);
    await page.waitForFunction(() => document.body.dataset.analysisKey?.startsWith('kindergarten|network|300|'), null, { timeout: 60_000 });
  });

  it('exports compliance.csv (UTF-8 BOM) and a printable report that prints to A4 PDF', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-compliance"]')]);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows.length).toBe(COMMUNITIES * Number(await page.locator('[data-testid="compliance-matrix"]').getAttribute('data-types')));
    // The edited radius (confirmed in the standard, 1000 m now) is flagged as the user's, unchecked value.
    expect(rows.find((r) => r.type === 'primary_school')?.value_confidence).toContain('radius_m=uncertain');

    const [html] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-download"]')]);
    expect(html.suggestedFilename()).toBe('report.html');
    const text = readFileSync((await html.path())!, 'utf8');
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(text).toContain('<img src="data:image/png;base64,');
    expect(text).toContain('社区生活圈配套设施达标报告');

    const t0 = Date.now();
    const [report] = await Promise.all([context.waitForEvent('page'), page.click('[data-testid="report-open"]')]);
    await report.waitForLoadState('load');
    expect(report.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:4183\//);
    expect(await report.textContent('h1')).toContain('达标报告');
    expect(await report.locator('#matrix tbody tr').count()).toBe(60); // the report's matrix cap
    const mapSize = await report.locator('.map img').evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(mapSize).toBeGreaterThan(300);
    const pdf = await report.pdf({ format: 'A4', printBackground: true });
    timings.reportPdf = Date.now() - t0;
    const pdfText = pdf.toString('latin1');
    expect(pdfText.startsWith('%PDF-')).toBe(true);
    const pages = (pdfText.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    timings.reportPages = pages;
    timings.reportPdfBytes = pdf.length;
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(40);
    expect(pdf.length).toBeGreaterThan(100_000);
    await report.close();
  });

  it('made no request outside localhost and logged no console errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
