import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

/** Debian's Chromium; `npx playwright install` cannot download browsers here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumAvailable = () => existsSync(CHROMIUM_PATH);

/** Headless Chromium with the flags that keep it from reaching for the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Requests that stay on this machine: the app must make no other (the isolation the tests assert). */
export const isLocalRequest = (url: string) => /^(http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|blob:|data:)/.test(url);

/** Collects a page's console errors, uncaught exceptions and requests that leave the machine into the given lists. */
export function watchPage(page: Page, consoleErrors: string[], foreignRequests: string[]): void {
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e.stack ?? e)));
  page.on('request', (r) => { if (!isLocalRequest(r.url())) foreignRequests.push(r.url()); });
}

/**
 * `vite preview` of the built app on its own port, one per e2e file. The build is dist/ unless
 * LIFECIRCLE_DIST names another directory (so that parallel work can build and test its own copy).
 */
export function startPreview(root: string, port: number): Promise<PreviewServer> {
  const outDir = process.env.LIFECIRCLE_DIST;
  return preview({ root, logLevel: 'warn', preview: { port, strictPort: true, host: '127.0.0.1' }, ...(outDir ? { build: { outDir } } : {}) });
}

/**
 * The preview of the build, Chromium, and one page (zh-CN, watched) on the default area with its
 * first figures shown: the set-up most e2e files share. `closeApp` undoes it.
 */
export async function openApp(root: string, port: number, watch: { consoleErrors: string[]; foreignRequests: string[] }, viewport = { width: 1400, height: 900 }) {
  const server = await startPreview(root, port);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  watchPage(page, watch.consoleErrors, watch.foreignRequests);
  await page.goto(`http://127.0.0.1:${port}`);
  await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 120_000 });
  return { server, browser, page };
}

export async function closeApp(app: { server?: PreviewServer; browser?: Browser }): Promise<void> {
  await app.browser?.close();
  await new Promise<void>((resolve) => (app.server ? app.server.httpServer.close(() => resolve()) : resolve()));
}
