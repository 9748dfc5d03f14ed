import { coordinateProblemText } from './check-coordinates.ts';
import { geometryRepresentativePoint } from './geometry-representative-point.ts';
import { LoadError } from './load-error.ts';
import { parseCsv } from './parse-csv.ts';
import { parseFeatureCollection } from './parse-feature-collection.ts';
import type { ReadResult } from './read-population.ts';

/** Points with ids: candidate sites (or existing facilities) for siting. Lon/lat interleaved, WGS84. */
export interface SitePoints {
  ids: string[];
  coords: Float64Array;
}

/**
 * Candidate sites from CSV (`id,lon,lat`, the id column renamable) or GeoJSON (Points, or parcel
 * Polygons reduced to a point inside them; id from the `idField` property, else the feature id,
 * else the row number). Rows without a usable location are skipped and listed; duplicate ids are
 * an error (the proposals refer to candidates by id).
 */
export function readSitePoints(file: string, text: string, idField = 'id'): ReadResult<SitePoints> {
  const clean = text.replace(/^\uFEFF/, '');
  const rows: { id: string; lon?: number; lat?: number; line: number }[] = [];
  if (/^\s*[{[]/.test(clean)) {
    const fc = parseFeatureCollection(file, clean, 'candidate points or parcels');
    fc.features.forEach((f, i) => {
      const props = f.properties ?? {};
      const key = Object.keys(props).find((k) => k.toLowerCase() === idField.toLowerCase());
      const pt = geometryRepresentativePoint(f.geometry);
      rows.push({ id: String((key ? props[key] : undefined) ?? f.id ?? `#${i + 1}`), lon: pt?.[0], lat: pt?.[1], line: i + 1 });
    });
  } else {
    const { header, rows: body } = parseCsv(clean);
    const lower = header.map((h) => h.toLowerCase());
    const col = (names: string[]) => names.map((n) => lower.indexOf(n.toLowerCase())).find((k) => k >= 0) ?? -1;
    const idCol = col([idField]);
    const lonCol = col(['lon', 'lng', 'longitude', 'x']);
    const latCol = col(['lat', 'latitude', 'y']);
    if (lonCol < 0 || latCol < 0) throw new LoadError(file, { en: `expected columns "${idField},lon,lat"; found: ${header.join(', ')}`, zh: `需要“${idField},lon,lat”这几列，文件中的列是：${header.join('、')}。请把经纬度列改名为 lon 和 lat` });
    if (idCol < 0 && idField !== 'id') throw new LoadError(file, { en: `no id column "${idField}"; found: ${header.join(', ')}`, zh: `没有编号列“${idField}”，文件中的列是：${header.join('、')}` });
    body.forEach((r, i) => {
      const lon = r[lonCol] === '' ? NaN : Number(r[lonCol]);
      const lat = r[latCol] === '' ? NaN : Number(r[latCol]);
      rows.push({ id: idCol >= 0 && r[idCol] ? r[idCol] : `#${i + 2}`, lon: Number.isFinite(lon) ? lon : undefined, lat: Number.isFinite(lat) ? lat : undefined, line: i + 2 });
    });
  }
  if (rows.length === 0) throw new LoadError(file, { en: 'the file has no rows', zh: '文件中没有数据行：请检查是否选错了文件' });
  const ids: string[] = [];
  const coords: number[] = [];
  const skipped: number[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.lon === undefined || r.lat === undefined) {
      skipped.push(r.line);
      continue;
    }
    const problem = coordinateProblemText(r.lon, r.lat);
    if (problem) throw new LoadError(file, { en: `row ${r.line}: ${problem.en} (lon=${r.lon}, lat=${r.lat})`, zh: `第 ${r.line} 行：${problem.zh}（lon=${r.lon}，lat=${r.lat}）` });
    const dup = seen.get(r.id);
    if (dup !== undefined) throw new LoadError(file, { en: `rows ${dup} and ${r.line} have the same id "${r.id}"; ids must be unique`, zh: `第 ${dup} 行和第 ${r.line} 行的编号相同（“${r.id}”）：编号必须唯一，请修改其中一个` });
    seen.set(r.id, r.line);
    ids.push(r.id);
    coords.push(r.lon, r.lat);
  }
  if (ids.length === 0) throw new LoadError(file, { en: 'no row has a usable location', zh: '没有一行有可用的位置（经纬度）：请检查 lon、lat 两列' });
  const warnings = skipped.length ? [`${file}: skipped ${skipped.length} of ${rows.length} rows without a location (rows ${skipped.slice(0, 8).join(', ')}${skipped.length > 8 ? ', …' : ''})`] : [];
  return { table: { ids, coords: Float64Array.from(coords) }, warnings };
}
