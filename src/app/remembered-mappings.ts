import type { FieldMapping } from '../io/field-mapping/field-mapping.ts';
import type { RowDecision } from '../io/field-mapping/row-problems.ts';

/** localStorage key: file signature → the mapping last used for a file of that shape. */
export const MAPPINGS_KEY = 'lifecircle.fieldMappings';
/** Kept per browser; the oldest are dropped beyond this many shapes. */
const MAX_REMEMBERED = 50;

export interface RememberedMapping {
  mapping: FieldMapping;
  rowDecision?: RowDecision;
  /** ISO time the planner confirmed it, and the file it was made for. */
  savedAt: string;
  file: string;
}

function readAll(): Record<string, RememberedMapping> {
  try {
    const v = JSON.parse(localStorage.getItem(MAPPINGS_KEY) ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {}; // storage disabled or edited by hand: nothing remembered
  }
}

/** The mapping confirmed for a file with this signature (same layer, format and columns), or null. */
export function rememberedMapping(signature: string): RememberedMapping | null {
  const r = readAll()[signature];
  return r && r.mapping && typeof r.mapping === 'object' && r.mapping.columns ? r : null;
}

export function rememberMapping(signature: string, entry: RememberedMapping): void {
  const all = readAll();
  delete all[signature];
  all[signature] = entry;
  const keys = Object.keys(all);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_REMEMBERED))) delete all[k];
  try {
    localStorage.setItem(MAPPINGS_KEY, JSON.stringify(all));
  } catch {
    // storage full or disabled: the mapping still applies to this load
  }
}
