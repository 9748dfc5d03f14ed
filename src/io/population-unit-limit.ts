import { LoadError } from './load-error.ts';

/**
 * The most population units a layer may have: 2,000,000. Every unit gets one distance per facility
 * type and mode (17 types × 2 modes = 34 rows in the browser's DuckDB `distances` table, ~1 KB per
 * unit with the main thread's copies), and DuckDB-WASM lives in 4 GB of wasm memory: a million units
 * load in about a minute on 2 cores (bench/large-file.ts), a 200 MB CSV of 5 million points cannot.
 * Checked in the worker right after parsing, before the layer replaces the previous one.
 */
export const MAX_POPULATION_UNITS = 2_000_000;

export function checkPopulationUnits(name: string, units: number, limit = MAX_POPULATION_UNITS): void {
  if (units > limit)
    throw new LoadError(
      name,
      `${units.toLocaleString('en-US')} population units; Lifecircle analyses up to ${limit.toLocaleString('en-US')} in the browser ` +
        '(each unit gets a walking and a straight-line distance to every facility type). ' +
        'Sum the points into grid cells (e.g. 100 m) or clip the file to the study area, and load that.',
    );
}
