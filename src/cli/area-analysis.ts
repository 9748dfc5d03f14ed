import { facilityTypeById } from '../core/facility-types.ts';
import type { DistanceMode } from '../core/distances-to-type.ts';
import { createHandlers, type Task } from '../../workers/analysis-handlers.ts';
import type { ComputeResponse, NetworkSummary } from '../../workers/protocol.ts';
import { loadDistanceTable, loadLayerTables } from '../io/analysis-tables.ts';
import { readCommunities, type CommunityLayer } from '../io/read-communities.ts';
import type { SqlDatabase } from '../io/sql-database.ts';
import type { FacilityTable, PopulationTable } from '../core/point-tables.ts';
import type { PopulationFields } from '../io/read-population.ts';
import type { WalkableRule } from '../core/walkable-rule.ts';

export interface AreaFiles {
  population: { name: string; bytes: Uint8Array; fields?: Partial<PopulationFields> };
  facilities: { name: string; bytes: Uint8Array };
  network?: { name: string; bytes: Uint8Array };
  communities?: { name: string; bytes: Uint8Array };
}

export interface AreaAnalysis {
  population: PopulationTable;
  facilities: FacilityTable;
  communities?: CommunityLayer;
  community: Int32Array;
  network?: NetworkSummary;
  distances: ComputeResponse;
  warnings: string[];
  timingsMs: Record<string, number>;
}

const noTask: Task = { progress: () => {}, checkpoint: async () => {} };

/**
 * The app's load-and-compute sequence without a browser: the same handlers the Web Worker runs
 * (called in-process), then the same DuckDB tables. Used by the CLI and the tests.
 */
export async function analyseArea(
  db: SqlDatabase,
  files: AreaFiles,
  opts: { modes: DistanceMode[]; limitM: number; maxSnapM: number; types?: string[]; rule?: WalkableRule },
): Promise<AreaAnalysis> {
  const h = createHandlers();
  const timingsMs: Record<string, number> = {};
  const time = async <T>(label: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await fn();
    timingsMs[label] = Math.round((performance.now() - t0) * 10) / 10;
    return r;
  };
  const pop = await time('loadPopulation', () => h.loadPopulation(files.population, noTask));
  const fac = await time('loadFacilities', () => h.loadFacilities(files.facilities, noTask));
  const net = files.network ? await time('loadNetwork', () => h.loadNetwork({ ...files.network!, ...(opts.rule ? { rule: opts.rule } : {}) }, noTask)) : undefined;
  const com = files.communities ? readCommunities(files.communities.name, new TextDecoder().decode(files.communities.bytes)) : undefined;
  const { community } = com
    ? await time('assignCommunities', () => h.assignCommunities({ polygons: com.table.polygons }, noTask))
    : { community: new Int32Array(pop.table.length).fill(-1) };
  const types = opts.types ?? fac.table.types;
  const distances = await time('computeDistances', () =>
    h.computeDistances({ types, modes: opts.modes, limitM: opts.limitM, maxSnapM: opts.maxSnapM }, noTask),
  );
  await time('duckdb', async () => {
    await loadLayerTables(db, {
      population: { table: pop.table, community },
      facilities: fac.table,
      communities: com ? com.table : { ids: [], names: [], namesEn: [] },
    });
    await loadDistanceTable(db, distances.results);
  });
  return {
    population: pop.table,
    facilities: fac.table,
    communities: com?.table,
    community,
    network: net,
    distances,
    warnings: [...pop.warnings, ...fac.warnings, ...(net?.warnings ?? []), ...(com?.warnings ?? [])],
    timingsMs,
  };
}

/** Resolves a --type argument: a type id, a Chinese or English name, or the alias "school". */
export function resolveTypeId(arg: string, available: string[]): string {
  const alias: Record<string, string> = { school: 'primary_school', 学校: 'primary_school' };
  const wanted = alias[arg] ?? arg;
  const hit = available.find((id) => id === wanted || facilityTypeById(id)?.zh === wanted || facilityTypeById(id)?.en.toLowerCase() === wanted.toLowerCase());
  if (!hit) throw new Error(`Unknown facility type "${arg}". Types in this data: ${available.join(', ')}`);
  return hit;
}
