import { describe, expect, it } from 'vitest';
import { solveLscpHeuristic } from '../../../src/core/siting/lscp-heuristic.ts';
import { solveMclpHeuristic } from '../../../src/core/siting/mclp-heuristic.ts';
import { solvePMedianHeuristic } from '../../../src/core/siting/p-median-heuristic.ts';
import type { SitingResult } from '../../../src/core/siting/siting-problem.ts';
import {
  bestOverSubsets, capacitatedMedianCost, coveredWeight, fewestSitesReaching, freeSites, medianCost, problemOf,
  randomInstance, servedWeight, tiny } from './brute-force.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Objective, bound and gap agree with each other and with the optimum. */
function expectConsistent(r: SitingResult, optimum: number, maximise: boolean) {
  const slack = 1e-7 * Math.max(1, Math.abs(optimum));
  if (maximise) {
    expect(r.objective).toBeLessThanOrEqual(optimum + slack);
    expect(r.bound).toBeGreaterThanOrEqual(optimum - slack);
  } else {
    expect(r.objective).toBeGreaterThanOrEqual(optimum - slack);
    expect(r.bound).toBeLessThanOrEqual(optimum + slack);
  }
  expect(r.gap).toBeCloseTo(Math.abs(r.bound - r.objective) / Math.max(Math.abs(r.objective), 1e-9), 9);
  if (r.status === 'optimal') {
    expect(r.gap).toBe(0);
    expect(r.objective).toBeCloseTo(optimum, 6);
  }
}

describe('the MCLP heuristic against exhaustive search', () => {
  it('never beats the optimum, brackets it with its bound, finds it on most instances and proves it on most', () => {
    let runs = 0, found = 0, proven = 0;
    for (const seed of SEEDS) {
      const inst = randomInstance(seed);
      for (let p = 1; p <= 4; p++) {
        const r = solveMclpHeuristic(problemOf(inst, 'mclp', { p }));
        const optimum = bestOverSubsets(inst, p, (open) => coveredWeight(inst, open, 600), true);
        expectConsistent(r, optimum, true);
        expect(r.selected.length).toBe(p);
        runs++;
        if (Math.abs(r.objective - optimum) < 1e-9) found++;
        if (r.status === 'optimal') proven++;
      }
    }
    expect(found / runs).toBeGreaterThanOrEqual(0.9);
    expect(proven / runs).toBeGreaterThanOrEqual(0.8);
  });

  it('reports marginal gains that add up from the existing coverage to the objective', () => {
    const inst = randomInstance(21);
    const r = solveMclpHeuristic(problemOf(inst, 'mclp', { p: 3 }));
    const base = coveredWeight(inst, Uint8Array.from(inst.fixed), 600);
    expect(base + r.marginalGain.reduce((a, b) => a + b, 0)).toBeCloseTo(r.objective, 9);
    for (const j of r.selected) expect(inst.fixed[j]).toBe(0);
  });

  it('proves optimality when p takes every free site', () => {
    const inst = randomInstance(22);
    const r = solveMclpHeuristic(problemOf(inst, 'mclp', { p: freeSites(inst).length }));
    expect(r.status).toBe('optimal');
    expect(r.objective).toBe(coveredWeight(inst, new Uint8Array(inst.m).fill(1), 600));
  });
});

describe('the p-median heuristic against exhaustive search', () => {
  it('never beats the optimum, stays above its Lagrangian bound, and finds it on most instances', () => {
    let runs = 0, found = 0;
    for (const seed of SEEDS) {
      const inst = randomInstance(seed);
      for (let p = 1; p <= 4; p++) {
        const r = solvePMedianHeuristic(problemOf(inst, 'pmedian', { p, penaltyM: 1500 }));
        const optimum = bestOverSubsets(inst, p, (open) => medianCost(inst, open, 1500), false);
        expectConsistent(r, optimum, false);
        runs++;
        if (Math.abs(r.objective - optimum) < 1e-6) found++;
      }
    }
    expect(found / runs).toBeGreaterThanOrEqual(0.9);
  });

  it('uses the matrix limit as the penalty when none is given, and proves most small instances optimal', () => {
    let proven = 0;
    for (const seed of SEEDS) {
      const inst = randomInstance(seed);
      const r = solvePMedianHeuristic(problemOf(inst, 'pmedian', { p: 3 }));
      expectConsistent(r, bestOverSubsets(inst, 3, (open) => medianCost(inst, open, inst.limitM), false), false);
      if (r.status === 'optimal') proven++;
    }
    expect(proven).toBeGreaterThanOrEqual(SEEDS.length / 2);
  });

  it('reports marginal gains as cost reductions that add up to the saving over the existing sites', () => {
    const inst = randomInstance(23);
    const r = solvePMedianHeuristic(problemOf(inst, 'pmedian', { p: 3, penaltyM: 1500 }));
    const base = medianCost(inst, Uint8Array.from(inst.fixed), 1500);
    expect(base - r.marginalGain.reduce((a, b) => a + b, 0)).toBeCloseTo(r.objective, 6);
  });
});

