import type { CostMatrix } from './cost-matrix.ts';
import { prepareSiting } from './prepare-siting.ts';
import { COVERAGE_TOLERANCE, type SitingProblem, type SitingProgress, type SitingResult, type SitingStatus } from './siting-problem.ts';

/**
 * Exact location-allocation: each SitingProblem becomes a mixed-integer linear programme, solved
 * by an injected MILP solver (HiGHS in practice; see src/io/highs-solver.ts and
 * workers/highs-browser.ts). This module only builds the model and reads the answer back, so it
 * runs unchanged in workers, Node and tests.
 *
 * Models (x_j binary for each free site, fixed sites are constants that are always open):
 * - MCLP: max Σ w_i y_i, y_i ≤ Σ_{free j covering i} x_j, 0 ≤ y_i ≤ 1, Σ x_j = min(p, free sites).
 *   Demand already covered by a fixed site is a constant (objective offset) and is dropped.
 *   Demand points with the same set of covering sites share one y (weights summed); demand with
 *   a single covering site needs no y at all (its weight goes onto that x_j).
 * - LSCP: min Σ x_j, Σ w_i y_i ≥ target·W − (weight fixed sites cover) − tolerance, same y rows.
 * - p-median: min Σ w_i c_ij z_ij + w_i f_i (1 − Σ_j z_ij) written as
 *   offset Σ w_i f_i + Σ w_i (c_ij − f_i) z_ij, with Σ_j z_ij ≤ 1 and z_ij ≤ x_j, where f_i is
 *   the cost of demand i with no new site: min(penaltyM, nearest fixed site). Only free sites
 *   nearer than f_i get a z (the others can never help), so the unserved variable u_i of the
 *   textbook form is the row slack; a demand with one such site folds onto that x_j.
 * - capacitated (capacity set): z_ij ≥ 0 fractional, Σ_j z_ij ≤ 1, Σ_i w_i z_ij ≤ C x_j (C for
 *   fixed sites), plus the valid z_ij ≤ x_j that tightens the relaxation. MCLP maximises Σ w z over
 *   pairs within the radius; LSCP needs Σ w z ≥ target; p-median as above with f_i = penaltyM.
 *
 * Zero-weight demand and demand without any usable pair never enter a model.
 */

// ---------------------------------------------------------------------------------------------
// The solver interface (implemented outside core)
// ---------------------------------------------------------------------------------------------

/** A MILP in the solver's native structured form: rowLower ≤ A·x ≤ rowUpper, colLower ≤ x ≤ colUpper. */
export interface MilpModel {
  sense: 'minimize' | 'maximize';
  /** Constant added to the objective (and to the reported bound). */
  offset: number;
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** Per column: 1 = integer, 0 = continuous. */
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** The constraint matrix A row-wise (CSR): row r is entries matrixStart[r] .. matrixStart[r+1]). No duplicate columns in a row. */
  matrixStart: Int32Array;
  matrixIndex: Int32Array;
  matrixValue: Float64Array;
  /** A feasible solution (every column) to start from, if known. */
  start?: Float64Array;
}

/** Solver progress, as HiGHS reports it during branch and bound (objective units, offset included). */
export interface MilpProgress {
  runningTimeS: number;
  /** Best incumbent objective (±Infinity before one is found). */
  primalBound: number;
  /** Best proven bound on the optimum. */
  dualBound: number;
  /** Relative gap HiGHS computes (Infinity before an incumbent). */
  gap: number;
}

export interface MilpSolveOptions {
  /** Wall-time limit, seconds (Infinity = none). */
  timeLimitS: number;
  /** Relative gap at which the solver may stop and report optimal. Default 0 (prove optimality). */
  mipRelGap?: number;
  /**
   * Run the solver's presolve (default true). solveExact turns it off: on these models HiGHS
   * presolve reduces nothing and costs 16 s (MCLP, 10,000 × 1,000, 1.3 M nonzeros) or more.
   */
  presolve?: boolean;
  /**
   * Run the solver's own start heuristics such as HiGHS's feasibility jump (default true).
   * solveExact turns them off when the model carries a start solution (5 s saved at that size).
   */
  startHeuristics?: boolean;
  /**
   * Called now and then while solving (at most a few times a second). A thrown error interrupts
   * the solver, which then rethrows that error.
   */
  onProgress?: (progress: MilpProgress) => void;
}

/** optimal = proven (within mipRelGap); limit = stopped by a time/iteration/other limit or interrupt; infeasible; error = the solver failed. */
export type MilpOutcome = 'optimal' | 'limit' | 'infeasible' | 'error';

export interface MilpSolution {
  status: MilpOutcome;
  /** The solver's own status text, e.g. 'Optimal', 'Time limit reached'. */
  solverStatus: string;
  /** Objective of the returned solution, offset included (NaN without one). */
  objective: number;
  /** Best proven bound (MIP dual bound), offset included; ±Infinity or NaN when none is known. */
  bound: number;
  /** Values of every column of the best solution found, or null when there is none. */
  columnValues: Float64Array | null;
}

/** Solves one model synchronously (blocking); it may throw on solver errors or when onProgress throws. */
export type MilpSolver = (model: MilpModel, options: MilpSolveOptions) => MilpSolution;

export interface ExactOptions {
  /** Wall-time limit for the MILP solve, seconds. When hit, the best solution is reported as 'feasible'. */
  timeLimitS: number;
  progress?: SitingProgress;
  /**
   * New sites of a known solution (e.g. a heuristic's `selected`), given to the solver as its
   * start when it is valid (free sites; p of them, or meeting the LSCP target) and better than
   * the built-in greedy start. Then the exact result is never worse than that solution, even
   * when the time limit stops the solver early. Ignored for capacitated LSCP.
   */
  start?: ArrayLike<number>;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------


class ModelBuilder {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: number[] = [];
  readonly rowStart: number[] = [0];
  readonly rowIndex: number[] = [];
  readonly rowValue: number[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];

