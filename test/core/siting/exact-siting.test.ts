import { beforeAll, describe, expect, it } from 'vitest';
import { costMatrixFromTriples } from '../../../src/core/siting/cost-matrix.ts';
import { buildSitingMilp, lagrangianBound, solveExact, type MilpSolver } from '../../../src/core/siting/milp-models.ts';
import type { SitingModel, SitingProblem, SitingResult } from '../../../src/core/siting/siting-problem.ts';
import { seededRandom } from '../../../src/core/seeded-random.ts';
import { loadNodeMilpSolver } from '../../../src/io/highs-node.ts';

// ---------------------------------------------------------------------------------------------
// An independent reference: dense costs straight from the triples, and brute force over subsets.
// Nothing here uses the code under test except costMatrixFromTriples to build its input.
// ---------------------------------------------------------------------------------------------

interface Instance {
  n: number;
  m: number;
  /** dense[i][j]: smallest cost ≤ limit of pair (i, j), Infinity when absent. */
  dense: number[][];
  weight: number[];
  fixed: number[];
  limit: number;
  triples: { d: number[]; s: number[]; c: number[] };
}

function randomInstance(seed: number, n: number, m: number, { fixedCount = 0, zeroWeights = 0, isolated = 0 } = {}): Instance {
  const rnd = seededRandom(seed);
  const limit = 500;
  const dx: number[] = [], dy: number[] = [];
  for (let i = 0; i < n; i++) {
    const far = i < isolated; // far away: no site within the limit
    dx.push(rnd() * 1000 + (far ? 5000 : 0));
    dy.push(rnd() * 1000);
  }
  const sx = Array.from({ length: m }, () => rnd() * 1000), sy = Array.from({ length: m }, () => rnd() * 1000);
  const weight = Array.from({ length: n }, (_, i) => (i >= isolated && i < isolated + zeroWeights ? 0 : 1 + Math.floor(rnd() * 50)));
  const fixed = Array.from({ length: m }, (_, j) => (j < fixedCount ? 1 : 0));
  const d: number[] = [], s: number[] = [], c: number[] = [];
  const dense = Array.from({ length: n }, () => new Array<number>(m).fill(Infinity));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const cost = Math.round(Math.hypot(dx[i] - sx[j], dy[i] - sy[j]));
      if (cost > limit) continue;
      d.push(i); s.push(j); c.push(cost);
      dense[i][j] = Math.min(dense[i][j], cost);
    }
  }
  return { n, m, dense, weight, fixed, limit, triples: { d, s, c } };
}

function problemOf(inst: Instance, model: SitingModel, extra: Partial<SitingProblem> = {}): SitingProblem {
  const matrix = costMatrixFromTriples(inst.n, inst.m, inst.triples.d, inst.triples.s, inst.triples.c, inst.limit);
  return {
    model, matrix, weight: Float64Array.from(inst.weight), fixed: Uint8Array.from(inst.fixed),
    radiusM: 300, p: 2, targetCoverage: 0.8, ...extra,
  };
}

const openSet = (inst: Instance, chosen: Iterable<number>) => {
  const open = inst.fixed.map((f) => f === 1);
  for (const j of chosen) open[j] = true;
  return open;
};
function coverValue(inst: Instance, open: boolean[], radius: number): number {
  let v = 0;
  for (let i = 0; i < inst.n; i++) if (inst.dense[i].some((c, j) => open[j] && c <= radius)) v += inst.weight[i];
  return v;
}
function medianValue(inst: Instance, open: boolean[], penalty: number): number {
  let v = 0;
  for (let i = 0; i < inst.n; i++) {
    let best = penalty;
    for (let j = 0; j < inst.m; j++) if (open[j]) best = Math.min(best, inst.dense[i][j]);
    v += inst.weight[i] * best;
  }
  return v;
}

