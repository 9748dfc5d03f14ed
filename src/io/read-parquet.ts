import type { FileMetaData, SchemaElement } from 'hyparquet';
import { parseCrs } from '../core/crs/parse-crs.ts';
import { WGS84, type Crs } from '../core/crs/crs.ts';
import { chooseFileCrs, convertFileFeatures } from './file-crs-choice.ts';
import { formatCsv } from './format-csv.ts';
import { LoadError } from './load-error.ts';
import type { AnyLayer } from './read-any-layer.ts';
import { reprojectColumns } from './reproject-layer.ts';
import { readWkb } from './wkb/read-wkb.ts';

/** A GeoParquet file: features in the file's own CRS (not yet converted). */
export interface GeoParquetLayer {
  kind: 'geoparquet';
  featureCollection: { type: 'FeatureCollection'; features: GeoJSON.Feature[] };
  /** The geometry column read (the `geo` metadata's primary_column). */
  column: string;
  /** The column's CRS; undefined when the metadata says null (unknown). */
  crs?: Crs;
  crsProblem?: { en: string; zh: string };
  warnings: string[];
}

/** A plain Parquet table (no geometry column): every cell as text, like a CSV, for the table readers. */
export interface ParquetTable {
  kind: 'parquet';
  header: string[];
  rows: string[][];
  warnings: string[];
}

/**
 * A Parquet layer as readAnyLayer hands it on: GeoParquet as WGS84 GeoJSON text (format
 * `geoparquet`), a plain table as CSV text with its x/y columns converted (format `parquet`).
 */
export async function parquetLayer(name: string, bytes: Uint8Array, argCrs: Crs | undefined, columns?: { lon?: string; lat?: string }): Promise<AnyLayer> {
  const p = await readParquet(name, bytes);
  const warnings = [...p.warnings];
  if (p.kind === 'parquet') {
    const crs = argCrs ?? WGS84;
    reprojectColumns(name, p.header, p.rows, crs, columns);
    return { text: formatCsv(p.header, p.rows), source: { format: 'parquet', encoding: null, crs: crs.id, crsName: crs.name, crsFrom: argCrs ? 'argument' : 'default' }, warnings };
  }
  const { crs, crsFrom } = chooseFileCrs(name, argCrs, p, warnings);
  convertFileFeatures(name, p.featureCollection, crs);
  return { text: JSON.stringify(p.featureCollection), source: { format: 'geoparquet', encoding: null, crs: crs.id, crsName: crs.name, crsFrom, layer: p.column }, warnings };
}

/** Parquet files start and end with the 4 bytes "PAR1". */
export function parquetMagic(bytes: Uint8Array): 'both' | 'start' | 'none' {
  const par1 = (i: number) => bytes[i] === 0x50 && bytes[i + 1] === 0x41 && bytes[i + 2] === 0x52 && bytes[i + 3] === 0x31;
  if (bytes.length < 4 || !par1(0)) return 'none';
  return bytes.length >= 12 && par1(bytes.length - 4) ? 'both' : 'start';
}

/** Top-level column names (nested columns' children skipped). */
function topLevelColumns(schema: SchemaElement[]): SchemaElement[] {
  const out: SchemaElement[] = [];
  const skip = (i: number): number => {
    let next = i + 1;
    for (let k = 0; k < (schema[i].num_children ?? 0); k++) next = skip(next);
    return next;
  };
  for (let i = 1; i < schema.length; i = skip(i)) out.push(schema[i]);
  return out;
}

/** A cell as a GeoJSON property value: bigint as a number when exact, else as text; dates as ISO text. */
function jsonValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (Array.isArray(v)) return v.map(jsonValue);
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonValue(x)]));
  return v;
}

/**
 * A Parquet file read with hyparquet (pure JS; snappy built in, gzip/zstd/brotli/lz4 from
 * hyparquet-compressors). With GeoParquet `geo` metadata (GeoParquet 1.0/1.1: primary_column,
 * columns.<name>.encoding "WKB", crs as PROJJSON, missing = OGC:CRS84, null = unknown), the
 * primary geometry column is read as WKB into features and the other columns become properties.
 * Without it, the table is handed back as text cells for the CSV path (lon/lat or x/y columns).
 * Both libraries are imported on first use, so other formats never load them.
 */
