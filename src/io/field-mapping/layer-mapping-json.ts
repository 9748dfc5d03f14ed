import { validateFieldMapping, type FieldMapping } from './field-mapping.ts';
import { ROW_PROBLEM_KINDS, type RowDecision } from './row-problems.ts';

/** A layer's mapping and row decision as saved in a project file (absent keys when none). */
export function layerMappingToJson(f: { mapping?: FieldMapping; rowDecision?: RowDecision }): Record<string, unknown> {
  return { ...(f.mapping ? { mapping: f.mapping } : {}), ...(f.rowDecision ? { row_decision: f.rowDecision } : {}) };
}

/** Reads them back, checked: a project whose mapping is broken is refused with the layer named. */
export function layerMappingFromJson(layer: string, json: { mapping?: unknown; row_decision?: unknown }): { mapping?: FieldMapping; rowDecision?: RowDecision } {
  const out: { mapping?: FieldMapping; rowDecision?: RowDecision } = {};
  if (json.mapping !== undefined) {
    try {
      out.mapping = validateFieldMapping(json.mapping);
    } catch (e) {
      throw new Error(`layer "${layer}": ${(e as Error).message}`);
    }
  }
  if (json.row_decision !== undefined) {
    const d = json.row_decision as Record<string, unknown>;
    if (!d || typeof d !== 'object' || Object.entries(d).some(([k, v]) => !(ROW_PROBLEM_KINDS as readonly string[]).includes(k) || (v !== 'fix' && v !== 'skip')))
      throw new Error(`layer "${layer}": row_decision must map ${ROW_PROBLEM_KINDS.join('/')} to "fix" or "skip"`);
    out.rowDecision = d as RowDecision;
  }
  return out;
}