  addCol(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }
  entry(col: number, value: number): void {
    this.rowIndex.push(col);
    this.rowValue.push(value);
  }
  endRow(lower: number, upper: number): number {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    this.rowStart.push(this.rowIndex.length);
    return this.rowLower.length - 1;
  }
  build(sense: MilpModel['sense'], offset: number): MilpModel {
    return {
      sense,
      offset,
      numCols: this.cost.length,
      numRows: this.rowLower.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integrality: Int32Array.from(this.integer),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      matrixStart: Int32Array.from(this.rowStart),
      matrixIndex: Int32Array.from(this.rowIndex),
      matrixValue: Float64Array.from(this.rowValue),
    };
  }
}

interface Prepared {
  problem: SitingProblem;
  matrix: CostMatrix;
  n: number;
  m: number;
  weight: Float64Array;
  isFixed: Uint8Array;
  /** Free (candidate) sites, ascending. */
  free: Int32Array;
  /** Column of x_j for each free site j, -1 for fixed sites. */
  xCol: Int32Array;
  /** Σ weight, all demand. */
  totalWeight: number;
  capacitated: boolean;
  capacity: number;
  /** p-median penalty (finite). */
  penalty: number;
}

/** The shared validation (prepareSiting) plus the MILP's own column numbering of the free sites. */
function prepare(problem: SitingProblem): Prepared {
  const ps = prepareSiting(problem);
  const xCol = new Int32Array(ps.siteCount).fill(-1);
  ps.free.forEach((j, k) => (xCol[j] = k));
  return {
    problem, matrix: problem.matrix, n: ps.demandCount, m: ps.siteCount, weight: problem.weight, isFixed: ps.isFixed, free: ps.free, xCol,
    totalWeight: ps.totalWeight, capacitated: ps.capacitated, capacity: ps.capacity, penalty: ps.penaltyM,
  };
}

/** Whether a pair can serve: within the radius (MCLP/LSCP), or cheaper than the penalty (p-median: dearer pairs never help). */
function pairUsable(pr: Prepared, cost: number): boolean {
  return pr.problem.model === 'pmedian' ? cost < pr.penalty : cost <= pr.problem.radiusM;
}

// ---------------------------------------------------------------------------------------------
// Uncapacitated evaluation and greedy (used for the start solution, the selection order and bounds)
// ---------------------------------------------------------------------------------------------

/**
 * Per-demand state of an open set. Coverage models: cur[i] = 1 when covered. p-median:
 * cur[i] = current cost min(penalty, nearest open). value = covered weight or Σ w·cost.
 */
class OpenState {
  readonly cur: Float64Array;
  value = 0;
  constructor(private readonly pr: Prepared) {
    const { n, matrix, weight, isFixed } = pr;
    const median = pr.problem.model === 'pmedian';
    this.cur = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      let c = median ? pr.penalty : 0;
      for (let q = matrix.byDemandStart[i]; q < matrix.byDemandStart[i + 1]; q++) {
        if (!isFixed[matrix.byDemandSite[q]]) continue;
        const cost = matrix.byDemandCost[q];
        if (median) c = Math.min(c, cost);
        else if (cost <= pr.problem.radiusM) c = 1;
        break; // ascending by cost: the first fixed site is the nearest
      }
      this.cur[i] = c;
      this.value += w * c;
    }
  }
  /** Improvement (coverage gained, or cost reduced) from opening site j. */
  gain(j: number): number {
    const { matrix, weight } = this.pr;
    const median = this.pr.problem.model === 'pmedian';
    const r = this.pr.problem.radiusM;
    let g = 0;
    for (let q = matrix.bySiteStart[j]; q < matrix.bySiteStart[j + 1]; q++) {
      const i = matrix.bySiteDemand[q], c = matrix.bySiteCost[q];
      if (median) {
        if (c < this.cur[i]) g += weight[i] * (this.cur[i] - c);
      } else if (this.cur[i] === 0 && c <= r) g += weight[i];
    }
    return g;
  }
  open(j: number): void {
    const { matrix, weight } = this.pr;
    const median = this.pr.problem.model === 'pmedian';
    const r = this.pr.problem.radiusM;
    for (let q = matrix.bySiteStart[j]; q < matrix.bySiteStart[j + 1]; q++) {
      const i = matrix.bySiteDemand[q], c = matrix.bySiteCost[q];
      if (median) {
        if (c < this.cur[i]) {
          this.value -= weight[i] * (this.cur[i] - c);
          this.cur[i] = c;
        }
      } else if (this.cur[i] === 0 && c <= r) {
        this.cur[i] = 1;
        this.value += weight[i];
      }
    }
  }
}

/**
 * Greedy (lazy, exact same choices as plain greedy: largest gain, ties to the lower site index)
 * over `pool`: opens up to `count` sites, stopping early when `done()` says so. Returns the
 * order and each site's gain when added.
 */
function greedy(state: OpenState, pool: ArrayLike<number>, count: number, done?: () => boolean): { order: number[]; gains: number[] } {
  // Max-heap on (gain desc, site asc) with a stamp telling whether the gain is fresh.
  const size = pool.length;
  const site = new Int32Array(size), ub = new Float64Array(size), stamp = new Int32Array(size);
  for (let k = 0; k < size; k++) {
    site[k] = pool[k];
    ub[k] = state.gain(pool[k]);
  }
  const heap: number[] = [];
  const before = (a: number, b: number) => ub[a] > ub[b] || (ub[a] === ub[b] && site[a] < site[b]);
  const push = (k: number) => {
    heap.push(k);
    let c = heap.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!before(heap[c], heap[p])) break;
      [heap[c], heap[p]] = [heap[p], heap[c]];
      c = p;
    }
  };
  const pop = (): number => {
    const top = heap[0], last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1, r = l + 1;
        let best = c;
        if (l < heap.length && before(heap[l], heap[best])) best = l;
        if (r < heap.length && before(heap[r], heap[best])) best = r;
        if (best === c) break;
        [heap[c], heap[best]] = [heap[best], heap[c]];
        c = best;
      }
    }
    return top;
  };
  for (let k = 0; k < size; k++) push(k);
  const order: number[] = [], gains: number[] = [];
  let round = 0;
  while (order.length < count && heap.length > 0 && !(done && done())) {
    const k = pop();
    if (stamp[k] !== round) {
      ub[k] = state.gain(site[k]);
      stamp[k] = round;
      push(k);
      continue;
    }
    order.push(site[k]);
    gains.push(ub[k]);
    state.open(site[k]);
    round++;
  }
  return { order, gains };
}