/** Max flow source → demand (w_i) → open site within the radius (∞) → sink (capacity), by Edmonds-Karp. */
function capacitatedCover(inst: Instance, open: boolean[], radius: number, capacity: number): number {
  const N = inst.n + inst.m + 2, src = N - 2, snk = N - 1;
  const cap = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  for (let i = 0; i < inst.n; i++) {
    cap[src][i] = inst.weight[i];
    for (let j = 0; j < inst.m; j++) if (open[j] && inst.dense[i][j] <= radius) cap[i][inst.n + j] = Infinity;
  }
  for (let j = 0; j < inst.m; j++) if (open[j]) cap[inst.n + j][snk] = capacity;
  let flow = 0;
  for (;;) {
    const prev = new Array<number>(N).fill(-1);
    prev[src] = src;
    const queue = [src];
    while (queue.length && prev[snk] < 0) {
      const u = queue.shift()!;
      for (let v = 0; v < N; v++) if (prev[v] < 0 && cap[u][v] > 1e-12) { prev[v] = u; queue.push(v); }
    }
    if (prev[snk] < 0) return flow;
    let push = Infinity;
    for (let v = snk; v !== src; v = prev[v]) push = Math.min(push, cap[prev[v]][v]);
    for (let v = snk; v !== src; v = prev[v]) {
      cap[prev[v]][v] -= push;
      cap[v][prev[v]] += push;
    }
    flow += push;
  }
}

function* subsets(items: number[], k: number, from = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield acc.slice();
    return;
  }
  for (let t = from; t <= items.length - (k - acc.length); t++) {
    acc.push(items[t]);
    yield* subsets(items, k, t + 1, acc);
    acc.pop();
  }
}

const freeSites = (inst: Instance) => inst.fixed.flatMap((f, j) => (f === 1 ? [] : [j]));
const total = (inst: Instance) => inst.weight.reduce((a, b) => a + b, 0);
const close = (a: number, b: number, rel = 1e-7) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

/** Checks what every result must satisfy, against the reference value function `value(open)` (bigger is better when maximise). */
function expectConsistentOrder(inst: Instance, r: SitingResult, value: (open: boolean[]) => number, maximise: boolean) {
  const chosen = Array.from(r.selected);
  expect(new Set(chosen).size).toBe(chosen.length);
  for (const j of chosen) expect(inst.fixed[j]).toBe(0);
  // Each site's gain is measured after the ones before it and is the largest among those left.
  const prefix: number[] = [];
  for (let k = 0; k < chosen.length; k++) {
    const before = value(openSet(inst, prefix));
    const gainOf = (j: number) => (maximise ? 1 : -1) * (value(openSet(inst, [...prefix, j])) - before);
    expect(close(r.marginalGain[k], gainOf(chosen[k]), 1e-7)).toBe(true);
    for (const other of chosen.slice(k + 1)) expect(gainOf(other)).toBeLessThanOrEqual(r.marginalGain[k] + 1e-6 * Math.max(1, Math.abs(r.marginalGain[k])));
    prefix.push(chosen[k]);
  }
}

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadNodeMilpSolver();
});

const solve = (problem: SitingProblem, timeLimitS = 30) => solveExact(problem, solver, { timeLimitS });
/** The optimum of the bare MILP (no greedy start, no shortcut), so every case exercises the model itself. */
const milpOptimum = (problem: SitingProblem) => {
  const sol = solver(buildSitingMilp(problem).model, { timeLimitS: 30 });
  expect(sol.status).toBe('optimal');
  return sol.objective;
};

// ---------------------------------------------------------------------------------------------

