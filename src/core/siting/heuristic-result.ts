import { evaluateOpenSites } from './evaluate-selection.ts';
import type { CapacitatedAssignment } from './capacitated-assignment.ts';
import type { PreparedSiting } from './prepare-siting.ts';
import { sitingNow } from './siting-clock.ts';
import type { SitingProblem, SitingResult } from './siting-problem.ts';

/** Relative tolerance under which a bound proves the objective optimal. */
export const PROOF_TOLERANCE = 1e-9;

export interface HeuristicOutcome {
  algorithm: string;
  /** New sites in selection order, with the gain of each measured in that order. */
  selected: Int32Array;
  marginalGain: Float64Array;
  /** Best proven bound: upper for MCLP, lower for LSCP and p-median. */
  bound: number;
  /** True when the selection is the only feasible one (p = 0 or p = all free sites). */
  onlyFeasible?: boolean;
  startedMs: number;
  assignment?: CapacitatedAssignment;
}

/**
 * Packs a heuristic's selection into a SitingResult: evaluates it afresh (so objective and the
 * coverage fields follow evaluateSelection exactly), clamps the bound to the objective's side
 * (rounding only), and calls it optimal when the bound closes the gap to within
 * PROOF_TOLERANCE × max(1, objective) (LSCP: bound ≥ objective, both site counts).
 */
export function heuristicResult(problem: SitingProblem, prepared: PreparedSiting, outcome: HeuristicOutcome): SitingResult {
  const open = prepared.isFixed.slice();
  for (const j of outcome.selected) open[j] = 1;
  const e = evaluateOpenSites(problem, prepared, open, outcome.selected.length, outcome.assignment);
  const objective = e.objective;
  const maximise = problem.model === 'mclp';
  let bound = maximise ? Math.max(outcome.bound, objective) : Math.min(outcome.bound, objective);
  const slack = problem.model === 'lscp' ? 0 : PROOF_TOLERANCE * Math.max(1, Math.abs(objective));
  const optimal = outcome.onlyFeasible === true || Math.abs(bound - objective) <= slack;
  if (optimal) bound = objective;
  return {
    model: problem.model,
    method: 'heuristic',
    algorithm: outcome.algorithm,
    status: optimal ? 'optimal' : 'feasible',
    selected: outcome.selected,
    marginalGain: outcome.marginalGain,
    objective,
    bound,
    gap: optimal ? 0 : Math.abs(bound - objective) / Math.max(Math.abs(objective), 1e-9),
    coveredWeight: e.coveredWeight,
    uncoveredCount: e.uncoveredCount,
    meanCost: e.meanCost,
    assignment: e.assignment,
    elapsedMs: sitingNow() - outcome.startedMs,
  };
}

/** An 'infeasible' result: no selection; objective, bound and gap NaN; coverage fields for the fixed sites alone. */
export function infeasibleHeuristicResult(
  problem: SitingProblem,
  prepared: PreparedSiting,
  algorithm: string,
  message: string,
  startedMs: number,
): SitingResult {
  const e = evaluateOpenSites(problem, prepared, prepared.isFixed.slice(), 0);
  return {
    model: problem.model,
    method: 'heuristic',
    algorithm,
    status: 'infeasible',
    selected: new Int32Array(0),
    marginalGain: new Float64Array(0),
    objective: NaN,
    bound: NaN,
    gap: NaN,
    coveredWeight: e.coveredWeight,
    uncoveredCount: e.uncoveredCount,
    meanCost: e.meanCost,
    assignment: e.assignment,
    message,
    elapsedMs: sitingNow() - startedMs,
  };
}
