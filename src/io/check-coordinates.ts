import type { Bilingual } from './load-error.ts';

/**
 * Why a lon/lat pair cannot be WGS84 degrees, or null when it can; the reason says what to do.
 * Projected metres (e.g. Web Mercator or CGCS2000 Gauss-Krüger) and swapped columns are the
 * usual mistakes. English; coordinateProblemText gives both languages.
 */
export function coordinateProblem(lon: number, lat: number): string | null {
  return coordinateProblemText(lon, lat)?.en ?? null;
}

/** coordinateProblem in English and Chinese, for LoadError messages. */
export function coordinateProblemText(lon: number, lat: number): Bilingual | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return { en: 'longitude/latitude are not numbers', zh: '经纬度不是数字' };
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    if (Math.abs(lon) <= 90 && Math.abs(lat) <= 180)
      return { en: 'longitude and latitude look swapped: swap the lon and lat (x and y) columns', zh: '经度和纬度似乎填反了：请交换经度列和纬度列（x 与 y）' };
    if (Math.abs(lon) <= 1000 && Math.abs(lat) <= 1000)
      return {
        en: 'outside WGS84 degrees (longitude -180…180, latitude -90…90): check the coordinate columns',
        zh: '超出 WGS84 经纬度范围（经度 -180…180，纬度 -90…90）：请检查坐标列',
      };
    return {
      en: "values look like projected metres, not WGS84 degrees: give the file's coordinate system (e.g. EPSG:4549) or export as EPSG:4326 (lon/lat)",
      zh: '坐标值像是投影坐标（米），不是 WGS84 经纬度：请指定文件的坐标系（如 EPSG:4549），或导出为 EPSG:4326（经纬度）',
    };
  }
  return null;
}
