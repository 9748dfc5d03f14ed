/**
 * Polygons as flat columns (loaders.gl binary style). Polygon `p` has rings
 * `polygonRings[p] .. polygonRings[p+1]` (first = outer, rest = holes; a MultiPolygon is several
 * polygons sharing a `feature`). Ring `r` has vertices `ringStarts[r] .. ringStarts[r+1]` at
 * `coords[2*v]` = lon, `coords[2*v+1]` = lat.
 */
export interface PolygonColumns {
  coords: Float64Array;
  ringStarts: Uint32Array;
  polygonRings: Uint32Array;
  /** Feature (community unit) index of each polygon. */
  feature: Uint32Array;
  featureCount: number;
}
