/** One EPSG code as proj4 needs it. */
export interface EpsgDefinition {
  code: number;
  /** The EPSG name, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 120E". */
  name: string;
  proj: string;
  geographic: boolean;
}

/**
 * CGCS2000 and WGS84 are taken as the same frame (towgs84 0,0,0), as PROJ and GDAL do without a
 * grid ("ballpark"): they differ by well under a metre, below what a walking analysis resolves.
 * GRS80 is the CGCS2000 ellipsoid to 0.1 mm.
 */
const CGCS2000 = '+ellps=GRS80 +towgs84=0,0,0';

const gaussKruger = (lon0: number, x0: number) => `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 ${CGCS2000} +units=m +no_defs`;

/**
 * proj4 definitions generated from the rules that define each EPSG family, so no table is
 * downloaded or copied (each string equals `gdalsrsinfo -o proj4 EPSG:<code>` plus towgs84):
 *
 * | codes | system | lon_0 (°E) | false easting x_0 (m) |
 * |---|---|---|---|
 * | 4490 | CGCS2000 geographic (lon, lat degrees) | – | – |
 * | 4491–4501 | CGCS2000 Gauss-Krüger 6° zones 13–23 | 6·zone − 3 | zone·10⁶ + 500 000 (zone prefix) |
 * | 4502–4512 | CGCS2000 Gauss-Krüger 6° CM 75E…135E | 75 + 6·(code − 4502) | 500 000 |
 * | 4513–4533 | CGCS2000 3° Gauss-Krüger zones 25–45 | 3·zone | zone·10⁶ + 500 000 (zone prefix) |
 * | 4534–4554 | CGCS2000 3° Gauss-Krüger CM 75E…135E | 75 + 3·(code − 4534) | 500 000 |
 * | 3857 (900913, 3785, 102100) | Web Mercator on a sphere of radius 6 378 137 m | 0 | 0 |
 * | 32601–32660 / 32701–32760 | WGS 84 / UTM zones 1–60 N / S | 6·zone − 183 | 500 000 |
 *
 * Gauss-Krüger here is transverse Mercator with scale 1 on the central meridian, origin on the
 * equator, GRS80. Example: Nanjing (118.78°E) lies in 3° zone 40 (CM 120°E, zone 118.5–121.5°E):
 * EPSG:4528 with the "40" easting prefix, EPSG:4549 without. Returns null for other codes.
 */
export function epsgDefinition(code: number): EpsgDefinition | null {
  const def = (name: string, proj: string, geographic = false) => ({ code, name, proj, geographic });
  if (code === 4326) return def('WGS 84', '+proj=longlat +datum=WGS84 +no_defs', true);
  if (code === 4490) return def('China Geodetic Coordinate System 2000', `+proj=longlat ${CGCS2000} +no_defs`, true);
  if (code === 3857 || code === 900913 || code === 3785 || code === 102100)
    return def('WGS 84 / Pseudo-Mercator', '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs');
  if (code >= 4491 && code <= 4501) {
    const zone = code - 4491 + 13;
    return def(`CGCS2000 / Gauss-Kruger zone ${zone}`, gaussKruger(6 * zone - 3, zone * 1e6 + 500_000));
  }
  if (code >= 4502 && code <= 4512) {
    const lon0 = 75 + 6 * (code - 4502);
    return def(`CGCS2000 / Gauss-Kruger CM ${lon0}E`, gaussKruger(lon0, 500_000));
  }
  if (code >= 4513 && code <= 4533) {
    const zone = code - 4513 + 25;
    return def(`CGCS2000 / 3-degree Gauss-Kruger zone ${zone}`, gaussKruger(3 * zone, zone * 1e6 + 500_000));
  }
  if (code >= 4534 && code <= 4554) {
    const lon0 = 75 + 3 * (code - 4534);
    return def(`CGCS2000 / 3-degree Gauss-Kruger CM ${lon0}E`, gaussKruger(lon0, 500_000));
  }
  if ((code >= 32601 && code <= 32660) || (code >= 32701 && code <= 32760)) {
    const zone = code % 100;
    const south = code > 32700;
    return def(`WGS 84 / UTM zone ${zone}${south ? 'S' : 'N'}`, `+proj=utm +zone=${zone}${south ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`);
  }
  return null;
}