/**
 * LSCP clean-up: closes sites of `open` (tried in the given order) whose demand stays covered by
 * other open sites (fixed ones included) as long as the covered weight stays ≥ need. Returns how
 * many it closed.
 */
function dropRedundant(pr: Prepared, open: Uint8Array, order: number[], need: number): number {
  const { n, matrix, weight, isFixed, problem } = pr;
  const r = problem.radiusM;
  const count = new Int32Array(n);
  let value = 0;
  for (let i = 0; i < n; i++) {
    for (let q = matrix.byDemandStart[i]; q < matrix.byDemandStart[i + 1] && matrix.byDemandCost[q] <= r; q++) {
      const j = matrix.byDemandSite[q];
      if (open[j] || isFixed[j]) count[i]++;
    }
    if (count[i] > 0) value += weight[i];
  }
  let dropped = 0;
  for (const j of order) {
    let loss = 0;
    for (let q = matrix.bySiteStart[j]; q < matrix.bySiteStart[j + 1]; q++) {
      if (matrix.bySiteCost[q] <= r && count[matrix.bySiteDemand[q]] === 1) loss += weight[matrix.bySiteDemand[q]];
    }
    if (value - loss < need) continue;
    open[j] = 0;
    value -= loss;
    dropped++;
    for (let q = matrix.bySiteStart[j]; q < matrix.bySiteStart[j + 1]; q++) if (matrix.bySiteCost[q] <= r) count[matrix.bySiteDemand[q]]--;
  }
  return dropped;
}

interface Evaluation {
  objective: number;
  coveredWeight: number;
  uncoveredCount: number;
  meanCost: number;
  assignment: Int32Array;
}

/** Uncapacitated: each demand goes to its nearest open site (coverage models: only within the radius). */
function evaluateUncapacitated(pr: Prepared, open: Uint8Array, selectedCount: number): Evaluation {
  const { n, matrix, weight, problem } = pr;
  const median = problem.model === 'pmedian';
  const assignment = new Int32Array(n).fill(-1);
  let covered = 0, costSum = 0, uncovered = 0, medianCost = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    let a = -1, c = Infinity;
    for (let q = matrix.byDemandStart[i]; q < matrix.byDemandStart[i + 1]; q++) {
      if (!open[matrix.byDemandSite[q]]) continue;
      if (median || matrix.byDemandCost[q] <= problem.radiusM) {
        a = matrix.byDemandSite[q];
        c = matrix.byDemandCost[q];
      }
      break;
    }
    assignment[i] = a;
    if (median) medianCost += w * Math.min(c, pr.penalty);
    if (a >= 0) {
      covered += w;
      costSum += w * c;
    } else if (w > 0) uncovered++;
  }
  return {
    objective: median ? medianCost : problem.model === 'lscp' ? selectedCount : covered,
    coveredWeight: covered,
    uncoveredCount: uncovered,
    meanCost: covered > 0 ? costSum / covered : 0,
    assignment,
  };
}

/**
 * A simple valid bound on the uncapacitated optimum, O(pairs): MCLP ≤ fixed-covered weight +
 * min(the p largest single-site gains, all coverable weight); LSCP ≥ the fewest sites whose
 * single-site gains could add up to what is needed; p-median ≥ the cost with every site open.
 */
function simpleBound(pr: Prepared, pEff: number, target: number): number {
  const { n, matrix, weight, problem } = pr;
  const state = new OpenState(pr);
  if (problem.model === 'pmedian') {
    let cost = 0;
    for (let i = 0; i < n; i++) {
      const q = matrix.byDemandStart[i];
      const nearest = q < matrix.byDemandStart[i + 1] ? matrix.byDemandCost[q] : Infinity;
      cost += weight[i] * Math.min(state.cur[i], nearest);
    }
    return cost;
  }
  const gains = Array.from(pr.free, (j) => state.gain(j)).sort((a, b) => b - a);
  if (problem.model === 'lscp') {
    let sum = state.value, k = 0;
    while (k < gains.length && sum < target) sum += gains[k++];
    return k;
  }
  let sum = 0, coverable = 0;
  for (let k = 0; k < pEff && k < gains.length; k++) sum += gains[k];
  for (let i = 0; i < n; i++) {
    if (state.cur[i] === 1 || !(weight[i] > 0)) continue;
    const q = matrix.byDemandStart[i];
    if (q < matrix.byDemandStart[i + 1] && matrix.byDemandCost[q] <= problem.radiusM) coverable += weight[i];
  }
  return state.value + Math.min(sum, coverable);
}

/** Sum of the k largest values (k ≤ values.length). */
function sumLargest(values: Float64Array, k: number): { sum: number; chosen: Int32Array } {
  const idx = Int32Array.from(values.keys()).sort((a, b) => values[b] - values[a] || a - b);
  const chosen = idx.subarray(0, k);
  let sum = 0;
  for (const j of chosen) sum += values[j];
  return { sum, chosen };
}

/**
 * Lagrangian bound for the uncapacitated MCLP (upper) or p-median (lower), by subgradient
 * optimisation with Polyak steps towards `incumbent` (a known solution's objective). MCLP relaxes
 * y_i ≤ Σ x_j with μ_i ≥ 0: L(μ) = covered-by-fixed + Σ_i max(0, w_i − μ_i) + the p largest
 * Σ_{i∈N_j} μ_i. p-median relaxes Σ_j z_ij ≤ 1 with λ_i ≥ 0: L(λ) = Σ_i (w_i f_i − λ_i) + the p
 * most negative Σ_i min(0, w_i (c_ij − f_i) + λ_i). Both start where they equal the simple bound,
 * so the result is never worse than it. Deterministic: a fixed iteration budget scaled by size.
 */
