import floorAreaRules from '../../../data/presets/local-floor-area-rules.json';
import { LoadError } from '../load-error.ts';
import { cellOf, columnIndex, columnsOf, type LayerTable } from './layer-table.ts';

/** The layers a planner maps by hand (the street network is OSM-tagged and has its own reader). */
export const MAPPED_KINDS = ['population', 'facilities', 'communities'] as const;
export type MappedKind = (typeof MAPPED_KINDS)[number];

/**
 * Canonical column/property names the readers accept after mapping. `floor_area`, `levels` and
 * `community` are read by the population-from-buildings step; `capacity` and `floor_area` of
 * facilities are carried along for floor-area rules. lon/lat only apply to tables (CSV, .xlsx):
 * GeoJSON and Shapefiles take the location from their geometry.
 */
export const FIELD_ROLES = ['id', 'name', 'pop', 'households', 'type', 'capacity', 'floor_area', 'levels', 'community', 'lon', 'lat'] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

/** The roles offered per layer, in the order the dialog shows them. */
export const ROLES_BY_KIND: Record<MappedKind, readonly FieldRole[]> = {
  population: ['id', 'name', 'pop', 'households', 'floor_area', 'levels', 'community', 'lon', 'lat'],
  facilities: ['id', 'name', 'type', 'capacity', 'floor_area', 'lon', 'lat'],
  communities: ['id', 'name', 'pop', 'households'],
};

/** Persons per household when only households are given: `household_size` of data/presets/local-floor-area-rules.json (2.62). */
export const DEFAULT_PERSONS_PER_HOUSEHOLD: number = floorAreaRules.household_size.value;

/**
 * Which source column plays which role, remembered per file shape and saved with a project.
 * `typeValues` maps the values of the type column to Lifecircle facility type ids ('' = not a
 * facility: the row is left out); values not listed are kept as written (the reader then tries
 * type ids and Amap/Baidu categories). Population with `households` and no `pop` becomes
 * households × personsPerHousehold.
 */
export interface FieldMapping {
  kind: MappedKind;
  columns: Partial<Record<FieldRole, string>>;
  typeValues?: Record<string, string>;
  personsPerHousehold?: number;
}

/** The roles a layer cannot load without (lon/lat only for tables). */
export function missingRoles(m: FieldMapping, table: 'csv' | 'geojson'): FieldRole[] {
  const need: FieldRole[] = [];
  if (table === 'csv' && m.kind !== 'communities') need.push('lon', 'lat');
  if (m.kind === 'facilities' && table === 'csv') need.push('type');
  const out = need.filter((r) => !m.columns[r]);
  // Population: a population or a household count (the population helper may also derive it from floor area).
  if (m.kind === 'population' && !m.columns.pop && !m.columns.households && !m.columns.floor_area) out.push('pop');
  return out;
}

/**
 * Renames the mapped columns to their canonical names (dropping other columns that carry a
 * canonical name, so the readers do not see two `pop` columns), maps type values, derives `pop`
 * from households, and leaves out rows whose type value was mapped to "not a facility".
 * Returns the table and how many rows were left out that way.
 */
