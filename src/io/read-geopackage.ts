import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { crsFromEpsg, WGS84, type Crs } from '../core/crs/crs.ts';
import { crsFromWkt } from '../core/crs/crs-from-wkt.ts';
import { chooseFileCrs, convertFileFeatures } from './file-crs-choice.ts';
import { LoadError } from './load-error.ts';
import type { AnyLayer } from './read-any-layer.ts';
import { loadSqlJs } from './sqljs-load.ts';
import { readGpkgGeometry } from './wkb/read-gpkg-geometry.ts';

/** What readGeopackage found: features in the file's own CRS (not yet converted). */
export interface GeopackageLayer {
  featureCollection: { type: 'FeatureCollection'; features: GeoJSON.Feature[] };
  /** The feature table read, and every feature table in gpkg_contents order. */
  table: string;
  tables: string[];
  /** The table's CRS from gpkg_spatial_ref_sys; undefined for srs_id 0 (undefined geographic: taken as WGS84 by the caller). */
  crs?: Crs;
  /** Why the table's CRS cannot be used (unsupported EPSG code, srs_id -1); the caller throws it unless a CRS was chosen. */
  crsProblem?: { en: string; zh: string };
  warnings: string[];
}

/** "SQLite format 3\0", the first 16 bytes of every SQLite database (GeoPackages are SQLite files). */
export function isSqlite(bytes: Uint8Array): boolean {
  const magic = 'SQLite format 3\0';
  if (bytes.length < 16) return false;
  for (let i = 0; i < 16; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}

/** A GeoPackage layer as readAnyLayer hands it on: WGS84 GeoJSON text, the table read in `source.layer`. */
export async function geopackageLayer(name: string, bytes: Uint8Array, argCrs: Crs | undefined, table?: string): Promise<AnyLayer> {
  const g = await readGeopackage(name, bytes, { table });
  const warnings = [...g.warnings];
  const { crs, crsFrom } = chooseFileCrs(name, argCrs, g, warnings);
  convertFileFeatures(name, g.featureCollection, crs);
  return { text: JSON.stringify(g.featureCollection), source: { format: 'geopackage', encoding: null, crs: crs.id, crsName: crs.name, crsFrom, layer: g.table }, warnings };
}

/**
 * The database size the SQLite header records (page size at bytes 16–17, big-endian, 1 = 65536;
 * page count at 28–31), when it is valid: SQLite trusts it only if the change counter (24–27)
 * equals the version-valid-for number (92–95). Undefined otherwise.
 */
function sqliteSizeFromHeader(bytes: Uint8Array): number | undefined {
  if (bytes.length < 100) return undefined;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = v.getUint16(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = v.getUint32(28);
  if (pages === 0 || v.getUint32(24) !== v.getUint32(92) || pageSize < 512) return undefined;
  return pageSize * pages;
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

function rows(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  return db.exec(sql, params)[0]?.values ?? [];
}

/**
 * A GeoPackage (OGC 12-128r, the SQLite container QGIS and ogr2ogr write) read with sql.js:
 * one feature table (`opts.table`, else the first in gpkg_contents) as a GeoJSON
 * FeatureCollection in the table's own CRS. Attribute columns become properties (the integer
 * primary key, GDAL's FID, does not; NULLs are left out, as GeoJSON writers leave out unset
 * fields; BOOLEAN columns become true/false); geometry blobs are read by readGpkgGeometry.
 * Errors say what is wrong in the user's terms (not a GeoPackage, no feature table, damaged file).
 */
export async function readGeopackage(name: string, bytes: Uint8Array, opts: { table?: string } = {}): Promise<GeopackageLayer> {
  if (!isSqlite(bytes)) throw new LoadError(name, { en: 'not a GeoPackage: a .gpkg is an SQLite database and starts with "SQLite format 3"; the file may be damaged or another format renamed', zh: '不是 GeoPackage 文件：.gpkg 是 SQLite 数据库，应以 “SQLite format 3” 开头；文件可能已损坏，或是其他格式改了扩展名' });
  const expected = sqliteSizeFromHeader(bytes);
  if (expected !== undefined && bytes.length < expected)
    throw new LoadError(name, {
      en: `the GeoPackage is truncated: its header says ${expected} bytes, the file has ${bytes.length}. Copy or export it again`,
      zh: `GeoPackage 文件不完整：文件头记录 ${expected} 字节，实际只有 ${bytes.length} 字节。请重新复制或导出`,
    });
  // Bytes 18–19 = 2 mark WAL mode; the -wal file is not here, and sql.js reads a database in memory only in rollback mode.
  let data = bytes;
  if (bytes[18] === 2 || bytes[19] === 2) {
    data = bytes.slice();
    data[18] = data[19] = 1;
  }
  let SQL: SqlJsStatic;
  try {
    SQL = await loadSqlJs();
  } catch (e) {
    throw new LoadError(name, { en: `the GeoPackage reader (SQLite wasm) could not start here (${(e as Error).message}); load the file as a map layer instead`, zh: `GeoPackage 读取器（SQLite wasm）无法在此启动（${(e as Error).message}）：请把文件作为地图图层加载` });
  }
  let db: Database;
  try {
    db = new SQL.Database(data);
  } catch (e) {
    throw damaged(name, e);
  }
  try {
    return readFeatureTable(name, db, opts.table);
  } catch (e) {
    if (e instanceof LoadError) throw e;
    throw damaged(name, e);
  } finally {
    db.close();
  }
}

function damaged(name: string, e: unknown) {
  const why = e instanceof Error ? e.message : String(e);
  return new LoadError(name, {
    en: `SQLite cannot read this GeoPackage (${why}): the file is probably truncated or damaged; copy or export it again`,
    zh: `SQLite 无法读取这个 GeoPackage（${why}）：文件可能不完整或已损坏，请重新复制或导出`,
  });
}

function readFeatureTable(name: string, db: Database, wanted: string | undefined): GeopackageLayer {
  const hasContents = rows(db, "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = 'gpkg_contents'").length > 0;
  if (!hasContents) {
    const tables = rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name LIMIT 6").map((r) => String(r[0]));
    const list = tables.length ? `; its tables: ${tables.join(', ')}` : '';
    throw new LoadError(name, {
      en: `an SQLite database but not a GeoPackage (it has no gpkg_contents table${list}). Export the layer as GeoPackage from QGIS or with ogr2ogr -f GPKG`,
      zh: `这是 SQLite 数据库而不是 GeoPackage（没有 gpkg_contents 表${tables.length ? `；其中的表：${tables.join('、')}` : ''}）。请在 QGIS 中或用 ogr2ogr -f GPKG 导出为 GeoPackage`,
    });
  }
  const tables = rows(db, "SELECT table_name FROM gpkg_contents WHERE lower(data_type) = 'features' ORDER BY rowid").map((r) => String(r[0]));
  if (!tables.length) {
    const other = rows(db, 'SELECT table_name, data_type FROM gpkg_contents ORDER BY rowid').map((r) => `${r[0]} (${r[1]})`);
    throw new LoadError(name, {
      en: `the GeoPackage has no feature (vector) table${other.length ? `, only ${other.join(', ')}` : ' (gpkg_contents is empty)'}. Choose a GeoPackage with a point or polygon layer`,
      zh: `这个 GeoPackage 没有矢量要素表${other.length ? `，只有 ${other.join('、')}` : '（gpkg_contents 为空）'}。请选择含点或面图层的 GeoPackage`,
    });
  }
  const table = wanted ?? tables[0];
  if (!tables.includes(table))
    throw new LoadError(name, { en: `the GeoPackage has no feature table "${table}"; its feature tables: ${tables.join(', ')}`, zh: `这个 GeoPackage 没有要素表“${table}”；其中的要素表：${tables.join('、')}` });
  const warnings: string[] = [];
  if (tables.length > 1 && !wanted) warnings.push(`${name}: ${tables.length} feature tables (${tables.join(', ')}); read the first, "${table}"`);

  const geomRow = rows(db, 'SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?', [table])[0];
  if (!geomRow)
    throw new LoadError(name, { en: `the feature table "${table}" has no row in gpkg_geometry_columns, so its geometry column is unknown; the GeoPackage is incomplete: export it again`, zh: `要素表“${table}”在 gpkg_geometry_columns 中没有记录，无法确定几何列；GeoPackage 不完整，请重新导出` });
  const geomColumn = String(geomRow[0]);
  const srsId = Number(geomRow[1]);
  const { crs, crsProblem } = tableCrs(db, srsId);

  const info = rows(db, `PRAGMA table_info(${quote(table)})`).map((r) => ({ name: String(r[1]), type: String(r[2] ?? '').toUpperCase(), pk: Number(r[5]) }));
  const fid = info.filter((c) => c.pk > 0).length === 1 ? info.find((c) => c.pk > 0 && c.type === 'INTEGER')?.name : undefined;
  const fields = info.filter((c) => c.name !== geomColumn && c.name !== fid);
  const geomIndex = info.findIndex((c) => c.name === geomColumn);
  const columns = info.map((c) => c.name);
  let skippedBlobs = 0;

  const features: GeoJSON.Feature[] = [];
  const stmt = db.prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)}`);
  try {
    while (stmt.step()) {
      const row = stmt.get();
      const properties: Record<string, unknown> = {};
      for (const f of fields) {
        const v = row[columns.indexOf(f.name)];
        if (v === null || v === undefined) continue;
        if (v instanceof Uint8Array) {
          skippedBlobs++;
          continue;
        }
        properties[f.name] = f.type === 'BOOLEAN' ? v !== 0 : v;
      }
      const blob = row[geomIndex];
      let geometry: GeoJSON.Geometry | null = null;
      if (blob instanceof Uint8Array) {
        try {
          geometry = readGpkgGeometry(blob).geometry;
        } catch (e) {
          const at = fid ? ` (${fid} ${row[columns.indexOf(fid)]})` : '';
          throw new LoadError(name, {
            en: `table "${table}", feature ${features.length + 1}${at}: the geometry cannot be read: ${(e as Error).message}`,
            zh: `表“${table}”第 ${features.length + 1} 个要素${at}：几何无法读取（${(e as Error).message}）`,
          });
        }
      } else if (blob !== null && blob !== undefined) {
        throw new LoadError(name, { en: `table "${table}", feature ${features.length + 1}: the geometry column "${geomColumn}" holds ${typeof blob}, not a GeoPackage geometry blob`, zh: `表“${table}”第 ${features.length + 1} 个要素：几何列“${geomColumn}”存的不是 GeoPackage 几何数据` });
      }
      features.push({ type: 'Feature', geometry: geometry as GeoJSON.Geometry, properties });
    }
  } finally {
    stmt.free();
  }
  if (skippedBlobs) warnings.push(`${name}: ${skippedBlobs} binary (BLOB) attribute values were left out`);
  return { featureCollection: { type: 'FeatureCollection', features }, table, tables, crs, crsProblem, warnings };
}

/**
 * The CRS of srs_id from gpkg_spatial_ref_sys: by EPSG code when the organisation is EPSG, else
 * from the WKT definition. srs_id 0 is "undefined geographic" (lon/lat, taken as WGS84) and -1
 * "undefined Cartesian" (metres in an unknown system: the user must say which).
 */
function tableCrs(db: Database, srsId: number): { crs?: Crs; crsProblem?: { en: string; zh: string } } {
  if (srsId === 0) return {};
  if (srsId === -1)
    return { crsProblem: { en: 'the layer has an undefined Cartesian coordinate system (srs_id -1); choose its EPSG code', zh: '图层的坐标系未定义（srs_id -1，笛卡尔坐标）；请选择它的 EPSG 代码' } };
  const r = rows(db, 'SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsId])[0];
  if (!r) return { crsProblem: { en: `srs_id ${srsId} is not in gpkg_spatial_ref_sys; choose the layer's coordinate system`, zh: `gpkg_spatial_ref_sys 中没有 srs_id ${srsId}；请选择图层的坐标系` } };
  const [org, code, definition] = [String(r[0] ?? ''), Number(r[1]), String(r[2] ?? '')];
  let epsgError: Error | undefined;
  if (org.toUpperCase() === 'EPSG' && Number.isInteger(code)) {
    if (code === 4326) return { crs: WGS84 };
    try {
      return { crs: crsFromEpsg(code) };
    } catch (e) {
      epsgError = e as Error;
    }
  }
  if (definition && definition.toLowerCase() !== 'undefined') {
    try {
      return { crs: crsFromWkt(definition) };
    } catch (e) {
      epsgError ??= e as Error;
    }
  }
  const what = `${org}:${code}`;
  const why = epsgError?.message ?? 'it has no usable definition';
  return { crsProblem: { en: `the layer's coordinate system ${what} cannot be used: ${why}`, zh: `图层的坐标系 ${what} 无法使用：${why}` } };
}
