import type { Preset } from '../core/presets/preset.ts';
import { validatePreset } from '../core/presets/validate-preset.ts';
import type { AreaSitingResponse } from '../core/siting/site-in-area.ts';
import type { SitingParams } from '../core/siting/siting-params.ts';
import type { EncodingChoice } from '../io/decode-text.ts';
import type { LayerFile, LayerKind } from './area-session.ts';
import { populationSourceFromJson, populationSourceToJson } from './population-source-project.ts';
import { layerMappingFromJson, layerMappingToJson } from '../io/field-mapping/layer-mapping-json.ts';

/**
 * The version this build writes; files with a higher one are refused (a newer build made them).
 * 2 added `preset` (the custom preset itself) and `siting` (the last siting run); a version-1 file
 * reads as a project without them. An older build refuses a version-2 file rather than dropping
 * the preset edits and the siting scenario without a word.
 */
export const PROJECT_FORMAT_VERSION = 2;

const KINDS: LayerKind[] = ['population', 'facilities', 'communities', 'network'];
const ENCODINGS: EncodingChoice[] = ['auto', 'utf-8', 'gb18030'];

/** The GCJ-02/BD-09 notice's outcome for a point layer: the choice is recorded, never implied. */
export interface OffsetChoice {
  suggested: 'gcj02' | 'bd09';
  choice: 'applied' | 'kept';
  /** Median distance to the nearest street, metres, as loaded and after the suggested conversion. */
  beforeM: number;
  afterM: number;
  /** The file the choice was made for (a new file asks again). */
  file: string;
}

/**
 * Everything needed to reopen the work: the layers' files (bytes as given, so the project does not
 * depend on the default area's files), CRS/encoding choices, offset decisions, the walkable rule,
 * analysis parameters, the selected type and radii, and the active preset id.
 */
export interface Project {
  format_version: number;
  saved_at: string;
  layers: Partial<Record<LayerKind, LayerFile>>;
  offsetChoices: Partial<Record<'population' | 'facilities', OffsetChoice>>;
  walkableRule: unknown;
  params: Record<string, unknown>;
  typeId: string;
  radii: Record<string, number>;
  presetId: string;
  /**
   * The active preset itself when it is a custom one (edited or imported): the project must not
   * depend on this browser's localStorage. Absent for a shipped preset (the id says it all).
   */
  preset?: Preset;
  /**
   * The last siting run, stored whole (parameters, candidates, solver report, proposals and the
   * per-unit distances before/after) so the before/after shows again on reload without solving
   * again; `key` is the analysis it belongs to (type|mode|radius|limit|snap), shown only while it holds.
   */
  siting?: SavedSiting;
}

export type SavedSiting = AreaSitingResponse & { params: SitingParams; key: string };

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * JSON for the siting run: typed arrays as `{ "$typed": "Float64Array", "base64": … }` (bytes,
 * little-endian as every browser stores them) and ±Infinity/NaN as `{ "$number": "Infinity" }`
 * (a distance beyond the matrix limit is Infinity; plain JSON would turn it into null).
 */
const TYPED = { Float64Array, Float32Array, Int32Array, Uint32Array, Uint8Array, Int8Array, Uint16Array, Int16Array } as const;
type TypedName = keyof typeof TYPED;

function encodeValue(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $number: String(v) };
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const name = v.constructor.name as TypedName;
    return { $typed: name, base64: toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  }
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encodeValue(x)]));
  return v;
}

function decodeValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$number === 'string' && Object.keys(o).length === 1) return Number(o.$number);
    if (typeof o.$typed === 'string' && typeof o.base64 === 'string') {
      const Ctor = TYPED[o.$typed as TypedName];
      if (!Ctor) throw new Error(`siting: unknown array type "${o.$typed}"`);
      const bytes = fromBase64(o.base64);
      if (bytes.length % Ctor.BYTES_PER_ELEMENT) throw new Error(`siting: a ${o.$typed} of ${bytes.length} bytes`);
      return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.length / Ctor.BYTES_PER_ELEMENT);
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decodeValue(x)]));
  }
  return v;
}

/** The project file: JSON, file bytes as base64 (`bytes_base64`), `format_version` first. */
export function projectToJson(p: Project): string {
  const layers = Object.fromEntries(
    Object.entries(p.layers).map(([k, f]) => [k, { name: f!.name, crs: f!.crs, encoding: f!.encoding, bytes_base64: toBase64(f!.bytes), ...populationSourceToJson(f!, toBase64), ...layerMappingToJson(f!) }]),
  );
  return JSON.stringify({ ...p, format_version: PROJECT_FORMAT_VERSION, layers, ...(p.siting ? { siting: encodeValue(p.siting) } : {}) });
}

/**
 * Reads and fully validates a project (from a file or from storage) before anything uses it:
 * throws an Error whose message says what is wrong, so a bad file changes nothing.
 */
