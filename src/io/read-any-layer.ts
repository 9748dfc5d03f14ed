import { WGS84, type Crs } from '../core/crs/crs.ts';
import { parseCrs } from '../core/crs/parse-crs.ts';
import { decodeText, type EncodingChoice, type TextEncodingName } from './decode-text.ts';
import { checkFileSize } from './file-size-limit.ts';
import { formatCsv } from './format-csv.ts';
import { EMPTY_FILE } from './empty-file-message.ts';
import { LoadError } from './load-error.ts';
import { detectDelimiter, parseCsv, type CsvDelimiter } from './parse-csv.ts';
import { geopackageLayer, isSqlite } from './read-geopackage.ts';
import { readGeojsonLines } from './read-geojson-lines.ts';
import { parquetLayer, parquetMagic } from './read-parquet.ts';
import { readShapefileZip } from './read-shapefile-zip.ts';
import { readXlsx } from './read-xlsx.ts';
import { reprojectColumns, reprojectFeatures } from './reproject-layer.ts';
import { isZip, listZip } from './unzip-limited.ts';

/** `osm` is reported by the facility and network loaders, which read OSM files themselves. */
export type LayerFormat = 'geojson' | 'geojsonl' | 'csv' | 'xlsx' | 'shapefile-zip' | 'osm' | 'geopackage' | 'parquet' | 'geoparquet';

/** What was detected about a file, for the UI to show and let the user override. */
export interface LayerSource {
  format: LayerFormat;
  /** How text was decoded; null for .xlsx (its XML is always UTF-8). */
  encoding: TextEncodingName | null;
  /** The CRS converted from (a Crs id: wgs84, gcj02, bd09, EPSG:4549, WKT:<name>) and its name. */
  crs: string;
  crsName: string;
  /** Where the CRS came from: the caller's choice, the .prj, the GeoJSON `crs` member, or the WGS84 default. */
  crsFrom: 'argument' | 'prj' | 'geojson' | 'default' | 'file';
  delimiter?: CsvDelimiter;
  /** The sheet read (xlsx) or the .shp read (zip). */
  sheet?: string;
  entry?: string;
  /** The GeoPackage feature table or GeoParquet geometry column read. */
  layer?: string;
}

export interface LayerOptions {
  /** The CRS of the coordinates (a Crs or what parseCrs accepts); default: the file's own (.prj, GeoJSON crs), else WGS84. */
  crs?: string | Crs;
  encoding?: EncodingChoice;
  /** The x/y columns of a table to convert, when not lon/lat/x/y (the population loader's fields). */
  columns?: { lon?: string; lat?: string };
  sheet?: string | number;
  /** The GeoPackage feature table to read (default: the first in gpkg_contents). */
  table?: string;
}

/** Text the existing readers accept (GeoJSON FeatureCollection or CSV), in WGS84 lon/lat. */
export interface AnyLayer {
  text: string;
  source: LayerSource;
  warnings: string[];
}

const LINES_NAME = /\.(geojsonl|geojsons|geojsonseq|ndjson|jsonl)$/i;
const OSM_NAME = /\.(osm|pbf|osm\.gz)$/i;

/**
 * One loader for every point/polygon layer format: GeoJSON, GeoJSON Lines, CSV/TSV (any of
 * `, ; \t |`), Excel .xlsx, zipped Shapefiles, GeoPackage and (Geo)Parquet, told apart by their bytes (zip signature
 * PK\x03\x04; an .xlsx is a zip with `[Content_Types].xml` and `xl/`) and then by name. Text is
 * decoded with decodeText (UTF-8, else GBK/GB18030), coordinates converted to WGS84 from
 * `opts.crs`, the .prj or a GeoJSON `crs` member, and the result handed back as GeoJSON or CSV
 * text so that readPopulation/readFacilities/readCommunities/readSitePoints keep doing all the
 * validation. Unchanged WGS84 GeoJSON and CSV are passed through as decoded.
 */
