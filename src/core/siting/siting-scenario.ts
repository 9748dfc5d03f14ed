import type { PreparedNetwork } from '../area-context.ts';
import { nearestFacilityDistances } from '../nearest-facility-distances.ts';
import { networkFacilityDistances } from '../network-facility-distances.ts';
import { snapToNetwork, type Snaps } from '../snap-to-network.ts';
import type { CostMatrix } from './cost-matrix.ts';
import { networkCostMatrix } from './network-cost-matrix.ts';
import type { SitingParams } from './siting-params.ts';
import type { SitingProblem, SitingProgress, SitingResult } from './siting-problem.ts';
import { solveSiting, type MilpSolverLike } from './solve-siting.ts';
import { straightCostMatrix } from './straight-cost-matrix.ts';

/** Where a site came from. */
export const SITE_KIND = { existing: 0, user: 1, generated: 2 } as const;
export type SiteKind = keyof typeof SITE_KIND;

export interface SitingInput {
  /** Demand points (e.g. population cells), lon/lat interleaved, weight in persons. */
  demand: { coords: Float64Array; weight: Float64Array };
  /** Existing facilities of the type: kept open, not counted in p. */
  existing: { coords: Float64Array; ids: string[] };
  /** Candidate sites (user-supplied and/or generated). */
  candidates: { coords: Float64Array; ids: string[]; kind: Uint8Array };
  /**
   * How costs are measured: walking over the network (demand already snapped, e.g. the area
   * context's origin snaps), straight line, or a supplied matrix over the same site order
   * (existing first, then candidates).
   */
  costs: { mode: 'network'; network: PreparedNetwork; demandSnaps: Snaps; maxSnapM: number } | { mode: 'straight' } | { mode: 'od'; matrix: CostMatrix };
  params: SitingParams & { radiusM: number; limitM: number };
}

export interface Proposal {
  /** 1 = chosen first (largest marginal gain). */
  rank: number;
  site: number;
  candidateId: string;
  kind: SiteKind;
  lon: number;
  lat: number;
  /** Residents newly within the radius when this site is added after the higher-ranked ones. */
  addedPopulationCovered: number;
  /** Objective gain in model units, in selection order (persons for mclp/lscp, persons·m saved for p-median). */
  marginalGain: number;
  /** Residents assigned to this site in the final solution (nearest open site, or the capacitated assignment). */
  populationServed: number;
  /** Distance to the nearest existing facility of the type, metres (same mode as the analysis; null if none within reach). */
  nearestExistingM: number | null;
}

export interface CoverageState {
  /** Residents within the radius of an open site. */
  covered: number;
  total: number;
  /** Demand points with residents and no open site within the radius. */
  uncoveredCount: number;
  /** Mean cost (m) to the nearest open site over residents with one within the matrix limit. */
  meanNearestM: number;
}

export interface SitingOutcome {
  result: SitingResult;
  proposals: Proposal[];
  before: CoverageState;
  after: CoverageState;
  /** Per demand point: cost to the nearest open site before / after (m; Infinity beyond the matrix limit). */
  nearestBeforeM: Float64Array;
  nearestAfterM: Float64Array;
  siteCount: { existing: number; candidates: number; offNetwork: number };
  warnings: string[];
}

/**
 * One siting run: cost matrix (sites = existing facilities, fixed, then candidates), the chosen
 * model solved exactly or heuristically (solveSiting), and the proposals with their before/after
 * coverage. Pure: the MILP solver is passed in.
 */
