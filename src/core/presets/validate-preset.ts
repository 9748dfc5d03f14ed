import { facilityTypeById } from '../facility-types.ts';
import type { Preset } from './preset.ts';
import {
  at, checkArray, checkBoolean, checkKnownKeys, checkNumber, checkObject, checkRange, checkSchemaVersion,
  checkSourced, checkSources, checkString, isObject, kindOf, SchemaErrors, type JsonObject,
} from './schema-checks.ts';

export type PresetValidation = { ok: true; preset: Preset } | { ok: false; errors: string[] };

const PRESET_KEYS = ['schema_version', 'id', 'title_zh', 'title_en', 'standard', 'note', 'levels', 'facilities', 'sources', 'omitted_rows'];
const LEVEL_KEYS = ['id', 'name_zh', 'name_en', 'walk_minutes', 'walk_distance_m', 'population', 'households', 'land_area_ha', 'standard_row', 'note'];
const LEVEL_RANGES = ['walk_minutes', 'walk_distance_m', 'population', 'households', 'land_area_ha'];
const FACILITY_KEYS = [
  'id', 'name_zh', 'name_en', 'category', 'level', 'also_levels', 'app_types', 'required', 'radius_m', 'radius_differs_because',
  'building_area_m2', 'land_area_m2', 'target_coverage', 'standard_row', 'note',
];

/**
 * Checks a preset read from JSON (shipped, imported or hand-edited) before the app uses it.
 * Every problem is reported with its path, e.g. `facilities[3].radius_m.source: missing`.
 */
export function validatePreset(json: unknown): PresetValidation {
  const errs = new SchemaErrors();
  if (!isObject(json)) return { ok: false, errors: [`(root): expected a preset object, got ${kindOf(json)}`] };
  if (!checkSchemaVersion(errs, json)) return { ok: false, errors: errs.list };
  checkKnownKeys(errs, json, '', PRESET_KEYS);
  for (const k of ['id', 'title_zh', 'title_en', 'standard']) checkString(errs, json, k, '');
  checkString(errs, json, 'note', '', true);
  const sourceIds = checkSources(errs, json, 'sources');
  const levelIds = checkLevels(errs, json, sourceIds);
  checkFacilities(errs, json, sourceIds, levelIds);
  checkOmittedRows(errs, json);
  return errs.list.length ? { ok: false, errors: errs.list } : { ok: true, preset: json as unknown as Preset };
}

/** Checks `levels` and returns their ids, which facilities must refer to. */
function checkLevels(errs: SchemaErrors, json: JsonObject, sourceIds: Set<string>): string[] {
  const ids: string[] = [];
  const levels = checkArray(errs, json, 'levels', '');
  if (levels && levels.length === 0) errs.add('levels', 'needs at least one level');
  levels?.forEach((level, i) => {
    const p = at('levels', i);
    if (!checkObject(errs, level, p)) return;
    checkKnownKeys(errs, level, p, LEVEL_KEYS);
    const id = checkString(errs, level, 'id', p);
    if (id !== undefined) {
      if (ids.includes(id)) errs.add(at(p, 'id'), `duplicate level id '${id}' (also levels[${ids.indexOf(id)}])`);
      ids.push(id);
    }
    checkString(errs, level, 'name_zh', p);
    checkString(errs, level, 'name_en', p);
    for (const k of LEVEL_RANGES) checkSourced(errs, level, k, p, sourceIds, (v, vp) => checkRange(errs, v, vp), true);
    checkString(errs, level, 'standard_row', p, true);
    checkString(errs, level, 'note', p, true);
  });
  return ids;
}

function checkFacilities(errs: SchemaErrors, json: JsonObject, sourceIds: Set<string>, levelIds: string[]): void {
  const facilities = checkArray(errs, json, 'facilities', '');
  if (facilities && facilities.length === 0) errs.add('facilities', 'needs at least one facility type');
  const seen = new Map<string, number>();
  facilities?.forEach((f, i) => {
    const p = at('facilities', i);
    if (!checkObject(errs, f, p)) return;
    checkKnownKeys(errs, f, p, FACILITY_KEYS);
    const id = checkString(errs, f, 'id', p);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) errs.add(at(p, 'id'), `duplicate type id '${id}' (also facilities[${first}])`);
      else seen.set(id, i);
    }
    for (const k of ['name_zh', 'name_en']) checkString(errs, f, k, p);
    for (const k of ['category', 'radius_differs_because', 'standard_row', 'note']) checkString(errs, f, k, p, true);
    checkLevelRef(errs, f.level, at(p, 'level'), levelIds);
    checkArray(errs, f, 'also_levels', p, true)?.forEach((l, j) => checkLevelRef(errs, l, at(at(p, 'also_levels'), j), levelIds));
    checkArray(errs, f, 'app_types', p, true)?.forEach((t, j) => {
      const tp = at(at(p, 'app_types'), j);
      if (typeof t !== 'string') errs.add(tp, `expected a string, got ${kindOf(t)}`);
      else if (!facilityTypeById(t)) errs.add(tp, `unknown Lifecircle facility type '${t}' (see src/core/facility-types.ts)`);
    });
    checkSourced(errs, f, 'required', p, sourceIds, (v, vp) => checkBoolean(errs, v, vp));
    checkSourced(errs, f, 'radius_m', p, sourceIds, (v, vp) => checkNumber(errs, v, vp, { min: 0, exclusive: true }), true);
    checkSourced(errs, f, 'building_area_m2', p, sourceIds, (v, vp) => checkRange(errs, v, vp), true);
    checkSourced(errs, f, 'land_area_m2', p, sourceIds, (v, vp) => checkRange(errs, v, vp), true);
    checkSourced(errs, f, 'target_coverage', p, sourceIds, (v, vp) => checkNumber(errs, v, vp, { min: 0, max: 1 }));
  });
}

function checkLevelRef(errs: SchemaErrors, v: unknown, path: string, levelIds: string[]): void {
  if (typeof v !== 'string') return errs.add(path, v === undefined ? 'missing' : `expected a level id, got ${kindOf(v)}`);
  if (!levelIds.includes(v)) errs.add(path, `unknown level id '${v}' (this preset has: ${levelIds.join(', ') || 'none'})`);
}

function checkOmittedRows(errs: SchemaErrors, json: JsonObject): void {
  checkArray(errs, json, 'omitted_rows', '', true)?.forEach((r, i) => {
    const p = at('omitted_rows', i);
    if (!checkObject(errs, r, p)) return;
    checkKnownKeys(errs, r, p, ['row', 'reason']);
    checkString(errs, r, 'row', p);
    checkString(errs, r, 'reason', p);
  });
}