describe('the LSCP heuristic against exhaustive search', () => {
  it('meets the target, never uses fewer sites than the optimum, and its lower bound is at most the optimum and proves most', () => {
    let runs = 0, found = 0, proven = 0;
    for (const seed of SEEDS) {
      const inst = randomInstance(seed);
      for (const target of [0.3, 0.6, 0.8]) {
        const r = solveLscpHeuristic(problemOf(inst, 'lscp', { targetCoverage: target }));
        const optimum = fewestSitesReaching(inst, target, (open) => coveredWeight(inst, open, 600));
        if (optimum === Infinity) {
          expect(r.status).toBe('infeasible');
          continue;
        }
        expectConsistent(r, optimum, false);
        const W = inst.weight.reduce((a, b) => a + b, 0);
        expect(r.coveredWeight).toBeGreaterThanOrEqual(target * W - 1e-6);
        expect(r.objective).toBe(r.selected.length);
        runs++;
        if (r.objective === optimum) found++;
        if (r.status === 'optimal') proven++;
      }
    }
    expect(runs).toBeGreaterThan(20);
    expect(found / runs).toBeGreaterThanOrEqual(0.9);
    expect(proven / runs).toBeGreaterThanOrEqual(0.8);
  });
});

describe('the capacitated heuristics against exhaustive search with independent flow solvers', () => {
  it('MCLP: served weight never beats the optimum and the bound stays above it', () => {
    let runs = 0, found = 0;
    for (const seed of SEEDS.slice(0, 8)) {
      const inst = randomInstance(seed, 24, 10);
      for (const [p, cap] of [[1, 40], [2, 30], [3, 25]]) {
        const r = solveMclpHeuristic(problemOf(inst, 'mclp', { p, capacity: cap }));
        const optimum = bestOverSubsets(inst, p, (open) => servedWeight(inst, open, 600, cap), true);
        expectConsistent(r, optimum, true);
        runs++;
        if (Math.abs(r.objective - optimum) < 1e-6) found++;
      }
    }
    expect(found / runs).toBeGreaterThanOrEqual(0.9);
  });

  it('p-median: cost never beats the optimum and the bound stays below it', () => {
    let runs = 0, found = 0;
    for (const seed of SEEDS.slice(0, 8)) {
      const inst = randomInstance(seed, 24, 10);
      for (const [p, cap] of [[1, 60], [2, 40], [3, 30]]) {
        const r = solvePMedianHeuristic(problemOf(inst, 'pmedian', { p, capacity: cap, penaltyM: 1500 }));
        const optimum = bestOverSubsets(inst, p, (open) => capacitatedMedianCost(inst, open, 1500, cap), false);
        expectConsistent(r, optimum, false);
        runs++;
        if (Math.abs(r.objective - optimum) < 1e-6 * optimum) found++;
      }
    }
    expect(found / runs).toBeGreaterThanOrEqual(0.9);
  });

  it('LSCP: meets the target with at least as many sites as the optimum, bound at most the optimum', () => {
    for (const seed of SEEDS.slice(0, 6)) {
      const inst = randomInstance(seed, 24, 10);
      const r = solveLscpHeuristic(problemOf(inst, 'lscp', { targetCoverage: 0.5, capacity: 40 }));
      const optimum = fewestSitesReaching(inst, 0.5, (open) => servedWeight(inst, open, 600, 40));
      if (optimum === Infinity) {
        expect(r.status).toBe('infeasible');
        continue;
      }
      expectConsistent(r, optimum, false);
    }
  });
});

