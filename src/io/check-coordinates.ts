/**
 * Why a lon/lat pair cannot be WGS84 degrees, or null when it can; the reason says what to do.
 * Projected metres (e.g. Web Mercator or CGCS2000 Gauss-Krüger) and swapped columns are the
 * usual mistakes.
 */
export function coordinateProblem(lon: number, lat: number): string | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'longitude/latitude are not numbers';
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    if (Math.abs(lon) <= 90 && Math.abs(lat) <= 180) return 'longitude and latitude look swapped: swap the lon and lat (x and y) columns';
    if (Math.abs(lon) <= 1000 && Math.abs(lat) <= 1000)
      return 'outside WGS84 degrees (longitude -180…180, latitude -90…90): check the coordinate columns';
    return "values look like projected metres, not WGS84 degrees: give the file's coordinate system (e.g. EPSG:4549) or export as EPSG:4326 (lon/lat)";
  }
  return null;
}