export function projectFromJson(text: string): Project {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new Error('not a Lifecircle project file (not valid JSON)');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('not a Lifecircle project file (not a JSON object)');
  const rawLayers = json.layers as Record<string, { name?: unknown; crs?: unknown; encoding?: unknown; bytes_base64?: unknown }> | undefined;
  const layers: Project['layers'] = {};
  if (rawLayers && typeof rawLayers === 'object') {
    for (const [k, f] of Object.entries(rawLayers)) {
      if (!KINDS.includes(k as LayerKind)) throw new Error(`unknown layer "${k}" (expected ${KINDS.join(', ')})`);
      if (!f || typeof f.name !== 'string' || typeof f.bytes_base64 !== 'string') throw new Error(`layer "${k}": a name and bytes_base64 are required`);
      let bytes: Uint8Array;
      try {
        bytes = fromBase64(f.bytes_base64);
      } catch {
        throw new Error(`layer "${k}" (${f.name}): bytes_base64 is not valid base64`);
      }
      layers[k as LayerKind] = { name: f.name, bytes, ...(typeof f.crs === 'string' ? { crs: f.crs } : {}), ...(ENCODINGS.includes(f.encoding as EncodingChoice) ? { encoding: f.encoding as EncodingChoice } : {}), ...populationSourceFromJson(k, f, fromBase64), ...layerMappingFromJson(k, f as { mapping?: unknown; row_decision?: unknown }) };
    }
  }
  let siting: unknown;
  try {
    siting = json.siting === undefined ? undefined : decodeValue(json.siting);
  } catch (e) {
    throw new Error(e instanceof Error && e.message.startsWith('siting') ? e.message : 'siting: an array is not valid base64');
  }
  return validateProject({ ...json, layers, siting });
}

/** Checks a project object (also what IndexedDB returns); throws on the first problem. */
export function validateProject(json: Record<string, unknown>): Project {
  const v = json.format_version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new Error('not a Lifecircle project file (no format_version)');
  if (v > PROJECT_FORMAT_VERSION)
    throw new Error(`the file was written by a newer Lifecircle (format_version ${v}); this version reads format_version ${PROJECT_FORMAT_VERSION} and older. Update Lifecircle to open it.`);
  const layers = (json.layers ?? {}) as Project['layers'];
  if (!layers.population || !layers.facilities) throw new Error('the project has no population or no facilities layer');
  for (const [k, f] of Object.entries(layers)) {
    if (!f || typeof f.name !== 'string' || !(f.bytes instanceof Uint8Array) || !f.bytes.length) throw new Error(`layer "${k}": the file is missing or empty`);
  }
  const params = json.params && typeof json.params === 'object' ? (json.params as Record<string, unknown>) : {};
  const radii = json.radii && typeof json.radii === 'object' ? Object.fromEntries(Object.entries(json.radii).filter(([, r]) => typeof r === 'number' && r > 0)) as Record<string, number> : {};
  const offsets = (json.offsetChoices && typeof json.offsetChoices === 'object' ? json.offsetChoices : {}) as Project['offsetChoices'];
  return {
    format_version: v,
    saved_at: typeof json.saved_at === 'string' ? json.saved_at : '',
    layers,
    offsetChoices: offsets,
    walkableRule: json.walkableRule,
    params,
    typeId: typeof json.typeId === 'string' ? json.typeId : '',
    radii,
    presetId: typeof json.presetId === 'string' ? json.presetId : '',
    ...(json.preset !== undefined ? { preset: presetOf(json.preset) } : {}),
    ...(json.siting !== undefined ? { siting: sitingOf(json.siting) } : {}),
  };
}

/** The saved custom preset, validated like an imported preset file. */
function presetOf(json: unknown): Preset {
  const r = validatePreset(json);
  if (!r.ok) throw new Error(`the project's preset is not valid: ${r.errors.slice(0, 3).join('; ')}`);
  return r.preset;
}

/** The saved siting run: the shape the panel and the map read (a wrong one is refused, not half-shown). */
function sitingOf(json: unknown): SavedSiting {
  const s = json as Partial<SavedSiting> | null;
  const o = s?.outcome;
  const ok = !!s && typeof s.key === 'string' && !!s.params && typeof s.params === 'object' && !!o && Array.isArray(o.proposals)
    && !!o.result && typeof o.result === 'object' && !!o.before && !!o.after
    && o.nearestAfterM instanceof Float64Array && o.nearestBeforeM instanceof Float64Array && o.nearestAfterM.length === o.nearestBeforeM.length
    && !!s.candidates && Array.isArray(s.candidates.ids) && s.candidates.coords instanceof Float64Array && s.candidates.kind instanceof Uint8Array
    && s.candidates.coords.length === 2 * s.candidates.ids.length && s.candidates.kind.length === s.candidates.ids.length && Array.isArray(s.existingIds);
  if (!ok) throw new Error('siting: the saved siting run is incomplete (expected params, key, outcome with proposals and distances, candidates)');
  return s as SavedSiting;
}
