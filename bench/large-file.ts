/**
 * Large files in the app (headless Chromium, the built app): generates seeded population files,
 * loads each through the population loader on a fresh page over the default area, and measures
 * time to the figures, the longest main-thread task, peak JS heap of the page (CDP) and peak
 * resident memory of all the browser's processes (renderer, workers, GPU; from /proc).
 *
 *   npm run bench:large [-- --only csv-1m,csv-200mb,geojson-200mb] [--port 4295] [--out FILE]
 *
 * Needs a build: `npx vite build --outDir /tmp/dist-x` and LIFECIRCLE_DIST=/tmp/dist-x (else dist/).
 * Not part of CI: one run takes several minutes per file on 2 cores.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { seededRandom } from '../src/core/seeded-random.ts';
import { launchChromium, startPreview } from '../test/e2e/browser.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const arg = (name: string, dflt: string) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 ? process.argv[k + 1] : dflt;
};
const PORT = Number(arg('port', '4295'));
const OUT = arg('out', path.join(ROOT, 'bench/results/large-file-2026-11-25.json'));
const ONLY = arg('only', 'csv-1m,csv-200mb,geojson-200mb').split(',');
const TIMEOUT_MS = 20 * 60_000;

interface Spec {
  id: string;
  /** Writes the file; returns its total population (integers: the UI's total must equal it exactly). */
  write: (file: string) => Promise<{ units: number; total: number }>;
  name: string;
}

/** Writes lines through a stream (a 200 MB string is not built in memory). */
async function writeLines(file: string, n: number, line: (i: number) => string, head = '', tail = '') {
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(head);
  let buf = '';
  for (let i = 0; i < n; i++) {
    buf += line(i);
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf + tail);
  await new Promise<void>((r) => out.end(() => r()));
}

/** Points inside the default area's core (the same box as the e2e tests). */
const pointIn = (rand: () => number) => [118.763 + rand() * 0.033, 32.035 + rand() * 0.017];

function csvSpec(id: string, units: number): Spec {
  return {
    id,
    name: `population-${id}.csv`,
    async write(file) {
      const rand = seededRandom(7);
      let total = 0;
      await writeLines(file, units, (i) => {
        const pop = Math.floor(rand() * 60);
        total += pop;
        const [x, y] = pointIn(rand);
        return `\nunit-${String(i).padStart(7, '0')},${x.toFixed(7)},${y.toFixed(7)},${pop}`;
      }, 'id,lon,lat,pop');
      return { units, total };
    },
  };
}

/** Building-like population polygons (5-vertex rings, ~20 m) with a pop property. */
function geojsonSpec(id: string, units: number): Spec {
  return {
    id,
    name: `population-${id}.geojson`,
    async write(file) {
      const rand = seededRandom(9);
      let total = 0;
      await writeLines(file, units, (i) => {
        const pop = Math.floor(rand() * 60);
        total += pop;
        const [x, y] = pointIn(rand);
        const d = 0.0001 + rand() * 0.0001;
        const ring = [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]].map(([a, b]) => `[${a.toFixed(7)},${b.toFixed(7)}]`).join(',');
        return `${i ? ',\n' : ''}{"type":"Feature","properties":{"id":"b${i}","pop":${pop},"levels":${1 + Math.floor(rand() * 30)}},"geometry":{"type":"Polygon","coordinates":[[${ring}]]}}`;
      }, '{"type":"FeatureCollection","features":[\n', '\n]}\n');
      return { units, total };
    },
  };
}

const SPECS: Spec[] = [
  csvSpec('csv-1m', 1_000_000),
  // ≈ 200 MB: 5.6 M rows of ~36 bytes.
  csvSpec('csv-200mb', 5_600_000),
  // ≈ 200 MB: 700 k polygons of ~290 bytes.
  geojsonSpec('geojson-200mb', 700_000),
];

/** Resident memory (MB) of a process and all its descendants, from /proc. */
function treeRssMb(root: number): number {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {}
  }
  let kb = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {}
    stack.push(...(children.get(p) ?? []));
  }
  return kb / 1024;
}

