/**
 * Mean Earth radius R1 = (2a + b) / 3 of WGS84, in metres. The haversine formula on a sphere of
 * this radius is within ~0.3% of the ellipsoidal (Vincenty) distance everywhere and much closer
 * at city scale; GB 50180 walking distances are given to the nearest 100 m, so this is ample.
 */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres between (lon1, lat1) and (lon2, lat2), WGS84 degrees, by the
 * haversine formula: d = 2R·asin(√(sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2))).
 */
export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2);
  const t = Math.sin(dLon / 2);
  const h = s * s + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * t * t;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