export function runSitingScenario(input: SitingInput, solver?: MilpSolverLike, progress?: SitingProgress): SitingOutcome {
  const { demand, existing, candidates, params } = input;
  const ne = existing.coords.length / 2;
  const nc = candidates.coords.length / 2;
  const siteCoords = new Float64Array(2 * (ne + nc));
  siteCoords.set(existing.coords, 0);
  siteCoords.set(candidates.coords, 2 * ne);
  const warnings: string[] = [];
  // p-median needs costs beyond the radius (up to the search limit); the covering models only need the radius.
  const limitM = params.model === 'pmedian' ? Math.max(params.limitM, params.radiusM) : params.radiusM;

  let matrix: CostMatrix;
  let siteSnaps: Snaps | undefined;
  let offNetwork = 0;
  const c = input.costs;
  if (c.mode === 'network') {
    siteSnaps = snapToNetwork(c.network.graph, c.network.edgeIndex, siteCoords, c.maxSnapM);
    for (let j = ne; j < ne + nc; j++) if (siteSnaps.edge[j] < 0) offNetwork++;
    if (offNetwork) warnings.push(`${offNetwork} candidate sites are more than ${c.maxSnapM} m from any walkable street and cannot serve anyone.`);
    matrix = networkCostMatrix(c.network.graph, c.demandSnaps, siteSnaps, limitM, (done, total) => progress?.((0.4 * done) / Math.max(1, total), 'distances'));
  } else if (c.mode === 'straight') {
    matrix = straightCostMatrix(demand.coords, siteCoords, limitM);
  } else {
    if (c.matrix.siteCount !== ne + nc || c.matrix.demandCount !== demand.weight.length) throw new Error('The OD matrix does not match the demand and site lists.');
    matrix = c.matrix;
  }

  const fixed = new Uint8Array(ne + nc);
  fixed.fill(1, 0, ne);
  const problem: SitingProblem = {
    model: params.model,
    matrix,
    weight: demand.weight,
    fixed,
    radiusM: params.radiusM,
    p: params.p,
    targetCoverage: params.targetCoveragePct / 100,
    penaltyM: limitM,
    ...(params.capacity > 0 ? { capacity: params.capacity } : {}),
  };
  const result = solveSiting(problem, {
    method: params.method,
    timeLimitS: params.timeLimitS,
    solver,
    progress: (f, label) => progress?.(0.4 + 0.6 * f, label),
  });

  const open = fixed.slice();
  const nearestBeforeM = nearestOpen(matrix, open);
  const before = coverageState(nearestBeforeM, demand.weight, params.radiusM);
  const proposals: Proposal[] = [];
  const served = new Float64Array(ne + nc);
  for (let i = 0; i < result.assignment.length; i++) if (result.assignment[i] >= 0) served[result.assignment[i]] += demand.weight[i];

  let prevCovered = before.covered;
  const nearestExisting = distanceToExisting(input, siteCoords, siteSnaps, ne, result.selected);
  result.selected.forEach((site, k) => {
    open[site] = 1;
    const covered = coverageState(nearestOpen(matrix, open), demand.weight, params.radiusM).covered;
    const kindCode = candidates.kind[site - ne];
    proposals.push({
      rank: k + 1,
      site,
      candidateId: candidates.ids[site - ne],
      kind: kindCode === SITE_KIND.user ? 'user' : 'generated',
      lon: siteCoords[2 * site],
      lat: siteCoords[2 * site + 1],
      addedPopulationCovered: covered - prevCovered,
      marginalGain: result.marginalGain[k],
      populationServed: served[site],
      nearestExistingM: nearestExisting[k],
    });
    prevCovered = covered;
  });
  const nearestAfterM = nearestOpen(matrix, open);
  const after = coverageState(nearestAfterM, demand.weight, params.radiusM);
  return { result, proposals, before, after, nearestBeforeM, nearestAfterM, siteCount: { existing: ne, candidates: nc, offNetwork }, warnings };
}

/** Cost from each demand point to its nearest open site (lists are sorted by cost), Infinity if none. */
export function nearestOpen(matrix: CostMatrix, open: Uint8Array): Float64Array {
  const out = new Float64Array(matrix.demandCount).fill(Infinity);
  for (let i = 0; i < matrix.demandCount; i++) {
    for (let q = matrix.byDemandStart[i]; q < matrix.byDemandStart[i + 1]; q++) {
      if (open[matrix.byDemandSite[q]]) {
        out[i] = matrix.byDemandCost[q];
        break;
      }
    }
  }
  return out;
}

function coverageState(nearest: Float64Array, weight: Float64Array, radiusM: number): CoverageState {
  let covered = 0, total = 0, uncoveredCount = 0, costSum = 0, reached = 0;
  for (let i = 0; i < nearest.length; i++) {
    total += weight[i];
    if (nearest[i] <= radiusM) covered += weight[i];
    else if (weight[i] > 0) uncoveredCount++;
    if (Number.isFinite(nearest[i])) {
      costSum += weight[i] * nearest[i];
      reached += weight[i];
    }
  }
  return { covered, total, uncoveredCount, meanNearestM: reached > 0 ? costSum / reached : NaN };
}

/** For each selected site: metres to the nearest existing facility, by the analysis' own mode (walking or straight line). */
function distanceToExisting(input: SitingInput, siteCoords: Float64Array, siteSnaps: Snaps | undefined, ne: number, selected: Int32Array): (number | null)[] {
  if (ne === 0 || selected.length === 0) return Array.from(selected, () => null);
  const pick = (arr: Float64Array, k: number, width: number) => Float64Array.from({ length: width }, (_, q) => arr[width * k + q]);
  const c = input.costs;
  let d: Float64Array;
  if (c.mode === 'network' && siteSnaps) {
    const sub = (idx: number[]): Snaps => ({
      edge: Int32Array.from(idx, (j) => siteSnaps.edge[j]),
      t: Float64Array.from(idx, (j) => siteSnaps.t[j]),
      legM: Float64Array.from(idx, (j) => siteSnaps.legM[j]),
      foot: Float64Array.from(idx.flatMap((j) => [siteSnaps.foot[2 * j], siteSnaps.foot[2 * j + 1]])),
    });
    d = networkFacilityDistances(c.network.graph, sub(Array.from(selected)), sub(Array.from({ length: ne }, (_, j) => j)), input.params.limitM).distance;
  } else {
    const sel = new Float64Array(selected.length * 2);
    selected.forEach((s, k) => sel.set(pick(siteCoords, s, 2), 2 * k));
    d = nearestFacilityDistances(sel, siteCoords.slice(0, 2 * ne)).distance;
  }
  return Array.from(d, (m) => (Number.isFinite(m) ? m : null));
}
