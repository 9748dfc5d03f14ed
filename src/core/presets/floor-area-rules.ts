import { facilityTypeById } from '../facility-types.ts';
import type { Sourced, SourceEntry } from './preset.ts';
import {
  at, checkArray, checkKnownKeys, checkNumber, checkObject, checkSchemaVersion, checkSourced, checkSources, checkString,
  isObject, kindOf, SchemaErrors,
} from './schema-checks.ts';

/**
 * Floor-area norms for community service facilities (data/presets/local-floor-area-rules.json).
 * They come from national and local plans rather than from one standard, so they are a separate,
 * selectable list: the user picks the rule of their city, and the household size that turns
 * population into households.
 */

export interface FloorAreaRule {
  id: string;
  name_zh: string;
  name_en: string;
  jurisdiction: string;
  /** Lifecircle facility type whose floor area counts (e.g. "community_service"). */
  applies_to: string;
  /** Total floor area of the community's facilities, m². */
  min_total_m2?: Sourced<number>;
  max_total_m2?: Sourced<number>;
  /** m² per 100 households; per-household norms (0.2 m²/household) are stated ×100 here. */
  m2_per_100_households?: Sourced<number>;
  note?: string;
}

export interface FloorAreaRuleSet {
  schema_version: number;
  id: string;
  title_zh: string;
  title_en: string;
  note?: string;
  /** Persons per household, to derive households from population where the data has none. */
  household_size: Sourced<number>;
  rules: FloorAreaRule[];
  sources: Record<string, SourceEntry>;
}

export type FloorAreaRuleSetValidation = { ok: true; rules: FloorAreaRuleSet } | { ok: false; errors: string[] };

const SET_KEYS = ['schema_version', 'id', 'title_zh', 'title_en', 'note', 'household_size', 'rules', 'sources'];
const RULE_KEYS = ['id', 'name_zh', 'name_en', 'jurisdiction', 'applies_to', 'min_total_m2', 'max_total_m2', 'm2_per_100_households', 'note'];
const CRITERIA = ['min_total_m2', 'max_total_m2', 'm2_per_100_households'] as const;

/** Checks a floor-area rule set; messages name the path of each problem, as `validatePreset` does. */
export function validateFloorAreaRules(json: unknown): FloorAreaRuleSetValidation {
  const errs = new SchemaErrors();
  if (!isObject(json)) return { ok: false, errors: [`(root): expected a rule-set object, got ${kindOf(json)}`] };
  if (!checkSchemaVersion(errs, json)) return { ok: false, errors: errs.list };
  checkKnownKeys(errs, json, '', SET_KEYS);
  for (const k of ['id', 'title_zh', 'title_en']) checkString(errs, json, k, '');
  checkString(errs, json, 'note', '', true);
  const sourceIds = checkSources(errs, json, 'sources');
  checkSourced(errs, json, 'household_size', '', sourceIds, (v, p) => checkNumber(errs, v, p, { min: 0, exclusive: true }));
  const seen = new Map<string, number>();
  checkArray(errs, json, 'rules', '')?.forEach((r, i) => {
    const p = at('rules', i);
    if (!checkObject(errs, r, p)) return;
    checkKnownKeys(errs, r, p, RULE_KEYS);
    const id = checkString(errs, r, 'id', p);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) errs.add(at(p, 'id'), `duplicate rule id '${id}' (also rules[${first}])`);
      else seen.set(id, i);
    }
    for (const k of ['name_zh', 'name_en', 'jurisdiction']) checkString(errs, r, k, p);
    checkString(errs, r, 'note', p, true);
    const type = checkString(errs, r, 'applies_to', p);
    if (type !== undefined && !facilityTypeById(type)) errs.add(at(p, 'applies_to'), `unknown Lifecircle facility type '${type}'`);
    for (const k of CRITERIA) {
      checkSourced(errs, r, k, p, sourceIds, (v, vp) => checkNumber(errs, v, vp, { min: 0, exclusive: true }), true);
    }
    if (CRITERIA.every((k) => r[k] === undefined)) errs.add(p, `needs at least one of ${CRITERIA.join(', ')}`);
    const lo = (r.min_total_m2 as Sourced<number> | undefined)?.value;
    const hi = (r.max_total_m2 as Sourced<number> | undefined)?.value;
    if (typeof lo === 'number' && typeof hi === 'number' && lo > hi) errs.add(p, `min_total_m2 ${lo} is greater than max_total_m2 ${hi}`);
  });
  return errs.list.length ? { ok: false, errors: errs.list } : { ok: true, rules: json as unknown as FloorAreaRuleSet };
}