export function lagrangianBound(problem: SitingProblem, incumbent: number): number {
  const pr = prepare(problem);
  const { n, matrix, weight, free } = pr;
  if (pr.capacitated || problem.model === 'lscp') return NaN;
  const median = problem.model === 'pmedian';
  const pEff = median ? problem.p : Math.min(problem.p, free.length);
  if (pEff > free.length) return NaN;
  const state = new OpenState(pr); // cur: fixed coverage (0/1) or f_i
  const r = problem.radiusM;
  const F = free.length;
  // Per-demand multiplier and the site terms, over usable (free site, demand) pairs only.
  const mult = new Float64Array(n);
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!(weight[i] > 0)) continue;
    const q = matrix.byDemandStart[i];
    if (median) {
      // Start at λ_i = w_i (f_i − nearest free cost): L then equals the every-site-open bound.
      for (let t = q; t < matrix.byDemandStart[i + 1]; t++) {
        const c = matrix.byDemandCost[t];
        if (c >= state.cur[i]) break;
        if (pr.isFixed[matrix.byDemandSite[t]]) continue;
        mult[i] = weight[i] * (state.cur[i] - c);
        active[i] = 1;
        break;
      }
    } else if (state.cur[i] === 0 && q < matrix.byDemandStart[i + 1] && matrix.byDemandCost[q] <= r) {
      mult[i] = weight[i]; // μ_i = w_i: L then equals the sum of the p largest single-site gains
      active[i] = 1;
    }
  }
  const siteTerm = new Float64Array(F);
  const count = new Int32Array(n); // how many chosen sites "take" demand i
  let best = median ? -Infinity : Infinity;
  let theta = 2, sinceImproved = 0;
  const pairs = matrix.bySiteDemand.length;
  const iterations = Math.max(30, Math.min(300, Math.floor(1.5e8 / Math.max(1, pairs))));
  for (let it = 0; it < iterations; it++) {
    // Evaluate L at the current multipliers.
    let value = state.value;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      value += median ? -mult[i] : Math.max(0, weight[i] - mult[i]);
    }
    for (let k = 0; k < F; k++) {
      const j = free[k];
      let t = 0;
      for (let q = matrix.bySiteStart[j]; q < matrix.bySiteStart[j + 1]; q++) {
        const i = matrix.bySiteDemand[q];
        if (!active[i]) continue;
        const c = matrix.bySiteCost[q];
        if (median) {
          if (c < state.cur[i]) t += Math.min(0, weight[i] * (c - state.cur[i]) + mult[i]);
        } else if (c <= r) t += mult[i];
      }
      siteTerm[k] = median ? -t : t; // p-median: pick the most negative terms = largest −t
    }
    const { sum, chosen } = sumLargest(siteTerm, pEff);
    value += median ? -sum : sum;
    if (!Number.isFinite(best) || (median ? value > best + 1e-9 * Math.abs(best) : value < best - 1e-9 * Math.abs(best))) {
      best = value;
      sinceImproved = 0;
    } else if (++sinceImproved >= 20) {
      theta /= 2;
      sinceImproved = 0;
      if (theta < 1e-3) break;
    }
    if (Math.abs(value - incumbent) <= 1e-9 * Math.max(1, Math.abs(incumbent))) break;
    // Subgradient: p-median Σ_j z_ij − 1; MCLP y_i − Σ_{chosen j covering i} 1.
    count.fill(0);
    for (const k of chosen) {
      const j = free[k];
      for (let q = matrix.bySiteStart[j]; q < matrix.bySiteStart[j + 1]; q++) {
        const i = matrix.bySiteDemand[q];
        if (!active[i]) continue;
        const c = matrix.bySiteCost[q];
        if (median ? c < state.cur[i] && weight[i] * (c - state.cur[i]) + mult[i] < 0 : c <= r) count[i]++;
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      const g = median ? count[i] - 1 : (weight[i] > mult[i] ? 1 : 0) - count[i];
      norm += g * g;
    }
    if (norm === 0) break; // the relaxed solution is feasible: L is optimal
    const step = (theta * Math.abs(value - incumbent)) / norm;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      const g = median ? count[i] - 1 : (weight[i] > mult[i] ? 1 : 0) - count[i];
      mult[i] = Math.max(0, mult[i] + step * g);
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Capacitated evaluation (a transportation LP, solved by the injected solver)
// ---------------------------------------------------------------------------------------------

interface CapacitatedEvaluation extends Evaluation {
  /** Served weight (MCLP/LSCP: within the radius; p-median: any stored pair below the penalty). */
  served: number;
}

/**
 * The best split assignment for a fixed open set: max Σ w_i g_ij z_ij with Σ_j z_ij ≤ 1 and
 * Σ_i w_i z_ij ≤ C, where g = 1 (coverage) or penalty − c_ij (p-median savings).
 */
function evaluateCapacitated(pr: Prepared, open: Uint8Array, selectedCount: number, solver: MilpSolver): CapacitatedEvaluation {
  const { n, m, matrix, weight, problem } = pr;
  const median = problem.model === 'pmedian';
  const b = new ModelBuilder();
  const pairCol = new Int32Array(matrix.byDemandSite.length).fill(-1);
  const siteRows: number[][] = Array.from({ length: m }, () => []);
  let baseCost = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    if (median) baseCost += w * pr.penalty;
    if (!(w > 0)) continue;
    let any = false;
    for (let q = matrix.byDemandStart[i]; q < matrix.byDemandStart[i + 1]; q++) {
      const j = matrix.byDemandSite[q], c = matrix.byDemandCost[q];
      if (!open[j] || !pairUsable(pr, c)) continue;
      const col = b.addCol(median ? w * (pr.penalty - c) : w, 0, 1, false);
      pairCol[q] = col;
      siteRows[j].push(col, w);
      b.entry(col, 1);
      any = true;
    }
    if (any) b.endRow(-Infinity, 1);
  }
  for (let j = 0; j < m; j++) {
    const list = siteRows[j];
    if (list.length === 0) continue;
    for (let k = 0; k < list.length; k += 2) b.entry(list[k], list[k + 1]);
    b.endRow(-Infinity, pr.capacity);
  }
  let z: Float64Array = new Float64Array(0);
  if (b.cost.length > 0) {
    const sol = solver(b.build('maximize', 0), { timeLimitS: Infinity });
    if (sol.status !== 'optimal' || !sol.columnValues) throw new Error(`capacitated assignment LP failed: ${sol.solverStatus}`);
    z = sol.columnValues;
  }
  const assignment = new Int32Array(n).fill(-1);
  let served = 0, costSum = 0, uncovered = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    let total = 0, best = 0;
    for (let q = matrix.byDemandStart[i]; q < matrix.byDemandStart[i + 1]; q++) {
      const col = pairCol[q];
      if (col < 0) continue;
      const v = Math.min(1, Math.max(0, z[col]));
      if (v <= 1e-9) continue;
      total += v;
      costSum += w * v * matrix.byDemandCost[q];
      if (v > best + 1e-9) {
        best = v;
        assignment[i] = matrix.byDemandSite[q];
      }
    }
    total = Math.min(1, total);
    served += w * total;
    if (w > 0 && total < 1 - 1e-6) uncovered++;
  }
  const objective = median ? baseCost - (pr.penalty * served - costSum) : problem.model === 'lscp' ? selectedCount : served;
  return { objective, served, coveredWeight: served, uncoveredCount: uncovered, meanCost: served > 0 ? costSum / served : 0, assignment };
}