export async function readAnyLayer(name: string, bytes: Uint8Array, opts: LayerOptions = {}): Promise<AnyLayer> {
  if (bytes.length === 0) throw new LoadError(name, EMPTY_FILE);
  checkFileSize(name, bytes.length);
  let argCrs: Crs | undefined;
  try {
    argCrs = typeof opts.crs === 'string' ? parseCrs(opts.crs) : opts.crs;
  } catch (e) {
    throw new LoadError(name, { en: (e as Error).message, zh: `无法识别所选坐标系（${(e as Error).message}）：请改选列表中的坐标系，或填写 EPSG 代码（如 EPSG:4549）` });
  }
  const crsSource = (crs: Crs, crsFrom: LayerSource['crsFrom']) => ({ crs: crs.id, crsName: crs.name, crsFrom });

  // GeoPackage (SQLite) and (Geo)Parquet are told by their magic bytes; see read-geopackage.ts, read-parquet.ts.
  if (isSqlite(bytes) || /\.gpkg$/i.test(name)) return geopackageLayer(name, bytes, argCrs, opts.table);
  if (parquetMagic(bytes) !== 'none' || /\.(geo)?parquet$/i.test(name)) return parquetLayer(name, bytes, argCrs, opts.columns);
  if (isZip(bytes)) {
    const entries = listZip(name, bytes).map((e) => e.name);
    if (entries.includes('[Content_Types].xml') && entries.some((e) => e.startsWith('xl/'))) {
      const t = await readXlsx(name, bytes, opts.sheet);
      const crs = argCrs ?? WGS84;
      reprojectColumns(name, t.header, t.rows, crs, opts.columns);
      return {
        text: formatCsv(t.header, t.rows),
        source: { format: 'xlsx', encoding: null, ...crsSource(crs, argCrs ? 'argument' : 'default'), sheet: t.sheet },
        warnings: t.warnings,
      };
    }
    const shp = readShapefileZip(name, bytes, { crs: argCrs, encoding: opts.encoding });
    return {
      text: JSON.stringify(shp.featureCollection),
      source: { format: 'shapefile-zip', encoding: shp.encoding, ...crsSource(shp.crs, shp.crsFrom), entry: shp.entry },
      warnings: shp.warnings,
    };
  }
  if (/\.zip$/i.test(name)) throw new LoadError(name, {
      en: 'named .zip but not a zip archive (it does not start with the zip signature); the download may be incomplete',
      zh: '文件名是 .zip，但内容不是 zip 压缩包（开头没有 zip 标识）：文件可能没有下载完整，请重新下载',
    });
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new LoadError(name, { en: 'an old Excel .xls (or other OLE) file: save it as .xlsx or CSV first', zh: '这是旧版 Excel .xls（或其他 OLE）文件：请先另存为 .xlsx 或 CSV' });
  if (/\.xlsx$/i.test(name)) throw new LoadError(name, { en: 'named .xlsx but not an Excel 2007+ workbook (no zip signature); save it again as .xlsx or CSV', zh: '文件名是 .xlsx，但内容不是 Excel 2007 及以上版本的工作簿（没有 zip 标识）：请重新另存为 .xlsx 或 CSV' });
  if (OSM_NAME.test(name)) throw new LoadError(name, {
      en: 'OSM files can be loaded as facilities (typed from their tags) or as the street network, not as this layer',
      zh: 'OSM 文件只能作为设施图层（按标签识别类型）或路网图层加载，不能作为本图层：请为本图层选择正确的文件',
    });

  if (!opts.encoding || opts.encoding === 'auto') checkNotBinary(name, bytes);
  const { text, encoding } = decodeText(bytes, opts.encoding);
  const head = text.trimStart();
  if (/\.(geo)?json$/i.test(name) && !head.startsWith('{') && !head.startsWith('[') && !head.startsWith('\u001e'))
    throw new LoadError(name, {
      en: `named ${name.slice(name.lastIndexOf('.'))} but it is not GeoJSON (it does not start with "{"); choose the GeoJSON file, or rename a CSV to .csv`,
      zh: `文件名是 ${name.slice(name.lastIndexOf('.'))}，但内容不是 GeoJSON（不以“{”开头）：请选择 GeoJSON 文件；如果是 CSV，请把扩展名改为 .csv`,
    });
  if (LINES_NAME.test(name) || head.startsWith('\u001e') || (head.startsWith('{') && isFeatureLine(head))) {
    const fc = readGeojsonLines(name, text);
    const crs = argCrs ?? WGS84;
    convertFeatures(name, fc, crs);
    return { text: JSON.stringify(fc), source: { format: 'geojsonl', encoding, ...crsSource(crs, argCrs ? 'argument' : 'default') }, warnings: [] };
  }
  if (head.startsWith('{') || head.startsWith('[')) return geojsonLayer(name, text, encoding, argCrs);

  const crs = argCrs ?? WGS84;
  if (crs.kind === 'wgs84') {
    return { text, source: { format: 'csv', encoding, ...crsSource(crs, argCrs ? 'argument' : 'default'), delimiter: detectDelimiter(text) }, warnings: [] };
  }
  const { header, rows, delimiter } = parseCsv(text);
  reprojectColumns(name, header, rows, crs, opts.columns);
  return { text: formatCsv(header, rows), source: { format: 'csv', encoding, ...crsSource(crs, 'argument'), delimiter }, warnings: [] };
}

/**
 * Text layers never hold NUL bytes or many control characters; binary files (images, PDFs, a
 * database) given by mistake would otherwise be decoded as GB18030 and parsed as a nonsense CSV.
 * NULs in every other byte are UTF-16 text without a byte-order mark (with one, decodeText reads it).
 */