describe('hand-worked MCLP cases', () => {
  // Sites 0 and 1 each cover 10 persons; site 2 covers 6.
  const pairs = [[0, 0, 100], [1, 1, 100], [2, 2, 100], [0, 2, 700]];
  it('breaks a tie between equally good sites towards the lower index', () => {
    const r = solveMclpHeuristic(tiny('mclp', 3, 3, pairs, [10, 10, 6]));
    expect(Array.from(r.selected)).toEqual([0]);
    expect(r.objective).toBe(10);
    expect(r.status).toBe('optimal');
  });

  it('gives zero-weight demand no pull', () => {
    const r = solveMclpHeuristic(tiny('mclp', 3, 3, pairs, [0, 0, 6]));
    expect(Array.from(r.selected)).toEqual([2]);
    expect(r.objective).toBe(6);
  });

  it('counts demand no site can reach as uncovered', () => {
    const r = solveMclpHeuristic(tiny('mclp', 4, 3, pairs, [10, 10, 6, 5], { p: 3 }));
    expect(r.coveredWeight).toBe(26);
    expect(r.uncoveredCount).toBe(1);
    expect(r.assignment[3]).toBe(-1);
    expect(r.status).toBe('optimal');
  });

  it('gives no gain for demand an existing facility already covers', () => {
    // Site 0 is existing and covers demand 0; site 1 covers demand 0 (10) and 1 (3); site 2 covers demand 2 (6).
    const problem = tiny('mclp', 3, 3, [[0, 0, 50], [0, 1, 100], [1, 1, 100], [2, 2, 100]], [10, 3, 6]);
    problem.fixed[0] = 1;
    const r = solveMclpHeuristic(problem);
    expect(Array.from(r.selected)).toEqual([2]);
    expect(Array.from(r.marginalGain)).toEqual([6]);
    expect(r.objective).toBe(16);
  });

  it('is infeasible when p exceeds the free sites, saying so', () => {
    const problem = tiny('mclp', 3, 3, pairs, [10, 10, 6], { p: 3 });
    problem.fixed[1] = 1;
    const r = solveMclpHeuristic(problem);
    expect(r.status).toBe('infeasible');
    expect(r.message).toMatch(/p = 3.*only 2/);
    expect(r.selected.length).toBe(0);
    expect(r.objective).toBeNaN();
  });

  it('serves at most the capacity at each site and splits demand (capacitated, by hand)', () => {
    // One site reaches demand 0 (3 persons) and 1 (4 persons) but serves at most 5.
    const r = solveMclpHeuristic(tiny('mclp', 2, 1, [[0, 0, 100], [1, 0, 200]], [3, 4], { capacity: 5 }));
    expect(r.objective).toBe(5);
    expect(r.coveredWeight).toBe(5);
    expect(r.uncoveredCount).toBe(1);
    expect(r.status).toBe('optimal');
  });

  it('calls progress, and a throw from it aborts the solve', () => {
    const labels: string[] = [];
    const inst = randomInstance(31);
    solveMclpHeuristic(problemOf(inst, 'mclp', { p: 3 }), { progress: (f, label) => { expect(f).toBeGreaterThanOrEqual(0); expect(f).toBeLessThanOrEqual(1); labels.push(label); } });
    expect(labels.length).toBeGreaterThan(0);
    expect(() => solveMclpHeuristic(problemOf(inst, 'mclp', { p: 3 }), { progress: () => { throw new Error('cancelled'); } })).toThrow('cancelled');
  });
});

describe('hand-worked LSCP cases', () => {
  it('needs 2 sites for 100 % here and proves it', () => {
    // Site 1 covers demand 0 and 1, site 2 covers 2, site 0 covers 0 only.
    const p = tiny('lscp', 3, 3, [[0, 0, 100], [0, 1, 100], [1, 1, 100], [2, 2, 100]], [5, 5, 5]);
    const r = solveLscpHeuristic(p);
    expect(Array.from(r.selected)).toEqual([1, 2]);
    expect(r.objective).toBe(2);
    expect(r.status).toBe('optimal');
  });

  it('drops a site made redundant by later choices', () => {
    // Site 0 covers demand 0, 1, 2 (3 persons each); sites 1, 2, 3 each cover one of those plus a
    // 2-person point of their own. Greedy takes 0 (9 persons), then 1, 2 and 3 (2 each); sites
    // 1–3 alone cover everything, so 0 is dropped.
    const pairs = [[0, 0, 1], [1, 0, 1], [2, 0, 1], [0, 1, 1], [3, 1, 1], [1, 2, 1], [4, 2, 1], [2, 3, 1], [5, 3, 1]];
    const r = solveLscpHeuristic(tiny('lscp', 6, 4, pairs, [3, 3, 3, 2, 2, 2]));
    expect(Array.from(r.selected)).toEqual([1, 2, 3]);
    expect(r.objective).toBe(3);
    expect(r.coveredWeight).toBe(15);
  });

  it('says how much weight and how many points no site reaches when 100 % is impossible', () => {
    const r = solveLscpHeuristic(tiny('lscp', 3, 2, [[0, 0, 100], [1, 1, 100], [2, 1, 900]], [5, 5, 7]));
    expect(r.status).toBe('infeasible');
    expect(r.message).toMatch(/7\.0 persons at 1 demand point/);
    expect(r.message).toMatch(/500 m/);
  });

  it('is infeasible when capacity caps the served weight below the target, saying how much can be served', () => {
    // Two sites each reach everyone, but serve at most 4 persons: 8 of 10 at best.
    const pairs = [[0, 0, 100], [0, 1, 100], [1, 0, 100], [1, 1, 100]];
    const r = solveLscpHeuristic(tiny('lscp', 2, 2, pairs, [5, 5], { capacity: 4 }));
    expect(r.status).toBe('infeasible');
    expect(r.message).toMatch(/at most 4 persons per site, at most 8\.0 persons \(80\.00 %\)/);
    const ok = solveLscpHeuristic(tiny('lscp', 2, 2, pairs, [5, 5], { capacity: 4, targetCoverage: 0.8 }));
    expect(ok.objective).toBe(2);
    expect(ok.status).toBe('optimal');
  });

  it('opens nothing when existing facilities already meet the target', () => {
    const p = tiny('lscp', 2, 2, [[0, 0, 100], [1, 1, 100]], [9, 1], { targetCoverage: 0.9 });
    p.fixed[0] = 1;
    const r = solveLscpHeuristic(p);
    expect(r.selected.length).toBe(0);
    expect(r.objective).toBe(0);
    expect(r.status).toBe('optimal');
  });
});