// ---------------------------------------------------------------------------------------------
// Model builders
// ---------------------------------------------------------------------------------------------

/** A model together with what is needed to read its solution back. */
export interface BuiltMilp {
  model: MilpModel;
  /** Column of x_j per site (-1 for fixed sites). */
  siteColumn: Int32Array;
  /** A simple valid bound on the optimum (used when the solver stops without one). */
  trivialBound: number;
}

/** Sort-free canonical hash of an ascending int list. */
function hashList(list: ArrayLike<number>, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) {
    h ^= list[k];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * MCLP / LSCP uncapacitated. Demand is grouped by its set of covering free sites; groups of one
 * site fold onto that x. `startOpen` is the start solution's open set (free sites).
 */
function buildCoverage(pr: Prepared, pEff: number, target: number, startOpen: Uint8Array | null): BuiltMilp {
  const { n, matrix, weight, xCol, free, problem, isFixed } = pr;
  const lscp = problem.model === 'lscp';
  const r = problem.radiusM;
  const F = free.length;
  // Covering free sites of each demand (ascending site index), flattened.
  const groupOf = new Map<number, number[]>();
  const groupStart: number[] = [0];
  const groupSites: number[] = [];
  const groupWeight: number[] = [];
  const single = new Float64Array(F);
  let fixedCovered = 0;
  const tmp: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    if (!(w > 0)) continue;
    tmp.length = 0;
    let byFixed = false;
    for (let q = matrix.byDemandStart[i]; q < matrix.byDemandStart[i + 1]; q++) {
      if (matrix.byDemandCost[q] > r) break;
      const j = matrix.byDemandSite[q];
      if (isFixed[j]) {
        byFixed = true;
        break;
      }
      tmp.push(xCol[j]);
    }
    if (byFixed) {
      fixedCovered += w;
      continue;
    }
    if (tmp.length === 0) continue;
    if (tmp.length === 1) {
      single[tmp[0]] += w;
      continue;
    }
    tmp.sort((a, b) => a - b);
    const h = hashList(tmp, 0, tmp.length);
    const bucket = groupOf.get(h);
    let found = -1;
    if (bucket) {
      for (const g of bucket) {
        const s = groupStart[g], e = groupStart[g + 1];
        if (e - s !== tmp.length) continue;
        let same = true;
        for (let k = 0; k < tmp.length; k++) if (groupSites[s + k] !== tmp[k]) { same = false; break; }
        if (same) { found = g; break; }
      }
    }
    if (found >= 0) groupWeight[found] += w;
    else {
      const g = groupWeight.length;
      groupWeight.push(w);
      for (const c of tmp) groupSites.push(c);
      groupStart.push(groupSites.length);
      if (bucket) bucket.push(g);
      else groupOf.set(h, [g]);
    }
  }
  const G = groupWeight.length;
  const b = new ModelBuilder();
  for (let k = 0; k < F; k++) b.addCol(lscp ? 1 : single[k], 0, 1, true);
  for (let g = 0; g < G; g++) b.addCol(lscp ? 0 : groupWeight[g], 0, 1, false);
  for (let g = 0; g < G; g++) {
    for (let k = groupStart[g]; k < groupStart[g + 1]; k++) b.entry(groupSites[k], -1);
    b.entry(F + g, 1);
    b.endRow(-Infinity, 0);
  }
  if (lscp) {
    for (let k = 0; k < F; k++) if (single[k] > 0) b.entry(k, single[k]);
    for (let g = 0; g < G; g++) b.entry(F + g, groupWeight[g]);
    b.endRow(target - fixedCovered, Infinity);
  } else {
    for (let k = 0; k < F; k++) b.entry(k, 1);
    b.endRow(pEff, pEff);
  }
  const model = b.build(lscp ? 'minimize' : 'maximize', lscp ? 0 : fixedCovered);
  if (startOpen) {
    const s = new Float64Array(model.numCols);
    for (let k = 0; k < F; k++) s[k] = startOpen[free[k]];
    for (let g = 0; g < G; g++) {
      for (let k = groupStart[g]; k < groupStart[g + 1]; k++) if (s[groupSites[k]] === 1) { s[F + g] = 1; break; }
    }
    model.start = s;
  }
  return { model, siteColumn: xCol, trivialBound: simpleBound(pr, pEff, target) };
}

