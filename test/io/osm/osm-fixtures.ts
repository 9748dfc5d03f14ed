import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OsmData, Tags } from '../../../src/core/osm-data.ts';

/**
 * Access to test/fixtures/osm/, made by scripts/make-osm-fixtures.sh with osmium-tool: the
 * expected numbers there come from osmium/awk, never from the code under test.
 */
const dir = fileURLToPath(new URL('../../fixtures/osm/', import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(dir + name));
}

export function fixtureText(name: string): string {
  return readFileSync(dir + name, 'utf8');
}

/** Shape of the *.expected.json files. */
export interface ExpectedCounts {
  file: string;
  osmiumFileinfo: { nodes: number; ways: number; relations: number; bbox: [number, number, number, number] };
  osmiumCheckRefs: { missingNodeIds: number; missingNodeRefs: number };
  osmiumTagsFilter: { highwayWays: number; highwayWayNodes: number };
  awk: {
    taggedNodes: number;
    poiNodes: number;
    poiClosedWays: number;
    highwayWays: number;
    networkLines: number;
    networkVertices: number;
    networkLineVertices: number;
    highwayMissingNodeRefs: number;
    highwayWaysWithMissingNodes: number;
  };
}

export function expectedCounts(name: string): ExpectedCounts {
  return JSON.parse(fixtureText(name)) as ExpectedCounts;
}

/** One element of an osmium OPL file (written with add_metadata=false). */
export interface OplElement {
  type: 'n' | 'w' | 'r';
  id: number;
  tags: Tags;
  /** Nodes only: x = lon, y = lat as parsed from the decimal osmium prints. */
  lon?: number;
  lat?: number;
  /** Ways only: node ids. */
  refs?: number[];
}

/**
 * Minimal OPL parser (https://osmcode.org/opl-file-format/): space-separated fields, tags
 * `k=v` joined by ',', special characters escaped as `%<hex code point>%`.
 */
export function parseOpl(text: string): OplElement[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [head, ...fields] = line.split(' ');
      const el: OplElement = { type: head[0] as OplElement['type'], id: Number(head.slice(1)), tags: {} };
      for (const f of fields) {
        const value = f.slice(1);
        if (f[0] === 'T' && value) {
          for (const kv of value.split(',')) {
            const eq = kv.indexOf('=');
            el.tags[unescapeOpl(kv.slice(0, eq))] = unescapeOpl(kv.slice(eq + 1));
          }
        } else if (f[0] === 'x') el.lon = Number(value);
        else if (f[0] === 'y') el.lat = Number(value);
        else if (f[0] === 'N') el.refs = value ? value.split(',').map((r) => Number(r.slice(1))) : [];
      }
      return el;
    });
}

function unescapeOpl(s: string): string {
  return s.replace(/%([0-9a-fA-F]+)%/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

/** Index of each node id in `osm.nodeIds`. */
export function nodeIndexById(osm: OsmData): Map<number, number> {
  const map = new Map<number, number>();
  osm.nodeIds.forEach((id, i) => map.set(id, i));
  return map;
}

/** Tags of node index i ({} when it has none), as a reader reports them. */
export function nodeTags(osm: OsmData, index: number): Tags {
  return osm.taggedNodes.find((t) => t.index === index)?.tags ?? {};
}
