import type { PopulationTable } from '../core/point-tables.ts';
import { coordinateProblem } from './check-coordinates.ts';
import { geometryRepresentativePoint } from './geometry-representative-point.ts';
import { LoadError } from './load-error.ts';
import { parseCsv } from './parse-csv.ts';
import { parseFeatureCollection } from './parse-feature-collection.ts';

/** Column (CSV) or property (GeoJSON) names; matched case-insensitively. */
export interface PopulationFields {
  id: string;
  lon: string;
  lat: string;
  pop: string;
}

export const DEFAULT_POPULATION_FIELDS: PopulationFields = { id: 'id', lon: 'lon', lat: 'lat', pop: 'pop' };

const ALIASES: Record<keyof PopulationFields, string[]> = {
  id: ['id', 'fid', 'code', 'name'],
  lon: ['lon', 'lng', 'longitude', 'x'],
  lat: ['lat', 'latitude', 'y'],
  pop: ['pop', 'population', 'weight', 'value', '人口'],
};

export interface ReadResult<T> {
  table: T;
  /** Problems that did not stop the load (rows skipped, with row numbers). */
  warnings: string[];
}

/**
 * Population units from CSV (`id,lon,lat,pop`) or GeoJSON (Points, or Polygons reduced to their
 * area centroid, with a `pop` property). Rows with bad numbers are skipped and listed in the
 * warnings; a file with no usable row, or coordinates that are not WGS84, is a LoadError.
 */
export function readPopulation(file: string, text: string, fields: Partial<PopulationFields> = {}): ReadResult<PopulationTable> {
  const rows = isJson(text) ? geojsonRows(file, text) : csvRows(file, text);
  return toTable(file, rows, { ...DEFAULT_POPULATION_FIELDS, ...fields }, fields);
}

type Row = { get: (name: string) => unknown; keys: string[]; lon?: number; lat?: number; line: number };

function isJson(text: string) {
  return /^\s*[{[]/.test(text.replace(/^\uFEFF/, ''));
}

function csvRows(file: string, text: string): Row[] {
  const { header, rows } = parseCsv(text);
  if (header.length < 3) throw new LoadError(file, `expected a CSV header like "id,lon,lat,pop", found "${header.join(',')}"`);
  const lower = header.map((h) => h.toLowerCase());
  return rows.map((r, i) => ({ keys: header, line: i + 2, get: (name: string) => r[lower.indexOf(name.toLowerCase())] }));
}

function geojsonRows(file: string, text: string): Row[] {
  const fc = parseFeatureCollection(file, text, 'population points or polygons');
  return fc.features.map((f, i) => {
    const props = f.properties ?? {};
    const keys = Object.keys(props);
    const pt = geometryRepresentativePoint(f.geometry);
    const lowerKeys = keys.map((k) => k.toLowerCase());
    return {
      keys,
      line: i + 1,
      lon: pt?.[0],
      lat: pt?.[1],
      get: (name: string) => props[keys[lowerKeys.indexOf(name.toLowerCase())] ?? ''],
    };
  });
}

/** The actual field name for a role: the configured one if present, else a known alias. */
function resolve(keys: string[], role: keyof PopulationFields, fields: PopulationFields, explicit: Partial<PopulationFields>) {
  const lower = keys.map((k) => k.toLowerCase());
  if (explicit[role]) return lower.includes(explicit[role]!.toLowerCase()) ? explicit[role]! : null;
  return [fields[role], ...ALIASES[role]].find((n) => lower.includes(n.toLowerCase())) ?? null;
}

function toTable(file: string, rows: Row[], fields: PopulationFields, explicit: Partial<PopulationFields>): ReadResult<PopulationTable> {
  if (rows.length === 0) throw new LoadError(file, 'the file has no rows');
  const keys = rows[0].keys;
  const geo = rows[0].lon !== undefined || rows.some((r) => r.lon !== undefined);
  const popField = resolve(keys, 'pop', fields, explicit);
  const lonField = geo ? null : resolve(keys, 'lon', fields, explicit);
  const latField = geo ? null : resolve(keys, 'lat', fields, explicit);
  const idField = resolve(keys, 'id', fields, explicit);
  const missing = [!popField && `population ("${fields.pop}")`, !geo && !lonField && `longitude ("${fields.lon}")`, !geo && !latField && `latitude ("${fields.lat}")`].filter(Boolean);
  if (missing.length) throw new LoadError(file, `missing column ${missing.join(', ')}; found: ${keys.join(', ')}. Rename the column or set it in the loader options.`);

  const n = rows.length;
  const coords = new Float64Array(2 * n);
  const pop = new Float64Array(n);
  const ids: string[] = [];
  const skipped: number[] = [];
  let k = 0;
  for (const r of rows) {
    const lon = geo ? r.lon : Number(r.get(lonField!));
    const lat = geo ? r.lat : Number(r.get(latField!));
    const p = Number(r.get(popField!));
    if (lon === undefined || lat === undefined || !Number.isFinite(p) || p < 0 || r.get(popField!) === '') {
      skipped.push(r.line);
      continue;
    }
    const problem = coordinateProblem(lon, lat);
    if (problem) throw new LoadError(file, `row ${r.line}: ${problem} (lon=${lon}, lat=${lat})`);
    coords[2 * k] = lon;
    coords[2 * k + 1] = lat;
    pop[k] = p;
    ids.push(idField ? String(r.get(idField) ?? '') || `#${r.line}` : `#${r.line}`);
    k++;
  }
  if (k === 0) throw new LoadError(file, `no row has a usable location and a non-negative number in "${popField}"`);
  const warnings = skipped.length
    ? [`${file}: skipped ${skipped.length} of ${n} rows without a location or a non-negative population (rows ${skipped.slice(0, 8).join(', ')}${skipped.length > 8 ? ', …' : ''})`]
    : [];
  return { table: { length: k, ids, coords: coords.slice(0, 2 * k), pop: pop.slice(0, k) }, warnings };
}
