import type { PolygonColumns } from '../polygon-columns.ts';

/**
 * Building footprints as columns: building `i` is feature `i` of `polygons` (lon/lat WGS84).
 * Attribute columns hold NaN (numbers) or '' (text) where the file has no value.
 */
export interface BuildingTable {
  length: number;
  ids: string[];
  polygons: PolygonColumns;
  /** The OSM `building=*` value (or a type column), lower case; '' when the file has none. */
  kind: string[];
  /** `building:levels` / 层数: floors above ground. */
  levels: Float64Array;
  /** `height` / 高度, metres. */
  heightM: Float64Array;
  /** A residents / 人口 column, persons. */
  residents: Float64Array;
  /** A gross floor area / 建筑面积 column, m². */
  floorAreaM2: Float64Array;
}