export async function readParquet(name: string, bytes: Uint8Array): Promise<GeoParquetLayer | ParquetTable> {
  const magic = parquetMagic(bytes);
  if (magic !== 'both')
    throw new LoadError(name, magic === 'start'
      ? { en: 'the Parquet file is truncated (it starts with "PAR1" but does not end with it, where the footer should be); copy or export it again', zh: 'Parquet 文件不完整（以 “PAR1” 开头，但结尾缺少文件尾）：请重新复制或导出' }
      : { en: 'not a Parquet file (it does not start with "PAR1"); the file may be damaged or another format renamed', zh: '不是 Parquet 文件（不以 “PAR1” 开头）：文件可能已损坏，或是其他格式改了扩展名' });
  const { parquetMetadata, parquetReadObjects } = await import('hyparquet');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const broken = (e: unknown) =>
    new LoadError(name, { en: `the Parquet file cannot be read (${(e as Error).message}); it may be damaged: export it again`, zh: `无法读取 Parquet 文件（${(e as Error).message}）：文件可能已损坏，请重新导出` });
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(buffer);
  } catch (e) {
    throw broken(e);
  }
  // hyparquet reads snappy in JS; the other codecs come from hyparquet-compressors, imported only when
  // needed because it instantiates a (snappy) wasm module on import, which a page's CSP may forbid.
  const codecs = new Set(metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec)));
  const compressors = [...codecs].some((c) => c && c !== 'UNCOMPRESSED' && c !== 'SNAPPY') ? (await import('hyparquet-compressors')).compressors : undefined;
  const columns = topLevelColumns(metadata.schema);
  const geo = geoMetadata(name, metadata);
  // Geometry bytes are handed back untouched, to be read here with the row number in messages.
  const parsers = { geometryFromBytes: (b: Uint8Array) => b, geographyFromBytes: (b: Uint8Array) => b };
  let records: Record<string, unknown>[];
  try {
    records = await parquetReadObjects({ file: buffer, metadata, parsers, ...(compressors ? { compressors } : {}) });
  } catch (e) {
    throw broken(e);
  }
  const warnings: string[] = [];

  if (!geo) {
    const header = columns.map((c) => c.name);
    let blobs = 0;
    const rows = records.map((r) =>
      header.map((h) => {
        const v = jsonValue(r[h]);
        if (v === null || v === undefined) return '';
        if (v instanceof Uint8Array) {
          blobs++;
          return '';
        }
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
      }),
    );
    if (blobs) warnings.push(`${name}: ${blobs} binary values were left empty (a geometry column without GeoParquet "geo" metadata is not read)`);
    return { kind: 'parquet', header, rows, warnings };
  }

  const others = columns.map((c) => c.name).filter((c) => c !== geo.column);
  const features: GeoJSON.Feature[] = records.map((r, i) => {
    const properties: Record<string, unknown> = {};
    for (const c of others) {
      const v = jsonValue(r[c]);
      if (v !== null && v !== undefined && !(v instanceof Uint8Array)) properties[c] = v;
    }
    const wkb = r[geo.column];
    let geometry: GeoJSON.Geometry | null = null;
    if (wkb instanceof Uint8Array) {
      try {
        geometry = readWkb(wkb);
      } catch (e) {
        throw new LoadError(name, { en: `row ${i + 1}: the "${geo.column}" geometry cannot be read: ${(e as Error).message}`, zh: `第 ${i + 1} 行：“${geo.column}”列的几何无法读取（${(e as Error).message}）` });
      }
    } else if (wkb !== null && wkb !== undefined) {
      throw new LoadError(name, { en: `row ${i + 1}: the "${geo.column}" column holds ${typeof wkb}, not WKB bytes`, zh: `第 ${i + 1} 行：“${geo.column}”列不是 WKB 几何数据` });
    }
    return { type: 'Feature', geometry: geometry as GeoJSON.Geometry, properties };
  });
  return { kind: 'geoparquet', featureCollection: { type: 'FeatureCollection', features }, column: geo.column, crs: geo.crs, crsProblem: geo.crsProblem, warnings };
}

