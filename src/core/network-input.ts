import type { Tags } from './osm-data.ts';

/**
 * Street lines ready for graph building, independent of the file they came from.
 * Vertex `v` sits at `coords[2*v]` = lon, `coords[2*v+1]` = lat (WGS84 degrees); two lines share a
 * vertex exactly when they share a node (OSM node id, or identical coordinates for GeoJSON).
 * Line `l` runs through vertices `lineVertices[lineOffsets[l] .. lineOffsets[l+1])` and has tags
 * `lineTags[l]` (OSM way tags: highway, foot, access, …).
 */
export interface NetworkInput {
  coords: Float64Array;
  lineOffsets: Uint32Array;
  lineVertices: Uint32Array;
  lineTags: Tags[];
  /** Optional source ids per line (e.g. OSM way id), for reports. */
  lineIds?: string[];
  /** The file the lines came from, for error messages. */
  file?: string;
}
