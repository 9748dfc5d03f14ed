import { detectChineseOffset } from '../core/crs/detect-chinese-offset.ts';
import { parseCrs } from '../core/crs/parse-crs.ts';
import { facilityTypeById } from '../core/facility-types.ts';
import type { DistanceMode } from '../core/distances-to-type.ts';
import { createHandlers, type Task } from '../../workers/analysis-handlers.ts';
import type { ComputeResponse, NetworkSummary } from '../../workers/protocol.ts';
import { loadDistanceTable, loadLayerTables } from '../io/analysis-tables.ts';
import type { LayerSource } from '../io/read-any-layer.ts';
import type { FieldMapping } from '../io/field-mapping/field-mapping.ts';
import { readMappedLayer } from '../io/field-mapping/read-mapped-layer.ts';
import type { RowDecision } from '../io/field-mapping/row-problems.ts';
import { readCommunities, type CommunityLayer } from '../io/read-communities.ts';
import type { SqlDatabase } from '../io/sql-database.ts';
import type { FacilityTable, PopulationTable } from '../core/point-tables.ts';
import type { PopulationFields } from '../io/read-population.ts';
import type { WalkableRule } from '../core/walkable-rule.ts';
import type { PopulationMethod } from '../core/population/population-method.ts';
import type { PopulationSourceFiles } from '../io/read-population-source-files.ts';

/** A layer's file; `crs` (parseCrs syntax) defaults to the file's own (.prj, GeoJSON crs), else WGS84. */
export interface AreaFile {
  name: string;
  bytes: Uint8Array;
  crs?: string;
  /** Field mapping and row decisions (src/io/field-mapping), applied after reading. */
  mapping?: FieldMapping;
  rowDecision?: RowDecision;
  refuseRowProblems?: boolean;
}

export interface AreaFiles {
  /** `populationSource` (+ communities/buildings/landuse files): population as buildings or community totals. */
  population: AreaFile & { fields?: Partial<PopulationFields> } & Partial<PopulationSourceFiles>;
  facilities: AreaFile;
  network?: AreaFile;
  communities?: AreaFile;
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
  /** How the population file became population points (buildings, community totals); undefined = units as given. */
  populationMethod?: PopulationMethod;
  /** Per layer: the format, encoding and CRS it was read in (for summary.json). */
  sources: Partial<Record<keyof AreaFiles, LayerSource>>;
}

const noTask: Task = { progress: () => {}, checkpoint: async () => {} };

/**
 * The app's load-and-compute sequence without a browser: the same handlers the Web Worker runs
 * (called in-process), then the same DuckDB tables. Used by the CLI and the tests.
 */
export async function analyseArea(
  /** The database, or a function opening it, called only after every layer has loaded. */
  database: SqlDatabase | (() => Promise<SqlDatabase>),
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
  const c = files.communities;
  const comLayer = c ? await readMappedLayer(c.name, c.bytes, { crs: c.crs, kind: 'communities', mapping: c.mapping, rowDecision: c.rowDecision, refuseRowProblems: c.refuseRowProblems }) : undefined;
  const com = comLayer ? readCommunities(files.communities!.name, comLayer.text) : undefined;
  const { community } = com
    ? await time('assignCommunities', () => h.assignCommunities({ polygons: com.table.polygons }, noTask))
    : { community: new Int32Array(pop.table.length).fill(-1) };
  const types = opts.types ?? fac.table.types;
  const distances = await time('computeDistances', () =>
    h.computeDistances({ types, modes: opts.modes, limitM: opts.limitM, maxSnapM: opts.maxSnapM }, noTask),
  );
  const checks = layerChecks(files, fac.table, net, distances, opts.maxSnapM);
  await time('duckdb', async () => {
    const db = typeof database === 'function' ? await database() : database;
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
    warnings: [...pop.warnings, ...fac.warnings, ...(net?.warnings ?? []), ...(comLayer?.warnings ?? []), ...(com?.warnings ?? []), ...checks],
    timingsMs,
    populationMethod: pop.method,
    sources: {
      population: pop.source,
      facilities: fac.source,
      ...(comLayer ? { communities: comLayer.source } : {}),
      ...(files.network ? { network: networkSource(files.network) } : {}),
    },
  };
}

/**
 * Problems only visible with the layers together, as warnings (the numbers are still computed):
 * every facility off the network (wrong place or wrong coordinate system), and facility points
 * that sit markedly closer to the streets after a GCJ-02/BD-09 conversion (Amap/Baidu data
 * loaded as WGS84; not checked when the user gave the facilities' CRS).
 */
function layerChecks(files: AreaFiles, facilities: FacilityTable, net: NetworkSummary | undefined, distances: ComputeResponse, maxSnapM: number): string[] {
  const out: string[] = [];
  const name = files.facilities.name;
  if (net && facilities.length > 0 && distances.offNetwork.facilities === facilities.length)
    out.push(`${name}: all ${facilities.length} facilities are more than ${maxSnapM} m from a walkable street, so none is reachable on foot: check that the facilities and the street network cover the same area and coordinate system`);
  if (net && !files.facilities.crs && facilities.length >= 20) {
    const check = detectChineseOffset(facilities.coords, net.segments);
    if (check.suggestion) {
      const after = check.suggestion === 'gcj02' ? check.medianM.gcj02 : check.medianM.bd09;
      out.push(
        `${name}: the points look like ${check.suggestion === 'gcj02' ? 'GCJ-02 (Amap/高德, Tencent)' : 'BD-09 (Baidu/百度)'} coordinates, not WGS84: the median distance to the nearest street is ${Math.round(check.medianM.asLoaded)} m as loaded and ${Math.round(after)} m after converting. If so, load them with --facilities-crs ${check.suggestion}`,
      );
    }
  }
  return out;
}

/** The network's CRS as given (OSM files and GeoJSON without a CRS are WGS84). */
function networkSource(f: AreaFile): LayerSource {
  const crs = parseCrs(f.crs ?? 'wgs84');
  return { format: /\.(geo)?json$/i.test(f.name) ? 'geojson' : 'osm', encoding: null, crs: crs.id, crsName: crs.name, crsFrom: f.crs ? 'argument' : 'default' };
}

/** Resolves a --type argument: a type id, a Chinese or English name, or the alias "school". */
export function resolveTypeId(arg: string, available: string[]): string {
  const alias: Record<string, string> = { school: 'primary_school', 学校: 'primary_school' };
  const wanted = alias[arg] ?? arg;
  const hit = available.find((id) => id === wanted || facilityTypeById(id)?.zh === wanted || facilityTypeById(id)?.en.toLowerCase() === wanted.toLowerCase());
  if (!hit) throw new Error(`Unknown facility type "${arg}". Types in this data: ${available.join(', ')}`);
  return hit;
}