export function applyFieldMapping(file: string, t: LayerTable, m: FieldMapping): { table: LayerTable; notFacility: number } {
  const cols = columnsOf(t);
  const roles = FIELD_ROLES.filter((r) => m.columns[r] && !(t.format === 'geojson' && (r === 'lon' || r === 'lat')));
  for (const r of roles) {
    const c = m.columns[r]!;
    if (columnIndex(cols, c) < 0) throw new LoadError(file, `the field mapping names column "${c}" for ${r}, but the file has no such column; found: ${cols.join(', ')}. Choose the column again in the mapping.`);
  }
  const derivePop = !m.columns.pop && !!m.columns.households;
  const pph = m.personsPerHousehold ?? DEFAULT_PERSONS_PER_HOUSEHOLD;
  const outRoles: FieldRole[] = derivePop ? [...roles.filter((r) => r !== 'households'), 'pop', 'households'] : roles;
  const used = new Set(roles.map((r) => m.columns[r]!.toLowerCase()));
  const canonical = new Set<string>(FIELD_ROLES);
  const others = cols.filter((c) => !used.has(c.toLowerCase()) && !canonical.has(c.toLowerCase()));
  const valueOf = (i: number, r: FieldRole): string => {
    if (r === 'pop' && derivePop) {
      const h = cellOf(t, i, m.columns.households!).trim();
      const n = h === '' ? NaN : Number(h);
      // A bad household count stays as written, for the row-problem check and the reader to report.
      return Number.isFinite(n) ? String(Math.round(n * pph * 1e6) / 1e6) : h;
    }
    const v = cellOf(t, i, m.columns[r]!);
    if (r === 'type' && m.typeValues && Object.hasOwn(m.typeValues, v.trim())) return m.typeValues[v.trim()];
    return v;
  };
  const keep: number[] = [];
  const n = t.format === 'csv' ? t.rows.length : t.features.length;
  for (let i = 0; i < n; i++) if (!(m.kind === 'facilities' && m.columns.type && valueOf(i, 'type') === '' && cellOf(t, i, m.columns.type).trim() !== '' )) keep.push(i);
  const notFacility = n - keep.length;
  if (t.format === 'csv') {
    const idx = others.map((c) => columnIndex(t.header, c));
    return {
      table: { format: 'csv', header: [...outRoles, ...others], rows: keep.map((i) => [...outRoles.map((r) => valueOf(i, r)), ...idx.map((k) => t.rows[i][k] ?? '')]) },
      notFacility,
    };
  }
  const features = keep.map((i) => {
    const f = t.features[i];
    const props = f.properties ?? {};
    const next: Record<string, unknown> = {};
    for (const r of outRoles) {
      if (r === 'pop' && derivePop) next.pop = Number(valueOf(i, r)) || valueOf(i, r);
      else if (r === 'type') next.type = valueOf(i, r);
      else {
        // Keep numbers as numbers: the readers accept both, and ids stay as the file had them.
        const key = Object.keys(props).find((k) => k.toLowerCase() === m.columns[r]!.toLowerCase());
        next[r] = key === undefined ? null : props[key];
      }
    }
    for (const k of Object.keys(props)) if (!used.has(k.toLowerCase()) && !canonical.has(k.toLowerCase())) next[k] = props[k];
    return { ...f, properties: next };
  });
  return { table: { ...t, features }, notFacility };
}

/**
 * Checks a mapping read from JSON (the CLI's --<layer>-mapping file, a saved project); the message
 * names the key at fault and what is expected.
 */
export function validateFieldMapping(json: unknown, kind?: MappedKind): FieldMapping {
  const fail = (what: string): never => {
    throw new Error(`field mapping: ${what}. Expected {"kind": "${kind ?? 'population|facilities|communities'}", "columns": {"id": "编号", "lon": "经度", …}, "typeValues": {"源类型": "primary_school"}, "personsPerHousehold": 2.62}`);
  };
  if (!json || typeof json !== 'object' || Array.isArray(json)) fail('not a JSON object');
  const o = json as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!['kind', 'columns', 'typeValues', 'personsPerHousehold'].includes(k)) fail(`unknown key "${k}"`);
  const k = o.kind ?? kind;
  if (!MAPPED_KINDS.includes(k as MappedKind)) fail(`"kind" must be one of ${MAPPED_KINDS.join(', ')}, got ${JSON.stringify(o.kind)}`);
  if (kind && k !== kind) fail(`"kind" is "${String(k)}" but the file is given for ${kind}`);
  if (!o.columns || typeof o.columns !== 'object' || Array.isArray(o.columns)) fail('"columns" must be an object of role → column name');
  const columns: FieldMapping['columns'] = {};
  for (const [role, col] of Object.entries(o.columns as Record<string, unknown>)) {
    if (!(FIELD_ROLES as readonly string[]).includes(role)) fail(`unknown role "${role}" in "columns" (roles: ${FIELD_ROLES.join(', ')})`);
    if (col === null || col === '') continue;
    if (typeof col !== 'string') fail(`columns.${role} must be a column name (string), got ${JSON.stringify(col)}`);
    columns[role as FieldRole] = col as string;
  }
  const m: FieldMapping = { kind: k as MappedKind, columns };
  if (o.typeValues !== undefined) {
    if (!o.typeValues || typeof o.typeValues !== 'object' || Array.isArray(o.typeValues)) fail('"typeValues" must be an object of source value → facility type id ("" = not a facility)');
    for (const [v, id] of Object.entries(o.typeValues as Record<string, unknown>)) if (typeof id !== 'string') fail(`typeValues["${v}"] must be a type id string or "", got ${JSON.stringify(id)}`);
    m.typeValues = o.typeValues as Record<string, string>;
  }
  if (o.personsPerHousehold !== undefined) {
    if (typeof o.personsPerHousehold !== 'number' || !(o.personsPerHousehold > 0)) fail(`"personsPerHousehold" must be a positive number, got ${JSON.stringify(o.personsPerHousehold)}`);
    m.personsPerHousehold = o.personsPerHousehold as number;
  }
  return m;
}
