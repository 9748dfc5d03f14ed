import { WGS84, type Crs } from '../core/crs/crs.ts';
import type { LayerSource } from './read-any-layer.ts';
import { LoadError, type Bilingual } from './load-error.ts';
import { reprojectFeatures } from './reproject-layer.ts';

/**
 * The CRS to convert a GeoPackage or GeoParquet layer from: the caller's choice, else the file's
 * own, else WGS84 (with a warning when the file says its CRS is unknown). A file CRS that cannot
 * be used is an error only when no CRS was chosen. Mirrors how readAnyLayer treats a .prj.
 */
export function chooseFileCrs(name: string, argCrs: Crs | undefined, file: { crs?: Crs; crsProblem?: Bilingual }, warnings: string[]): { crs: Crs; crsFrom: LayerSource['crsFrom'] } {
  if (argCrs) {
    if (file.crs && file.crs.id !== argCrs.id) warnings.push(`${name}: the file says ${file.crs.name}; converted from ${argCrs.name} as asked`);
    return { crs: argCrs, crsFrom: 'argument' };
  }
  if (file.crsProblem) throw new LoadError(name, file.crsProblem);
  if (file.crs) return { crs: file.crs, crsFrom: 'file' };
  warnings.push(`${name}: the file does not say its coordinate system; read as WGS84 lon/lat`);
  return { crs: WGS84, crsFrom: 'default' };
}

/** Converts features to WGS84 in place, as a LoadError naming the CRS when proj4 refuses. */
export function convertFileFeatures(name: string, fc: { features: { geometry: GeoJSON.Geometry | null }[] }, crs: Crs): void {
  try {
    reprojectFeatures(fc, crs);
  } catch (e) {
    throw new LoadError(name, { en: `coordinates cannot be converted from ${crs.name}: ${(e as Error).message}`, zh: `坐标无法从 ${crs.name} 转换（${(e as Error).message}）：请检查所选坐标系是否与文件一致` });
  }
}
