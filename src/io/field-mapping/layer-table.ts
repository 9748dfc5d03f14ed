import { parseCsv } from '../parse-csv.ts';
import { parseFeatureCollection } from '../parse-feature-collection.ts';
import { formatCsv } from '../format-csv.ts';

/**
 * A layer's rows in one shape for the mapping step, from the text readAnyLayer hands the readers
 * (CSV for tables and .xlsx, a GeoJSON FeatureCollection for GeoJSON(L) and Shapefiles).
 * Row numbers are the ones the readers print: CSV data row i is line i + 2 (the header is line 1,
 * blank lines are not counted), GeoJSON feature i is feature i + 1.
 */
export type LayerTable =
  | { format: 'csv'; header: string[]; rows: string[][] }
  | { format: 'geojson'; features: GeoJSON.Feature<GeoJSON.Geometry | null, Record<string, unknown> | null>[]; rest: Record<string, unknown> };

export const isJsonText = (text: string) => /^\s*[{[]/.test(text.replace(/^\uFEFF/, ''));

export function parseLayerTable(file: string, text: string): LayerTable {
  if (isJsonText(text)) {
    const { features, ...rest } = parseFeatureCollection(file, text);
    return { format: 'geojson', features, rest: rest as Record<string, unknown> };
  }
  const { header, rows } = parseCsv(text);
  return { format: 'csv', header, rows };
}

export function formatLayerTable(t: LayerTable): string {
  // Cells stay strings: formatCsv only rounds numbers, so coordinates keep every digit.
  if (t.format === 'csv') return formatCsv(t.header, t.rows);
  return JSON.stringify({ ...t.rest, type: 'FeatureCollection', features: t.features });
}

export const rowCount = (t: LayerTable) => (t.format === 'csv' ? t.rows.length : t.features.length);

/** The row number the readers report for row index i (0-based). */
export const rowNumber = (t: LayerTable, i: number) => (t.format === 'csv' ? i + 2 : i + 1);

/** Column names (CSV header) or property keys (union over the features, in order of first appearance). */
export function columnsOf(t: LayerTable): string[] {
  if (t.format === 'csv') return t.header;
  const seen = new Set<string>();
  for (const f of t.features) for (const k of Object.keys(f.properties ?? {})) seen.add(k);
  return [...seen];
}

/** The cell of `column` in row i as a string ('' when missing); column names match case-insensitively like the readers. */
export function cellOf(t: LayerTable, i: number, column: string): string {
  if (t.format === 'csv') {
    const k = columnIndex(t.header, column);
    return k < 0 ? '' : (t.rows[i][k] ?? '');
  }
  const props = t.features[i].properties ?? {};
  const key = column in props ? column : Object.keys(props).find((p) => p.toLowerCase() === column.toLowerCase());
  const v = key === undefined ? undefined : props[key];
  return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function columnIndex(header: string[], column: string): number {
  const exact = header.indexOf(column);
  return exact >= 0 ? exact : header.findIndex((h) => h.toLowerCase() === column.toLowerCase());
}

/** Keeps the rows whose index is not in `drop`. */
export function dropRows(t: LayerTable, drop: Set<number>): LayerTable {
  if (drop.size === 0) return t;
  return t.format === 'csv' ? { ...t, rows: t.rows.filter((_, i) => !drop.has(i)) } : { ...t, features: t.features.filter((_, i) => !drop.has(i)) };
}
