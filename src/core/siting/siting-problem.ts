import type { CostMatrix } from './cost-matrix.ts';

/**
 * LSCP (and any coverage target): met when covered ≥ target·W − COVERAGE_TOLERANCE·max(W, 1), so a
 * target of exactly 100 % is not missed by floating-point sums. One rule for heuristic and exact solver.
 */
export const COVERAGE_TOLERANCE = 1e-9;

export type SitingModel = 'mclp' | 'lscp' | 'pmedian';
export type SitingMethod = 'exact' | 'heuristic';
/** optimal = proven optimum; feasible = a valid solution without proof (heuristic, or time limit hit); infeasible = no solution exists. */
export type SitingStatus = 'optimal' | 'feasible' | 'infeasible';

/**
 * One location-allocation instance. Sites are the columns of `matrix`: candidate sites and
 * existing facilities together; `fixed[j] = 1` marks a site that is already open (existing
 * facility, kept) and is neither counted in p nor reported as selected.
 *
 * Definitions every model and test shares:
 * - demand i is *covered* by an open site j when cost(i, j) ≤ radiusM (a stored pair);
 * - MCLP maximises Σ weight of covered demand with exactly p new sites (p larger than the number of
 *   free sites is infeasible: the planner asked for more sites than there are candidates);
 * - LSCP minimises the number of new sites so that covered weight ≥ targetCoverage × Σ weight
 *   (all demand, including demand no site can reach: then a 100 % target is infeasible);
 * - p-median minimises Σ weight_i × min(cost to the nearest open site, penaltyM) with exactly p
 *   new sites; a pair not stored in the matrix costs penaltyM (the demand counts as unserved).
 * - capacitated (capacity set): every open site, fixed ones included, serves at most `capacity`
 *   weight; demand may be split between sites. MCLP then maximises the served (assigned) weight
 *   within radiusM; p-median assigns unserved weight at penaltyM.
 */
export interface SitingProblem {
  model: SitingModel;
  matrix: CostMatrix;
  /** Demand weight (persons), ≥ 0, length matrix.demandCount. */
  weight: Float64Array;
  /** Per site: 1 = existing, always open. Length matrix.siteCount. */
  fixed: Uint8Array;
  /** Coverage distance, metres (MCLP, LSCP). */
  radiusM: number;
  /** New sites to open (MCLP, p-median). */
  p: number;
  /** LSCP: fraction of total weight to cover, 0 < t ≤ 1. */
  targetCoverage: number;
  /** p-median: cost (m) of demand left without a site within the matrix limit. Default matrix.limitM. */
  penaltyM?: number;
  /** Persons per open site; undefined = uncapacitated. */
  capacity?: number;
}

export interface SitingResult {
  model: SitingModel;
  method: SitingMethod;
  /** e.g. 'lazy-greedy+swap', 'highs-milp'. */
  algorithm: string;
  status: SitingStatus;
  /** New sites (site indices, never fixed ones) in selection order: the order their marginal gain was measured in. */
  selected: Int32Array;
  /** Gain of each selected site when added after the ones before it, in objective units (MCLP/LSCP: persons covered; p-median: reduction in weighted cost). */
  marginalGain: Float64Array;
  /** MCLP: covered (or served) weight; LSCP: number of new sites; p-median: Σ weight × cost (m·persons). */
  objective: number;
  /** Best proven bound on the optimum (upper for MCLP, lower for LSCP / p-median). */
  bound: number;
  /** |bound − objective| / max(|objective|, 1e-9); 0 when proven optimal. */
  gap: number;
  /** Weight covered within radiusM (MCLP/LSCP) or served within the matrix limit (p-median). */
  coveredWeight: number;
  /** Demand points with weight > 0 left uncovered / unserved. */
  uncoveredCount: number;
  /** Weighted mean cost (m) from demand to its assigned site, over served weight. */
  meanCost: number;
  /** Per demand: assigned open site or -1 (for the capacitated case: the site serving most of it). */
  assignment: Int32Array;
  /** Human-readable reason when status is infeasible. */
  message?: string;
  /** Wall time of the solve, ms. */
  elapsedMs: number;
}

/** Progress callback: fraction 0..1 and a short label; return value ignored. A thrown error (e.g. cancel) aborts the solve. */
export type SitingProgress = (fraction: number, label: string) => void;
