import type { Crs } from '../core/crs/crs.ts';
import { toWgs84 } from '../core/crs/to-wgs84.ts';
import { LoadError } from './load-error.ts';

/** Calls `fn` on every position array ([x, y, …]) of a geometry, GeometryCollections included. */
function eachPosition(g: GeoJSON.Geometry | null | undefined, fn: (p: number[]) => void) {
  if (!g) return;
  if (g.type === 'GeometryCollection') return g.geometries.forEach((c) => eachPosition(c, fn));
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') fn(c as number[]);
    else c.forEach(walk);
  };
  walk((g as { coordinates?: unknown }).coordinates);
}

/**
 * Converts every coordinate of the features from `crs` to WGS84 lon/lat in place (geometry by
 * geometry, so one batch per feature through toWgs84). Z values are kept.
 */
export function reprojectFeatures(fc: { features: { geometry: GeoJSON.Geometry | null }[] }, crs: Crs): void {
  if (crs.kind === 'wgs84') return;
  for (const f of fc.features) {
    const positions: number[][] = [];
    eachPosition(f?.geometry, (p) => positions.push(p));
    if (!positions.length) continue;
    const flat = new Float64Array(2 * positions.length);
    positions.forEach((p, i) => {
      flat[2 * i] = p[0];
      flat[2 * i + 1] = p[1];
    });
    const out = toWgs84(flat, crs);
    positions.forEach((p, i) => {
      p[0] = out[2 * i];
      p[1] = out[2 * i + 1];
    });
  }
}

/** The readers' aliases for the x (longitude / easting) and y (latitude / northing) columns. */
const X_ALIASES = ['lon', 'lng', 'longitude', 'x'];
const Y_ALIASES = ['lat', 'latitude', 'y'];

/**
 * Converts the x/y columns of a table from `crs` to WGS84 lon/lat in place, as full-precision
 * decimal strings. Columns: the names given (e.g. the population loader's lon/lat fields), else
 * the first of lon/lng/longitude/x and lat/latitude/y, case-insensitively, as the readers find
 * them. Cells that are not numbers are left for the reader to report with their row number.
 */
export function reprojectColumns(file: string, header: string[], rows: string[][], crs: Crs, columns: { lon?: string; lat?: string } = {}): void {
  if (crs.kind === 'wgs84') return;
  const lower = header.map((h) => h.trim().toLowerCase());
  const find = (explicit: string | undefined, aliases: string[]) =>
    explicit ? lower.indexOf(explicit.toLowerCase()) : aliases.map((a) => lower.indexOf(a)).find((k) => k >= 0) ?? -1;
  const xi = find(columns.lon, X_ALIASES);
  const yi = find(columns.lat, Y_ALIASES);
  if (xi < 0 || yi < 0)
    throw new LoadError(file, {
      en: `cannot convert from ${crs.name}: no ${xi < 0 ? `x/longitude column (${columns.lon ?? X_ALIASES.join('/')})` : `y/latitude column (${columns.lat ?? Y_ALIASES.join('/')})`}; found: ${header.join(', ')}`,
      zh: `无法从 ${crs.name} 转换：找不到${xi < 0 ? `x/经度列（${columns.lon ?? X_ALIASES.join('/')}）` : `y/纬度列（${columns.lat ?? Y_ALIASES.join('/')}）`}；文件中的列：${header.join('、')}。请重命名坐标列`,
    });
  const flat = new Float64Array(2 * rows.length);
  rows.forEach((r, i) => {
    flat[2 * i] = r[xi]?.trim() === '' ? NaN : Number(r[xi]);
    flat[2 * i + 1] = r[yi]?.trim() === '' ? NaN : Number(r[yi]);
  });
  const out = toWgs84(flat, crs);
  rows.forEach((r, i) => {
    if (!Number.isFinite(flat[2 * i]) || !Number.isFinite(flat[2 * i + 1])) return;
    r[xi] = String(out[2 * i]);
    r[yi] = String(out[2 * i + 1]);
  });
}
