import { pointsInPolygons } from '../points-in-polygons.ts';
import type { PolygonColumns } from '../polygon-columns.ts';

/** OSM `building=*` values (and Chinese type names) that are homes. */
export const RESIDENTIAL_BUILDING_KINDS = [
  'residential', 'apartments', 'house', 'detached', 'semidetached_house', 'terrace', 'dormitory', 'bungalow',
  '住宅', '居住', '居民楼', '宿舍', '公寓',
] as const;

/** `building=*` values that only say "a building": residential when inside residential land use. */
export const UNSPECIFIED_BUILDING_KINDS = ['yes', 'building', ''] as const;

/**
 * Which buildings are homes (1) or not (0), by this rule:
 * 1. a building with a residents value is a home (the file says people live there);
 * 2. when no building has a type at all (a planner's footprint layer), every building is a home;
 * 3. a type in RESIDENTIAL_BUILDING_KINDS is a home;
 * 4. an unspecified type (`building=yes`) is a home when its centroid lies in residential land use
 *    (OSM `landuse=residential` polygons), when such polygons are given;
 * 5. anything else (school, office, retail, hotel, …) is not.
 * `centroids` are interleaved lon/lat, one per building.
 */
export function residentialBuildings(kind: string[], residents: Float64Array, centroids: Float64Array, residentialLanduse?: PolygonColumns): Uint8Array {
  const n = kind.length;
  const out = new Uint8Array(n);
  const untyped = kind.every((k) => k === '');
  const homes = new Set<string>(RESIDENTIAL_BUILDING_KINDS);
  const unspecified = new Set<string>(UNSPECIFIED_BUILDING_KINDS);
  const inLanduse = residentialLanduse && residentialLanduse.featureCount > 0 ? pointsInPolygons(centroids, residentialLanduse) : null;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(residents[i]) && residents[i] > 0) out[i] = 1;
    else if (untyped || homes.has(kind[i])) out[i] = 1;
    else if (unspecified.has(kind[i]) && inLanduse && inLanduse[i] >= 0) out[i] = 1;
  }
  return out;
}
