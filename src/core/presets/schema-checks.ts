import { CONFIDENCES, PRESET_SCHEMA_VERSION } from './preset.ts';

/**
 * Small hand-written schema checks shared by the preset validators. Each check records
 * "path: problem" messages (e.g. `facilities[3].radius_m.source: missing`) and carries on, so a
 * user fixing a hand-edited preset sees every problem at once rather than one per load.
 */

export type JsonObject = Record<string, unknown>;

export class SchemaErrors {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path || '(root)'}: ${message}`);
  }
}

/** `at('facilities', 3)` → `facilities[3]`; `at('facilities[3]', 'id')` → `facilities[3].id`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "a number", "an array", "null" … for messages. */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'boolean') return 'true/false';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/**
 * Checks the schema version first: a newer file may mean anything, so callers stop when this
 * returns false rather than report a cascade of confusing field errors.
 */
export function checkSchemaVersion(errs: SchemaErrors, obj: JsonObject): boolean {
  const v = obj.schema_version;
  if (v === undefined) {
    errs.add('schema_version', 'missing');
    return false;
  }
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    errs.add('schema_version', `expected a whole number, got ${kindOf(v)}`);
    return false;
  }
  if (v > PRESET_SCHEMA_VERSION) {
    errs.add('schema_version', `made by a newer Lifecircle (version ${v}); this one reads up to ${PRESET_SCHEMA_VERSION}`);
    return false;
  }
  if (v < 1) {
    errs.add('schema_version', `unknown version ${v}; versions start at 1`);
    return false;
  }
  return true;
}

/** Unknown fields are errors: they are nearly always typos (`radius` for `radius_m`) that would be silently ignored. */
export function checkKnownKeys(errs: SchemaErrors, obj: JsonObject, path: string, known: readonly string[]): void {
  for (const k of Object.keys(obj)) {
    if (!known.includes(k)) errs.add(at(path, k), `unknown field (expected one of: ${known.join(', ')})`);
  }
}

export function checkObject(errs: SchemaErrors, v: unknown, path: string): v is JsonObject {
  if (isObject(v)) return true;
  errs.add(path, v === undefined ? 'missing' : `expected an object, got ${kindOf(v)}`);
  return false;
}

export function checkString(errs: SchemaErrors, obj: JsonObject, key: string, path: string, optional = false): string | undefined {
  const v = obj[key];
  const p = at(path, key);
  if (v === undefined) {
    if (!optional) errs.add(p, 'missing');
    return undefined;
  }
  if (typeof v !== 'string') {
    errs.add(p, `expected a string, got ${kindOf(v)}`);
    return undefined;
  }
  if (v.trim() === '') {
    errs.add(p, 'must not be empty');
    return undefined;
  }
  return v;
}

export function checkArray(errs: SchemaErrors, obj: JsonObject, key: string, path: string, optional = false): unknown[] | undefined {
  const v = obj[key];
  const p = at(path, key);
  if (v === undefined) {
    if (!optional) errs.add(p, 'missing');
    return undefined;
  }
  if (!Array.isArray(v)) {
    errs.add(p, `expected an array, got ${kindOf(v)}`);
    return undefined;
  }
  return v;
}

export interface NumberRule {
  /** Smallest allowed value. */
  min?: number;
  /** True when `min` itself is not allowed (radius > 0). */
  exclusive?: boolean;
  max?: number;
}

export function checkNumber(errs: SchemaErrors, v: unknown, path: string, rule: NumberRule = {}): boolean {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    errs.add(path, v === undefined ? 'missing' : `expected a number, got ${kindOf(v)}`);
    return false;
  }
  if (rule.min !== undefined && (rule.exclusive ? v <= rule.min : v < rule.min)) {
    errs.add(path, `must be ${rule.exclusive ? 'greater than' : 'at least'} ${rule.min}, got ${v}`);
    return false;
  }
  if (rule.max !== undefined && v > rule.max) {
    errs.add(path, `must be at most ${rule.max}, got ${v}`);
    return false;
  }
  return true;
}

/** A `Range`: `{min?, max?}`, at least one end, both ≥ 0, min ≤ max. */
export function checkRange(errs: SchemaErrors, v: unknown, path: string): void {
  if (!checkObject(errs, v, path)) return;
  checkKnownKeys(errs, v, path, ['min', 'max']);
  if (v.min === undefined && v.max === undefined) {
    errs.add(path, 'needs min or max (or both)');
    return;
  }
  const okMin = v.min === undefined || checkNumber(errs, v.min, at(path, 'min'), { min: 0 });
  const okMax = v.max === undefined || checkNumber(errs, v.max, at(path, 'max'), { min: 0 });
  if (okMin && okMax && typeof v.min === 'number' && typeof v.max === 'number' && v.min > v.max) {
    errs.add(path, `min ${v.min} is greater than max ${v.max}`);
  }
}

export function checkBoolean(errs: SchemaErrors, v: unknown, path: string): void {
  if (typeof v !== 'boolean') errs.add(path, v === undefined ? 'missing' : `expected true or false, got ${kindOf(v)}`);
}

/** The bibliography: `{ id: { title, address } }`. Returns the ids, for checking `source.refs`. */
export function checkSources(errs: SchemaErrors, obj: JsonObject, key: string): Set<string> {
  const ids = new Set<string>();
  const v = obj[key];
  if (!checkObject(errs, v, key)) return ids;
  for (const [id, entry] of Object.entries(v)) {
    const p = at(key, id);
    ids.add(id);
    if (!checkObject(errs, entry, p)) continue;
    checkKnownKeys(errs, entry, p, ['title', 'address']);
    checkString(errs, entry, 'title', p);
    checkString(errs, entry, 'address', p);
  }
  return ids;
}

/**
 * A `Sourced<T>` at `obj[key]`: `{ value, source: { standard, clause, refs? }, confidence, note? }`.
 * `checkValue` checks the value itself; refs must name entries of the file's `sources`.
 */
export function checkSourced(
  errs: SchemaErrors,
  obj: JsonObject,
  key: string,
  path: string,
  sourceIds: Set<string>,
  checkValue: (v: unknown, path: string) => void,
  optional = false,
): void {
  const v = obj[key];
  const p = at(path, key);
  if (v === undefined && optional) return;
  if (!checkObject(errs, v, p)) return;
  checkKnownKeys(errs, v, p, ['value', 'source', 'confidence', 'note']);
  checkValue(v.value, at(p, 'value'));
  const sp = at(p, 'source');
  if (checkObject(errs, v.source, sp)) {
    checkKnownKeys(errs, v.source, sp, ['standard', 'clause', 'refs']);
    checkString(errs, v.source, 'standard', sp);
    checkString(errs, v.source, 'clause', sp);
    const refs = checkArray(errs, v.source, 'refs', sp, true);
    refs?.forEach((r, i) => {
      const rp = at(at(sp, 'refs'), i);
      if (typeof r !== 'string') errs.add(rp, `expected a string, got ${kindOf(r)}`);
      else if (!sourceIds.has(r)) errs.add(rp, `unknown source '${r}' (not in sources)`);
    });
  }
  const c = v.confidence;
  if (c === undefined) errs.add(at(p, 'confidence'), 'missing');
  else if (typeof c !== 'string' || !(CONFIDENCES as readonly string[]).includes(c)) {
    errs.add(at(p, 'confidence'), `expected one of ${CONFIDENCES.join(', ')}, got ${typeof c === 'string' ? `'${c}'` : kindOf(c)}`);
  }
  checkString(errs, v, 'note', p, true);
}
