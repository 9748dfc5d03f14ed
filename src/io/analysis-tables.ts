import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { FacilityTable, PopulationTable } from '../core/point-tables.ts';
import type { SqlDatabase } from './sql-database.ts';

const ipc = (columns: Parameters<typeof tableFromArrays>[0]) => tableToIPC(tableFromArrays(columns), 'stream');

/**
 * Loads the layers into DuckDB tables (geometry stays in JS; points keep lon/lat columns):
 *   population(idx, id, lon, lat, pop, community)  community = -1 when outside every unit
 *   facilities(idx, id, name, type, lon, lat)
 *   communities(idx, id, name, name_en)
 */
export async function loadLayerTables(
  db: SqlDatabase,
  layers: {
    population?: { table: PopulationTable; community: Int32Array };
    facilities?: FacilityTable;
    communities?: { ids: string[]; names: string[]; namesEn: string[] };
  },
): Promise<void> {
  const { population, facilities, communities } = layers;
  if (population) {
    const t = population.table;
    await db.insertArrowIpc('population', ipc({
      idx: Int32Array.from({ length: t.length }, (_, i) => i),
      id: t.ids,
      lon: Float64Array.from({ length: t.length }, (_, i) => t.coords[2 * i]),
      lat: Float64Array.from({ length: t.length }, (_, i) => t.coords[2 * i + 1]),
      pop: t.pop,
      community: population.community,
    }));
  }
  if (facilities) {
    const f = facilities;
    await db.insertArrowIpc('facilities', ipc({
      idx: Int32Array.from({ length: f.length }, (_, i) => i),
      id: f.ids,
      name: f.names.map((n) => n ?? ''),
      type: Array.from(f.typeIndex, (k) => f.types[k]),
      lon: Float64Array.from({ length: f.length }, (_, i) => f.coords[2 * i]),
      lat: Float64Array.from({ length: f.length }, (_, i) => f.coords[2 * i + 1]),
    }));
  }
  if (communities) {
    await db.insertArrowIpc('communities', ipc({
      idx: Int32Array.from(communities.ids, (_, i) => i),
      id: communities.ids,
      name: communities.names,
      name_en: communities.namesEn,
    }));
  }
}

/** One facility type's distances per population unit, in one mode. */
export interface TypeDistances {
  type: string;
  mode: 'network' | 'straight';
  /** Metres per population unit; NaN = off-network, Infinity = none within the search limit. */
  distance: Float64Array;
  /** Facility index (in the full facility table) or -1. */
  facility: Int32Array;
}

/** Replaces the `distances(unit, type, mode, dist, facility)` table (long format). */
export async function loadDistanceTable(db: SqlDatabase, results: TypeDistances[]): Promise<void> {
  const n = results.reduce((s, r) => s + r.distance.length, 0);
  const unit = new Int32Array(n);
  const dist = new Float64Array(n);
  const facility = new Int32Array(n);
  const type: string[] = new Array(n);
  const mode: string[] = new Array(n);
  let k = 0;
  for (const r of results) {
    for (let i = 0; i < r.distance.length; i++, k++) {
      unit[k] = i;
      dist[k] = r.distance[i];
      facility[k] = r.facility[i];
      type[k] = r.type;
      mode[k] = r.mode;
    }
  }
  await db.insertArrowIpc('distances', ipc({ unit, type, mode, dist, facility }));
}
