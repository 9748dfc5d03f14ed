import type { OsmData, Tags } from '../../core/osm-data.ts';

/** A facility candidate: a tagged node, or a closed way reduced to its centroid. lon/lat in WGS84 degrees. */
export interface OsmPoi {
  /** `n<id>` for nodes, `w<id>` for closed ways. */
  id: string;
  lon: number;
  lat: number;
  tags: Tags;
}

/** Keys that make an element a possible life-circle facility (category mapping happens later). */
const POI_KEYS = [
  'amenity',
  'shop',
  'leisure',
  'healthcare',
  'social_facility',
  'tourism',
  'office',
  'sport',
  'railway',
  'public_transport',
] as const;

/** landuse on areas is mostly zoning (residential, commercial, …); only these are places people go. */
const AREA_LANDUSE = new Set(['village_green', 'recreation_ground']);

/**
 * Points of interest from OSM:
 * - every tagged node with one of POI_KEYS, `highway=bus_stop`, or any `landuse`, id `n<id>`;
 * - every closed way (first ref = last ref, ≥ 4 refs) without a `highway` tag that has one of
 *   POI_KEYS or `landuse=village_green|recreation_ground`, placed at the area-weighted centroid of
 *   its ring, id `w<id>`. Ways with a node missing from the file are left out (no full ring).
 * Multipolygon relations are not read (OsmData keeps no relations).
 */
export function osmPointsOfInterest(osm: OsmData): OsmPoi[] {
  const pois: OsmPoi[] = [];
  for (const { index, tags } of osm.taggedNodes) {
    if (hasPoiKey(tags) || tags.highway === 'bus_stop' || tags.landuse !== undefined) {
      pois.push({ id: `n${osm.nodeIds[index]}`, lon: osm.nodeCoords[2 * index], lat: osm.nodeCoords[2 * index + 1], tags });
    }
  }

  let indexOfNode: Map<number, number> | undefined;
  for (const way of osm.ways) {
    const { refs, tags } = way;
    if (refs.length < 4 || refs[0] !== refs[refs.length - 1] || tags.highway !== undefined) continue;
    if (!hasPoiKey(tags) && !AREA_LANDUSE.has(tags.landuse ?? '')) continue;
    indexOfNode ??= nodeIndex(osm);
    const centroid = ringCentroid(refs, indexOfNode, osm.nodeCoords);
    if (centroid) pois.push({ id: `w${way.id}`, lon: centroid[0], lat: centroid[1], tags });
  }
  return pois;
}

function hasPoiKey(tags: Tags): boolean {
  for (const key of POI_KEYS) if (tags[key] !== undefined) return true;
  return false;
}

function nodeIndex(osm: OsmData): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < osm.nodeIds.length; i++) map.set(osm.nodeIds[i], i);
  return map;
}

/**
 * Area-weighted centroid of a closed ring, planar in lon/lat degrees (shape distortion is
 * negligible at city scale). Coordinates are taken relative to the first vertex so the shoelace
 * products don't lose digits to the ~118° / 32° offsets. A ring of zero area (all points on a
 * line) falls back to the mean of its vertices. Returns [lon, lat], or undefined if a
 * node is missing.
 */
function ringCentroid(
  refs: Float64Array,
  indexOfNode: Map<number, number>,
  coords: Float64Array,
): [number, number] | undefined {
  const n = refs.length - 1; // last ref repeats the first
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const node = indexOfNode.get(refs[i]);
    if (node === undefined) return undefined;
    xs[i] = coords[2 * node];
    ys[i] = coords[2 * node + 1];
  }
  const x0 = xs[0];
  const y0 = ys[0];
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    const ax = xs[i] - x0;
    const ay = ys[i] - y0;
    const bx = xs[(i + 1) % n] - x0;
    const by = ys[(i + 1) % n] - y0;
    const cross = ax * by - bx * ay;
    twiceArea += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
    mx += ax;
    my += ay;
  }
  // 1e-18 deg² ≈ 1e-8 m²: nothing real is that small, so it's a degenerate ring.
  if (Math.abs(twiceArea) < 1e-18) return [x0 + mx / n, y0 + my / n];
  return [x0 + cx / (3 * twiceArea), y0 + cy / (3 * twiceArea)];
}
