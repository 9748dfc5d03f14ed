import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, startPreview, watchPage } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = 4191;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const KINDS = ['throw', 'oom', 'terminate'] as const;
// The injected faults' own messages, reported by the dying worker (and nothing else may be).
const INJECTED = /Injected fault|Invalid array buffer length|Array buffer allocation failed/;

/** What the panel shows for the current analysis: the figures a fault must not change. */
const figures = (page: Page) => page.evaluate(() => ({
  key: document.body.dataset.analysisKey,
  covered: document.querySelector('[data-testid="covered-pop"]')?.textContent,
  share: document.querySelector('[data-testid="covered-share"]')?.textContent,
  offNetwork: document.querySelector('[data-testid="off-network"]')?.textContent,
  rows: document.querySelectorAll('[data-testid="community-table"] tbody tr').length,
  maxSnap: (document.querySelector('[data-testid="param-max-snap"]') as HTMLInputElement).value,
}));
const sitingFigures = (page: Page) => page.evaluate(() => ({
  selected: document.querySelector('[data-testid="siting-result"]')?.getAttribute('data-selected'),
  after: document.querySelector('[data-testid="covered-after"]')?.textContent,
}));
const faultBanner = (page: Page) => page.waitForSelector('[data-testid="fault"]', { timeout: 60_000 });
const inject = (page: Page, kind: string) => page.evaluate((k) => { window.__lifecircleFault = k as never; }, kind);

async function setMaxSnap(page: Page, m: number) {
  await page.fill('[data-testid="param-max-snap"]', String(m));
  await page.press('[data-testid="param-max-snap"]', 'Enter');
}
const analysed = (page: Page, m: number) => page.waitForFunction((k) => document.body.dataset.analysisKey === k, `primary_school|network|500|${m}`, { timeout: 60_000 });

async function runSiting(page: Page) {
  const before = await page.evaluate(() => document.body.dataset.sitingDone ?? '');
  await page.click('[data-testid="run-siting"]');
  return before;
}
const sited = (page: Page, before: string) => page.waitForFunction((b) => (document.body.dataset.sitingDone ?? '') !== b, before, { timeout: 120_000 });

