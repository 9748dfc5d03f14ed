import type { Preset, Sourced } from '../core/presets/preset.ts';
import { PRESET_CATALOG } from '../core/presets/preset-catalog.ts';
import { validatePreset } from '../core/presets/validate-preset.ts';
import { radiusSource } from '../io/compliance-csv.ts';

/**
 * The planner's own presets: edited copies of shipped ones and imported files, kept in this
 * browser's localStorage (no server, no account). Each stored preset is validated again on load,
 * like an import: storage can be edited by hand or written by an older build.
 */

export const CUSTOM_PRESETS_KEY = 'lifecircle.customPresets';

/**
 * `Source.standard` of a value the user changed. Such a value is marked `uncertain` (nobody checked
 * it against a document, so the UI and the report flag it) and its clause keeps the reference it
 * replaced, so the report still says what the standard says.
 */
export const USER_EDIT = 'user edit';

export function loadCustomPresets(storage?: Storage): { presets: Preset[]; skipped: number } {
  let raw: string | null;
  try {
    raw = (storage ?? localStorage).getItem(CUSTOM_PRESETS_KEY);
  } catch {
    return { presets: [], skipped: 0 }; // storage disabled (privacy settings): nothing was saved
  }
  let list: unknown;
  try {
    list = JSON.parse(raw ?? '[]');
  } catch {
    return { presets: [], skipped: 1 };
  }
  if (!Array.isArray(list)) return { presets: [], skipped: 1 };
  const presets: Preset[] = [];
  for (const json of list) {
    const r = validatePreset(json);
    // A stored preset that shadows a shipped id would make the menu ambiguous: skipped too.
    if (r.ok && !isShippedId(r.preset.id) && !presets.some((p) => p.id === r.preset.id)) presets.push(r.preset);
  }
  return { presets, skipped: list.length - presets.length };
}

/** Throws when storage is full or disabled; the caller says so and keeps the preset for this session. */
export function saveCustomPresets(presets: readonly Preset[], storage?: Storage): void {
  (storage ?? localStorage).setItem(CUSTOM_PRESETS_KEY, JSON.stringify(presets));
}

export const isShippedId = (id: string) => PRESET_CATALOG.some((p) => p.id === id);

/** `id`, or `id-2`, `id-3` … : the first not in `taken` (shipped ids are always taken). */
export function uniquePresetId(id: string, taken: readonly string[]): string {
  const used = (x: string) => taken.includes(x) || isShippedId(x);
  if (!used(id)) return id;
  let k = 2;
  while (used(`${id}-${k}`)) k++;
  return `${id}-${k}`;
}

export type EditableField = 'radius_m' | 'target_coverage';

/**
 * `base` with one value of one facility type changed. A shipped preset is never edited: the first
 * edit makes a copy ("copy of GB 50180-2018 (edited)") with a new id; a custom preset is changed in
 * place (same id), so a session of edits gives one custom preset, not one per keystroke.
 * `radius_m` is metres, `target_coverage` a 0–1 share.
 */
export function editPreset(base: Preset, facilityId: string, field: EditableField, value: number, customIds: readonly string[]): Preset {
  const p = structuredClone(base);
  if (isShippedId(base.id)) {
    p.id = uniquePresetId(`${base.id}-edited`, customIds);
    const n = p.id.match(/-(\d+)$/)?.[1];
    p.title_zh = `${base.standard} 副本（已修改）${n ? ` ${n}` : ''}`;
    p.title_en = `copy of ${base.standard} (edited)${n ? ` ${n}` : ''}`;
    p.note = `Edited in Lifecircle from the shipped preset '${base.id}'. Values whose source is '${USER_EDIT}' were changed by the user.${base.note ? `\n\n${base.note}` : ''}`;
  }
  const f = p.facilities.find((x) => x.id === facilityId);
  if (!f) throw new Error(`no facility type '${facilityId}' in preset '${base.id}'`);
  const old: Sourced<unknown> | undefined = field === 'radius_m' ? radiusSource(base, base.facilities.find((x) => x.id === facilityId)!) : f.target_coverage;
  const was = old
    ? old.source.standard === USER_EDIT
      ? old.source.clause
      : `replaces ${field === 'radius_m' ? `${rangeText(old.value)} m` : `${Math.round(Number(old.value) * 1000) / 10}%`}: ${old.source.standard} ${old.source.clause}`
    : 'the preset gave none';
  const edited = { value, source: { standard: USER_EDIT, clause: was }, confidence: 'uncertain' as const, note: 'edited by the user in Lifecircle' };
  if (field === 'radius_m') f.radius_m = edited;
  else f.target_coverage = edited;
  return p;
}

/** 500 → "500"; a level's `{ min: 800, max: 1000 }` → "800–1000". */
function rangeText(v: unknown): string {
  if (typeof v === 'number') return String(v);
  const r = v as { min?: number; max?: number };
  return r.min !== undefined && r.max !== undefined && r.min !== r.max ? `${r.min}–${r.max}` : String(r.max ?? r.min);
}

/** Targets the user edited, by type id: passed to the compliance check so the report marks them ✎. */
export function editedTargets(preset: Preset): Record<string, number> {
  return Object.fromEntries(preset.facilities.filter((f) => f.target_coverage.source.standard === USER_EDIT).map((f) => [f.id, f.target_coverage.value]));
}
