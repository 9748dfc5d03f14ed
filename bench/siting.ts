/**
 * Siting benchmark: location-allocation at the size the issue sets as the goal, on a seeded
 * synthetic city (bench/synthetic-city.ts): 10,000 demand points × 1,000 candidate street
 * junctions (+ 30 existing facilities, kept), walking distances, p = 20.
 *
 *   npx tsx bench/siting.ts [--reps N] [--seed S] [--time-limit S] [--edges E] [--radius M] [--out FILE]
 *
 * --edges sets the city size (walk-graph edges): 100k edges ≈ 15 × 14 km (sparse: ≈ 5 sites per
 * demand point within 800 m); 20k edges ≈ 6 × 6 km (a district: ≈ 30 sites per demand point).
 *
 * Heuristics run once as warm-up then N timed repetitions (median reported); exact HiGHS solves
 * run once each (they take seconds). The heuristic's true gap is measured against the proven
 * optimum where HiGHS proves one. Results go to bench/results/siting-latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { prepareNetwork } from '../src/core/area-context.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import { lscpProblemCheck } from './siting-checks.ts';
import { solveLscpHeuristic } from '../src/core/siting/lscp-heuristic.ts';
import { solveMclpHeuristic } from '../src/core/siting/mclp-heuristic.ts';
import { solveExact } from '../src/core/siting/milp-models.ts';
import { networkCostMatrix } from '../src/core/siting/network-cost-matrix.ts';
import { solvePMedianHeuristic } from '../src/core/siting/p-median-heuristic.ts';
import type { SitingProblem, SitingResult } from '../src/core/siting/siting-problem.ts';
import { snapToNetwork } from '../src/core/snap-to-network.ts';
import { loadNodeMilpSolver } from '../src/io/highs-node.ts';
import { generateSyntheticCity } from './synthetic-city.ts';

const args = process.argv.slice(2);
const arg = (k: string, d: number) => (args.includes(k) ? Number(args[args.indexOf(k) + 1]) : d);
const REPS = arg('--reps', 5);
const SEED = arg('--seed', 20261125);
const TIME_LIMIT_S = arg('--time-limit', 120);
const OUT = args.includes('--out') ? args[args.indexOf('--out') + 1] : 'bench/results/siting-latest.json';
const DEMAND = 10_000, CANDIDATES = 1_000, EXISTING = 30, P = 20, RADIUS_M = arg('--radius', 800), LIMIT_M = 2000, EDGES = arg('--edges', 100_000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const log = (s: string) => process.stdout.write(s + '\n');
const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
};

log(`Siting benchmark — ${DEMAND} demand × ${CANDIDATES} candidates (+${EXISTING} existing), p = ${P}, radius ${RADIUS_M} m, seed ${SEED}`);
log(`${os.cpus()[0]?.model} × ${os.cpus().length}, Node ${process.version}`);
const city = generateSyntheticCity({ targetEdges: EDGES, seed: SEED, originCount: DEMAND, facilityTypes: [{ id: 'existing', count: EXISTING }] });
const net = prepareNetwork(city.network);
const rand = seededRandom(SEED + 1);
// Candidates: random street junctions (degree ≥ 3), as generated candidates would be.
const junctions: number[] = [];
for (let v = 0; v < net.graph.nodeCount; v++) if (net.graph.adjOffsets[v + 1] - net.graph.adjOffsets[v] >= 3) junctions.push(v);
const sites = new Float64Array(2 * (EXISTING + CANDIDATES));
sites.set(city.facilities.subarray(0, 2 * EXISTING));
for (let k = 0; k < CANDIDATES; k++) {
  const v = junctions[Math.floor(rand() * junctions.length)];
  sites[2 * (EXISTING + k)] = net.graph.coords[2 * v];
  sites[2 * (EXISTING + k) + 1] = net.graph.coords[2 * v + 1];
}
const demandSnaps = snapToNetwork(net.graph, net.edgeIndex, city.origins, 250);
const siteSnaps = snapToNetwork(net.graph, net.edgeIndex, sites, 250);
const fixed = new Uint8Array(EXISTING + CANDIDATES).fill(1, 0, EXISTING);

const [coverMatrix, coverMs] = time(() => networkCostMatrix(net.graph, demandSnaps, siteSnaps, RADIUS_M));
const [medianMatrix, medianMatrixMs] = time(() => networkCostMatrix(net.graph, demandSnaps, siteSnaps, LIMIT_M));
const perDemand = coverMatrix.byDemandSite.length / DEMAND;
log(`  city ${city.stats.extentKm.map((x) => x.toFixed(1)).join(' × ')} km, ${net.graph.edgeCount} edges; ${coverMatrix.byDemandSite.length} pairs ≤ ${RADIUS_M} m (${perDemand.toFixed(1)} sites per demand point), ${medianMatrix.byDemandSite.length} pairs ≤ ${LIMIT_M} m`);
log(`  cost matrix ≤ ${RADIUS_M} m: ${coverMs.toFixed(0)} ms; ≤ ${LIMIT_M} m: ${medianMatrixMs.toFixed(0)} ms`);

const base = { weight: city.pop, fixed, radiusM: RADIUS_M, p: P, targetCoverage: 0.9, penaltyM: LIMIT_M };
const problems: Record<string, SitingProblem> = {
  mclp: { ...base, model: 'mclp', matrix: coverMatrix },
  lscp: { ...base, model: 'lscp', matrix: coverMatrix },
  pmedian: { ...base, model: 'pmedian', matrix: medianMatrix },
};
const heuristics: Record<string, (p: SitingProblem) => SitingResult> = { mclp: solveMclpHeuristic, lscp: solveLscpHeuristic, pmedian: solvePMedianHeuristic };
lscpProblemCheck(problems.lscp);

const solver = await loadNodeMilpSolver();
const rows: Record<string, unknown>[] = [];
for (const model of ['mclp', 'lscp', 'pmedian']) {
  const problem = problems[model];
  heuristics[model](problem); // warm-up
  const times: number[] = [];
  let h!: SitingResult;
  for (let r = 0; r < REPS; r++) {
    const [res, ms] = time(() => heuristics[model](problem));
    h = res;
    times.push(ms);
  }
  const [x, exactMs] = time(() => solveExact(problem, solver, { timeLimitS: TIME_LIMIT_S }));
  const maximise = model === 'mclp';
  const trueGap = x.status === 'optimal' ? Math.abs(x.objective - h.objective) / Math.max(1e-9, Math.abs(x.objective)) : null;
  const row = {
    model,
    heuristic: { medianMs: median(times), timesMs: times, objective: h.objective, bound: h.bound, reportedGap: h.gap, status: h.status, algorithm: h.algorithm },
    exact: { ms: exactMs, status: x.status, objective: x.objective, bound: x.bound, gap: x.gap, timeLimitS: TIME_LIMIT_S },
    heuristicGapToOptimum: trueGap,
    heuristicNeverBeatsOptimum: x.status !== 'optimal' || (maximise ? h.objective <= x.objective + 1e-6 : h.objective >= x.objective - 1e-6),
  };
  rows.push(row);
  log(`  ${model.padEnd(8)} heuristic median ${median(times).toFixed(0).padStart(5)} ms, objective ${h.objective.toFixed(1)}, reported gap ${(h.gap * 100).toFixed(3)} %` +
    ` | exact ${x.status} in ${(exactMs / 1000).toFixed(1)} s, objective ${x.objective.toFixed(1)}, gap ${(x.gap * 100).toFixed(3)} %` +
    (trueGap === null ? '' : ` | heuristic vs optimum ${(trueGap * 100).toFixed(3)} %`));
}

const result = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${os.cpus()[0]?.model} × ${os.cpus().length}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}`,
  instance: { demand: DEMAND, candidates: CANDIDATES, existing: EXISTING, p: P, radiusM: RADIUS_M, limitM: LIMIT_M, edges: net.graph.edgeCount, seed: SEED, sitesPerDemand: perDemand, pairsWithinRadius: coverMatrix.byDemandSite.length, pairsWithinLimit: medianMatrix.byDemandSite.length },
  costMatrixMs: { radius: coverMs, limit: medianMatrixMs },
  models: rows,
  goals: { heuristicMs: 1000, heuristicGap: 0.01, exactS: 30 },
};
mkdirSync('bench/results', { recursive: true });
writeFileSync(OUT, JSON.stringify(result, null, 2));
log(`Wrote ${OUT}`);