describe('exact MCLP', () => {
  const cases = Array.from({ length: 12 }, (_, k) => ({
    seed: 100 + k,
    n: 14 + (k % 4) * 3,
    m: 7 + (k % 3),
    p: 1 + (k % 4),
    fixedCount: k % 3 === 0 ? 0 : k % 3,
    zeroWeights: k % 2 ? 2 : 0,
    isolated: k % 4 === 1 ? 2 : 0,
  }));

  it.each(cases)('matches brute force over every p-subset (seed $seed, $n demand, $m sites, p $p, $fixedCount fixed)', ({ seed, n, m, p, fixedCount, zeroWeights, isolated }) => {
    const inst = randomInstance(seed, n, m, { fixedCount, zeroWeights, isolated });
    const radius = 300;
    const problem = problemOf(inst, 'mclp', { p, radiusM: radius });
    const r = solve(problem);
    const free = freeSites(inst);
    let best = -Infinity;
    for (const s of subsets(free, Math.min(p, free.length))) best = Math.max(best, coverValue(inst, openSet(inst, s), radius));
    expect(close(milpOptimum(problem), best)).toBe(true);

    expect(r.status).toBe('optimal');
    expect(r.method).toBe('exact');
    expect(r.algorithm).toBe('highs-milp');
    expect(r.selected.length).toBe(Math.min(p, free.length));
    expect(close(r.objective, best)).toBe(true);
    expect(close(coverValue(inst, openSet(inst, r.selected), radius), r.objective)).toBe(true);
    expect(r.bound).toBe(r.objective);
    expect(r.gap).toBe(0);
    expect(r.coveredWeight).toBeCloseTo(r.objective, 6);
    const base = coverValue(inst, openSet(inst, []), radius);
    expect(Array.from(r.marginalGain).reduce((a, b) => a + b, 0)).toBeCloseTo(r.objective - base, 6);
    expectConsistentOrder(inst, r, (open) => coverValue(inst, open, radius), true);

    // Assignment: the nearest open site within the radius, or -1; counts and mean cost follow from it.
    const open = openSet(inst, r.selected);
    let uncovered = 0, costSum = 0, covered = 0;
    for (let i = 0; i < inst.n; i++) {
      const nearest = Math.min(...inst.dense[i].map((c, j) => (open[j] && c <= radius ? c : Infinity)));
      if (nearest === Infinity) {
        expect(r.assignment[i]).toBe(-1);
        if (inst.weight[i] > 0) uncovered++;
      } else {
        expect(open[r.assignment[i]]).toBe(true);
        expect(inst.dense[i][r.assignment[i]]).toBe(nearest);
        covered += inst.weight[i];
        costSum += inst.weight[i] * nearest;
      }
    }
    expect(r.uncoveredCount).toBe(uncovered);
    expect(r.meanCost).toBeCloseTo(covered > 0 ? costSum / covered : 0, 6);
  });

  it('opens every free site when p exceeds them, as the definition says min(p, free sites)', () => {
    const inst = randomInstance(7, 10, 4, { fixedCount: 1 });
    const r = solve(problemOf(inst, 'mclp', { p: 9 }));
    expect(r.status).toBe('optimal');
    expect(Array.from(r.selected).sort()).toEqual([1, 2, 3]);
    expect(r.objective).toBeCloseTo(coverValue(inst, openSet(inst, [1, 2, 3]), 300), 9);
  });

  it('leaves demand an existing site already covers out of the model', () => {
    const inst = randomInstance(8, 20, 6, { fixedCount: 2 });
    const withFixed = buildSitingMilp(problemOf(inst, 'mclp'));
    const none = buildSitingMilp(problemOf({ ...inst, fixed: inst.fixed.map(() => 0) }, 'mclp'));
    expect(withFixed.model.numRows).toBeLessThan(none.model.numRows);
    expect(withFixed.model.offset).toBeCloseTo(coverValue(inst, openSet(inst, []), 300), 9);
  });

  it('groups demand points that share the same covering sites into one variable', () => {
    // Three points covered by sites {0, 1} and one by {1, 2}: two coverage rows, not four.
    const matrix = costMatrixFromTriples(4, 3, [0, 0, 1, 1, 2, 2, 3, 3], [0, 1, 0, 1, 0, 1, 1, 2], [10, 20, 10, 20, 10, 20, 10, 20], 100);
    const built = buildSitingMilp({ model: 'mclp', matrix, weight: Float64Array.of(1, 2, 3, 4), fixed: new Uint8Array(3), radiusM: 50, p: 1, targetCoverage: 1 });
    expect(built.model.numRows).toBe(3); // two groups + Σ x = p
    const r = solve({ model: 'mclp', matrix, weight: Float64Array.of(1, 2, 3, 4), fixed: new Uint8Array(3), radiusM: 50, p: 1, targetCoverage: 1 });
    expect(Array.from(r.selected)).toEqual([1]);
    expect(r.objective).toBe(10);
  });
});

