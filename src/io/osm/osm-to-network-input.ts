import type { NetworkInput } from '../../core/network-input.ts';
import type { OsmData, Tags } from '../../core/osm-data.ts';

/** What `osmToNetworkInput` returns: the lines plus counts of references it could not resolve. */
export interface OsmNetworkResult {
  input: NetworkInput;
  /** Node references of highway ways whose node is not in the file (each occurrence counted). */
  missingNodeRefs: number;
  /** Highway ways with at least one such reference (kept as their present pieces, if any). */
  waysWithMissingNodes: number;
}

/**
 * Street lines from OSM: one line per way with a `highway` tag, whatever its value (the walkable
 * filter is applied later by the graph builder, which needs the tags). Vertices are the OSM nodes
 * those ways use, numbered 0..n-1 in order of first use, so ways sharing a node share a vertex.
 *
 * Extracts cut at a bbox leave ways pointing at nodes outside the file. Such a way is split at
 * every missing node and each piece of ≥ 2 nodes becomes its own line (all pieces keep the way's
 * id `w<id>` and tags); the missing references are counted in the result instead of failing.
 * A node repeated back-to-back in a way (a zero-length segment) is kept once.
 */
export function osmToNetworkInput(osm: OsmData): OsmNetworkResult {
  const indexOfNode = new Map<number, number>();
  const ids = osm.nodeIds;
  for (let i = 0; i < ids.length; i++) indexOfNode.set(ids[i], i);

  /** vertexOfNode[nodeIndex] = vertex number, or -1 until the node is first used. */
  const vertexOfNode = new Int32Array(ids.length).fill(-1);
  const vertexNode: number[] = [];
  const lineOffsets: number[] = [0];
  const lineVertices: number[] = [];
  const lineTags: Tags[] = [];
  const lineIds: string[] = [];
  let missingNodeRefs = 0;
  let waysWithMissingNodes = 0;

  const run: number[] = []; // node indices of the current piece of a way
  for (const way of osm.ways) {
    if (way.tags.highway === undefined) continue;
    let hasMissing = false;
    const endRun = (): void => {
      // Vertices are numbered only for kept pieces, so every vertex is used by some line.
      if (run.length >= 2) {
        for (const node of run) {
          let v = vertexOfNode[node];
          if (v < 0) {
            v = vertexOfNode[node] = vertexNode.length;
            vertexNode.push(node);
          }
          lineVertices.push(v);
        }
        lineOffsets.push(lineVertices.length);
        lineTags.push(way.tags);
        lineIds.push(`w${way.id}`);
      }
      run.length = 0;
    };
    for (const ref of way.refs) {
      const node = indexOfNode.get(ref);
      if (node === undefined) {
        missingNodeRefs++;
        hasMissing = true;
        endRun();
      } else if (run.length === 0 || run[run.length - 1] !== node) {
        run.push(node);
      }
    }
    endRun();
    if (hasMissing) waysWithMissingNodes++;
  }

  const coords = new Float64Array(2 * vertexNode.length);
  for (let v = 0; v < vertexNode.length; v++) {
    coords[2 * v] = osm.nodeCoords[2 * vertexNode[v]]; // lon
    coords[2 * v + 1] = osm.nodeCoords[2 * vertexNode[v] + 1]; // lat
  }
  return {
    input: {
      coords,
      lineOffsets: Uint32Array.from(lineOffsets),
      lineVertices: Uint32Array.from(lineVertices),
      lineTags,
      lineIds,
    },
    missingNodeRefs,
    waysWithMissingNodes,
  };
}
