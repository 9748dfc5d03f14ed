import type { Highs, HighsCallbackMap, ModelStatusCode } from 'highs';
import type { MilpModel, MilpOutcome, MilpSolution, MilpSolveOptions, MilpSolver } from '../core/siting/milp-models.ts';

/**
 * HiGHS (wasm) as a MilpSolver. It only needs a loaded runtime, so it serves Node
 * (src/io/highs-node.ts) and the browser worker (workers/highs-browser.ts, wasm through Vite) alike.
 *
 * Each solve uses a fresh persistent model (structured CSR input, no LP text), disposed in
 * `finally`. The proven bound is HiGHS's `mip_dual_bound` info value after the run.
 */

/** How often (ms) at most onProgress is called during a solve. */
const PROGRESS_INTERVAL_MS = 200;

const STATUS_TEXT: Record<number, string> = {
  0: 'Not set', 1: 'Load error', 2: 'Model error', 3: 'Presolve error', 4: 'Solve error', 5: 'Postsolve error',
  6: 'Empty', 7: 'Optimal', 8: 'Infeasible', 9: 'Primal infeasible or unbounded', 10: 'Unbounded',
  11: 'Bound on objective reached', 12: 'Target for objective reached', 13: 'Time limit reached',
  14: 'Iteration limit reached', 15: 'Unknown', 16: 'Solution limit reached', 17: 'Interrupted',
};

function outcome(code: ModelStatusCode): MilpOutcome {
  switch (code) {
    case 7:
      return 'optimal';
    case 8:
    case 9:
      return 'infeasible';
    case 11:
    case 12:
    case 13:
    case 14:
    case 16:
    case 17:
      return 'limit';
    default:
      return 'error';
  }
}

function numberInfo(value: number | bigint): number {
  return typeof value === 'bigint' ? Number(value) : value;
}

/** Wraps a loaded HiGHS runtime as a MilpSolver. */
export function highsMilpSolver(highs: Highs): MilpSolver {
  return (m: MilpModel, options: MilpSolveOptions): MilpSolution => {
    let hasInteger = false;
    for (let k = 0; k < m.numCols; k++) if (m.integrality[k] !== 0) { hasInteger = true; break; }
    if (m.numCols === 0) {
      return { status: 'optimal', solverStatus: 'Empty', objective: m.offset, bound: m.offset, columnValues: new Float64Array(0) };
    }
    const model = highs.createModel({
      numCols: m.numCols,
      numRows: m.numRows,
      sense: m.sense === 'maximize' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
      offset: m.offset,
      colCost: m.colCost,
      colLower: m.colLower,
      colUpper: m.colUpper,
      rowLower: m.rowLower,
      rowUpper: m.rowUpper,
      matrix: { format: 'csr', numRows: m.numRows, numCols: m.numCols, starts: m.matrixStart, indices: m.matrixIndex, values: m.matrixValue },
      ...(hasInteger ? { integrality: m.integrality } : {}),
    });
    try {
      model.options.set({
        output_flag: false,
        ...(Number.isFinite(options.timeLimitS) ? { time_limit: Math.max(0, options.timeLimitS) } : {}),
        mip_rel_gap: options.mipRelGap ?? 0,
        presolve: options.presolve === false ? 'off' : 'choose',
        mip_heuristic_run_feasibility_jump: options.startHeuristics !== false,
      });
      if (m.start && hasInteger) model.setSolution({ colValue: m.start });
      let thrown: { error: unknown } | undefined;
      let callbacks: HighsCallbackMap | undefined;
      const onProgress = options.onProgress;
      if (onProgress && hasInteger) {
        let last = -Infinity;
        callbacks = {
          [highs.constants.callbackType.mipInterrupt](event) {
            if (thrown) {
              event.interrupt();
              return undefined;
            }
            const t = Date.now();
            if (t - last < PROGRESS_INTERVAL_MS) return undefined;
            last = t;
            const d = event.data;
            try {
              onProgress({
                runningTimeS: d.running_time ?? 0,
                primalBound: d.mip_primal_bound ?? NaN,
                dualBound: d.mip_dual_bound ?? NaN,
                gap: d.mip_gap ?? Infinity,
              });
            } catch (error) {
              thrown = { error };
              event.interrupt();
            }
            return undefined;
          },
        };
      }
      const run = model.run(callbacks);
      if (thrown) throw thrown.error;
      const code = run.modelStatus;
      const status = outcome(code);
      const solverStatus = STATUS_TEXT[code] ?? `status ${code}`;
      const hasSolution = numberInfo(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
      const objective = hasSolution ? model.getObjectiveValue() : NaN;
      let bound: number;
      if (hasInteger) {
        bound = numberInfo(model.info.get('mip_dual_bound'));
        if (status === 'optimal' && !Number.isFinite(bound)) bound = objective;
      } else bound = status === 'optimal' ? objective : NaN;
      return { status, solverStatus, objective, bound, columnValues: hasSolution ? model.getSolution().colValue : null };
    } finally {
      model.dispose();
    }
  };
}