function checkNotBinary(name: string, bytes: Uint8Array) {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return;
  const head = bytes.subarray(0, 4096);
  let nul = 0, nulOdd = 0, control = 0;
  head.forEach((b, i) => {
    if (b === 0) {
      nul++;
      if (i % 2 === 1) nulOdd++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1e) control++;
  });
  if (nul > head.length / 4 && (nulOdd > 0.9 * nul || nulOdd < 0.1 * nul) && control < head.length / 100)
    throw new LoadError(name, {
      en: 'the file has NUL bytes between its characters: UTF-16 text without a byte-order mark. Save it as UTF-8 (e.g. Excel "CSV UTF-8") and load it again',
      zh: '文件的字符之间夹有 NUL 字节：这是没有字节顺序标记（BOM）的 UTF-16 文本。请另存为 UTF-8（如 Excel 的“CSV UTF-8”）后重新加载',
    });
  if (nul > 0 || control > head.length / 20)
    throw new LoadError(name, {
      en: 'a binary file, not text: expected GeoJSON, CSV/TSV, an .xlsx workbook or a zipped Shapefile. Check that the right file was chosen for this layer',
      zh: '这是二进制文件，不是文本：本图层需要 GeoJSON、CSV/TSV、.xlsx 工作簿或打包成 zip 的 Shapefile。请确认为本图层选择了正确的文件',
    });
}

/** True when the first line alone is a JSON Feature (GeoJSON Lines, or one Feature per file). */
function isFeatureLine(text: string) {
  // A FeatureCollection says so near its start; skip parsing what may be a 200 MB single line.
  if (/"FeatureCollection"/.test(text.slice(0, 4096))) return false;
  const end = text.indexOf('\n');
  try {
    return JSON.parse(end < 0 ? text : text.slice(0, end))?.type === 'Feature';
  } catch {
    return false;
  }
}

function convertFeatures(name: string, fc: { features: { geometry: GeoJSON.Geometry | null }[] }, crs: Crs) {
  try {
    reprojectFeatures(fc, crs);
  } catch (e) {
    throw new LoadError(name, { en: `coordinates cannot be converted from ${crs.name}: ${(e as Error).message}`, zh: `坐标无法从 ${crs.name} 转换（${(e as Error).message}）：请检查所选坐标系是否与文件一致` });
  }
}

/**
 * GeoJSON: RFC 7946 says WGS84, but GDAL and older tools write a `crs` member
 * ({"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}}); it is honoured unless
 * the caller chose a CRS. Malformed JSON is passed through for the reader to report.
 */
function geojsonLayer(name: string, text: string, encoding: TextEncodingName, argCrs: Crs | undefined): AnyLayer {
  const pass = (crs: Crs, crsFrom: LayerSource['crsFrom'], warnings: string[] = []): AnyLayer => ({
    text,
    source: { format: 'geojson', encoding, crs: crs.id, crsName: crs.name, crsFrom },
    warnings,
  });
  const mayHaveCrs = /"crs"\s*:/.test(text.slice(0, 4096));
  if ((!argCrs || argCrs.kind === 'wgs84') && !mayHaveCrs) return pass(argCrs ?? WGS84, argCrs ? 'argument' : 'default');
  let fc: { crs?: { properties?: { name?: unknown } }; features?: { geometry: GeoJSON.Geometry | null }[] };
  try {
    fc = JSON.parse(text);
  } catch {
    return pass(argCrs ?? WGS84, argCrs ? 'argument' : 'default');
  }
  const warnings: string[] = [];
  let fileCrs: Crs | undefined;
  const named = fc?.crs?.properties?.name;
  if (typeof named === 'string') {
    try {
      fileCrs = parseCrs(named);
    } catch (e) {
      if (!argCrs) throw new LoadError(name, { en: `the GeoJSON "crs" member cannot be used: ${(e as Error).message}`, zh: `无法使用 GeoJSON 中的“crs”坐标系声明（${(e as Error).message}）：请在加载时手动选择坐标系` });
    }
  }
  const crs = argCrs ?? fileCrs ?? WGS84;
  const crsFrom = argCrs ? 'argument' : fileCrs ? 'geojson' : 'default';
  if (argCrs && fileCrs && fileCrs.id !== argCrs.id) warnings.push(`${name}: the file's "crs" member says ${fileCrs.name}; converted from ${argCrs.name} as asked`);
  if (crs.kind === 'wgs84' || !Array.isArray(fc?.features)) return pass(crs, crsFrom, warnings);
  convertFeatures(name, fc as { features: { geometry: GeoJSON.Geometry | null }[] }, crs);
  delete fc.crs;
  return { text: JSON.stringify(fc), source: { format: 'geojson', encoding, crs: crs.id, crsName: crs.name, crsFrom }, warnings };
}