describe.runIf(chromiumAvailable())('worker faults, retry, cancel and a full disk (headless Chromium, ?faults=1)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    server = await startPreview(ROOT, PORT);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    watchPage(page, consoleErrors, foreignRequests);
    await page.goto(`${ORIGIN}/?faults=1`);
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
    await page.selectOption('[data-testid="type-select"]', 'primary_school');
    await analysed(page, 250);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

  it('a worker that throws, fails an allocation or is terminated during a recompute: message, Retry, figures as an unfaulted run', async () => {
    const at250 = await figures(page);
    await setMaxSnap(page, 150);
    await analysed(page, 150);
    const at150 = await figures(page); // the unfaulted run
    expect(at150.offNetwork).not.toBe(at250.offNetwork);
    let current = at150;
    for (const [k, kind] of KINDS.entries()) {
      const target = k % 2 === 0 ? at250 : at150;
      await inject(page, kind);
      await setMaxSnap(page, Number(target.maxSnap));
      const banner = await faultBanner(page);
      expect(await banner.textContent()).toContain('计算进程意外终止（可能内存不足）');
      expect(await banner.textContent()).toContain('重试');
      // Before retrying: everything shown is as before the failed action, and the app still answers.
      expect(await figures(page)).toEqual(current);
      expect(await page.locator('[data-testid="map"] canvas').count()).toBeGreaterThan(0);
      await page.click('[data-testid="fault-retry"]');
      await analysed(page, Number(target.maxSnap));
      expect(await page.locator('[data-testid="fault"]').count()).toBe(0);
      current = await figures(page);
      expect(current).toEqual(target);
    }
  });

  it('the same faults during siting: the earlier result stays until Retry gives the unfaulted answer', async () => {
    await page.selectOption('[data-testid="siting-model"]', 'mclp');
    await page.fill('[data-testid="siting-p"]', '2');
    await page.locator('[data-testid="siting-p"]').blur();
    await page.selectOption('[data-testid="siting-method"]', 'heuristic');
    await sited(page, await runSiting(page));
    const unfaulted = await sitingFigures(page);
    expect(unfaulted.selected!.split(',')).toHaveLength(2);
    for (const kind of KINDS) {
      await inject(page, kind);
      const before = await runSiting(page);
      const banner = await faultBanner(page);
      expect(await banner.textContent()).toContain('计算进程意外终止');
      expect(await sitingFigures(page)).toEqual(unfaulted);
      await page.click('[data-testid="fault-retry"]');
      await sited(page, before);
      expect(await sitingFigures(page)).toEqual(unfaulted);
    }
  });

  it('cancelling a long siting run leaves no partial result and the app usable', async () => {
    const earlier = await sitingFigures(page);
    await page.selectOption('[data-testid="siting-model"]', 'pmedian');
    await page.fill('[data-testid="siting-spacing"]', '10');
    await page.locator('[data-testid="siting-spacing"]').blur();
    await page.fill('[data-testid="siting-p"]', '12');
    await page.locator('[data-testid="siting-p"]').blur();
    await page.selectOption('[data-testid="siting-method"]', 'exact');
    const before = await runSiting(page);
    await page.waitForSelector('[data-testid="progress"]', { timeout: 30_000 });
    await page.waitForTimeout(1000);
    await page.click('[data-testid="progress"] button');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="error"]')].some((e) => /取消/.test(e.textContent ?? '')), null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.dataset.sitingDone ?? '')).toBe(before);
    expect(await sitingFigures(page)).toEqual(earlier);
    // Still working: another analysis answers.
    await page.selectOption('[data-testid="type-select"]', 'market');
    await page.waitForFunction(() => document.body.dataset.analysisKey?.startsWith('market|network|'), null, { timeout: 60_000 });
  });

  it('a full disk: says so, exports the project to a file, keeps the last saved version and keeps working', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    // The browser's answer when storage is full; switched on by the test once the first save went through.
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
        if ((window as unknown as { __quotaFull?: boolean }).__quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const p2 = await context.newPage();
    watchPage(p2, consoleErrors, foreignRequests);
    await p2.goto(ORIGIN);
    await p2.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
    await p2.selectOption('[data-testid="type-select"]', 'primary_school');
    await p2.waitForFunction(() => document.body.dataset.projectSaved?.split('|')[1] === 'primary_school', null, { timeout: 60_000 });
    await p2.evaluate(() => { (window as unknown as { __quotaFull: boolean }).__quotaFull = true; });
    await p2.selectOption('[data-testid="type-select"]', 'market');
    const notice = await p2.waitForSelector('[data-testid="storage-full"]', { timeout: 30_000 });
    expect(await notice.textContent()).toContain('存储空间不足');
    expect(await p2.textContent('[data-testid="storage-full-export"]')).toBe('导出项目文件');
    const [download] = await Promise.all([p2.waitForEvent('download'), p2.click('[data-testid="storage-full-export"]')]);
    const project = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(project.typeId).toBe('market');
    expect(Object.keys(project.layers).sort()).toEqual(['communities', 'facilities', 'network', 'population']);
    // IndexedDB, read directly: `current` still points at the complete earlier save.
    const stored = await p2.evaluate(() => new Promise<string>((resolve, reject) => {
      const open = indexedDB.open('lifecircle');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const store = open.result.transaction('kv').objectStore('kv');
        const ptr = store.get('current');
        ptr.onsuccess = () => {
          const p = store.get(ptr.result as string);
          p.onsuccess = () => resolve(`${(p.result as { typeId: string }).typeId}|${Object.keys((p.result as { layers: object }).layers).length}`);
        };
      };
    }));
    expect(stored).toBe('primary_school|4');
    // The app keeps working, and saving resumes once there is room.
    await p2.selectOption('[data-testid="type-select"]', 'park');
    await p2.waitForFunction(() => document.body.dataset.analysisKey?.startsWith('park|'), null, { timeout: 60_000 });
    await p2.evaluate(() => { (window as unknown as { __quotaFull: boolean }).__quotaFull = false; });
    await p2.selectOption('[data-testid="type-select"]', 'market');
    await p2.waitForFunction(() => document.body.dataset.projectSaved?.split('|')[1] === 'market', null, { timeout: 60_000 });
    expect(await p2.locator('[data-testid="storage-full"]').count()).toBe(0);
    await context.close();
  });

  it('made no request outside localhost and logged no console errors but the injected faults', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors.filter((e) => !INJECTED.test(e))).toEqual([]);
  });
});
