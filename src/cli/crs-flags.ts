import { readFile, stat } from 'node:fs/promises';
import { checkFileSize } from '../io/file-size-limit.ts';
import path from 'node:path';
import { CRS_USAGE, parseCrs } from '../core/crs/parse-crs.ts';
import { readAnyLayer, type AnyLayer, type LayerOptions, type LayerSource } from '../io/read-any-layer.ts';

export const CRS_FLAGS_USAGE = `      --<layer>-crs CRS: the coordinate system of that layer's file, ${CRS_USAGE}
      (or a path to a .prj file); default: the file's own (.prj in a Shapefile zip, a GeoJSON "crs"),
      else wgs84. GCJ-02 is Amap/高德/Tencent, BD-09 Baidu/百度; EPSG:4513–4554 are CGCS2000 3° Gauss-Krüger.
      Any layer file may also be .xlsx, a zipped Shapefile, a GeoPackage (.gpkg, first feature table),
      (Geo)Parquet, GeoJSON Lines, or CSV/TSV in UTF-8 or GBK.`;

/**
 * The `--<layer>-crs` flags for `layers`, each checked with parseCrs before any data is read (so a
 * typo fails at once, naming the flag). A value ending in `.prj` is read as a file of WKT.
 * Layers without the flag are left undefined: the file's own CRS, else WGS84, applies.
 */
export async function crsFlags<L extends string>(flags: Record<string, string>, layers: readonly L[]): Promise<Partial<Record<L, string>>> {
  const out: Partial<Record<L, string>> = {};
  for (const layer of layers) {
    let value = flags[`${layer}-crs`];
    if (value === undefined) continue;
    if (/\.prj$/i.test(value)) value = await readFile(value, 'utf8');
    try {
      parseCrs(value);
    } catch (e) {
      throw new Error(`--${layer}-crs: ${(e as Error).message}`);
    }
    out[layer] = value;
  }
  return out;
}

/** Reads a layer file in any format readAnyLayer knows, converted to WGS84 text for the readers. */
export async function readLayerFile(file: string, opts: LayerOptions = {}): Promise<AnyLayer> {
  checkFileSize(path.basename(file), (await stat(file)).size);
  return readAnyLayer(path.basename(file), new Uint8Array(await readFile(file)), opts);
}

/** For summary.json: the CRS each layer was converted from, e.g. { population: 'gcj02', communities: 'EPSG:4549' }. */
export function crsSummary(sources: Partial<Record<string, LayerSource>>): Record<string, string> {
  return Object.fromEntries(Object.entries(sources).filter((e): e is [string, LayerSource] => !!e[1]).map(([layer, s]) => [layer, s.crs]));
}