describe('exact p-median', () => {
  const cases = Array.from({ length: 12 }, (_, k) => ({
    seed: 200 + k,
    n: 12 + (k % 4) * 3,
    m: 6 + (k % 3),
    p: 1 + (k % 3),
    fixedCount: k % 4 === 3 ? 1 : k % 4 === 2 ? 2 : 0,
    zeroWeights: k % 2 ? 2 : 0,
    isolated: k % 3 === 1 ? 2 : 0,
    penaltyM: k % 2 ? 400 : undefined, // below the matrix limit: pairs costing ≥ 400 never help
  }));

  it.each(cases)('matches brute force over every p-subset (seed $seed, $n demand, $m sites, p $p, $fixedCount fixed, penalty $penaltyM)', ({ seed, n, m, p, fixedCount, zeroWeights, isolated, penaltyM }) => {
    const inst = randomInstance(seed, n, m, { fixedCount, zeroWeights, isolated });
    const penalty = penaltyM ?? inst.limit;
    const problem = problemOf(inst, 'pmedian', { p, penaltyM });
    const r = solve(problem);
    let best = Infinity;
    for (const s of subsets(freeSites(inst), p)) best = Math.min(best, medianValue(inst, openSet(inst, s), penalty));
    expect(close(milpOptimum(problem), best)).toBe(true);

    expect(r.status).toBe('optimal');
    expect(r.selected.length).toBe(p);
    expect(close(r.objective, best)).toBe(true);
    expect(close(medianValue(inst, openSet(inst, r.selected), penalty), r.objective)).toBe(true);
    expect(r.gap).toBe(0);
    const base = medianValue(inst, openSet(inst, []), penalty);
    expect(close(Array.from(r.marginalGain).reduce((a, b) => a + b, 0), base - r.objective, 1e-9)).toBe(true);
    expectConsistentOrder(inst, r, (open) => medianValue(inst, open, penalty), false);

    // Served = any open stored pair; the assignment is the nearest one.
    const open = openSet(inst, r.selected);
    let served = 0, unserved = 0;
    for (let i = 0; i < inst.n; i++) {
      const nearest = Math.min(...inst.dense[i].map((c, j) => (open[j] ? c : Infinity)));
      if (nearest === Infinity) {
        expect(r.assignment[i]).toBe(-1);
        if (inst.weight[i] > 0) unserved++;
      } else {
        expect(inst.dense[i][r.assignment[i]]).toBe(nearest);
        served += inst.weight[i];
      }
    }
    expect(r.coveredWeight).toBeCloseTo(served, 9);
    expect(r.uncoveredCount).toBe(unserved);
  });

  it('is infeasible, without a solver call, when p exceeds the free candidate sites', () => {
    const inst = randomInstance(9, 10, 4, { fixedCount: 2 });
    let calls = 0;
    const counting: MilpSolver = (model, options) => {
      calls++;
      return solver(model, options);
    };
    const r = solveExact(problemOf(inst, 'pmedian', { p: 3 }), counting, { timeLimitS: 10 });
    expect(r.status).toBe('infeasible');
    expect(r.message).toMatch(/p = 3.*only 2/);
    expect(r.selected.length).toBe(0);
    expect(calls).toBe(0);
  });
});