/** The Chromium main process this script launched (a child of this Node process). */
function ownChromiumPid(): number | undefined {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.split(') ')[1].split(' ')[1]) === process.pid && /chrom/.test(stat)) return Number(d);
    } catch {}
  }
}

async function measure(spec: Spec, dir: string) {
  const file = path.join(dir, spec.name);
  const t0 = Date.now();
  const { units, total } = await spec.write(file);
  const bytes = statSync(file).size;
  console.log(`${spec.id}: wrote ${(bytes / 1e6).toFixed(0)} MB, ${units.toLocaleString('en-US')} units in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  const browser = await launchChromium();
  const chromePid = ownChromiumPid();
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: [number, number][] };
    w.longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${PORT}`);
  await page.waitForSelector('[data-testid="covered-pop"]', { timeout: 300_000 });
  await page.waitForTimeout(2000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const start = await page.evaluate(() => {
    (window as unknown as { longTasks: unknown[] }).longTasks = [];
    return performance.now();
  });
  const rssBefore = chromePid ? treeRssMb(chromePid) : NaN;
  let peakHeap = 0;
  let peakRss = 0;
  const sample = setInterval(async () => {
    if (chromePid) peakRss = Math.max(peakRss, treeRssMb(chromePid));
    try {
      const m = await cdp.send('Performance.getMetrics');
      peakHeap = Math.max(peakHeap, m.metrics.find((x) => x.name === 'JSHeapTotalSize')?.value ?? 0);
    } catch {}
  }, 500);

  const w0 = Date.now();
  await page.setInputFiles('[data-testid="file-population"]', file);
  let outcome: string;
  let loadedMs = NaN;
  let figuresMs = NaN;
  try {
    // Loaded: the figures show the file's total; refused: an error names the file (reading ends with
    // the progress bar gone for a moment, so its absence alone says nothing).
    await page.waitForFunction((t) => Number((document.querySelector('[data-testid="total-pop"]')?.textContent ?? '').replace(/[^\d]/g, '')) === t
      || document.querySelectorAll('[data-testid="error"]').length > 0, total, { timeout: TIMEOUT_MS, polling: 500 });
    loadedMs = Date.now() - w0;
    const error = await page.$$eval('[data-testid="error"]', (es) => es.map((e) => e.textContent).join(' | '));
    if (error) outcome = `refused: ${error}`;
    else {
      // First figures after the load; then the map's first frame of the new layer has been drawn.
      await page.waitForSelector('[data-testid="progress"]', { state: 'detached', timeout: TIMEOUT_MS });
      figuresMs = Date.now() - w0;
      outcome = 'loaded';
    }
  } catch (e) {
    outcome = `failed: ${(e as Error).message.split('\n')[0]}`;
  }
  clearInterval(sample);
  const longTasks = await page.evaluate((s) => (window as unknown as { longTasks: [number, number][] }).longTasks.filter(([t]) => t >= s).map(([, d]) => d), start).catch(() => [] as number[]);
  await browser.close();
  const r = {
    id: spec.id,
    file_mb: Math.round(bytes / 1e5) / 10,
    units,
    outcome,
    to_figures_or_error_s: Math.round(loadedMs / 100) / 10,
    to_progress_gone_s: Math.round(figuresMs / 100) / 10,
    longest_task_ms: Math.round(Math.max(0, ...longTasks)),
    long_tasks_over_500ms: longTasks.filter((d) => d > 500).length,
    peak_js_heap_main_mb: Math.round(peakHeap / 1e6),
    browser_rss_mb: { before: Math.round(rssBefore), peak: Math.round(peakRss) },
  };
  console.log(JSON.stringify(r));
  return r;
}

const dir = mkdtempSync(path.join(tmpdir(), 'lifecircle-large-bench-'));
const server = await startPreview(ROOT, PORT);
const results = [];
try {
  for (const spec of SPECS.filter((s) => ONLY.includes(s.id))) results.push(await measure(spec, dir));
} finally {
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify({
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, mem_gb: Math.round(totalmem() / 1e9), node: process.version, browser: 'Debian Chromium (headless, software WebGL)' },
  note: 'One run per file on a machine shared with other jobs; times vary by ±30 % or more.',
  results,
}, null, 2));
console.log(`written ${OUT}`);
