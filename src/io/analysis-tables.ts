import { tableToIPC } from 'apache-arrow';
import { tableFromColumns } from './arrow-table.ts';
import type { FacilityTable, PopulationTable } from '../core/point-tables.ts';
import type { SqlDatabase } from './sql-database.ts';

// tableFromColumns, not apache-arrow's tableFromArrays: the latter needs eval, which the app's CSP forbids.
const ipc = (columns: Parameters<typeof tableFromColumns>[0]) => tableToIPC(tableFromColumns(columns), 'stream');

/**
 * Rows per Arrow chunk. A million-row layer built and posted as one Arrow table holds the main
 * thread for seconds (string columns go through Arrow's builders); 65,536 rows take tens of ms, and
 * every chunk's insert is awaited, so the page keeps painting and a cancel is seen between chunks.
 */
export const INSERT_CHUNK_ROWS = 65_536;

export interface TableLoadOptions {
  signal?: AbortSignal;
  /** Rows inserted so far and in all (every table of the call together). */
  onProgress?: (done: number, total: number) => void;
  chunkRows?: number;
}

/**
 * Fills `<table>_next` chunk by chunk: `columns(from, to)` gives the Arrow columns of rows
 * [from, to); `select` maps the chunk's columns to the table's (default all). Nothing visible
 * changes until swapTables renames the staged tables, so queries of the previous snapshot keep
 * working and a cancel leaves the old tables whole.
 */
async function stageChunked(
  db: SqlDatabase,
  table: string,
  n: number,
  columns: (from: number, to: number) => Parameters<typeof tableFromColumns>[0],
  opts: TableLoadOptions & { select?: string; append?: boolean; tick?: (rows: number) => void },
): Promise<void> {
  const step = Math.max(1, opts.chunkRows ?? INSERT_CHUNK_ROWS);
  const select = `SELECT ${opts.select ?? '*'} FROM chunk_stage`;
  if (n === 0) {
    if (opts.append) return;
    // An empty layer still gets its table, typed from one placeholder row (an Arrow stream of
    // empty dictionary columns is refused by DuckDB).
    const placeholder = Object.fromEntries(Object.entries(columns(0, 0)).map(([k, v]) => [k, ArrayBuffer.isView(v) ? new (v.constructor as new (n: number) => typeof v)(1) : ['']]));
    await db.insertArrowIpc('chunk_stage', ipc(placeholder));
    await db.query(`CREATE OR REPLACE TABLE ${table}_next AS ${select} WHERE false`);
    return;
  }
  for (let from = 0; from < n; from += step) {
    if (opts.signal?.aborted) throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
    const to = Math.min(n, from + step);
    await db.insertArrowIpc('chunk_stage', ipc(columns(from, to)));
    await db.query(from === 0 && !opts.append ? `CREATE OR REPLACE TABLE ${table}_next AS ${select}` : `INSERT INTO ${table}_next ${select}`);
    opts.tick?.(to - from);
  }
}

/** Replaces each `t` by its staged `t_next` in one transaction (all or none). */
async function swapTables(db: SqlDatabase, tables: string[]): Promise<void> {
  await db.query('DROP TABLE IF EXISTS chunk_stage');
  await db.query(`BEGIN TRANSACTION; ${tables.map((t) => `DROP TABLE IF EXISTS ${t}; ALTER TABLE ${t}_next RENAME TO ${t};`).join(' ')} COMMIT`);
}

function range(from: number, to: number) {
  const out = new Int32Array(to - from);
  for (let i = 0; i < out.length; i++) out[i] = from + i;
  return out;
}
function everyOther(xy: Float64Array, from: number, to: number, k: 0 | 1) {
  const out = new Float64Array(to - from);
  for (let i = 0; i < out.length; i++) out[i] = xy[2 * (from + i) + k];
  return out;
}

type LayerTables = {
  population?: { table: PopulationTable; community: Int32Array };
  facilities?: FacilityTable;
  communities?: { ids: string[]; names: string[]; namesEn: string[] };
};

