/**
 * Benchmark of the accessibility core on a synthetic city (bench/synthetic-city.ts).
 *
 *   npx tsx bench/run.ts [--size 100k|1m|all] [--reps N] [--naive-origins N] [--seed S]
 *
 * Every size runs in a fresh child process (started with --expose-gc) so that its peak RSS is its
 * own. Each step runs once as warm-up, then N timed repetitions; the table gives median and min.
 * Results go to bench/results/latest.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildWalkGraph, type WalkGraph } from '../src/core/walk-graph.ts';
import { buildEdgeIndex, snapToNetwork } from '../src/core/snap-to-network.ts';
import { networkFacilityDistances } from '../src/core/network-facility-distances.ts';
import { nearestFacilityDistances } from '../src/core/nearest-facility-distances.ts';
import { generateSyntheticCity } from './synthetic-city.ts';
import { coordsOfType, snapsOfType } from './snaps-subset.ts';
import { contractGraph } from '../src/core/contracted-graph.ts';
import type { InitMessage, WorkerReply } from './pool-worker.ts';

const SIZES: Record<string, number> = { '100k': 100_000, '1m': 1_000_000 };
const ORIGINS = 200_000;
const MAX_SNAP_M = 250; // default maxSnapM of the analysis spec
const RADIUS_M = 1000;
const LIMIT_M = 1200; // radius + margin, as the app runs the search
const GOALS = { oneTypeMs: 300, allTypesMs: 5000, peakBytes: 1024 ** 3 };

interface Args {
  size: string;
  reps: number;
  seed: number;
  naiveOrigins?: number;
  /** Wait (up to 15 min) before each size until the 1-minute load average is below this. */
  waitIdle?: number;
  child: boolean;
  out?: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { size: 'all', reps: 5, seed: 20261125, child: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--size') (a.size = v), i++;
    else if (k === '--reps') (a.reps = Math.max(1, Number(v))), i++;
    else if (k === '--seed') (a.seed = Number(v)), i++;
    else if (k === '--naive-origins') (a.naiveOrigins = Number(v)), i++;
    else if (k === '--out') (a.out = v), i++;
    else if (k === '--wait-idle') (a.waitIdle = Number(v)), i++;
    else if (k === '--child') a.child = true;
    else if (k === '--help' || k === '-h') {
      console.log('npx tsx bench/run.ts [--size 100k|1m|all] [--reps N] [--naive-origins N] [--seed S] [--wait-idle LOAD]');
      process.exit(0);
    } else throw new Error(`unknown argument ${k}`);
  }
  if (a.size !== 'all' && !(a.size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}, all`);
  return a;
}

// ---------------------------------------------------------------------------------------------
// Measurement helpers

/** Sink against dead-code elimination: every result is folded into it. */
let sink = 0;
function consume(x: unknown): void {
  if (x == null) return;
  if (ArrayBuffer.isView(x)) {
    const a = x as unknown as ArrayLike<number>;
    if (a.length) sink += Number(a[(a.length * 0.37) | 0]) || 0;
    sink += a.length;
  } else if (Array.isArray(x)) {
    for (const y of x) consume(y);
  } else if (typeof x === 'object') {
    for (const y of Object.values(x as object)) if (ArrayBuffer.isView(y) || Array.isArray(y)) consume(y);
  } else if (typeof x === 'number') {
    sink += x;
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
const mem = { rss: 0, heapUsed: 0, arrayBuffers: 0 };
function sampleMemory(): void {
  const m = process.memoryUsage();
  mem.rss = Math.max(mem.rss, m.rss);
  mem.heapUsed = Math.max(mem.heapUsed, m.heapUsed);
  mem.arrayBuffers = Math.max(mem.arrayBuffers, m.arrayBuffers);
}

interface Timing {
  step: string;
  medianMs: number;
  minMs: number;
  reps: number;
  timesMs: number[];
  /** Median process CPU time (user + system, all threads) per repetition. */
  cpuMs?: number;
  note?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure<T>(step: string, reps: number, fn: () => T | Promise<T>, note?: string): Promise<{ timing: Timing; last: T }> {
  let last = await fn(); // warm-up
  consume(last);
  sampleMemory();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < reps; r++) {
    gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = await fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    sampleMemory();
    consume(last);
  }
  const timing: Timing = { step, medianMs: median(times), minMs: Math.min(...times), reps, timesMs: times, cpuMs: median(cpu), note };
  log(`  ${step.padEnd(60)} median ${fmtMs(timing.medianMs).padStart(9)}  min ${fmtMs(timing.minMs).padStart(9)}  cpu ${fmtMs(timing.cpuMs!).padStart(9)}`);
  return { timing, last };
}

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const fmtMB = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MB`;
const log = (s: string) => process.stdout.write(s + '\n');

/** Busy CPU time of the whole machine so far (ms), from /proc/stat; undefined off Linux. */
function machineBusyMs(): number | undefined {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    return ((f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) * 1000) / 100; // USER_HZ = 100
  } catch {
    return undefined;
  }
}

