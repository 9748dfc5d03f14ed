import type { SitingProblem } from './siting-problem.ts';

/** What every siting algorithm needs to know before it starts, checked once. */
export interface PreparedSiting {
  demandCount: number;
  siteCount: number;
  /** 1 = existing facility, always open (a copy of problem.fixed normalised to 0/1). */
  isFixed: Uint8Array;
  /** Free (candidate) sites, ascending. */
  free: Int32Array;
  /** Σ weight over all demand, persons. */
  totalWeight: number;
  /** Largest single demand weight, persons: sets the scale of flow tolerances. */
  maxWeight: number;
  capacitated: boolean;
  /** Persons per open site; Infinity when uncapacitated. */
  capacity: number;
  /** p-median cost (m) of unserved demand: penaltyM, else the matrix limit. NaN for the coverage models. */
  penaltyM: number;
}

/**
 * Validates a problem (array lengths, finite non-negative weights, p, target, penalty, capacity)
 * and gathers the facts the solvers share. Throws RangeError on a malformed problem; an
 * infeasible-but-valid problem (p too large, target out of reach) is not an error.
 */
export function prepareSiting(problem: SitingProblem): PreparedSiting {
  const { matrix, weight, fixed, model } = problem;
  const n = matrix.demandCount, m = matrix.siteCount;
  if (model !== 'mclp' && model !== 'lscp' && model !== 'pmedian') throw new RangeError(`unknown siting model ${String(model)}`);
  if (weight.length !== n) throw new RangeError(`weight has ${weight.length} entries for ${n} demand points`);
  if (fixed.length !== m) throw new RangeError(`fixed has ${fixed.length} entries for ${m} sites`);
  let totalWeight = 0, maxWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    if (!(w >= 0 && w < Infinity)) throw new RangeError(`weight[${i}] = ${w} is not a finite non-negative number`);
    totalWeight += w;
    if (w > maxWeight) maxWeight = w;
  }
  const isFixed = new Uint8Array(m);
  let freeCount = 0;
  for (let j = 0; j < m; j++) {
    isFixed[j] = fixed[j] === 1 ? 1 : 0;
    if (!isFixed[j]) freeCount++;
  }
  const free = new Int32Array(freeCount);
  for (let j = 0, k = 0; j < m; j++) if (!isFixed[j]) free[k++] = j;

  if (model !== 'pmedian' && !(problem.radiusM >= 0)) throw new RangeError(`radiusM must be ≥ 0, got ${problem.radiusM}`);
  if (model !== 'lscp' && !(Number.isInteger(problem.p) && problem.p >= 0)) throw new RangeError(`p must be a non-negative integer, got ${problem.p}`);
  if (model === 'lscp' && !(problem.targetCoverage > 0 && problem.targetCoverage <= 1)) {
    throw new RangeError(`targetCoverage must be in (0, 1], got ${problem.targetCoverage}`);
  }
  let penaltyM = NaN;
  if (model === 'pmedian') {
    penaltyM = problem.penaltyM ?? matrix.limitM;
    if (!(penaltyM >= 0 && penaltyM < Infinity)) throw new RangeError(`p-median needs a finite penaltyM (or a finite matrix.limitM), got ${penaltyM}`);
  }
  const cap = problem.capacity;
  if (cap !== undefined && !(cap >= 0)) throw new RangeError(`capacity must be ≥ 0, got ${cap}`);
  const capacitated = cap !== undefined && cap < Infinity;
  return {
    demandCount: n, siteCount: m, isFixed, free, totalWeight, maxWeight,
    capacitated, capacity: capacitated ? cap : Infinity, penaltyM,
  };
}
