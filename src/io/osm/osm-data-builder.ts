import type { OsmData, Tags } from '../../core/osm-data.ts';

/**
 * Collects OSM nodes and ways while a reader walks a file, then hands back an `OsmData`.
 * Node ids and coordinates go into typed arrays that grow by doubling (like a vector), so a
 * file with millions of nodes costs 24 bytes per node instead of a JS object per node.
 * Shared by the PBF and XML readers so both produce exactly the same shape.
 */
export class OsmDataBuilder {
  private ids: Float64Array;
  /** Interleaved lon, lat (WGS84 degrees). */
  private coords: Float64Array;
  private count = 0;
  private readonly taggedNodes: OsmData['taggedNodes'] = [];
  private readonly ways: OsmData['ways'] = [];

  /** @param expectedNodes first capacity guess; the arrays grow past it as needed. */
  constructor(expectedNodes = 1024) {
    const capacity = Math.max(16, Math.ceil(expectedNodes));
    this.ids = new Float64Array(capacity);
    this.coords = new Float64Array(2 * capacity);
  }

  /** Adds one node at (lon, lat) in WGS84 degrees; `tags` only when it has at least one. */
  addNode(id: number, lon: number, lat: number, tags?: Tags): void {
    if (this.count === this.ids.length) this.grow();
    const i = this.count++;
    this.ids[i] = id;
    this.coords[2 * i] = lon;
    this.coords[2 * i + 1] = lat;
    if (tags) this.taggedNodes.push({ index: i, tags });
  }

  /** Adds one way; `refs` are OSM node ids in way order. */
  addWay(id: number, refs: Float64Array, tags: Tags): void {
    this.ways.push({ id, refs, tags });
  }

  get nodeCount(): number {
    return this.count;
  }

  /** Returns the data with arrays trimmed to their length (a copy, so the spare capacity is freed). */
  finish(): OsmData {
    return {
      nodeIds: this.ids.slice(0, this.count),
      nodeCoords: this.coords.slice(0, 2 * this.count),
      taggedNodes: this.taggedNodes,
      ways: this.ways,
    };
  }

  private grow(): void {
    const ids = new Float64Array(this.ids.length * 2);
    ids.set(this.ids);
    const coords = new Float64Array(this.coords.length * 2);
    coords.set(this.coords);
    this.ids = ids;
    this.coords = coords;
  }
}
