import loadHighs from 'highs';
import type { MilpSolver } from '../core/siting/milp-models.ts';
import { highsMilpSolver } from './highs-solver.ts';

let loaded: Promise<MilpSolver> | undefined;

/**
 * Loads HiGHS once per Node process (later calls share the runtime) and returns it as a
 * MilpSolver; the default loader finds node_modules/highs/build/highs.wasm by itself.
 */
export function loadNodeMilpSolver(): Promise<MilpSolver> {
  loaded ??= loadHighs().then(highsMilpSolver, (error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
