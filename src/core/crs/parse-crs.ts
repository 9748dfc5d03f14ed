import { BD09, BD09MC, crsFromEpsg, GCJ02, WGS84, type Crs } from './crs.ts';
import { crsFromWkt } from './crs-from-wkt.ts';

const NAMED: Record<string, Crs> = {
  wgs84: WGS84,
  crs84: WGS84,
  gcj02: GCJ02,
  amap: GCJ02,
  gaode: GCJ02,
  高德: GCJ02,
  火星: GCJ02,
  bd09: BD09,
  bd09ll: BD09,
  baidu: BD09,
  百度: BD09,
  bd09mc: BD09MC,
};

export const CRS_USAGE = 'wgs84 | gcj02 | bd09 | bd09mc | EPSG:<code> | the WKT text of a .prj file';

/**
 * A CRS from what a planner types or a file carries: `wgs84`, `gcj02` (also amap/gaode/高德),
 * `bd09` (baidu/百度), `bd09mc`, `cgcs2000`, `EPSG:<code>` (also `urn:ogc:def:crs:EPSG::<code>`
 * as GeoJSON files name it), or WKT from a .prj. Case, hyphens and spaces are ignored in names.
 * Throws an Error saying what is accepted.
 */
export function parseCrs(arg: string): Crs {
  const text = arg.trim();
  if (/^[A-Za-z_]+\s*[[(]/.test(text)) return crsFromWkt(text);
  const key = text.toLowerCase().replace(/[-_\s]/g, '');
  if (NAMED[key]) return NAMED[key];
  if (key === 'cgcs2000') return crsFromEpsg(4490);
  if (key === 'urn:ogc:def:crs:ogc:1.3:crs84' || key === 'urn:ogc:def:crs:ogc::crs84') return WGS84;
  const epsg = /^(?:epsg:+|urn:ogc:def:crs:epsg:[\d.]*:)(\d+)$/.exec(key);
  if (epsg) return crsFromEpsg(Number(epsg[1]));
  throw new Error(`unknown coordinate system "${arg.length > 60 ? `${arg.slice(0, 60)}…` : arg}"; use ${CRS_USAGE}`);
}
