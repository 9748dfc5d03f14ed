import type { PopulationTable } from '../core/point-tables.ts';
import { coordinateProblemText } from './check-coordinates.ts';
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

/** Exported for the field-mapping step, which guesses columns the way this reader finds them. */
export const POPULATION_ALIASES: Record<keyof PopulationFields, string[]> = {
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
  const warnings: string[] = [];
  const json = isJson(text);
  const rows = json ? geojsonRows(file, text) : csvRows(file, text, warnings);
  const r = toTable(file, rows, { ...DEFAULT_POPULATION_FIELDS, ...fields }, fields, json ? 'features' : 'rows');
  return { table: r.table, warnings: [...warnings, ...r.warnings] };
}

/** A cell that is a number (a header made of these is a data row). */
const isNumberCell = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/** "rows 2, 5, 9" (at most 8, then …). */
const list = (lines: number[]) => `${lines.slice(0, 8).join(', ')}${lines.length > 8 ? ', …' : ''}`;

type Row = { get: (name: string) => unknown; keys: string[]; lon?: number; lat?: number; line: number };

function isJson(text: string) {
  return /^\s*[{[]/.test(text.replace(/^\uFEFF/, ''));
}

function csvRows(file: string, text: string, warnings: string[]): Row[] {
  const { header, rows, delimiter } = parseCsv(text);
  // Numbers where names belong (and no known column name): the header line is missing. Year columns
  // such as "id,lon,lat,2020,2021" are fine, since lon/lat are named.
  const known = new Set(Object.values(POPULATION_ALIASES).flat().map((n) => n.toLowerCase()));
  if (header.filter(isNumberCell).length >= 2 && !header.some((h) => known.has(h.toLowerCase())))
    throw new LoadError(file, {
      en: `the first line looks like data, not a header ("${header.join(delimiter).slice(0, 80)}"): add a header line such as id,lon,lat,pop`,
      zh: `第一行像是数据而不是表头（“${header.join(delimiter).slice(0, 80)}”）：请在文件开头加一行表头，如 id,lon,lat,pop`,
    });
  if (header.length < 3) throw new LoadError(file, { en: `expected a CSV header like "id,lon,lat,pop", found "${header.join(',')}"`, zh: `需要类似“id,lon,lat,pop”的 CSV 表头，文件中是“${header.join(',')}”：请检查表头和分隔符` });
  if (rows.length === 0) throw new LoadError(file, { en: `the file has no data rows (only the header line "${header.join(delimiter).slice(0, 80)}")`, zh: `文件中没有数据行（只有表头“${header.join(delimiter).slice(0, 80)}”）：请确认导出了数据` });
  const lower = header.map((h) => h.toLowerCase());
  const seen = new Map<string, number[]>();
  lower.forEach((h, i) => seen.set(h, [...(seen.get(h) ?? []), i + 1]));
  for (const cols of seen.values())
    if (cols.length > 1) warnings.push(`${file}: column "${header[cols[0] - 1]}" appears ${cols.length} times (columns ${cols.join(', ')}); the first is used. Rename the others.`);
  // Rows with another field count than the header: usually a different delimiter or a stray quote.
  const odd: number[] = [];
  const oddCounts = new Set<number>();
  rows.forEach((r, i) => {
    if (r.length !== header.length) {
      odd.push(i + 2);
      oddCounts.add(r.length);
    }
  });
  if (odd.length)
    warnings.push(`${file}: rows ${list(odd)} have ${[...oddCounts].slice(0, 3).join(' or ')} field(s) but the header has ${header.length}: check the delimiter ("${delimiter === '\t' ? 'tab' : delimiter}" in the header) and quotes in those rows`);
  return rows.map((r, i) => ({ keys: header, line: i + 2, get: (name: string) => r[lower.indexOf(name.toLowerCase())] }));
}

function geojsonRows(file: string, text: string): Row[] {
  const fc = parseFeatureCollection(file, text, 'population points or polygons');
  if (fc.features.length === 0) throw new LoadError(file, { en: 'no features: the FeatureCollection is empty', zh: '没有要素：FeatureCollection 是空的，请确认导出了数据' });
  const rows = fc.features.map((f, i) => {
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
  if (rows.every((r) => r.lon === undefined)) {
    const types = [...new Set(fc.features.map((f) => (f.geometry ? String(f.geometry.type) : 'no geometry')))].join(', ');
    throw new LoadError(file, {
      en: `none of the ${rows.length} features has a usable Point or Polygon geometry (found: ${types}); a population layer needs points or polygons with a population property`,
      zh: `${rows.length} 个要素中没有一个有可用的点或面几何（其中有：${types.replace(/no geometry/g, '无几何')}）：人口图层需要带人口属性的点或面，请确认为本图层选择了正确的文件`,
    });
  }
  return rows;
}

/** The actual field name for a role: the configured one if present, else a known alias. */
function resolve(keys: string[], role: keyof PopulationFields, fields: PopulationFields, explicit: Partial<PopulationFields>) {
  const lower = keys.map((k) => k.toLowerCase());
  if (explicit[role]) return lower.includes(explicit[role]!.toLowerCase()) ? explicit[role]! : null;
  return [fields[role], ...POPULATION_ALIASES[role]].find((n) => lower.includes(n.toLowerCase())) ?? null;
}

function toTable(file: string, rows: Row[], fields: PopulationFields, explicit: Partial<PopulationFields>, unit: 'rows' | 'features'): ReadResult<PopulationTable> {
  if (rows.length === 0) throw new LoadError(file, { en: 'the file has no rows', zh: '文件中没有数据行：请确认导出了数据' });
  const keys = rows[0].keys;
  const geo = rows[0].lon !== undefined || rows.some((r) => r.lon !== undefined);
  const popField = resolve(keys, 'pop', fields, explicit);
  const lonField = geo ? null : resolve(keys, 'lon', fields, explicit);
  const latField = geo ? null : resolve(keys, 'lat', fields, explicit);
  const idField = resolve(keys, 'id', fields, explicit);
  const missing = [!popField && `population ("${fields.pop}")`, !geo && !lonField && `longitude ("${fields.lon}")`, !geo && !latField && `latitude ("${fields.lat}")`].filter(Boolean);
  if (missing.length) throw new LoadError(file, { en: `missing column ${missing.join(', ')}; found: ${keys.join(', ')}. Rename the column or set it in the loader options.`, zh: `缺少列 ${missing.join('、')}，文件中的列是：${keys.join('、')}。请重命名该列，或在加载选项中指定列名` });

  const n = rows.length;
  const coords = new Float64Array(2 * n);
  const pop = new Float64Array(n);
  const ids: string[] = [];
  const skipped: number[] = [];
  const lines: number[] = [];
  let k = 0;
  for (const r of rows) {
    // Empty cells must not become 0 (Number('') === 0 would put the unit at 0°N 0°E).
    const num = (v: unknown) => (v === undefined || v === null || String(v).trim() === '' ? NaN : Number(v));
    const lon = geo ? r.lon : num(r.get(lonField!));
    const lat = geo ? r.lat : num(r.get(latField!));
    const p = num(r.get(popField!));
    if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat) || !Number.isFinite(p) || p < 0) {
      skipped.push(r.line);
      continue;
    }
    const problem = coordinateProblemText(lon, lat);
    if (problem) throw new LoadError(file, { en: `row ${r.line}: ${problem.en} (lon=${lon}, lat=${lat})`, zh: `第 ${r.line} 行：${problem.zh}（lon=${lon}，lat=${lat}）` });
    coords[2 * k] = lon;
    coords[2 * k + 1] = lat;
    pop[k] = p;
    ids.push(idField ? String(r.get(idField) ?? '') || `#${r.line}` : `#${r.line}`);
    lines.push(r.line);
    k++;
  }
  if (k === 0) throw new LoadError(file, { en: `no row has a usable location and a non-negative number in "${popField}"`, zh: `没有一行同时有可用的位置和“${popField}”列中的非负数字：请检查坐标列和人口列` });
  const warnings = skipped.length
    ? [`${file}: skipped ${skipped.length} of ${n} ${unit} without a location or a non-negative population (${unit} ${list(skipped)})`]
    : [];
  if (idField) {
    const firstLine = new Map<string, number>();
    const dups: string[] = [];
    ids.forEach((id, i) => {
      const first = firstLine.get(id);
      if (first === undefined) firstLine.set(id, i);
      else if (dups.length < 5) dups.push(`id "${id.slice(0, 40)}" on ${unit} ${lines[first]} and ${lines[i]}`);
    });
    if (dups.length) warnings.push(`${file}: ids are not unique (${dups.join('; ')}); results per unit may be confused. Give each unit its own id.`);
  }
  return { table: { length: k, ids, coords: coords.slice(0, 2 * k), pop: pop.slice(0, k) }, warnings };
}