/** p-median uncapacitated. */
function buildMedian(pr: Prepared, pEff: number, startOpen: Uint8Array | null): BuiltMilp {
  const { n, matrix, weight, xCol, free, isFixed } = pr;
  const F = free.length;
  const b = new ModelBuilder();
  for (let k = 0; k < F; k++) b.addCol(0, 0, 1, true);
  let offset = 0;
  const startZ: number[] = []; // (column, value) pairs of the start
  const tmpCol: number[] = [], tmpCost: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    if (!(w > 0)) continue;
    // Cost without new sites: the penalty or the nearest fixed site; free sites nearer than that.
    let f = pr.penalty;
    tmpCol.length = 0;
    tmpCost.length = 0;
    for (let q = matrix.byDemandStart[i]; q < matrix.byDemandStart[i + 1]; q++) {
      const c = matrix.byDemandCost[q];
      if (c >= f) break;
      const j = matrix.byDemandSite[q];
      if (isFixed[j]) {
        f = c;
        break;
      }
      tmpCol.push(xCol[j]);
      tmpCost.push(c);
    }
    offset += w * f;
    if (tmpCol.length === 0) continue;
    if (tmpCol.length === 1) {
      b.cost[tmpCol[0]] += w * (tmpCost[0] - f);
      continue;
    }
    const z0 = b.cost.length;
    for (let k = 0; k < tmpCol.length; k++) b.addCol(w * (tmpCost[k] - f), 0, 1, false);
    for (let k = 0; k < tmpCol.length; k++) b.entry(z0 + k, 1);
    b.endRow(-Infinity, 1);
    for (let k = 0; k < tmpCol.length; k++) {
      b.entry(tmpCol[k], -1);
      b.entry(z0 + k, 1);
      b.endRow(-Infinity, 0);
    }
    if (startOpen) {
      for (let k = 0; k < tmpCol.length; k++) {
        if (startOpen[free[tmpCol[k]]]) {
          startZ.push(z0 + k);
          break;
        }
      }
    }
  }
  for (let k = 0; k < F; k++) b.entry(k, 1);
  b.endRow(pEff, pEff);
  const model = b.build('minimize', offset);
  if (startOpen) {
    const s = new Float64Array(model.numCols);
    for (let k = 0; k < F; k++) s[k] = startOpen[free[k]];
    for (const c of startZ) s[c] = 1;
    model.start = s;
  }
  return { model, siteColumn: xCol, trivialBound: simpleBound(pr, pEff, 0) };
}

/** Capacitated MCLP / LSCP / p-median with fractional assignment. */
function buildCapacitated(pr: Prepared, pEff: number, target: number, startOpen: Uint8Array | null): BuiltMilp {
  const { n, m, matrix, weight, xCol, free, isFixed, problem } = pr;
  const model = problem.model;
  const median = model === 'pmedian', lscp = model === 'lscp';
  const F = free.length;
  const C = pr.capacity;
  const b = new ModelBuilder();
  for (let k = 0; k < F; k++) b.addCol(lscp ? 1 : 0, 0, 1, true);
  let offset = 0, coverable = 0, allOpenCost = 0;
  const siteEntries: number[][] = Array.from({ length: m }, () => []);
  const links: number[] = []; // (z column, x column) pairs
  // Start: greedy fill of each demand into its nearest open sites with capacity left.
  const capLeft = new Float64Array(m).fill(C);
  const startZ: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    if (median) offset += w * pr.penalty;
    if (!(w > 0)) continue;
    const z0 = b.cost.length;
    let left = 1, nearest = median ? pr.penalty : 0;
    for (let q = matrix.byDemandStart[i]; q < matrix.byDemandStart[i + 1]; q++) {
      const j = matrix.byDemandSite[q], c = matrix.byDemandCost[q];
      if (!pairUsable(pr, c)) break;
      if (b.cost.length === z0) nearest = median ? c : 1;
      const col = b.addCol(median ? w * (c - pr.penalty) : lscp ? 0 : w, 0, 1, false);
      siteEntries[j].push(col, w);
      if (!isFixed[j]) links.push(col, xCol[j]);
      if (startOpen && left > 0 && (isFixed[j] || startOpen[j]) && capLeft[j] > 0) {
        const v = Math.min(left, capLeft[j] / w);
        if (v > 0) {
          startZ.push(col, v);
          left -= v;
          capLeft[j] -= v * w;
        }
      }
    }
    if (b.cost.length === z0) {
      if (median) allOpenCost += w * pr.penalty;
      continue;
    }
    if (median) allOpenCost += w * nearest;
    else coverable += w;
    for (let c = z0; c < b.cost.length; c++) b.entry(c, 1);
    b.endRow(-Infinity, 1);
  }
  for (let j = 0; j < m; j++) {
    const list = siteEntries[j];
    if (list.length === 0) continue;
    for (let k = 0; k < list.length; k += 2) b.entry(list[k], list[k + 1]);
    if (isFixed[j]) b.endRow(-Infinity, C);
    else {
      b.entry(xCol[j], -C);
      b.endRow(-Infinity, 0);
    }
  }
  for (let k = 0; k < links.length; k += 2) {
    b.entry(links[k + 1], -1);
    b.entry(links[k], 1);
    b.endRow(-Infinity, 0);
  }
  let trivialBound: number;
  if (lscp) {
    for (let j = 0; j < m; j++) {
      const list = siteEntries[j];
      for (let k = 0; k < list.length; k += 2) b.entry(list[k], list[k + 1]);
    }
    b.endRow(target, Infinity);
    trivialBound = 0;
  } else {
    for (let k = 0; k < F; k++) b.entry(k, 1);
    b.endRow(pEff, pEff);
    trivialBound = median ? allOpenCost : coverable;
  }
  const built = b.build(median || lscp ? 'minimize' : 'maximize', median ? offset : 0);
  if (startOpen && !lscp) {
    const s = new Float64Array(built.numCols);
    for (let k = 0; k < F; k++) s[k] = startOpen[free[k]];
    for (let k = 0; k < startZ.length; k += 2) s[startZ[k]] = startZ[k + 1];
    built.start = s;
  }
  return { model: built, siteColumn: xCol, trivialBound };
}

/**
 * Builds the MILP of a problem (for inspection or for running a solver directly). The start
 * solution, when given, must be a feasible open set of free sites (1 = open, by site index).
 * Throws RangeError on invalid input; does not check feasibility (solveExact does).
 */
export function buildSitingMilp(problem: SitingProblem, startOpen: Uint8Array | null = null): BuiltMilp {
  const pr = prepare(problem);
  const pEff = problem.model === 'mclp' ? Math.min(problem.p, pr.free.length) : problem.p;
  const target = problem.model === 'lscp' ? problem.targetCoverage * pr.totalWeight - COVERAGE_TOLERANCE * Math.max(pr.totalWeight, 1) : 0;
  if (pr.capacitated) return buildCapacitated(pr, pEff, target, startOpen);
  return problem.model === 'pmedian' ? buildMedian(pr, pEff, startOpen) : buildCoverage(pr, pEff, target, startOpen);
}

