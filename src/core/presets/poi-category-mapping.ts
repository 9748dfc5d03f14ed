import shipped from '../../../data/presets/poi-category-mapping.json';
import { facilityTypeById } from '../facility-types.ts';
import { at, checkArray, checkKnownKeys, checkObject, checkSchemaVersion, checkString, isObject, kindOf, SchemaErrors } from './schema-checks.ts';

/**
 * Chinese POI categories → Lifecircle facility types. Amap gives "大类;中类;小类" type strings
 * (several joined by "|"), Baidu "一级;二级" tags, other exports a bare class name. The table is
 * data (data/presets/poi-category-mapping.json) so users can edit it; OSM tags are typed
 * separately by facility-types.ts, and the two are kept consistent (e.g. supermarkets → market).
 */

export interface CategoryRule {
  /** Lifecircle facility type id, or null: "not a facility type; do not try the broader class". */
  type: string | null;
  /** Class names, each matched exactly against one level of the category string. */
  categories: string[];
  note?: string;
}

export interface CategoryMapping {
  schema_version: number;
  note?: string;
  rules: CategoryRule[];
}

export type CategoryMappingValidation = { ok: true; mapping: CategoryMapping } | { ok: false; errors: string[] };

/** Checks an (edited) mapping: known type ids, and every class name listed once so the result is unambiguous. */
export function validateCategoryMapping(json: unknown): CategoryMappingValidation {
  const errs = new SchemaErrors();
  if (!isObject(json)) return { ok: false, errors: [`(root): expected a mapping object, got ${kindOf(json)}`] };
  if (!checkSchemaVersion(errs, json)) return { ok: false, errors: errs.list };
  checkKnownKeys(errs, json, '', ['schema_version', 'note', 'rules']);
  checkString(errs, json, 'note', '', true);
  const firstSeen = new Map<string, string>();
  checkArray(errs, json, 'rules', '')?.forEach((rule, i) => {
    const p = at('rules', i);
    if (!checkObject(errs, rule, p)) return;
    checkKnownKeys(errs, rule, p, ['type', 'categories', 'note']);
    checkString(errs, rule, 'note', p, true);
    if (rule.type === undefined) errs.add(at(p, 'type'), 'missing (use null for "not a facility type")');
    else if (rule.type !== null) {
      const type = checkString(errs, rule, 'type', p);
      if (type !== undefined && !facilityTypeById(type)) errs.add(at(p, 'type'), `unknown Lifecircle facility type '${type}'`);
    }
    checkArray(errs, rule, 'categories', p)?.forEach((c, j) => {
      const cp = at(at(p, 'categories'), j);
      if (typeof c !== 'string' || c.trim() === '') return errs.add(cp, `expected a class name, got ${kindOf(c)}`);
      const prev = firstSeen.get(c.trim());
      if (prev) errs.add(cp, `'${c}' is already listed at ${prev}`);
      else firstSeen.set(c.trim(), cp);
    });
  });
  return errs.list.length ? { ok: false, errors: errs.list } : { ok: true, mapping: json as unknown as CategoryMapping };
}

/**
 * Splits a category string into its alternatives ("|"), each a list of class names from the
 * broadest to the most specific (";" or the full-width "；").
 */
export function splitCategory(category: string): string[][] {
  return category
    .split('|')
    .map((alt) => alt.split(/[;；]/).map((c) => c.trim()).filter((c) => c !== ''))
    .filter((alt) => alt.length > 0);
}

/**
 * A matcher for `mapping`: the facility type of the most specific listed class of the first
 * alternative that has one, or null when none is listed (callers list those POIs as unmapped).
 */
export function categoryMatcher(mapping: CategoryMapping): (category: string) => string | null {
  const byClass = new Map<string, string | null>();
  for (const rule of mapping.rules) for (const c of rule.categories) byClass.set(c.trim(), rule.type);
  return (category) => {
    for (const classes of splitCategory(category)) {
      for (let i = classes.length - 1; i >= 0; i--) {
        const hit = byClass.get(classes[i]!);
        if (hit === undefined) continue;
        if (hit !== null) return hit;
        break; // listed as "not a facility type": the broader classes must not claim it
      }
    }
    return null;
  };
}

/** The shipped mapping (validated by the tests, not at every load: it is bundled data). */
export const SHIPPED_CATEGORY_MAPPING = shipped as CategoryMapping;

const shippedMatcher = categoryMatcher(SHIPPED_CATEGORY_MAPPING);

/**
 * The Lifecircle facility type of a Chinese POI category by the shipped mapping, e.g.
 * "科教文化服务;学校;小学" → "primary_school", "幼儿园" → "kindergarten", "餐饮服务;中餐厅;中餐厅" → null.
 */
export function facilityTypeOfCategory(category: string): string | null {
  return shippedMatcher(category);
}