describe('exact LSCP', () => {
  const cases = Array.from({ length: 12 }, (_, k) => ({
    seed: 300 + k,
    n: 12 + (k % 4) * 3,
    m: 6 + (k % 3),
    targetCoverage: [0.5, 0.65, 0.8, 0.9][k % 4],
    fixedCount: k % 3 === 2 ? 1 : 0,
    zeroWeights: k % 2 ? 2 : 0,
  }));

  it.each(cases)('opens the fewest sites brute force finds (seed $seed, $n demand, $m sites, target $targetCoverage)', ({ seed, n, m, targetCoverage, fixedCount, zeroWeights }) => {
    const inst = randomInstance(seed, n, m, { fixedCount, zeroWeights });
    const radius = 450;
    const need = targetCoverage * total(inst) - 1e-9 * total(inst);
    const free = freeSites(inst);
    let fewest = Infinity;
    for (let k = 0; k <= free.length && fewest === Infinity; k++) {
      for (const s of subsets(free, k)) if (coverValue(inst, openSet(inst, s), radius) >= need) { fewest = k; break; }
    }
    const problem = problemOf(inst, 'lscp', { targetCoverage, radiusM: radius });
    const r = solve(problem);
    if (fewest === Infinity) {
      expect(r.status).toBe('infeasible');
      return;
    }
    expect(Math.round(milpOptimum(problem))).toBe(fewest);
    expect(r.status).toBe('optimal');
    expect(r.objective).toBe(fewest);
    expect(r.selected.length).toBe(fewest);
    expect(r.bound).toBe(fewest);
    expect(coverValue(inst, openSet(inst, r.selected), radius)).toBeGreaterThanOrEqual(need);
    expect(r.coveredWeight).toBeCloseTo(coverValue(inst, openSet(inst, r.selected), radius), 9);
    expectConsistentOrder(inst, r, (open) => coverValue(inst, open, radius), true);
  });

  it('is infeasible when even every candidate cannot reach the target, and says how far it gets', () => {
    // 10 + 20 persons within reach, 30 far away: 50 % is the most any choice covers.
    const matrix = costMatrixFromTriples(3, 2, [0, 1], [0, 1], [100, 100], 500);
    const r = solve({ model: 'lscp', matrix, weight: Float64Array.of(10, 20, 30), fixed: new Uint8Array(2), radiusM: 300, p: 0, targetCoverage: 0.6 });
    expect(r.status).toBe('infeasible');
    expect(r.message).toMatch(/beyond reach.*covers 30\.0 \(50\.00 %\)/);
    expect(Number.isNaN(r.objective)).toBe(true);
  });

  it('needs no new site when the existing ones already meet the target', () => {
    const matrix = costMatrixFromTriples(2, 2, [0, 1], [0, 1], [100, 100], 500);
    const r = solve({ model: 'lscp', matrix, weight: Float64Array.of(9, 1), fixed: Uint8Array.of(1, 0), radiusM: 300, p: 0, targetCoverage: 0.9 });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBe(0);
    expect(r.selected.length).toBe(0);
  });
});