// ---------------------------------------------------------------------------------------------
// solveExact
// ---------------------------------------------------------------------------------------------

function now(): number {
  return Date.now();
}

/** Whether objective a is strictly better than b (LSCP: fewer sites). */
function better(model: SitingProblem['model'], a: number, b: number): boolean {
  return model === 'mclp' ? a > b : a < b;
}

/** Whether a start of objective `value` is proven optimal by the simple bound. */
function startMeetsBound(model: SitingProblem['model'], value: number, bound: number): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(bound)) return false;
  const slack = 1e-9 * Math.max(1, Math.abs(bound));
  if (model === 'mclp') return value >= bound - slack;
  if (model === 'pmedian') return value <= bound + slack;
  return value <= bound; // LSCP: site counts
}

/**
 * Solves a siting problem exactly with the injected MILP solver. Status: 'optimal' when optimality
 * is proven (bound = objective, gap = 0); 'feasible' when the time limit stopped the solver (the
 * best solution found, with the best bound known and the gap); 'infeasible' with a message
 * (p-median with p > free sites, LSCP target beyond reach, or the solver says so), in which case
 * objective/bound/gap are NaN and the coverage fields describe the existing sites alone.
 *
 * Steps: a greedy start (LSCP: greedy then drop redundant sites; or options.start when better);
 * if it already meets a simple bound it is optimal and the solver is not called; otherwise the
 * MILP goes to the solver with that start (presolve off: it reduces nothing here and is slow). The
 * bound after a time limit is the tightest of the solver's MIP dual bound, the simple bound and,
 * for uncapacitated MCLP / p-median, a Lagrangian bound (lagrangianBound). Finally the chosen
 * sites are put in greedy order and every figure is recomputed from them.
 *
 * MCLP opens exactly min(p, free sites) new sites (SitingProblem's definition); p-median opens
 * exactly p and is infeasible when p exceeds the free sites.
 */
