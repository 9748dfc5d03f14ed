import { WGS84, type Crs } from '../core/crs/crs.ts';
import { crsFromWkt } from '../core/crs/crs-from-wkt.ts';
import { decodeText, type EncodingChoice, type TextEncodingName } from './decode-text.ts';
import { EMPTY_FILE } from './empty-file-message.ts';
import { LoadError } from './load-error.ts';
import { reprojectFeatures } from './reproject-layer.ts';
import { readDbf } from './shapefile/read-dbf.ts';
import { readShp } from './shapefile/read-shp.ts';
import { isZip, listZip, unzipEntries } from './unzip-limited.ts';

export interface ShapefileLayer {
  /** Features in WGS84 lon/lat, properties from the .dbf. */
  featureCollection: GeoJSON.FeatureCollection<GeoJSON.Geometry | null, Record<string, unknown>>;
  /** The CRS the coordinates were converted from, and where that choice came from. */
  crs: Crs;
  crsFrom: 'argument' | 'prj' | 'default';
  /** How the .dbf text was decoded (from the .cpg, the dBASE language driver, or detected). */
  encoding: TextEncodingName;
  /** The .shp read, inside the zip. */
  entry: string;
  warnings: string[];
}

/** macOS Finder adds __MACOSX/ and ._name resource forks to zips; they are not data. */
const isJunk = (n: string) => n.startsWith('__MACOSX/') || /(^|\/)\._/.test(n);

/**
 * A zipped Shapefile (.shp + .dbf, with .prj and .cpg when present; .shx is not needed). The
 * coordinates are converted to WGS84 from `opts.crs` if given, else from the .prj, else taken as
 * WGS84 with a warning. Attribute text is decoded with `opts.encoding`, else the .cpg, else
 * detected (UTF-8 if valid, else GBK/GB18030, the usual encoding of Chinese ArcGIS/QGIS exports).
 * Several Shapefiles in one zip: the first is read and the others are named in a warning.
 */
export function readShapefileZip(name: string, bytes: Uint8Array, opts: { crs?: Crs; encoding?: EncodingChoice } = {}): ShapefileLayer {
  if (bytes.length === 0) throw new LoadError(name, EMPTY_FILE);
  if (!isZip(bytes)) throw new LoadError(name, { en: 'not a zip archive; a Shapefile must be loaded as one .zip holding its .shp, .dbf and .prj files', zh: '不是 zip 压缩包：Shapefile 需要把 .shp、.dbf 和 .prj 文件打包成一个 .zip 再加载' });
  const entries = listZip(name, bytes).map((e) => e.name).filter((n) => !isJunk(n) && !n.endsWith('/'));
  const shps = entries.filter((n) => /\.shp$/i.test(n));
  if (shps.length === 0)
    throw new LoadError(name, {
      en: `the zip holds no .shp file (found: ${entries.slice(0, 8).join(', ') || 'nothing'}${entries.length > 8 ? ', …' : ''}); zip the .shp, .shx, .dbf and .prj of one layer together`,
      zh: `zip 中没有 .shp 文件（其中有：${entries.slice(0, 8).join('、') || '无'}${entries.length > 8 ? '、…' : ''}）：请把同一图层的 .shp、.shx、.dbf 和 .prj 一起打包`,
    });
  const warnings: string[] = [];
  const shp = shps[0];
  if (shps.length > 1) warnings.push(`${name}: the zip holds ${shps.length} Shapefiles (${shps.join(', ')}); read ${shp}. Zip each layer on its own to load the others.`);
  const stem = shp.slice(0, -4).toLowerCase();
  const sibling = (ext: string) => entries.find((n) => n.toLowerCase() === stem + ext);
  const wanted = new Set([shp, sibling('.dbf'), sibling('.prj'), sibling('.cpg')].filter((n): n is string => !!n));
  const files = unzipEntries(name, bytes, (n) => wanted.has(n));
  const text = (n: string | undefined) => (n && files[n] ? decodeText(files[n]).text : null);

  const { geometries, skipped } = readShp(name, files[shp]);
  if (skipped) warnings.push(`${name}: ${skipped} shapes of an unsupported type (MultiPatch) were left out`);
  const dbfName = sibling('.dbf');
  const dbf = dbfName ? readDbf(name, files[dbfName], text(sibling('.cpg')), opts.encoding) : null;
  if (!dbf) warnings.push(`${name}: no .dbf in the zip, so the features have no attributes (no names or ids)`);
  else if (dbf.records.length !== geometries.length)
    warnings.push(`${name}: the .shp has ${geometries.length} shapes but the .dbf ${dbf.records.length} records; they were paired in order`);

  const prj = text(sibling('.prj'));
  let crs: Crs = WGS84;
  let crsFrom: ShapefileLayer['crsFrom'] = 'default';
  let prjCrs: Crs | null = null;
  if (prj) {
    try {
      prjCrs = crsFromWkt(prj);
    } catch (e) {
      if (!opts.crs) throw new LoadError(name, { en: `the .prj cannot be used: ${(e as Error).message}`, zh: `无法使用 .prj 中的坐标系（${(e as Error).message}）：请在加载时手动选择坐标系` });
    }
  }
  if (opts.crs) {
    crs = opts.crs;
    crsFrom = 'argument';
    if (prjCrs && prjCrs.id !== crs.id) warnings.push(`${name}: the .prj says ${prjCrs.name}; converted from ${crs.name} as asked`);
  } else if (prjCrs) {
    crs = prjCrs;
    crsFrom = 'prj';
  } else warnings.push(`${name}: no .prj in the zip; coordinates were taken as WGS84 lon/lat. Give the coordinate system if they are not.`);

  const features: GeoJSON.Feature<GeoJSON.Geometry | null, Record<string, unknown>>[] = [];
  geometries.forEach((geometry, i) => {
    const record = dbf ? dbf.records[i] : {};
    if (record === null) return; // deleted in the .dbf
    features.push({ type: 'Feature', geometry, properties: { ...(record ?? {}) } });
  });
  const featureCollection = { type: 'FeatureCollection' as const, features };
  try {
    reprojectFeatures(featureCollection, crs);
  } catch (e) {
    throw new LoadError(name, { en: `coordinates cannot be converted from ${crs.name}: ${(e as Error).message}`, zh: `坐标无法从 ${crs.name} 转换（${(e as Error).message}）：请检查所选坐标系是否与文件一致` });
  }
  return { featureCollection, crs, crsFrom, encoding: dbf?.encoding ?? 'utf-8', entry: shp, warnings };
}