describe('capacitated exact siting', () => {
  it('splits demand between sites on a hand-worked MCLP', () => {
    // Capacity 12. A (8 persons) is near sites 0 and 1; B (6) only near 0; C (2) only near 1.
    // B and D (9) are also near the existing site 2, which is open but holds only 12 as well.
    const matrix = costMatrixFromTriples(4, 3, [0, 0, 1, 2, 1, 3], [0, 1, 0, 1, 2, 2], [100, 200, 100, 100, 50, 50], 500);
    const base = { model: 'mclp' as const, matrix, weight: Float64Array.of(8, 6, 2, 9), fixed: Uint8Array.of(0, 0, 1), radiusM: 300, targetCoverage: 1, capacity: 12 };
    // Site 2 alone serves 12 of B + D (15). With site 0: A 8 on site 0, D 9 on site 2, B split
    // 4 + 2 → 23 of 25. With site 1: A + C 10 on site 1, 12 on site 2 → 22.
    const one = solve({ ...base, p: 1 });
    expect(one.status).toBe('optimal');
    expect(one.objective).toBeCloseTo(23, 9);
    expect(Array.from(one.selected)).toEqual([0]);
    expect(one.marginalGain[0]).toBeCloseTo(11, 9);
    expect(one.bound).toBe(one.objective);
    expect(one.coveredWeight).toBeCloseTo(23, 9);
    expect(one.uncoveredCount).toBe(1); // C is left out
    expect(one.assignment[2]).toBe(-1);
    expect(one.assignment[3]).toBe(2);
    // Both new sites: all 25 served (capacity 36).
    const two = solve({ ...base, p: 2 });
    expect(two.objective).toBeCloseTo(25, 9);
    expect(two.uncoveredCount).toBe(0);
    // Without capacity, site 1 wins: with site 2 it covers A, B, C and D.
    const uncapacitated = solve({ ...base, p: 1, capacity: undefined });
    expect(Array.from(uncapacitated.selected)).toEqual([1]);
    expect(uncapacitated.objective).toBe(25);
  });

  it('charges the penalty on what capacity leaves unserved in a hand-worked p-median', () => {
    // Capacity 15, penalty 1000. A (10) costs 100 to site 0, 300 to site 1; B (10) 200 and 100.
    // Site 0: A 10×100 + B 5×200 + 5×1000 = 7000. Site 1: B 10×100 + A 5×300 + 5×1000 = 7500.
    const matrix = costMatrixFromTriples(2, 2, [0, 0, 1, 1], [0, 1, 0, 1], [100, 300, 200, 100], 500);
    const base = { model: 'pmedian' as const, matrix, weight: Float64Array.of(10, 10), fixed: new Uint8Array(2), radiusM: 0, targetCoverage: 1, capacity: 15, penaltyM: 1000 };
    const one = solve({ ...base, p: 1 });
    expect(one.status).toBe('optimal');
    expect(Array.from(one.selected)).toEqual([0]);
    expect(one.objective).toBeCloseTo(7000, 6);
    expect(one.marginalGain[0]).toBeCloseTo(20000 - 7000, 6);
    expect(one.coveredWeight).toBeCloseTo(15, 9);
    expect(one.meanCost).toBeCloseTo((1000 + 1000) / 15, 6);
    expect(Array.from(one.assignment)).toEqual([0, 0]);
    expect(one.uncoveredCount).toBe(1); // B is half served
    const two = solve({ ...base, p: 2 });
    expect(two.objective).toBeCloseTo(2000, 6);
    expect(Array.from(two.assignment)).toEqual([0, 1]);
  });

  it.each([401, 402, 403, 404, 405, 406])('MCLP matches brute force with an independent max flow (seed %i)', (seed) => {
    const inst = randomInstance(seed, 10, 6, { fixedCount: seed % 2, zeroWeights: 1 });
    const capacity = Math.round(total(inst) * (0.1 + 0.05 * (seed % 4)));
    const p = 1 + (seed % 3);
    const radius = 300;
    const problem = problemOf(inst, 'mclp', { p, radiusM: radius, capacity });
    const r = solve(problem);
    let best = -Infinity;
    for (const s of subsets(freeSites(inst), p)) best = Math.max(best, capacitatedCover(inst, openSet(inst, s), radius, capacity));
    expect(close(milpOptimum(problem), best, 1e-6)).toBe(true);
    expect(r.status).toBe('optimal');
    expect(close(r.objective, best, 1e-6)).toBe(true);
    expect(close(capacitatedCover(inst, openSet(inst, r.selected), radius, capacity), r.objective, 1e-6)).toBe(true);
    expect(r.coveredWeight).toBeCloseTo(r.objective, 6);
    expectConsistentOrder(inst, r, (open) => capacitatedCover(inst, open, radius, capacity), true);
  });

  it.each([601, 602, 603, 604])('LSCP opens the fewest sites an independent max flow allows (seed %i)', (seed) => {
    const inst = randomInstance(seed, 10, 6, { fixedCount: seed % 2 });
    const capacity = Math.round(total(inst) * 0.3);
    const radius = 450, targetCoverage = 0.6;
    const need = targetCoverage * total(inst) - 1e-9 * total(inst);
    const free = freeSites(inst);
    let fewest = Infinity;
    for (let k = 0; k <= free.length && fewest === Infinity; k++) {
      for (const s of subsets(free, k)) if (capacitatedCover(inst, openSet(inst, s), radius, capacity) >= need) { fewest = k; break; }
    }
    const problem = problemOf(inst, 'lscp', { radiusM: radius, targetCoverage, capacity });
    const r = solve(problem);
    if (fewest === Infinity) {
      expect(r.status).toBe('infeasible');
      return;
    }
    expect(Math.round(milpOptimum(problem))).toBe(fewest);
    expect(r.status).toBe('optimal');
    expect(r.objective).toBe(fewest);
    expect(capacitatedCover(inst, openSet(inst, r.selected), radius, capacity)).toBeGreaterThanOrEqual(need - 1e-6);
    expect(r.coveredWeight).toBeCloseTo(capacitatedCover(inst, openSet(inst, r.selected), radius, capacity), 6);
  });

  it.each([501, 502, 503])('p-median with capacity to spare equals the uncapacitated brute force (seed %i)', (seed) => {
    const inst = randomInstance(seed, 12, 6, { fixedCount: 1, isolated: 1 });
    const problem = problemOf(inst, 'pmedian', { p: 2, capacity: total(inst) });
    const r = solve(problem);
    let best = Infinity;
    for (const s of subsets(freeSites(inst), 2)) best = Math.min(best, medianValue(inst, openSet(inst, s), inst.limit));
    expect(close(milpOptimum(problem), best, 1e-6)).toBe(true);
    expect(r.status).toBe('optimal');
    expect(close(r.objective, best, 1e-6)).toBe(true);
  });
});