describe('hand-worked p-median cases', () => {
  it('picks the site minimising weighted distance, lower index on ties, unreachable demand at the penalty', () => {
    // Demand 0 (w 1) and 1 (w 1) are 100 m from site 0 and site 1 respectively and 300 m from the other; demand 2 reaches nothing.
    const r = solvePMedianHeuristic(tiny('pmedian', 3, 2, [[0, 0, 100], [0, 1, 300], [1, 0, 300], [1, 1, 100]], [1, 1, 2], { penaltyM: 1000 }));
    expect(Array.from(r.selected)).toEqual([0]);
    expect(r.objective).toBe(100 + 300 + 2 * 1000);
    expect(r.coveredWeight).toBe(2);
    expect(r.uncoveredCount).toBe(1);
    expect(r.meanCost).toBe(200);
    expect(r.status).toBe('optimal');
  });

  it('lets an existing facility serve its demand so the new site goes elsewhere', () => {
    const problem = tiny('pmedian', 2, 3, [[0, 0, 50], [0, 1, 60], [1, 1, 400], [1, 2, 100]], [10, 1], { penaltyM: 1000 });
    problem.fixed[0] = 1;
    const r = solvePMedianHeuristic(problem);
    expect(Array.from(r.selected)).toEqual([2]);
    expect(r.objective).toBe(10 * 50 + 100);
    expect(Array.from(r.marginalGain)).toEqual([900]);
  });

  it('lets a throw from progress abort the solve, bound phase included', () => {
    const inst = randomInstance(32);
    let calls = 0;
    const stopAt = (k: number) => () => {
      if (++calls >= k) throw new Error('cancelled');
    };
    expect(() => solvePMedianHeuristic(problemOf(inst, 'pmedian', { p: 3, penaltyM: 1500 }), { progress: stopAt(1) })).toThrow('cancelled');
    calls = 0;
    expect(() => solvePMedianHeuristic(problemOf(inst, 'pmedian', { p: 3, penaltyM: 1500, capacity: 30 }), { progress: stopAt(3) })).toThrow('cancelled');
  });

  it('is infeasible when p exceeds the free sites', () => {
    const r = solvePMedianHeuristic(tiny('pmedian', 1, 1, [[0, 0, 10]], [1], { p: 2, penaltyM: 100 }));
    expect(r.status).toBe('infeasible');
    expect(r.message).toMatch(/p = 2/);
  });

  it('splits demand over capacitated sites (by hand)', () => {
    // Demand 0: 6 persons, 100 m from site 0 and 300 m from site 1; demand 1: 4 persons, 200 m
    // from site 0 only; capacity 5, penalty 1000, both sites open. With x of demand 0 and y of
    // demand 1 at site 0 (x + y ≤ 5, 6 − x ≤ 5 at site 1, the rest of demand 1 unserved):
    // cost = 100x + 300(6 − x) + 200y + 1000(4 − y), least at y = 4, x = 1: 100 + 1500 + 800 = 2400.
    const r = solvePMedianHeuristic(tiny('pmedian', 2, 2, [[0, 0, 100], [0, 1, 300], [1, 0, 200]], [6, 4], { p: 2, penaltyM: 1000, capacity: 5 }));
    expect(r.objective).toBe(2400);
    expect(r.status).toBe('optimal');
    expect(r.assignment[0]).toBe(1);
    expect(r.assignment[1]).toBe(0);
    expect(r.uncoveredCount).toBe(0);
  });
});
