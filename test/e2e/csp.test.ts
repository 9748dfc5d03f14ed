import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, startPreview, watchPage } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = 4193;
const ORIGIN = `http://127.0.0.1:${PORT}`;

/** Every CSP violation the page (and any page it opens) reports, as "directive blocked-uri source". */
function collectViolations() {
  const w = window as unknown as { __cspViolations: string[] };
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
}
const violations = (p: Page) => p.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

describe.runIf(chromiumAvailable())('the built app under its Content-Security-Policy (headless Chromium)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const cspConsole: string[] = [];

  beforeAll(async () => {
    server = await startPreview(ROOT, PORT);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    await context.addInitScript(collectViolations);
    page = await context.newPage();
    watchPage(page, consoleErrors, foreignRequests);
    page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) cspConsole.push(m.text()); });
    await page.goto(ORIGIN);
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

  it('states a policy in the page with no eval and no inline script', async () => {
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("'unsafe-eval'");
    const scriptSrc = policy!.split(';').find((d) => d.trim().startsWith('script-src'))!;
    expect(scriptSrc).not.toContain('unsafe-inline');
    // The served index.html is what a static host would ship: the same policy, and no inline <script>.
    const html = readFileSync(path.join(process.env.LIFECIRCLE_DIST ?? path.join(ROOT, 'dist'), 'index.html'), 'utf8');
    expect(html).toContain(policy!);
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  });

  it('loads, analyses, sites, exports and opens the report with no violation', async () => {
    // Analyse: another type and radius.
    await page.selectOption('[data-testid="type-select"]', 'market');
    await page.waitForFunction(() => document.body.dataset.analysisKey?.startsWith('market|network|'), null, { timeout: 60_000 });
    await page.selectOption('[data-testid="type-select"]', 'primary_school');
    await page.waitForFunction(() => document.body.dataset.gapsKey?.startsWith('primary_school|network|'), null, { timeout: 60_000 });
    // A GeoPackage of candidate sites is read on the page: SQLite wasm, which needs 'wasm-unsafe-eval' (and only that).
    await page.setInputFiles('[data-testid="candidate-file"]', path.join(ROOT, 'test/fixtures/import/facilities-gk-cm120.gpkg'));
    await page.waitForSelector('[data-testid="candidate-loaded"]', { timeout: 60_000 });
    await page.click('[data-testid="candidate-loaded"] button'); // back to generated candidates only
    // Site: MCLP, 2 sites, exact (HiGHS wasm, in the siting worker).
    await page.selectOption('[data-testid="siting-model"]', 'mclp');
    await page.fill('[data-testid="siting-p"]', '2');
    await page.locator('[data-testid="siting-p"]').blur();
    await page.selectOption('[data-testid="siting-method"]', 'exact');
    await page.click('[data-testid="run-siting"]');
    await page.waitForFunction(() => !!document.body.dataset.sitingDone, null, { timeout: 120_000 });
    expect(await page.locator('[data-testid="proposal-row"]').count()).toBe(2);
    // Export: proposals and uncovered cells, through object URLs.
    const [proposals] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-proposals"]')]);
    expect(JSON.parse(readFileSync((await proposals.path())!, 'utf8')).features).toHaveLength(2);
    const [uncovered] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-geojson"]')]);
    expect(JSON.parse(readFileSync((await uncovered.path())!, 'utf8')).type).toBe('FeatureCollection');
    // The printable report: a blob: document, which inherits the page's policy; its styles and map image must still work.
    const [report] = await Promise.all([context.waitForEvent('page'), page.click('[data-testid="report-open"]')]);
    await report.waitForLoadState('load');
    expect(await report.textContent('h1')).toContain('达标报告');
    expect(await report.locator('.map img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(300);
    // Its <style> element (h1 at 17 pt, not the default 32 px) and style="" attributes (the bars' widths) apply.
    expect(parseFloat(await report.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontSize))).toBeCloseTo((17 * 96) / 72, 1);
    expect(await report.evaluate(() => Math.max(0, ...[...document.querySelectorAll('.bar')].map((b) => b.getBoundingClientRect().width)))).toBeGreaterThan(0);
    expect(await report.locator('script').count()).toBe(0);
    expect(await violations(report)).toEqual([]);
    await report.close();
    expect(await violations(page)).toEqual([]);
    expect(cspConsole).toEqual([]);
  });

  it('blocks an injected inline script and string eval in the page', async () => {
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      let evalRan = false;
      try {
        evalRan = (0, eval)('true');
      } catch {
        evalRan = false;
      }
      return { inline: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, evalRan };
    });
    expect(ran).toEqual({ inline: false, evalRan: false });
    const v = await violations(page);
    expect(v.some((x) => x.startsWith('script-src-elem inline'))).toBe(true);
    expect(v.some((x) => x.startsWith('script-src eval'))).toBe(true);
  });

  it('made no request outside localhost and logged no console errors but the two blocked on purpose', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
    expect(consoleErrors.length).toBeLessThanOrEqual(2);
  });
});
