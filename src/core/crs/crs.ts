import { epsgDefinition } from './epsg-definition.ts';

// src/core/crs holds the conversions themselves, proj4 and gcoord included: both are pure JS with
// no DOM or Node globals and typecheck under src/core/tsconfig.json (types [], ES2022), as flatbush
// and turf already do in core. Reading files (.prj inside zips, CSV columns, GeoJSON) is in src/io.

/**
 * A coordinate reference system a layer can arrive in. Coordinates are always interleaved in
 * (x, y) = (lon, lat) or (easting, northing) order, never (lat, lon).
 * - `wgs84`: lon/lat degrees, EPSG:4326; what every reader and the analysis use.
 * - `gcj02`: lon/lat degrees shifted by the GCJ-02 obfuscation (Amap/高德, Tencent, Google China).
 * - `bd09`: GCJ-02 shifted again by Baidu (百度经纬度, BD-09LL); `bd09mc`: Baidu's Mercator metres.
 * - `proj`: anything proj4 converts: EPSG codes (see epsg-definition.ts) or a .prj WKT.
 */
export type Crs =
  | { kind: 'wgs84'; id: 'wgs84'; name: string }
  | { kind: 'gcj02'; id: 'gcj02'; name: string }
  | { kind: 'bd09'; id: 'bd09'; name: string }
  | { kind: 'bd09mc'; id: 'bd09mc'; name: string }
  | {
      kind: 'proj';
      /** `EPSG:<code>` when known, else `WKT:<name>` (a .prj that matches no supported code). */
      id: string;
      name: string;
      /** A proj4 definition string, or WKT that proj4 parses itself. */
      proj: string;
      /** True for lon/lat degrees (e.g. CGCS2000 EPSG:4490), false for projected metres. */
      geographic: boolean;
    };

export const WGS84: Crs = { kind: 'wgs84', id: 'wgs84', name: 'WGS 84 (EPSG:4326)' };
export const GCJ02: Crs = { kind: 'gcj02', id: 'gcj02', name: 'GCJ-02 (Amap/高德, Tencent)' };
export const BD09: Crs = { kind: 'bd09', id: 'bd09', name: 'BD-09 (Baidu/百度 lon/lat)' };
export const BD09MC: Crs = { kind: 'bd09mc', id: 'bd09mc', name: 'BD-09 Mercator (Baidu metres)' };

/**
 * Beijing 1954 and Xian 1980 differ from WGS84 by 50–100 m and need local 7-parameter
 * transformations that no public EPSG definition carries, so they are refused rather than
 * converted wrongly: geographic 4214/4610, GK zones 2327–2442 and 21413–21483.
 */
function isLegacyChineseDatum(code: number) {
  return code === 4214 || code === 4610 || (code >= 2327 && code <= 2442) || (code >= 21413 && code <= 21483);
}

/** The CRS for an EPSG code; throws (with what is supported) for codes without a definition. */
export function crsFromEpsg(code: number): Crs {
  if (code === 4326) return WGS84;
  if (isLegacyChineseDatum(code))
    throw new Error(`EPSG:${code} is a Beijing 1954 / Xian 1980 system: converting it to WGS84 needs local 7-parameter transformation values, which only the data provider has. Export the layer as CGCS2000 (EPSG:4490, 4513–4554) or WGS84 instead.`);
  const def = epsgDefinition(code);
  if (!def)
    throw new Error(`EPSG:${code} is not supported. Supported: 4326, 4490 (CGCS2000), 3857, CGCS2000 Gauss-Krüger 4491–4554, WGS84 UTM 32601–32660/32701–32760; or give the layer's .prj file.`);
  return { kind: 'proj', id: `EPSG:${code}`, name: def.name, proj: def.proj, geographic: def.geographic };
}
