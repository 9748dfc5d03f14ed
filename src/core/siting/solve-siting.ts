import { solveExact, type MilpSolver } from './milp-models.ts';
import { sitingNow } from './siting-clock.ts';
import { solveLscpHeuristic } from './lscp-heuristic.ts';
import { solveMclpHeuristic } from './mclp-heuristic.ts';
import { solvePMedianHeuristic } from './p-median-heuristic.ts';
import type { SitingProblem, SitingProgress, SitingResult } from './siting-problem.ts';

export type MilpSolverLike = MilpSolver;

export interface SolveOptions {
  method: 'auto' | 'exact' | 'heuristic';
  timeLimitS: number;
  solver?: MilpSolver;
  progress?: SitingProgress;
}

/**
 * Above these model sizes (stored pairs that enter the MILP) `auto` keeps the heuristic result.
 * Measured on this 2-core machine (bench/siting.ts and the exact solver's tests): MCLP with 55k
 * pairs proves optimal in ≈ 4 s, with 850k pairs it runs past a 30 s limit; LSCP with 55k pairs
 * stops at the limit with a 7 % gap; p-median proves optimal up to ≈ 25–40k pairs. `exact` ignores
 * these limits and runs HiGHS with the time limit anyway.
 */
export const EXACT_PAIR_LIMIT = { mclp: 300_000, lscp: 20_000, pmedian: 40_000 } as const;

/** Pairs of the matrix a model uses: within the radius for covering models, all for p-median. */
export function modelPairs(problem: SitingProblem): number {
  if (problem.model === 'pmedian') return problem.matrix.byDemandSite.length;
  let n = 0;
  const cost = problem.matrix.bySiteCost;
  for (let q = 0; q < cost.length; q++) if (cost[q] <= problem.radiusM) n++;
  return n;
}

/**
 * Solves a siting problem. The heuristic always runs first (fast, and its solution is the
 * fallback); `exact` / `auto` then run the MILP with the time limit and keep whichever solution
 * is better, with the tighter of the two proven bounds. `auto` skips the MILP when the heuristic
 * already proved optimality or the model is above EXACT_PAIR_LIMIT.
 */
export function solveSiting(problem: SitingProblem, options: SolveOptions): SitingResult {
  const t0 = now();
  const { progress } = options;
  const heuristic = runHeuristic(problem, (f, l) => progress?.(options.method === 'heuristic' ? f : 0.2 * f, l));
  if (heuristic.status === 'infeasible' || options.method === 'heuristic') return heuristic;
  if (options.method === 'auto' && (heuristic.status === 'optimal' || !options.solver || modelPairs(problem) > EXACT_PAIR_LIMIT[problem.model])) return heuristic;
  if (!options.solver) throw new Error('The exact method needs the HiGHS solver, which is not available here.');
  // Warm start from the heuristic: the exact result can then never be worse than it.
  const exact = solveExact(problem, options.solver, { timeLimitS: options.timeLimitS, start: heuristic.selected, progress: (f, l) => progress?.(0.2 + 0.8 * f, l) });
  progress?.(1, 'done');
  if (exact.status === 'optimal' || exact.status === 'infeasible') return { ...exact, elapsedMs: now() - t0 };
  return combine(problem, heuristic, exact, now() - t0);
}

function runHeuristic(problem: SitingProblem, progress: SitingProgress): SitingResult {
  if (problem.model === 'mclp') return solveMclpHeuristic(problem, { progress });
  if (problem.model === 'lscp') return solveLscpHeuristic(problem, { progress });
  return solvePMedianHeuristic(problem, { progress });
}

/** The better of two solutions of the same problem, with the tighter proven bound and the gap recomputed. */
function combine(problem: SitingProblem, a: SitingResult, b: SitingResult, elapsedMs: number): SitingResult {
  const maximise = problem.model === 'mclp';
  const better = (x: SitingResult, y: SitingResult) => (maximise ? x.objective >= y.objective : x.objective <= y.objective);
  const best = b.status !== 'infeasible' && better(b, a) ? b : a;
  const bound = maximise ? Math.min(a.bound, b.bound) : Math.max(a.bound, b.bound);
  const gap = Math.abs(bound - best.objective) / Math.max(Math.abs(best.objective), 1e-9);
  const proven = gap <= 1e-9;
  return { ...best, bound, gap: proven ? 0 : gap, status: proven ? 'optimal' : 'feasible', algorithm: `${best.algorithm} (bound: ${a.algorithm} + ${b.algorithm})`, elapsedMs };
}

const now = sitingNow;
