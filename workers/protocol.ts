/**
 * The one worker boundary: each message name maps to [request, response]. Only plain objects and
 * typed arrays cross; every typed array's buffer is transferred, not copied.
 *
 *   main ──{id, type, payload}──▶ worker        main ◀──{id, progress}── worker (0..n times)
 *   main ──{cancel: id}────────▶ worker        main ◀──{id, ok, result | error}── worker (once)
 */
import type { DistanceMode } from '../src/core/distances-to-type.ts';
import type { GraphStats } from '../src/core/graph-stats.ts';
import type { FacilityTable, PopulationTable } from '../src/core/point-tables.ts';
import type { PolygonColumns } from '../src/core/polygon-columns.ts';
import type { GapPolygon } from '../src/core/gap-polygons.ts';
import type { AreaSitingRequest, AreaSitingResponse, GapRequest } from '../src/core/siting/site-in-area.ts';
import type { WalkableRule } from '../src/core/walkable-rule.ts';
import type { TypeDistances } from '../src/io/analysis-tables.ts';
import type { EncodingChoice } from '../src/io/decode-text.ts';
import type { LayerSource } from '../src/io/read-any-layer.ts';
import type { PopulationFields } from '../src/io/read-population.ts';
import type { FieldMapping, MappedKind } from '../src/io/field-mapping/field-mapping.ts';
import type { LayerInspection } from '../src/io/field-mapping/inspect-layer-table.ts';
import type { RowDecision } from '../src/io/field-mapping/row-problems.ts';
import type { PopulationSourceFiles } from '../src/io/read-population-source-files.ts';
import type { PopulationMethod } from '../src/core/population/population-method.ts';

export interface FilePayload {
  name: string;
  bytes: Uint8Array;
  /** The coordinates' CRS (see parseCrs: wgs84, gcj02, bd09, EPSG:<code>, .prj WKT); default: the file's own, else WGS84. */
  crs?: string;
  /** Text encoding; default `auto` (UTF-8 if valid, else GB18030). */
  encoding?: EncodingChoice;
  /** Which column is what (src/io/field-mapping), applied after reading and before the layer's reader. */
  mapping?: FieldMapping;
  /** Fix or skip rows with problems, per kind of problem; unanswered kinds are left to the reader. */
  rowDecision?: RowDecision;
  /** Stop with the row problems listed when any has no decision (the CLI with a mapping). */
  refuseRowProblems?: boolean;
}

export interface NetworkSummary {
  stats: GraphStats;
  /** Segments of every component except the largest: [lon0, lat0, lon1, lat1] per segment. */
  isolatedSegments: Float64Array;
  /** All edges as segments [lon0, lat0, lon1, lat1] (for drawing the graph). */
  segments: Float64Array;
  warnings: string[];
}

export interface ComputeRequest {
  types: string[];
  modes: DistanceMode[];
  /** Network search limit, metres. */
  limitM: number;
  /** Maximum connector length to the network, metres. */
  maxSnapM: number;
}

export interface ComputeResponse {
  results: TypeDistances[];
  offNetwork: { origins: number; facilities: number };
  /** Per population unit: connector length to the network (metres; NaN = off-network). */
  originSnapM: Float64Array | null;
}

export interface ServiceAreaRequest {
  /** Facility index in the loaded facility table. */
  facility: number;
  /** Level distances in metres, ascending (e.g. 300, 500, 1000). */
  levelsM: number[];
  maxSnapM: number;
}

export interface ServiceAreaResponse {
  /** Reached edge pieces [lon0, lat0, lon1, lat1] with the walking distance at each end. */
  segments: Float64Array;
  startM: Float64Array;
  endM: Float64Array;
  /** Outline polygon per level (outer ring lon/lat, interleaved), empty when nothing reached. */
  outlines: Float64Array[];
  snapped: boolean;
}

export type Messages = {
  /** `source`: the detected format, encoding and CRS, for the UI to show and override. */
  /** `populationSource` (+ its communities/buildings/landuse files): buildings or community totals instead of units; `method` states what was done. */
  loadPopulation: [FilePayload & { fields?: Partial<PopulationFields> } & Partial<PopulationSourceFiles>, { table: PopulationTable; warnings: string[]; source?: LayerSource; method?: PopulationMethod }];
  loadFacilities: [FilePayload, { table: FacilityTable; warnings: string[]; source?: LayerSource }];
  loadNetwork: [FilePayload & { rule?: WalkableRule }, NetworkSummary];
  /** Any point/polygon layer file to WGS84 GeoJSON/CSV text (readAnyLayer), for readers on the main thread. */
  readLayer: [FilePayload, { text: string; source: LayerSource; warnings: string[] }];
  /** What a file holds (columns, samples, guessed mapping, row problems under `mapping`), for the field-mapping dialog. */
  inspectLayer: [FilePayload & { kind: MappedKind }, LayerInspection];
  assignCommunities: [{ polygons: PolygonColumns }, { community: Int32Array }];
  computeDistances: [ComputeRequest, ComputeResponse];
  serviceArea: [ServiceAreaRequest, ServiceAreaResponse];
  /** Service gaps of one type: uncovered residents on a grid, merged into ranked polygons. */
  serviceGaps: [GapRequest, { gaps: GapPolygon[] }];
  /** Location-allocation for one type (blocking inside the worker: cancel terminates the worker). */
  site: [AreaSitingRequest, AreaSitingResponse];
};

export type MessageName = keyof Messages;
export type RequestOf<K extends MessageName> = Messages[K][0];
export type ResponseOf<K extends MessageName> = Messages[K][1];

export type WorkerRequest = { id: number; type: MessageName; payload: unknown } | { cancel: number };
export type WorkerReply =
  | { id: number; progress: { done: number; total: number; label: string } }
  | { id: number; ok: true; result: unknown }
  // messageZh: the Chinese message of a LoadError (src/core/load-error.ts), so the UI can show either language.
  | { id: number; ok: false; error: { name: string; message: string; messageZh?: string } };

/** Every ArrayBuffer under `value` (typed arrays in plain objects/arrays), for postMessage. */
export function transferList(value: unknown, out: ArrayBuffer[] = [], seen = new Set<unknown>()): ArrayBuffer[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    const buf = value.buffer;
    if (buf instanceof ArrayBuffer && !out.includes(buf)) out.push(buf);
    return out;
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) transferList(v, out, seen);
  return out;
}