/** MCLP on 1,500 demand points × 150 sites (about 3.6 sites within the radius each), p = 12. */
function mediumMclp(): { problem: SitingProblem; d: number[]; s: number[] } {
  const rnd = seededRandom(42);
  const n = 1500, m = 150, L = 10000, radius = 900;
  const dx = Array.from({ length: n }, () => rnd() * L), dy = Array.from({ length: n }, () => rnd() * L);
  const sx = Array.from({ length: m }, () => rnd() * L), sy = Array.from({ length: m }, () => rnd() * L);
  const d: number[] = [], s: number[] = [], c: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
    const cost = Math.hypot(dx[i] - sx[j], dy[i] - sy[j]);
    if (cost <= radius) { d.push(i); s.push(j); c.push(cost); }
  }
  const weight = Float64Array.from({ length: n }, () => 1 + Math.floor(rnd() * 100));
  return { problem: { model: 'mclp', matrix: costMatrixFromTriples(n, m, d, s, c, radius), weight, fixed: new Uint8Array(m), radiusM: radius, p: 12, targetCoverage: 1 }, d, s };
}

describe('the time limit', () => {
  it('yields a valid solution and a bound no better than the truth (MCLP, 1,500 demand × 150 sites, 0.05 s)', () => {
    const { problem, d, s } = mediumMclp();
    const { weight } = problem;
    const r = solveExact(problem, solver, { timeLimitS: 0.05 });
    expect(['optimal', 'feasible']).toContain(r.status);
    expect(r.selected.length).toBe(12);
    // The objective is what the chosen sites really cover.
    const open = new Uint8Array(problem.matrix.siteCount);
    for (const j of r.selected) open[j] = 1;
    const hit = new Uint8Array(weight.length);
    for (let k = 0; k < d.length; k++) if (open[s[k]]) hit[d[k]] = 1;
    let covered = 0;
    for (let i = 0; i < weight.length; i++) if (hit[i]) covered += weight[i];
    expect(r.objective).toBeCloseTo(covered, 6);
    expect(r.bound).toBeGreaterThanOrEqual(r.objective);
    expect(r.gap).toBeCloseTo((r.bound - r.objective) / r.objective, 9);
    if (r.status === 'optimal') expect(r.gap).toBe(0);
    // And no better than what a generous solve proves.
    const full = solveExact(problem, solver, { timeLimitS: 60 });
    if (full.status === 'optimal') {
      expect(r.objective).toBeLessThanOrEqual(full.objective + 1e-6);
      expect(r.bound).toBeGreaterThanOrEqual(full.objective - 1e-6);
    }
  });
});