function graphBytes(g: WalkGraph): number {
  return [g.coords, g.edgeFrom, g.edgeTo, g.edgeLength, g.edgeLine, g.adjOffsets, g.adjNode, g.adjEdge].reduce((s, a) => s + a.byteLength, 0);
}

// ---------------------------------------------------------------------------------------------
// Worker pool

class Pool {
  workers: Worker[] = [];
  private waiters = new Map<Worker, (m: WorkerReply) => void>();

  constructor(n: number) {
    const boot = new URL('./worker-boot.mjs', import.meta.url);
    for (let i = 0; i < n; i++) {
      const w = new Worker(boot, { execArgv: [] });
      w.on('message', (m: WorkerReply) => {
        const f = this.waiters.get(w);
        this.waiters.delete(w);
        f?.(m);
      });
      w.on('error', (e) => {
        console.error('worker error', e);
        process.exit(1);
      });
      this.workers.push(w);
    }
  }

  request(w: Worker, msg: unknown, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    return new Promise((resolve) => {
      this.waiters.set(w, resolve);
      w.postMessage(msg, transfer);
    });
  }

  /** Runs every type, handing the next one (largest first) to whichever worker is free. */
  async runAll(types: number[]): Promise<{ results: { type: number; distance: Float64Array; nearest: Int32Array; ms: number }[] }> {
    const queue = [...types];
    const results: { type: number; distance: Float64Array; nearest: Int32Array; ms: number }[] = [];
    await Promise.all(
      this.workers.map(async (w) => {
        for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
          const r = await this.request(w, { kind: 'run', type: t });
          if (r.kind !== 'result') throw new Error('unexpected reply');
          results.push(r);
        }
      }),
    );
    return { results };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

// ---------------------------------------------------------------------------------------------
// One size, in a child process

interface SizeResult {
  size: string;
  targetEdges: number;
  city: Record<string, unknown>;
  timings: Timing[];
  memory: Record<string, number>;
  checks: Record<string, unknown>;
  naive: Record<string, unknown>;
  loadAverage: { before: number[]; after: number[] };
  contention?: { wallMs: number; foreignCpuMs: number; foreignShareOfAllCores: number };
  goals?: Record<string, unknown>;
}

async function benchSize(size: string, args: Args): Promise<SizeResult> {
  const targetEdges = SIZES[size];
  const reps = args.reps;
  const timings: Timing[] = [];
  const add = (t: Timing) => (timings.push(t), t);
  log(`\n== ${size}: ${targetEdges.toLocaleString('en')} target edges, ${ORIGINS.toLocaleString('en')} origins, reps ${reps} (+1 warm-up) ==`);

  const loadBefore = os.loadavg();
  const busy0 = machineBusyMs();
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let t0 = performance.now();
  const city = generateSyntheticCity({ targetEdges, originCount: ORIGINS, seed: args.seed });
  const genMs = performance.now() - t0;
  add({ step: 'generate synthetic city (once)', medianMs: genMs, minMs: genMs, reps: 1, timesMs: [genMs] });
  log(`  generated in ${fmtMs(genMs)}: ${JSON.stringify(city.stats)}`);
  sampleMemory();

  const { timing: tBuild, last: graph } = await measure('buildWalkGraph', reps, () => buildWalkGraph(city.network));
  add(tBuild);
  const { timing: tIndex, last: edgeIndex } = await measure('buildEdgeIndex', reps, () => buildEdgeIndex(graph));
  add(tIndex);
  const { timing: tSnapO, last: originSnaps } = await measure(`snapToNetwork: ${ORIGINS / 1000}k origins`, reps, () =>
    snapToNetwork(graph, edgeIndex, city.origins, MAX_SNAP_M),
  );
  add(tSnapO);
  const facCount = city.facilityType.length;
  const { timing: tSnapF, last: facilitySnaps } = await measure(`snapToNetwork: ${facCount} facilities (25 types)`, reps, () =>
    snapToNetwork(graph, edgeIndex, city.facilities, MAX_SNAP_M),
  );
  add(tSnapF);

  // Types by count: the most common and the rarest.
  const counts = city.typeIds.map((_, t) => city.facilityType.filter((x) => x === t).length);
  const common = counts.indexOf(Math.max(...counts));
  const rare = counts.indexOf(Math.min(...counts));
  const label = (t: number) => `${city.typeIds[t]}, ${counts[t]} facilities`;

  const oneType = async (t: number, tag: string) => {
    const { timing, last } = await measure(`network, 1 type (${tag}: ${label(t)})`, reps, () =>
      networkFacilityDistances(graph, originSnaps, snapsOfType(facilitySnaps, city.facilityType, t), LIMIT_M),
    );
    add(timing);
    return last;
  };
  const netCommon = await oneType(common, 'common');
  await oneType(rare, 'rare');

  const allTypes = [...counts.keys()];
  const { timing: tSeq, last: seqResults } = await measure(`network, all ${allTypes.length} types, 1 thread`, reps, () =>
    allTypes.map((t) => networkFacilityDistances(graph, originSnaps, snapsOfType(facilitySnaps, city.facilityType, t), LIMIT_M)),
  );
  add(tSeq);

  // The contraction of degree-2 nodes is built by the first networkFacilityDistances call on a
  // graph (and cached); the warm-up run above absorbed it, so it is timed here on its own.
  const { timing: tContract, last: cg } = await measure('contractGraph (once per graph, inside the first call)', reps, () => contractGraph(graph));
  add(tContract);
  log(`  contraction: ${graph.nodeCount} nodes → ${cg.nodeCount} junctions, ${cg.chainCount} chains`);

  // Straight line (haversine) for comparison.
  const commonCoords = coordsOfType(city.facilities, city.facilityType, common);
  const rareCoords = coordsOfType(city.facilities, city.facilityType, rare);
  const { timing: tStraight, last: straightCommon } = await measure(`straight line, 1 type (common: ${label(common)})`, reps, () =>
    nearestFacilityDistances(city.origins, commonCoords),
  );
  add(tStraight);
  add((await measure(`straight line, 1 type (rare: ${label(rare)})`, reps, () => nearestFacilityDistances(city.origins, rareCoords))).timing);

  // ---- Worker pool --------------------------------------------------------------------------------
  const nWorkers = Math.max(1, os.availableParallelism());
  t0 = performance.now();
  const pool = new Pool(nWorkers);
  await Promise.all(pool.workers.map((w) => pool.request(w, { kind: 'mem' }))); // boot + tsx + module load
  const startMs = performance.now() - t0;
  add({ step: `pool: start ${nWorkers} workers (tsx boot)`, medianMs: startMs, minMs: startMs, reps: 1, timesMs: [startMs] });
  log(`  pool: ${nWorkers} workers started in ${fmtMs(startMs)}`);

  const { edgeLine: _edgeLine, ...csr } = graph;
  const init: InitMessage = { kind: 'init', graph: csr, origins: originSnaps, facilities: facilitySnaps, facilityType: city.facilityType, limitM: LIMIT_M };
  const csrBytes = Object.values(csr).reduce((s: number, a) => s + (ArrayBuffer.isView(a) ? a.byteLength : 0), 0);
  const snapBytes = [originSnaps, facilitySnaps].reduce((s, x) => s + x.edge.byteLength + x.t.byteLength + x.legM.byteLength + x.foot.byteLength, 0);
  t0 = performance.now();
  // Structured clone: each worker gets its own copy of the CSR arrays and the snaps.
  await Promise.all(pool.workers.map((w) => pool.request(w, init)));
  const transferMs = performance.now() - t0;
  add({
    step: `pool: send CSR graph + snaps to ${nWorkers} workers`,
    medianMs: transferMs,
    minMs: transferMs,
    reps: 1,
    timesMs: [transferMs],
    note: `${fmtMB(csrBytes + snapBytes)} per worker, structured clone`,
  });
  log(`  pool: sent ${fmtMB(csrBytes)} CSR + ${fmtMB(snapBytes)} snaps to each worker in ${fmtMs(transferMs)}`);

  const byCountDesc = [...allTypes].sort((a, b) => counts[b] - counts[a] || a - b);
  const { timing: tPool, last: poolRun } = await measure(`network, all ${allTypes.length} types, pool of ${nWorkers} workers`, reps, () =>
    pool.runAll(byCountDesc),
  );
  add(tPool);
  const workerHeaps = await Promise.all(pool.workers.map((w) => pool.request(w, { kind: 'mem' })));
  sampleMemory();
  await pool.close();

  // ---- Checks (outside timings) -------------------------------------------------------------------------
  let poolMismatch = 0;
  for (const r of poolRun.results) {
    const s = seqResults[r.type];
    for (let i = 0; i < s.distance.length; i++) if (!Object.is(s.distance[i], r.distance[i]) || s.nearest[i] !== r.nearest[i]) poolMismatch++;
  }
  let belowStraight = 0, offNetwork = 0, coveredNet = 0, coveredStraight = 0, popTotal = 0, popNet = 0, popStraight = 0;
  for (let i = 0; i < ORIGINS; i++) {
    const dn = netCommon.distance[i], ds = straightCommon.distance[i];
    if (Number.isNaN(dn)) offNetwork++;
    if (dn < ds - 0.5) belowStraight++;
    popTotal += city.pop[i];
    if (dn <= RADIUS_M) (coveredNet++, (popNet += city.pop[i]));
    if (ds <= RADIUS_M) (coveredStraight++, (popStraight += city.pop[i]));
  }
  const checks = {
    contractedJunctions: cg.nodeCount,
    contractedChains: cg.chainCount,
    poolEqualsSequential: poolMismatch === 0,
    poolMismatches: poolMismatch,
    originsOffNetwork: offNetwork,
    networkShorterThanStraightLine: belowStraight,
    commonType: city.typeIds[common],
    coveredWithin1000mNetwork: coveredNet,
    coveredWithin1000mStraight: coveredStraight,
    popShareNetwork: popNet / popTotal,
    popShareStraight: popStraight / popTotal,
  };
  log(`  checks: ${JSON.stringify(checks)}`);

  // ---- Naive planner's approach: turf.circle around each facility + point-in-polygon per origin -------
  const naive = await naiveBuffers(city.origins, commonCoords, args.naiveOrigins ?? (size === '1m' ? 4000 : 10000), straightCommon.distance);
  const naiveFullMs = naive.extrapolatedFullMs as number;
  add({
    step: `naive turf buffers + PIP, 1 type (common) [extrapolated]`,
    medianMs: naiveFullMs,
    minMs: naiveFullMs,
    reps: 1,
    timesMs: [naiveFullMs],
    note: `measured on ${naive.subsetOrigins} of ${ORIGINS} origins, extrapolated linearly`,
  });
  add({
    step: `naive turf.pointsWithinPolygon, 1 type (common) [extrapolated]`,
    medianMs: naive.pointsWithinPolygonFullMs as number,
    minMs: naive.pointsWithinPolygonFullMs as number,
    reps: 1,
    timesMs: [naive.pointsWithinPolygonFullMs as number],
    note: `turf.pointsWithinPolygon (no bbox, no early exit) on ${naive.pointsWithinPolygonSubset} origins, extrapolated linearly`,
  });
  naive.speedupNetworkVsNaive = naiveFullMs / timings.find((t) => t.step.startsWith('network, 1 type (common'))!.medianMs;
  naive.speedupStraightVsNaive = naiveFullMs / tStraight.medianMs;
  naive.pointsWithinPolygonVsNetwork = (naive.pointsWithinPolygonFullMs as number) / timings.find((t) => t.step.startsWith('network, 1 type (common'))!.medianMs;
  log(`  naive: ${JSON.stringify(naive)}`);

  gc?.();
  sampleMemory();
  const ru = process.resourceUsage();
  const memory = {
    peakRssBytes: ru.maxRSS * 1024,
    maxSampledRssBytes: mem.rss,
    maxSampledHeapUsedBytes: mem.heapUsed,
    maxSampledArrayBuffersBytes: mem.arrayBuffers,
    graphBytes: graphBytes(graph),
    workerHeapUsedBytes: workerHeaps.reduce((s, m) => s + (m.kind === 'mem' ? m.heapUsed : 0), 0),
  };
  consume(netCommon);
  consume(seqResults);
  return {
    size,
    targetEdges,
    city: {
      ...city.stats,
      walkEdges: graph.edgeCount,
      walkNodes: graph.nodeCount,
      origins: ORIGINS,
      facilities: facCount,
      typeCount: city.typeCount,
      commonType: label(common),
      rareType: label(rare),
      barrierCrossings: Object.fromEntries(city.barriers.map((b) => [b.name, b.crossings])),
      maxSnapM: MAX_SNAP_M,
      limitM: LIMIT_M,
      radiusM: RADIUS_M,
    },
    loadAverage: { before: loadBefore, after: os.loadavg() },
    contention: (() => {
      const busy1 = machineBusyMs();
      const cpu = process.cpuUsage(cpu0);
      const wallMs = performance.now() - wall0;
      if (busy0 === undefined || busy1 === undefined) return undefined;
      const foreignMs = Math.max(0, busy1 - busy0 - (cpu.user + cpu.system) / 1000);
      // Share of the machine's cores used by other processes while this size ran.
      return { wallMs, foreignCpuMs: foreignMs, foreignShareOfAllCores: foreignMs / (wallMs * os.availableParallelism()) };
    })(),
    timings,
    memory,
    checks,
    naive,
  };
}

/**
 * What a planner's script does: a 64-gon turf.circle of the radius around every facility (with
 * its bbox set, so booleanPointInPolygon rejects by bbox first), then every origin tested against
 * every circle until one contains it. Run on the first `subset` origins (they are in random
 * order) and extrapolated linearly to all origins; circle building is timed in full.
 */
async function naiveBuffers(origins: Float64Array, facilities: Float64Array, subset: number, straight: Float64Array): Promise<Record<string, unknown>> {
  const turf = await import('@turf/turf');
  const n = origins.length / 2;
  const m = facilities.length / 2;
  subset = Math.min(subset, n);
  const build = () => {
    const circles = [];
    for (let j = 0; j < m; j++) {
      const c = turf.circle([facilities[2 * j], facilities[2 * j + 1]], RADIUS_M / 1000, { units: 'kilometers', steps: 64 });
      c.bbox = turf.bbox(c);
      circles.push(c);
    }
    return circles;
  };
  const test = (circles: ReturnType<typeof build>, from: number, to: number) => {
    const covered = new Uint8Array(to - from);
    for (let i = from; i < to; i++) {
      const pt = turf.point([origins[2 * i], origins[2 * i + 1]]);
      for (const c of circles) {
        if (turf.booleanPointInPolygon(pt, c)) {
          covered[i - from] = 1;
          break;
        }
      }
    }
    return covered;
  };
  // Warm-up on a few origins.
  test(build(), 0, Math.min(200, n));
  gc?.();
  let t0 = performance.now();
  const circles = build();
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  const covered = test(circles, 0, subset);
  const testMs = performance.now() - t0;
  consume(covered);
  let agree = 0;
  for (let i = 0; i < subset; i++) if ((covered[i] === 1) === (straight[i] <= RADIUS_M)) agree++;

  // The most literal script: turf.pointsWithinPolygon(points, buffers) — every point against
  // every polygon, no bbox prefilter, no early exit. Only a tiny subset is affordable.
  const pwpSubset = Math.min(n, 200);
  const pts = turf.featureCollection(Array.from({ length: pwpSubset }, (_, i) => turf.point([origins[2 * i], origins[2 * i + 1]])));
  const polys = turf.featureCollection(circles.map((c) => turf.polygon(c.geometry.coordinates)));
  turf.pointsWithinPolygon(turf.featureCollection(pts.features.slice(0, 20)), polys); // warm-up
  t0 = performance.now();
  const within = turf.pointsWithinPolygon(pts, polys);
  const pwpMs = performance.now() - t0;
  consume(within.features.length);
  return {
    pointsWithinPolygonSubset: pwpSubset,
    pointsWithinPolygonSubsetMs: pwpMs,
    pointsWithinPolygonFullMs: buildMs + (pwpMs * n) / pwpSubset,
    facilities: m,
    subsetOrigins: subset,
    buildCirclesMs: buildMs,
    pointInPolygonSubsetMs: testMs,
    extrapolatedFullMs: buildMs + (testMs * n) / subset,
    agreementWithStraightLine: agree / subset,
    note: 'turf.circle (64 steps) + bbox, booleanPointInPolygon with early exit; PIP time extrapolated linearly from the subset',
  };
}

// ---------------------------------------------------------------------------------------------
// Parent: one child per size, then the combined table

function goalsFor(r: SizeResult): Record<string, unknown> {
  const get = (p: string) => r.timings.find((t) => t.step.startsWith(p))!;
  const one = get('network, 1 type (common');
  const pool = get('network, all 25 types, pool');
  const start = get('pool: start');
  const send = get('pool: send');
  return {
    oneTypeUnder300ms: { medianMs: one.medianMs, met: one.medianMs < GOALS.oneTypeMs },
    all25Under5sBothCores: {
      medianMs: pool.medianMs,
      met: pool.medianMs < GOALS.allTypesMs,
      includingStartAndTransferMs: pool.medianMs + start.medianMs + send.medianMs,
      metIncludingStartAndTransfer: pool.medianMs + start.medianMs + send.medianMs < GOALS.allTypesMs,
    },
    peakMemoryUnder1GB: { peakRssBytes: r.memory.peakRssBytes, met: r.memory.peakRssBytes < GOALS.peakBytes },
  };
}

function printTable(results: SizeResult[], machine: Record<string, unknown>): void {
  const steps: string[] = [];
  for (const r of results) for (const t of r.timings) if (!steps.includes(t.step)) steps.push(t.step);
  const header = ['step', ...results.flatMap((r) => [`${r.size}: median (min)`, `${r.size}: cpu`])];
  const rows = steps.map((s) => [
    s,
    ...results.flatMap((r) => {
      const t = r.timings.find((x) => x.step === s);
      if (!t) return ['', ''];
      return [t.reps > 1 ? `${fmtMs(t.medianMs)} (${fmtMs(t.minMs)})` : `${fmtMs(t.medianMs)}`, t.cpuMs !== undefined ? fmtMs(t.cpuMs) : ''];
    }),
  ]);
  const both = (f: (r: SizeResult) => string) => results.flatMap((r) => [f(r), '']);
  rows.push(['', ...both(() => '')]);
  rows.push(['peak RSS (process, incl. workers)', ...both((r) => fmtMB(r.memory.peakRssBytes))]);
  rows.push(['max sampled heapUsed (main)', ...both((r) => fmtMB(r.memory.maxSampledHeapUsedBytes))]);
  rows.push(['max sampled arrayBuffers (main)', ...both((r) => fmtMB(r.memory.maxSampledArrayBuffersBytes))]);
  rows.push(['heapUsed of the workers (after runs)', ...both((r) => fmtMB(r.memory.workerHeapUsedBytes))]);
  rows.push(['walk graph typed arrays', ...both((r) => fmtMB(r.memory.graphBytes))]);
  rows.push(['walk graph nodes / edges', ...both((r) => `${r.city.walkNodes} / ${r.city.walkEdges}`)]);
  rows.push(['naive (bbox+PIP) / network, 1 common type', ...both((r) => `${(r.naive.speedupNetworkVsNaive as number).toFixed(1)}×`)]);
  rows.push(['naive (bbox+PIP) / straight line, 1 common type', ...both((r) => `${(r.naive.speedupStraightVsNaive as number).toFixed(1)}×`)]);
  rows.push(['pointsWithinPolygon / network, 1 common type', ...both((r) => `${(r.naive.pointsWithinPolygonVsNetwork as number).toFixed(0)}×`)]);
  rows.push(['load average before → after (1 min)', ...both((r) => `${r.loadAverage.before[0].toFixed(1)} → ${r.loadAverage.after[0].toFixed(1)}`)]);
  rows.push(['CPU used by other processes (share of all cores)', ...both((r) => (r.contention ? `${(100 * r.contention.foreignShareOfAllCores).toFixed(0)}%` : 'n/a'))]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ');
  log(`\nMachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.node}, ${fmtMB(machine.totalMemBytes as number)} RAM, ${machine.date}`);
  log(`Synthetic city seed ${machine.seed}; ${ORIGINS} origins; 25 facility types; snap ≤ ${MAX_SNAP_M} m; network limit ${LIMIT_M} m (radius ${RADIUS_M} m + margin)`);
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) log(line(r));
  for (const r of results) for (const t of r.timings) if (t.step.startsWith('naive')) log(`[${r.size}] ${t.step}: ${t.note}`);
  for (const r of results) {
    if (!r.goals) continue;
    const g = r.goals as Record<string, { met: boolean; medianMs?: number; peakRssBytes?: number; includingStartAndTransferMs?: number }>;
    log(
      `[${r.size}] goals: 1 type < 300 ms: ${g.oneTypeUnder300ms.met ? 'MET' : 'MISSED'} (${fmtMs(g.oneTypeUnder300ms.medianMs!)}); ` +
        `25 types < 5 s on ${machine.cpus} cores: ${g.all25Under5sBothCores.met ? 'MET' : 'MISSED'} (${fmtMs(g.all25Under5sBothCores.medianMs!)}, ` +
        `${fmtMs(g.all25Under5sBothCores.includingStartAndTransferMs!)} with pool start + transfer); ` +
        `peak < 1 GB: ${g.peakMemoryUnder1GB.met ? 'MET' : 'MISSED'} (${fmtMB(g.peakMemoryUnder1GB.peakRssBytes!)})`,
    );
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    const r = await benchSize(args.size, args);
    r.goals = goalsFor(r);
    writeFileSync(args.out!, JSON.stringify({ ...r, sink }));
    return;
  }
  const here = fileURLToPath(new URL('.', import.meta.url));
  const sizes = args.size === 'all' ? Object.keys(SIZES) : [args.size];
  const results: SizeResult[] = [];
  const tmp = `${os.tmpdir()}/lifecircle-bench-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  for (const size of sizes) {
    if (args.waitIdle !== undefined) {
      const until = Date.now() + 15 * 60_000;
      while (os.loadavg()[0] >= args.waitIdle && Date.now() < until) {
        log(`waiting for load < ${args.waitIdle} (now ${os.loadavg()[0].toFixed(2)})…`);
        await new Promise((r) => setTimeout(r, 10_000));
      }
    }
    const out = `${tmp}/${size}.json`;
    const childArgs = [
      ...process.execArgv,
      '--expose-gc',
      fileURLToPath(import.meta.url),
      '--child',
      '--size', size,
      '--reps', String(args.reps),
      '--seed', String(args.seed),
      '--out', out,
      ...(args.naiveOrigins ? ['--naive-origins', String(args.naiveOrigins)] : []),
    ];
    const p = spawnSync(process.execPath, childArgs, { stdio: 'inherit' });
    if (p.status !== 0) throw new Error(`benchmark child for ${size} failed (${p.status ?? p.signal})`);
    results.push(JSON.parse(readFileSync(out, 'utf8')));
  }
  rmSync(tmp, { recursive: true, force: true });
  const cpus = os.cpus();
  const machine = {
    cpus: os.availableParallelism(),
    cpuModel: cpus[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    totalMemBytes: os.totalmem(),
    date: new Date().toISOString(),
    seed: args.seed,
    reps: args.reps,
  };
  printTable(results, machine);
  mkdirSync(`${here}results`, { recursive: true });
  writeFileSync(`${here}results/latest.json`, JSON.stringify({ machine, results }, null, 2) + '\n');
  log(`\nwrote ${here}results/latest.json`);
}

await main();