/**
 * Loads the layers into DuckDB tables (geometry stays in JS; points keep lon/lat columns):
 *   population(idx, id, lon, lat, pop, community)  community = -1 when outside every unit
 *   facilities(idx, id, name, type, lon, lat)
 *   communities(idx, id, name, name_en)
 */
export async function loadLayerTables(db: SqlDatabase, layers: LayerTables, opts: TableLoadOptions = {}): Promise<void> {
  await loadAnalysisTables(db, layers, undefined, opts);
}

/**
 * The layers and (when given) the distances, staged in chunks and swapped in together, so the
 * population and distance tables always belong to the same snapshot.
 */
export async function loadAnalysisTables(db: SqlDatabase, layers: LayerTables, results: TypeDistances[] | undefined, opts: TableLoadOptions = {}): Promise<void> {
  const { population, facilities, communities } = layers;
  const total = (population?.table.length ?? 0) + (facilities?.length ?? 0) + (results ?? []).reduce((s, r) => s + r.distance.length, 0);
  let done = 0;
  const tick = (rows: number) => opts.onProgress?.((done += rows), total);
  const o = { ...opts, tick };
  const swapped: string[] = [];
  if (population) {
    const t = population.table;
    await stageChunked(db, 'population', t.length, (a, b) => ({
      idx: range(a, b),
      id: t.ids.slice(a, b),
      lon: everyOther(t.coords, a, b, 0),
      lat: everyOther(t.coords, a, b, 1),
      pop: t.pop.slice(a, b),
      community: population.community.slice(a, b),
    }), o);
    swapped.push('population');
  }
  if (facilities) {
    const f = facilities;
    await stageChunked(db, 'facilities', f.length, (a, b) => ({
      idx: range(a, b),
      id: f.ids.slice(a, b),
      name: f.names.slice(a, b).map((n) => n ?? ''),
      type: Array.from(f.typeIndex.subarray(a, b), (k) => f.types[k]),
      lon: everyOther(f.coords, a, b, 0),
      lat: everyOther(f.coords, a, b, 1),
    }), o);
    swapped.push('facilities');
  }
  if (communities) {
    await stageChunked(db, 'communities', communities.ids.length, (a, b) => ({
      idx: range(a, b),
      id: communities.ids.slice(a, b),
      name: communities.names.slice(a, b),
      name_en: communities.namesEn.slice(a, b),
    }), { ...o, tick: undefined });
    swapped.push('communities');
  }
  if (results) {
    await stageDistances(db, results, o);
    swapped.push('distances');
  }
  await swapTables(db, swapped);
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
export async function loadDistanceTable(db: SqlDatabase, results: TypeDistances[], opts: TableLoadOptions = {}): Promise<void> {
  await stageDistances(db, results, opts);
  await swapTables(db, ['distances']);
}

/**
 * One (type, mode) at a time, numbers only: the type and mode are SQL constants, so no string
 * column of units × types rows is ever built in JavaScript (34 M strings for a million units).
 */
async function stageDistances(db: SqlDatabase, results: TypeDistances[], opts: TableLoadOptions & { tick?: (rows: number) => void }) {
  await db.query('CREATE OR REPLACE TABLE distances_next (unit INTEGER, type VARCHAR, mode VARCHAR, dist DOUBLE, facility INTEGER)');
  const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
  for (const r of results) {
    // Numeric chunks are cheap to build (subarrays): four times the rows per chunk.
    await stageChunked(db, 'distances', r.distance.length, (a, b) => ({ unit: range(a, b), dist: r.distance.subarray(a, b), facility: r.facility.subarray(a, b) }), {
      ...opts,
      chunkRows: 4 * (opts.chunkRows ?? INSERT_CHUNK_ROWS),
      select: `unit, ${sqlString(r.type)} AS type, ${sqlString(r.mode)} AS mode, dist, facility`,
      append: true,
    });
  }
}
