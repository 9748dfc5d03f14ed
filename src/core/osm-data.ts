/** OSM tags of one element, as key → value strings. */
export type Tags = Record<string, string>;

/**
 * OSM elements as read from a `.osm.pbf` or `.osm` XML file, columnar where it is large.
 * Nodes: `nodeIds[i]` (OSM id; ids fit exactly in a float64 below 2^53) at
 * `nodeCoords[2*i]` = lon, `nodeCoords[2*i+1]` = lat (WGS84 degrees).
 * Ways keep their node references as OSM ids (resolve with an id → index map).
 * Relations are not kept: the walk graph and facility points need only nodes and ways.
 */
export interface OsmData {
  nodeIds: Float64Array;
  nodeCoords: Float64Array;
  /** Nodes that carry tags (POIs, bus stops, …): index into nodeIds/nodeCoords with their tags. */
  taggedNodes: { index: number; tags: Tags }[];
  ways: { id: number; refs: Float64Array; tags: Tags }[];
}
