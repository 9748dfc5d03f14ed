/**
 * Why a lon/lat pair cannot be WGS84 degrees, or null when it can. Projected metres (e.g. Web
 * Mercator or CGCS2000 Gauss-Krüger) and swapped columns are the usual mistakes.
 */
export function coordinateProblem(lon: number, lat: number): string | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'longitude/latitude are not numbers';
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    if (Math.abs(lon) <= 90 && Math.abs(lat) <= 180) return 'longitude and latitude look swapped';
    return 'values look like projected metres, not WGS84 degrees: export as EPSG:4326 (lon/lat)';
  }
  return null;
}
