import type { EncodingChoice } from '../io/decode-text.ts';
import type { LayerFile, LayerKind } from './area-session.ts';

/** The version this build writes; files with a higher one are refused (a newer build made them). */
export const PROJECT_FORMAT_VERSION = 1;

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
}

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

/** The project file: JSON, file bytes as base64 (`bytes_base64`), `format_version` first. */
export function projectToJson(p: Project): string {
  const layers = Object.fromEntries(
    Object.entries(p.layers).map(([k, f]) => [k, { name: f!.name, crs: f!.crs, encoding: f!.encoding, bytes_base64: toBase64(f!.bytes) }]),
  );
  return JSON.stringify({ ...p, format_version: PROJECT_FORMAT_VERSION, layers });
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
      layers[k as LayerKind] = { name: f.name, bytes, ...(typeof f.crs === 'string' ? { crs: f.crs } : {}), ...(ENCODINGS.includes(f.encoding as EncodingChoice) ? { encoding: f.encoding as EncodingChoice } : {}) };
    }
  }
  return validateProject({ ...json, layers });
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
  };
}