export function solveExact(problem: SitingProblem, solver: MilpSolver, options: ExactOptions): SitingResult {
  const t0 = now();
  const progress = options.progress;
  const pr = prepare(problem);
  const { model } = problem;
  const F = pr.free.length;
  const median = model === 'pmedian', lscp = model === 'lscp';
  const W = pr.totalWeight;
  const tol = COVERAGE_TOLERANCE * Math.max(W, 1);
  const target = lscp ? problem.targetCoverage * W : 0;
  progress?.(0, 'building MILP');

  const fixedOnly = () => Uint8Array.from(pr.isFixed);
  const withFixed = (open: Uint8Array) => open.map((v, j) => v | pr.isFixed[j]);
  const infeasible = (message: string): SitingResult => {
    const e = pr.capacitated ? evaluateCapacitated(pr, fixedOnly(), 0, solver) : evaluateUncapacitated(pr, fixedOnly(), 0);
    return {
      model, method: 'exact', algorithm: 'highs-milp', status: 'infeasible',
      selected: new Int32Array(0), marginalGain: new Float64Array(0),
      objective: NaN, bound: NaN, gap: NaN,
      coveredWeight: e.coveredWeight, uncoveredCount: e.uncoveredCount, meanCost: e.meanCost, assignment: e.assignment,
      message, elapsedMs: now() - t0,
    };
  };

  if (median && problem.p > F) return infeasible(`p-median: p = ${problem.p} new sites requested but only ${F} candidate site(s) are free`);
  const pEff = model === 'mclp' ? Math.min(problem.p, F) : problem.p;

  // Start solution and feasibility checks (cheap, no solver for the uncapacitated models).
  let startOpen: Uint8Array | null = null;
  let startValue = NaN; // objective of the greedy start (uncapacitated models)
  let trivial: Uint8Array | null = null; // a known optimal open set without solving
  if (lscp) {
    const all = new Uint8Array(pr.m).fill(1);
    const maxCover = pr.capacitated ? evaluateCapacitated(pr, all, F, solver).coveredWeight : evaluateUncapacitated(pr, all, F).coveredWeight;
    if (maxCover < target - tol) {
      return infeasible(`LSCP: the target ${(problem.targetCoverage * 100).toFixed(2)} % of ${W.toFixed(1)} persons (${target.toFixed(1)}) is beyond reach; opening every candidate covers ${maxCover.toFixed(1)} (${(W > 0 ? (100 * maxCover) / W : 0).toFixed(2)} %)`);
    }
    const base = pr.capacitated ? evaluateCapacitated(pr, fixedOnly(), 0, solver).coveredWeight : new OpenState(pr).value;
    if (base >= target - tol) trivial = new Uint8Array(pr.m);
    else if (!pr.capacitated) {
      const state = new OpenState(pr);
      const { order } = greedy(state, pr.free, F, () => state.value >= target - tol);
      startOpen = new Uint8Array(pr.m);
      for (const j of order) startOpen[j] = 1;
      startValue = order.length - dropRedundant(pr, startOpen, order.reverse(), target - tol);
    }
  } else {
    if (pEff === 0) trivial = new Uint8Array(pr.m);
    else if (pEff === F) trivial = Uint8Array.from({ length: pr.m }, (_, j) => (pr.isFixed[j] ? 0 : 1));
    else {
      const state = new OpenState(pr);
      const { order } = greedy(state, pr.free, pEff);
      startOpen = new Uint8Array(pr.m);
      for (const j of order) startOpen[j] = 1;
      startValue = state.value;
    }
  }

  if (options.start && !trivial && !(lscp && pr.capacitated)) {
    const open = new Uint8Array(pr.m);
    let count = 0, valid = true;
    for (let k = 0; k < options.start.length && valid; k++) {
      const j = options.start[k];
      valid = Number.isInteger(j) && j >= 0 && j < pr.m && !pr.isFixed[j] && !open[j];
      if (valid) {
        open[j] = 1;
        count++;
      }
    }
    if (valid && !pr.capacitated) {
      const e = evaluateUncapacitated(pr, withFixed(open), count);
      valid = lscp ? e.coveredWeight >= target - tol : count === pEff;
      if (valid && (!startOpen || better(model, e.objective, startValue))) {
        startOpen = open;
        startValue = e.objective;
      }
    } else if (valid && count === pEff) startOpen = open; // capacitated MCLP / p-median: trust the caller's set
  }

  let status: SitingStatus = 'optimal';
  let chosen: Uint8Array;
  let solverBound = NaN;
  let trivialBound = NaN;
  if (!trivial && !pr.capacitated) trivialBound = simpleBound(pr, pEff, target - tol);
  if (trivial) chosen = trivial;
  else if (!pr.capacitated && startOpen && startMeetsBound(model, startValue, trivialBound)) {
    chosen = startOpen; // the greedy start already meets the simple bound (e.g. covers all coverable demand)
  } else {
    const built = buildSitingMilp(problem, startOpen);
    if (pr.capacitated) trivialBound = built.trivialBound;
    progress?.(0.05, `solving MILP (${built.model.numCols} columns, ${built.model.numRows} rows)`);
    const timeLimitS = options.timeLimitS;
    const sol = solver(built.model, {
      timeLimitS,
      mipRelGap: 0,
      presolve: false,
      startHeuristics: built.model.start === undefined,
      onProgress: progress
        ? (p) => {
            const frac = Number.isFinite(timeLimitS) && timeLimitS > 0 ? Math.min(1, p.runningTimeS / timeLimitS) : 0;
            const gap = Number.isFinite(p.gap) ? `gap ${(100 * p.gap).toFixed(2)} %` : 'no incumbent yet';
            progress(0.05 + 0.9 * frac, `HiGHS ${p.runningTimeS.toFixed(1)} s: ${gap}`);
          }
        : undefined,
    });
    if (sol.status === 'error') throw new Error(`MILP solver failed: ${sol.solverStatus}`);
    if (sol.status === 'infeasible') return infeasible(`the MILP solver reports the ${model.toUpperCase()} model infeasible (${sol.solverStatus})`);
    status = sol.status === 'optimal' ? 'optimal' : 'feasible';
    solverBound = sol.bound;
    const values = sol.columnValues;
    chosen = new Uint8Array(pr.m);
    if (values) {
      for (let k = 0; k < F; k++) if (values[built.siteColumn[pr.free[k]]] > 0.5) chosen[pr.free[k]] = 1;
    } else if (startOpen) chosen = startOpen;
    else for (const j of pr.free) chosen[j] = 1; // capacitated LSCP without incumbent: every site (feasible, checked above)
    if (status !== 'optimal' && startOpen && values && !pr.capacitated) {
      const count = chosen.reduce((a, v) => a + v, 0);
      if (better(model, startValue, evaluateUncapacitated(pr, withFixed(chosen), count).objective)) {
        chosen = startOpen; // the solver stopped with an incumbent worse than the start it was given
      }
    }
  }
  progress?.(0.95, 'ordering the selected sites');

  // Selection order: greedy over the chosen sites, starting from the fixed ones.
  const chosenList = pr.free.filter((j) => chosen[j] === 1);
  const selected = new Int32Array(chosenList.length);
  const marginalGain = new Float64Array(chosenList.length);
  let evaluation: Evaluation;
  if (!pr.capacitated) {
    const { order, gains } = greedy(new OpenState(pr), chosenList, chosenList.length);
    selected.set(order);
    marginalGain.set(gains);
    const open = fixedOnly();
    for (const j of chosenList) open[j] = 1;
    evaluation = evaluateUncapacitated(pr, open, chosenList.length);
  } else {
    const open = fixedOnly();
    const base = evaluateCapacitated(pr, open, 0, solver);
    let value = median ? base.objective : base.served;
    const remaining = Array.from(chosenList); // ascending: ties go to the lower site index
    for (let k = 0; k < chosenList.length; k++) {
      let best = -1, bestGain = -Infinity, bestValue = 0;
      for (const j of remaining) {
        open[j] = 1;
        const e = evaluateCapacitated(pr, open, 0, solver);
        open[j] = 0;
        const v = median ? e.objective : e.served;
        const gain = median ? value - v : v - value;
        if (best < 0 || gain > bestGain + 1e-9 * Math.max(1, Math.abs(bestGain))) {
          best = j;
          bestGain = gain;
          bestValue = v;
        }
      }
      selected[k] = best;
      marginalGain[k] = bestGain;
      open[best] = 1;
      value = bestValue;
      remaining.splice(remaining.indexOf(best), 1);
    }
    evaluation = evaluateCapacitated(pr, open, chosenList.length, solver);
  }

  const objective = evaluation.objective;
  let bound: number, gap: number;
  if (status === 'optimal') {
    bound = objective;
    gap = 0;
  } else {
    const maximise = model === 'mclp';
    const tighter = (a: number, c: number) => (!Number.isFinite(a) ? c : !Number.isFinite(c) ? a : maximise ? Math.min(a, c) : Math.max(a, c));
    let b = tighter(solverBound, trivialBound);
    if (!lscp && !pr.capacitated) {
      progress?.(0.97, 'Lagrangian bound');
      b = tighter(b, lagrangianBound(problem, objective));
    }
    if (lscp) b = Math.ceil(b - 1e-6);
    bound = maximise ? Math.max(b, objective) : Math.min(b, objective);
    gap = Math.abs(bound - objective) / Math.max(Math.abs(objective), 1e-9);
    if (gap <= 1e-9) {
      status = 'optimal';
      gap = 0;
      bound = objective;
    }
  }
  progress?.(1, status === 'optimal' ? 'optimal' : `stopped at the time limit, gap ${(100 * gap).toFixed(2)} %`);
  return {
    model, method: 'exact', algorithm: 'highs-milp', status,
    selected, marginalGain, objective, bound, gap,
    coveredWeight: evaluation.coveredWeight, uncoveredCount: evaluation.uncoveredCount, meanCost: evaluation.meanCost,
    assignment: evaluation.assignment, elapsedMs: now() - t0,
  };
}
