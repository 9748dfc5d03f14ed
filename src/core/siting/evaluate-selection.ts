import { CapacitatedAssignment } from './capacitated-assignment.ts';
import { prepareSiting, type PreparedSiting } from './prepare-siting.ts';
import type { SitingProblem } from './siting-problem.ts';

/** The objective and allocation of one open set. */
export interface SelectionEvaluation {
  /** MCLP: covered (served) weight, persons; LSCP: number of new sites; p-median: Σ weight × cost, persons·m. */
  objective: number;
  /** Persons covered within radiusM (MCLP/LSCP) or served by a pair cheaper than penaltyM (p-median). */
  coveredWeight: number;
  /** Demand points with weight > 0 not (fully) covered / served. */
  uncoveredCount: number;
  /** Weighted mean cost, m, from demand to its site over the covered / served weight (0 when none). */
  meanCost: number;
  /** Per demand: its site (nearest open one; capacitated: the one serving most of it), or -1. */
  assignment: Int32Array;
}

/**
 * Evaluates new sites `selected` (fixed sites are always open; repeats and fixed sites in the list
 * are harmless and not counted as new) under the problem's model.
 * - Uncapacitated: every demand point goes to its nearest open site (the byDemand lists are sorted
 *   by cost, ties by site index, so the first open one). MCLP/LSCP count it covered when that
 *   site is within radiusM; p-median pays min(cost, penaltyM), a missing pair paying penaltyM, and
 *   counts it served when the cost is below penaltyM.
 * - Capacitated: the optimal split assignment for this open set (see CapacitatedAssignment): MCLP
 *   and LSCP the most weight served within radiusM, p-median the least Σ w·cost with unserved
 *   weight at penaltyM. A point counts as uncovered unless all of its weight is served.
 */
export function evaluateSelection(problem: SitingProblem, selected: ArrayLike<number>): SelectionEvaluation {
  const prepared = prepareSiting(problem);
  const m = prepared.siteCount;
  const open = prepared.isFixed.slice();
  let newCount = 0;
  for (let k = 0; k < selected.length; k++) {
    const j = selected[k];
    if (!(Number.isInteger(j) && j >= 0 && j < m)) throw new RangeError(`selected site ${j} is not a site index (0..${m - 1})`);
    if (!open[j]) {
      open[j] = 1;
      newCount++;
    }
  }
  return evaluateOpenSites(problem, prepared, open, newCount);
}

/**
 * evaluateSelection for an open-site mask (open[j] = 1, fixed sites included) with `newCount`
 * of them new. Pass `assignment` to reuse a capacitated solver's work arrays.
 */
export function evaluateOpenSites(
  problem: SitingProblem,
  prepared: PreparedSiting,
  open: Uint8Array,
  newCount: number,
  assignment?: CapacitatedAssignment,
): SelectionEvaluation {
  if (prepared.capacitated) return evaluateCapacitated(problem, prepared, open, newCount, assignment ?? new CapacitatedAssignment(problem, prepared));
  const { matrix, weight, model, radiusM } = problem;
  const { byDemandStart, byDemandSite, byDemandCost } = matrix;
  const median = model === 'pmedian';
  const penalty = prepared.penaltyM;
  const n = matrix.demandCount;
  const out = new Int32Array(n).fill(-1);
  let covered = 0, costSum = 0, uncovered = 0, medianCost = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    let c = Infinity, j = -1;
    for (let q = byDemandStart[i], end = byDemandStart[i + 1]; q < end; q++) {
      if (!open[byDemandSite[q]]) continue;
      c = byDemandCost[q];
      j = byDemandSite[q];
      break;
    }
    const ok = j >= 0 && (median ? c < penalty : c <= radiusM);
    if (median) medianCost += w * (ok ? c : penalty);
    if (ok) {
      out[i] = j;
      covered += w;
      costSum += w * c;
    } else if (w > 0) uncovered++;
  }
  return {
    objective: median ? medianCost : model === 'lscp' ? newCount : covered,
    coveredWeight: covered,
    uncoveredCount: uncovered,
    meanCost: covered > 0 ? costSum / covered : 0,
    assignment: out,
  };
}

function evaluateCapacitated(
  problem: SitingProblem,
  prepared: PreparedSiting,
  open: Uint8Array,
  newCount: number,
  solver: CapacitatedAssignment,
): SelectionEvaluation {
  const { matrix, weight, model } = problem;
  const { byDemandStart, byDemandSite } = matrix;
  solver.solve(open);
  const n = matrix.demandCount;
  const out = new Int32Array(n).fill(-1);
  let uncovered = 0, unservedWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    let best = 0;
    for (let q = byDemandStart[i]; q < solver.usableEnd[i]; q++) {
      if (solver.flow[q] > best) {
        best = solver.flow[q];
        out[i] = byDemandSite[q];
      }
    }
    const left = solver.unserved[i];
    unservedWeight += left;
    if (w > 0 && left > 1e-9 * w) uncovered++;
  }
  const served = solver.served;
  return {
    objective: model === 'pmedian' ? solver.distanceSum + prepared.penaltyM * unservedWeight : model === 'lscp' ? newCount : served,
    coveredWeight: served,
    uncoveredCount: uncovered,
    meanCost: served > 0 ? solver.distanceSum / served : 0,
    assignment: out,
  };
}
