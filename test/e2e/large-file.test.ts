import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/seeded-random.ts';
import { chromiumAvailable, launchChromium, startPreview, watchPage } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The assigned port; LARGE_FILE_PORT moves it when another file is being run on it at the same time.
const PORT = Number(process.env.LARGE_FILE_PORT ?? 4195);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROWS = 300_000;
/**
 * The longest main-thread task allowed while the big file loads. Measured on the 2-core machine
 * shared with other jobs, 300,000 units: before this work one task held the page 19 s (the DuckDB
 * tables built as one Arrow table) and each map frame 15–17 s (software WebGL waiting on 300,000
 * outlined discs); after it the longest were 2.6–4.0 s in four runs: the React render after the new
 * snapshot (its compliance figures are O(units × types) on the main thread) or one map frame of
 * 50,000 dots. 8 s leaves room for a busy CI machine and still fails on any of the old freezes.
 */
const MAX_TASK_MS = 8000;
/**
 * A click during the load must change the language label within this. Measured 1.7–2.0 s: without
 * a GPU one map frame of the default area takes up to ~1 s on this machine (README, Performance), and
 * an input may wait for one or two; before this work the page ignored input for 15–20 s at a time.
 */
const MAX_CLICK_MS = 4000;

/** A seeded population CSV of `ROWS` units inside the default area, and its total population (integers, so the sum is exact). */
function bigPopulationCsv(): { file: string; total: number; bytes: number } {
  const rand = seededRandom(20261125);
  // An address column in Chinese, as planners' files have (ignored by the reader, but read and decoded).
  const lines = ['id,address,lon,lat,pop'];
  let total = 0;
  for (let i = 0; i < ROWS; i++) {
    const pop = Math.floor(rand() * 60);
    total += pop;
    lines.push(`unit-${String(i).padStart(7, '0')},江苏省南京市玄武区新街口街道中山路${i % 997}号第${i % 89}网格居民单元（人口普查小区）,${(118.763 + rand() * 0.033).toFixed(7)},${(32.035 + rand() * 0.017).toFixed(7)},${pop}`);
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lifecircle-large-')), 'population-large.csv');
  writeFileSync(file, lines.join('\n'));
  return { file, total, bytes: statSync(file).size };
}

const shownTotal = (page: Page) => page.textContent('[data-testid="total-pop"]').then((t) => Number((t ?? '').replace(/[^\d]/g, '')));

describe.runIf(chromiumAvailable())('a large population file (300,000 rows with addresses, ≈ 45 MB) in headless Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const big = bigPopulationCsv();

  beforeAll(async () => {
    server = await startPreview(ROOT, PORT);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    watchPage(page, consoleErrors, foreignRequests);
    // Long tasks of the page's main thread, and every value the progress bar shows (sampled every 50 ms).
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[]; progressSeen: string[] };
      w.longTasks = [];
      w.progressSeen = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
      setInterval(() => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="progress"] progress');
        if (bar) w.progressSeen.push(`${bar.value}/${bar.max}`);
      }, 50);
    });
    await page.goto(ORIGIN);
    await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

  it('is at least 40 MB (the size the test is about)', () => {
    expect(big.bytes).toBeGreaterThan(40e6);
  });

  it('can be cancelled mid-load, and the default layers and figures stay', async () => {
    const before = await page.textContent('[data-testid="total-pop"]');
    const covered = await page.textContent('[data-testid="covered-pop"]');
    await page.setInputFiles('[data-testid="file-population"]', big.file);
    await page.waitForSelector('[data-testid="progress"]', { timeout: 30_000 });
    await page.click('[data-testid="progress"] button');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="error"]')].some((e) => /取消|Cancel/.test(e.textContent ?? '')), null, { timeout: 60_000 });
    await page.waitForSelector('[data-testid="progress"]', { state: 'detached', timeout: 60_000 });
    expect(await page.textContent('[data-testid="total-pop"]')).toBe(before);
    expect(await page.textContent('[data-testid="covered-pop"]')).toBe(covered);
  });

  it('loads with an advancing progress bar, never freezes the page, and shows the file total', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; progressSeen: string[] };
      w.longTasks = [];
      w.progressSeen = [];
    });
    const t0 = Date.now();
    await page.setInputFiles('[data-testid="file-population"]', big.file);
    await page.waitForSelector('[data-testid="progress"]', { timeout: 30_000 });

    // Responsive while loading: the language button answers a click within MAX_CLICK_MS. `force` sends
    // the click at once (Playwright's actionability checks wait for animation frames, which software
    // WebGL makes slow whatever the page's own work), so this times the input's trip through the page.
    const label = await page.textContent('button.lang');
    const c0 = Date.now();
    await page.click('button.lang', { timeout: 5_000, force: true });
    await page.waitForFunction((l) => document.querySelector('button.lang')?.textContent !== l, label, { timeout: 5_000, polling: 50 });
    const clickMs = Date.now() - c0;

    await page.waitForFunction((total) => Number((document.querySelector('[data-testid="total-pop"]')?.textContent ?? '').replace(/[^\d]/g, '')) === total, big.total, { timeout: 90_000, polling: 250 });
    await page.waitForSelector('[data-testid="progress"]', { state: 'detached', timeout: 30_000 });
    const loadMs = Date.now() - t0;
    const { longTasks, progressSeen } = await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; progressSeen: string[] };
      return { longTasks: w.longTasks, progressSeen: w.progressSeen };
    });
    console.log(`large file: ${(big.bytes / 1e6).toFixed(1)} MB, loaded in ${(loadMs / 1000).toFixed(1)} s; click answered in ${clickMs} ms; longest task ${Math.round(Math.max(0, ...longTasks))} ms; ${new Set(progressSeen).size} progress values`);

    expect(clickMs).toBeLessThan(MAX_CLICK_MS);
    expect(new Set(progressSeen).size).toBeGreaterThanOrEqual(3);
    expect(Math.max(0, ...longTasks)).toBeLessThan(MAX_TASK_MS);
    expect(await shownTotal(page)).toBe(big.total);
    // Back to Chinese, as the other files assume.
    if ((await page.textContent('button.lang')) !== label) await page.click('button.lang');
  });

  it('made no request outside localhost and logged no console errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
