import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, startPreview, watchPage } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = 4199;
const ORIGIN = `http://127.0.0.1:${PORT}`;

/**
 * The UI language follows the browser until the user picks one (then the pick survives a reload),
 * numbers carry the language's units, and the autosaved project brings back the edited custom
 * preset and the last siting run after a reload, even with this browser's preset list emptied.
 */
describe.runIf(chromiumAvailable())('language and project persistence (headless Chromium, default area)', () => {
  let server: PreviewServer;
  let browser: Browser;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];

  /** A page in a fresh browser profile; the header (title, language button) shows before the area has loaded. */
  const open = async (locale: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale });
    const page = await context.newPage();
    watchPage(page, consoleErrors, foreignRequests);
    await page.goto(ORIGIN);
    await page.waitForSelector('h1 small');
    return page;
  };
  const ready = async (page: Page) => {
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="graph-stats"]', { timeout: 60_000 });
  };
  const ui = (page: Page) => page.evaluate(() => ({
    htmlLang: document.documentElement.lang,
    title: document.querySelector('h1 small')?.textContent ?? '',
    button: document.querySelector('button.lang')?.textContent ?? '',
  }));
  const figures = (page: Page) => page.evaluate(() => ({
    graph: document.querySelector('[data-testid="graph-stats"]')?.textContent ?? '',
    network: document.querySelector('[data-testid="source-network"]')?.textContent ?? '',
  }));

  beforeAll(async () => {
    server = await startPreview(ROOT, PORT);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

  it('starts in English for an en-US browser', async () => {
    const page = await open('en-US');
    expect(await ui(page)).toEqual({ htmlLang: 'en', title: '15-minute community life circle', button: '中文' });
    await page.context().close();
  });

  let page: Page;
  it('starts in Chinese for a zh-CN browser and switches to English with the button', async () => {
    page = await open('zh-CN');
    expect(await ui(page)).toEqual({ htmlLang: 'zh-CN', title: '15分钟社区生活圈分析', button: 'English' });
    await ready(page);
    // Figures with the language's units; the street network has its source line like the other layers.
    const zh = await figures(page);
    expect(zh.graph).toMatch(/^节点 [\d,]+ · 路段 [\d,]+ · 总长 [\d.,]+公里 · /);
    expect(zh.network).toMatch(/^OSM PBF · WGS 84 · 节点 [\d,]+ · 路段 [\d,]+$/);
    await page.click('button.lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect((await ui(page)).title).toBe('15-minute community life circle');
    const en = await figures(page);
    expect(en.graph).toMatch(/^[\d,]+ nodes · [\d,]+ edges · [\d.,]+ km · /);
    expect(en.network).toMatch(/^OSM PBF · WGS 84 · [\d,]+ nodes · [\d,]+ edges$/);
  });

  it('brings back the picked language, the edited custom preset and the siting proposals after a reload (the preset from the project alone)', async () => {
    await page.selectOption('[data-testid="type-select"]', 'primary_school');
    // A custom preset: the primary school radius raised from 500 m to 1000 m.
    await page.fill('[data-testid="preset-radius-primary_school"]', '1000');
    await page.press('[data-testid="preset-radius-primary_school"]', 'Enter');
    await page.waitForFunction(() => document.body.dataset.analysisKey === 'primary_school|network|1000|250', null, { timeout: 60_000 });
    await page.waitForFunction(() => document.body.dataset.gapsKey?.startsWith('primary_school|network|1000|'), null, { timeout: 60_000 });
    await page.selectOption('[data-testid="siting-model"]', 'mclp');
    await page.fill('[data-testid="siting-p"]', '2');
    await page.locator('[data-testid="siting-p"]').blur();
    await page.selectOption('[data-testid="siting-method"]', 'heuristic');
    await page.click('[data-testid="run-siting"]');
    await page.waitForFunction(() => !!document.body.dataset.sitingDone, null, { timeout: 120_000 });
    const selected = await page.locator('[data-testid="siting-result"]').getAttribute('data-selected');
    expect(selected!.split(',')).toHaveLength(2);
    const doneAt = Number(sitingDoneTime(await page.evaluate(() => document.body.dataset.sitingDone ?? '')));
    // Wait for an autosave made after the run, then forget this browser's custom presets: the project must carry its own.
    await page.waitForFunction((t) => Date.parse((document.body.dataset.projectSaved ?? '').split('|')[0]) > t, doneAt, { timeout: 30_000 });
    await page.evaluate(() => localStorage.removeItem('lifecircle.customPresets'));
    await page.reload();
    await page.waitForSelector('h1 small');
    expect(await ui(page)).toEqual({ htmlLang: 'en', title: '15-minute community life circle', button: '中文' });
    await ready(page);
    await page.waitForFunction(() => !!document.body.dataset.sitingRestored, null, { timeout: 60_000 });
    expect(await page.inputValue('[data-testid="preset-select"]')).toBe('gb50180-2018-edited');
    expect(await page.inputValue('[data-testid="preset-radius-primary_school"]')).toBe('1000');
    expect(await page.inputValue('[data-testid="radius-input"]')).toBe('1000');
    expect(await page.locator('[data-testid="siting-result"]').getAttribute('data-selected')).toBe(selected);
    expect(await page.locator('[data-testid="proposal-row"]').count()).toBe(2);
    // The before/after table is back too, in the language picked before.
    expect(await page.textContent('[data-testid="before-after"]')).toContain('Before');
  });

  it('made no request off this machine and logged no error', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

/** `document.body.dataset.sitingDone` is "key|model|status|<ms since epoch>". */
function sitingDoneTime(done: string): number {
  return Number(done.split('|').at(-1));
}