interface GeoColumn {
  column: string;
  crs?: Crs;
  crsProblem?: { en: string; zh: string };
}

/**
 * The primary geometry column and its CRS from the GeoParquet `geo` key-value metadata, or from a
 * Parquet GEOMETRY logical type (Parquet 2.11, crs "EPSG:<code>" or absent = OGC:CRS84); undefined
 * for a plain table.
 */
function geoMetadata(name: string, metadata: FileMetaData): GeoColumn | undefined {
  const text = metadata.key_value_metadata?.find((kv) => kv.key === 'geo')?.value;
  if (text === undefined) {
    const native = topLevelColumns(metadata.schema).find((c) => c.logical_type?.type === 'GEOMETRY' || c.logical_type?.type === 'GEOGRAPHY');
    if (!native) return undefined;
    const crs = native.logical_type && 'crs' in native.logical_type ? native.logical_type.crs : undefined;
    return { column: native.name, ...crsFrom(crs ?? undefined) };
  }
  let geo: { primary_column?: unknown; columns?: Record<string, { encoding?: unknown; crs?: unknown }> };
  try {
    geo = JSON.parse(text);
  } catch (e) {
    throw new LoadError(name, { en: `the GeoParquet "geo" metadata is not valid JSON (${(e as Error).message})`, zh: `GeoParquet 的 “geo” 元数据不是有效的 JSON（${(e as Error).message}）` });
  }
  const column = typeof geo?.primary_column === 'string' ? geo.primary_column : undefined;
  const meta = column ? geo.columns?.[column] : undefined;
  if (!column || !meta)
    throw new LoadError(name, { en: 'the GeoParquet "geo" metadata names no primary_column described in its "columns"', zh: 'GeoParquet 的 “geo” 元数据没有给出 primary_column 及其列说明' });
  if (!topLevelColumns(metadata.schema).some((c) => c.name === column))
    throw new LoadError(name, { en: `the GeoParquet primary column "${column}" is not in the file`, zh: `文件中没有 GeoParquet 主几何列“${column}”` });
  const encoding = String(meta.encoding ?? '');
  if (encoding.toUpperCase() !== 'WKB')
    throw new LoadError(name, {
      en: `the geometry column "${column}" uses the "${encoding}" encoding; only WKB is read. Write the file with WKB geometries (GDAL: -lco GEOMETRY_ENCODING=WKB; GeoPandas: to_parquet(geometry_encoding="WKB"))`,
      zh: `几何列“${column}”采用 “${encoding}” 编码，只支持 WKB。请用 WKB 几何重新导出（GDAL：-lco GEOMETRY_ENCODING=WKB；GeoPandas：to_parquet(geometry_encoding="WKB")）`,
    });
  return { column, ...crsFrom('crs' in meta ? meta.crs : undefined) };
}

/** A GeoParquet crs value: missing → OGC:CRS84; null → unknown; PROJJSON with an EPSG (or OGC CRS84) id; or a string parseCrs reads. */
function crsFrom(crs: unknown): { crs?: Crs; crsProblem?: { en: string; zh: string } } {
  if (crs === undefined) return { crs: WGS84 };
  if (crs === null) return {};
  const problem = (why: string) => ({ crsProblem: { en: `the file's coordinate system cannot be used: ${why}; choose the layer's coordinate system`, zh: `文件的坐标系无法使用：${why}；请选择图层的坐标系` } });
  try {
    if (typeof crs === 'string') return { crs: parseCrs(crs.replace(/^projjson:/i, '')) };
    const c = crs as { id?: { authority?: unknown; code?: unknown }; ids?: { authority?: unknown; code?: unknown }[]; name?: unknown };
    const id = c.id ?? c.ids?.[0];
    if (id && typeof id.authority === 'string') {
      const key = `${id.authority}:${String(id.code)}`;
      if (/^ogc:crs84h?$/i.test(key)) return { crs: WGS84 };
      if (/^epsg:\d+$/i.test(key)) return { crs: parseCrs(key) };
      return problem(`${key} is not an EPSG code`);
    }
    return problem(`the PROJJSON "${String(c.name ?? '')}" has no EPSG id`);
  } catch (e) {
    return problem((e as Error).message);
  }
}
