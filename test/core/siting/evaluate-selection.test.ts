import { describe, expect, it } from 'vitest';
import { evaluateSelection } from '../../../src/core/siting/evaluate-selection.ts';
import { capacitatedMedianCost, coveredWeight, medianCost, problemOf, randomInstance, servedWeight, tiny } from './brute-force.ts';

describe('evaluateSelection, uncapacitated', () => {
  it('sends each demand point to its nearest open site, the lower index on a tie', () => {
    const p = tiny('pmedian', 2, 3, [[0, 0, 200], [0, 1, 100], [0, 2, 100], [1, 0, 300]], [1, 2], { penaltyM: 1000 });
    const e = evaluateSelection(p, [2, 1, 0]);
    expect(Array.from(e.assignment)).toEqual([1, 0]);
    expect(e.objective).toBe(100 + 2 * 300);
    expect(e.meanCost).toBeCloseTo(700 / 3, 12);
  });

  it('keeps fixed sites open, and neither counts them nor repeats as new sites', () => {
    const p = tiny('lscp', 2, 2, [[0, 0, 100], [1, 1, 100]], [1, 1]);
    p.fixed[0] = 1;
    const e = evaluateSelection(p, [1, 1, 0]);
    expect(e.objective).toBe(1);
    expect(e.coveredWeight).toBe(2);
    expect(Array.from(e.assignment)).toEqual([0, 1]);
  });

  it('covers only within the radius (MCLP), charges the penalty for a missing pair (p-median), and counts only weighted points as uncovered', () => {
    const pairs = [[0, 0, 400], [1, 0, 600]];
    const mclp = evaluateSelection(tiny('mclp', 3, 1, pairs, [5, 7, 0]), [0]);
    expect(mclp.objective).toBe(5);
    expect(mclp.uncoveredCount).toBe(1);
    expect(Array.from(mclp.assignment)).toEqual([0, -1, -1]);
    const median = evaluateSelection(tiny('pmedian', 3, 1, pairs, [5, 7, 0], { penaltyM: 900 }), [0]);
    expect(median.objective).toBe(5 * 400 + 7 * 600);
    expect(median.uncoveredCount).toBe(0);
    expect(median.assignment[2]).toBe(-1);
  });

  it('treats a pair at or above the penalty as unserved (p-median)', () => {
    const e = evaluateSelection(tiny('pmedian', 1, 1, [[0, 0, 800]], [2], { penaltyM: 700 }), [0]);
    expect(e.objective).toBe(1400);
    expect(e.coveredWeight).toBe(0);
    expect(e.assignment[0]).toBe(-1);
  });

  it('agrees with a dense reference evaluation on random instances', () => {
    for (const seed of [1, 2, 3]) {
      const inst = randomInstance(seed);
      const open = Uint8Array.from(inst.fixed);
      const chosen = [1, 4, 7].filter((j) => !inst.fixed[j]);
      for (const j of chosen) open[j] = 1;
      expect(evaluateSelection(problemOf(inst, 'mclp'), chosen).objective).toBeCloseTo(coveredWeight(inst, open, 600), 9);
      expect(evaluateSelection(problemOf(inst, 'pmedian', { penaltyM: 1500 }), chosen).objective).toBeCloseTo(medianCost(inst, open, 1500), 6);
    }
  });

  it('rejects a site index out of range', () => {
    expect(() => evaluateSelection(tiny('mclp', 1, 1, [[0, 0, 1]], [1]), [3])).toThrow(RangeError);
  });
});

describe('evaluateSelection, capacitated', () => {
  it('serves at most the capacity per site, splitting a demand point, and reports the site serving most of it', () => {
    // Site 0 reaches demand 0 (4 persons) and 1 (4 persons), site 1 only demand 1; capacity 5 each.
    // Max served within the radius is 8: demand 0 all at site 0, demand 1 split 1 + 3.
    const p = tiny('mclp', 2, 2, [[0, 0, 100], [1, 0, 100], [1, 1, 400]], [4, 4], { capacity: 5 });
    const e = evaluateSelection(p, [0, 1]);
    expect(e.objective).toBeCloseTo(8, 12);
    expect(e.uncoveredCount).toBe(0);
    expect(Array.from(e.assignment)).toEqual([0, 1]);
    // Among the max-flow answers, the least walking: 4·100 + 1·100 + 3·400 = 1700 over 8 persons.
    expect(e.meanCost).toBeCloseTo(1700 / 8, 9);
  });

  it('leaves weight unserved at the penalty when capacity runs out (p-median)', () => {
    // One site, capacity 3, demand 0 (2 persons at 100 m) and 1 (2 persons at 300 m), penalty 1000:
    // serve demand 0 fully and 1 person of demand 1: 200 + 300 + 1000 = 1500.
    const e = evaluateSelection(tiny('pmedian', 2, 1, [[0, 0, 100], [1, 0, 300]], [2, 2], { capacity: 3, penaltyM: 1000 }), [0]);
    expect(e.objective).toBeCloseTo(1500, 9);
    expect(e.coveredWeight).toBeCloseTo(3, 12);
    expect(e.uncoveredCount).toBe(1);
    expect(Array.from(e.assignment)).toEqual([0, 0]);
  });

  it('matches independent max-flow and min-cost-flow references on random instances', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const inst = randomInstance(seed, 30, 11, 2);
      const chosen = [0, 3, 5, 8].filter((j) => !inst.fixed[j]);
      const open = Uint8Array.from(inst.fixed);
      for (const j of chosen) open[j] = 1;
      for (const cap of [10, 35, 80]) {
        const served = evaluateSelection(problemOf(inst, 'mclp', { capacity: cap }), chosen);
        expect(served.objective).toBeCloseTo(servedWeight(inst, open, 600, cap), 6);
        const median = evaluateSelection(problemOf(inst, 'pmedian', { capacity: cap, penaltyM: 1500 }), chosen);
        expect(median.objective).toBeCloseTo(capacitatedMedianCost(inst, open, 1500, cap), 4);
      }
    }
  });

  it('equals the uncapacitated evaluation when capacity never binds', () => {
    const inst = randomInstance(9);
    const chosen = [2, 6].filter((j) => !inst.fixed[j]);
    const a = evaluateSelection(problemOf(inst, 'pmedian', { penaltyM: 1500 }), chosen);
    const b = evaluateSelection(problemOf(inst, 'pmedian', { penaltyM: 1500, capacity: 1e9 }), chosen);
    expect(b.objective).toBeCloseTo(a.objective, 6);
    expect(b.coveredWeight).toBeCloseTo(a.coveredWeight, 9);
  });
});