describe('the Lagrangian bound', () => {
  it.each([701, 702, 703, 704, 705, 706])('never cuts off the brute-force optimum, MCLP and p-median (seed %i)', (seed) => {
    const inst = randomInstance(seed, 18, 8, { fixedCount: seed % 2, zeroWeights: 1, isolated: 1 });
    const free = freeSites(inst);
    let bestCover = -Infinity, bestMedian = Infinity;
    for (const s of subsets(free, 3)) {
      bestCover = Math.max(bestCover, coverValue(inst, openSet(inst, s), 300));
      bestMedian = Math.min(bestMedian, medianValue(inst, openSet(inst, s), inst.limit));
    }
    // Steps aim at a slightly wrong incumbent on purpose: validity must not depend on it.
    expect(lagrangianBound(problemOf(inst, 'mclp', { p: 3 }), bestCover * 0.9)).toBeGreaterThanOrEqual(bestCover - 1e-6);
    expect(lagrangianBound(problemOf(inst, 'pmedian', { p: 3 }), bestMedian * 1.1)).toBeLessThanOrEqual(bestMedian + 1e-6);
  });
});

describe('a given start', () => {
  it('keeps the result at least as good as a known solution when the time limit stops the solver at once', () => {
    const { problem } = mediumMclp();
    const best = solveExact(problem, solver, { timeLimitS: 60 });
    const r = solveExact(problem, solver, { timeLimitS: 0.001, start: best.selected });
    expect(['optimal', 'feasible']).toContain(r.status);
    expect(r.objective).toBeGreaterThanOrEqual(best.objective - 1e-6);
    expect(r.bound).toBeGreaterThanOrEqual(r.objective);
  });

  it('is ignored when it is not a valid solution (wrong count, a fixed site, a repeat)', () => {
    const inst = randomInstance(12, 16, 7, { fixedCount: 1 });
    const plain = solve(problemOf(inst, 'pmedian', { p: 2 }));
    for (const start of [[1], [0, 1], [2, 2], [1, 2, 3], [1.5, 2]]) {
      const r = solveExact(problemOf(inst, 'pmedian', { p: 2 }), solver, { timeLimitS: 10, start });
      expect(r.status).toBe('optimal');
      expect(r.objective).toBeCloseTo(plain.objective, 6);
    }
  });
});

describe('progress', () => {
  it('reports fractions from 0 to 1 and aborts the solve when the callback throws', () => {
    const inst = randomInstance(11, 20, 8);
    const seen: number[] = [];
    solveExact(problemOf(inst, 'mclp'), solver, { timeLimitS: 10, progress: (f) => void seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeGreaterThanOrEqual(seen[k - 1]);
    expect(() =>
      solveExact(problemOf(inst, 'mclp'), solver, {
        timeLimitS: 10,
        progress: () => {
          throw new Error('cancelled');
        },
      }),
    ).toThrow('cancelled');
  });

  it('interrupts HiGHS when its progress callback throws, and the error comes back', () => {
    const { model } = buildSitingMilp(mediumMclp().problem);
    expect(() =>
      solver(model, {
        timeLimitS: 30,
        onProgress: () => {
          throw new Error('cancelled in HiGHS');
        },
      }),
    ).toThrow('cancelled in HiGHS');
  });
});
