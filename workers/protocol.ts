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

export interface FilePayload {
  name: string;
  bytes: Uint8Array;
  /** The coordinates' CRS (see parseCrs: wgs84, gcj02, bd09, EPSG:<code>, .prj WKT); default: the file's own, else WGS84. */
  crs?: string;
  /** Text encoding; default `auto` (UTF-8 if valid, else GB18030). */
  encoding?: EncodingChoice;
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
  loadPopulation: [FilePayload & { fields?: Partial<PopulationFields> }, { table: PopulationTable; warnings: string[]; source?: LayerSource }];
  loadFacilities: [FilePayload, { table: FacilityTable; warnings: string[]; source?: LayerSource }];
  loadNetwork: [FilePayload & { rule?: WalkableRule }, NetworkSummary];
  /** Any point/polygon layer file to WGS84 GeoJSON/CSV text (readAnyLayer), for readers on the main thread. */
  readLayer: [FilePayload, { text: string; source: LayerSource; warnings: string[] }];
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
  | { id: number; ok: false; error: { name: string; message: string } };

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
