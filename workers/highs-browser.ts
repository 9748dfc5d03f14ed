import loadHighs from 'highs';
import wasmUrl from 'highs/runtime?url';
import type { MilpSolver } from '../src/core/siting/milp-models.ts';
import { highsMilpSolver } from '../src/io/highs-solver.ts';

/**
 * HiGHS in a browser worker. Vite emits highs.wasm as an asset (the package exports it as
 * `highs/runtime`) and `?url` gives its hashed URL, so the loader never guesses a path. Solves
 * block the calling thread: call this from a worker, not the page.
 */
let loaded: Promise<MilpSolver> | undefined;

/** Loads HiGHS once per worker (later calls share the runtime) and returns it as a MilpSolver. */
export function loadBrowserMilpSolver(): Promise<MilpSolver> {
  loaded ??= loadHighs({ locateFile: () => wasmUrl }).then(highsMilpSolver, (error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
