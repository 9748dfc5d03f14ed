import { describe, expect, it } from 'vitest';
import type { NetworkInput } from '../../../src/core/network-input.ts';
import { osmToNetworkInput } from '../../../src/io/osm/osm-to-network-input.ts';
import { readOsmPbf } from '../../../src/io/osm/read-osm-pbf.ts';
import { readOsmXml } from '../../../src/io/osm/read-osm-xml.ts';
import { expectedCounts, fixtureBytes, fixtureText, nodeIndexById } from './osm-fixtures.ts';

/** Line l as a list of [lon, lat] pairs. */
function lineCoords(input: NetworkInput, l: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = input.lineOffsets[l]; k < input.lineOffsets[l + 1]; k++) {
    const v = input.lineVertices[k];
    out.push([input.coords[2 * v], input.coords[2 * v + 1]]);
  }
  return out;
}

function lineVertexList(input: NetworkInput, l: number): number[] {
  return Array.from(input.lineVertices.subarray(input.lineOffsets[l], input.lineOffsets[l + 1]));
}

const node = (id: number, lon: number, lat: number): string => `<node id="${id}" lat="${lat}" lon="${lon}"/>`;
const way = (id: number, refs: number[], tags: Record<string, string>): string =>
  `<way id="${id}">${refs.map((r) => `<nd ref="${r}"/>`).join('')}${Object.entries(tags)
    .map(([k, v]) => `<tag k="${k}" v="${v}"/>`)
    .join('')}</way>`;

describe('osmToNetworkInput on hand-written OSM', () => {
  // Three streets meeting at node 100 (a T plus a spur), and an unrelated building outline.
  const xml = `<osm version="0.6">
    ${node(100, 118.78, 32.04)}
    ${node(1, 118.77, 32.04)} ${node(2, 118.79, 32.04)} ${node(3, 118.78, 32.05)}
    ${node(9, 118.70, 32.00)}
    ${way(11, [1, 100], { highway: 'residential', name: '西街' })}
    ${way(12, [100, 2], { highway: 'residential' })}
    ${way(13, [3, 100], { highway: 'footway' })}
    ${way(14, [1, 2, 3, 1], { building: 'yes' })}
  </osm>`;
  const { input, missingNodeRefs, waysWithMissingNodes } = osmToNetworkInput(readOsmXml(xml));

  it('makes one line per highway way, with its tags and id w<id>', () => {
    expect(input.lineIds).toEqual(['w11', 'w12', 'w13']);
    expect(input.lineTags).toEqual([{ highway: 'residential', name: '西街' }, { highway: 'residential' }, { highway: 'footway' }]);
    expect(missingNodeRefs).toBe(0);
    expect(waysWithMissingNodes).toBe(0);
  });

  it('gives three ways meeting at one node one shared vertex', () => {
    const shared = lineVertexList(input, 0)[1];
    expect(lineVertexList(input, 1)[0]).toBe(shared);
    expect(lineVertexList(input, 2)[1]).toBe(shared);
    expect([input.coords[2 * shared], input.coords[2 * shared + 1]]).toEqual([118.78, 32.04]);
  });

  it('numbers only the nodes streets use, 0..n-1, with coordinates in lon, lat order', () => {
    expect(input.coords.length).toBe(2 * 4); // nodes 1, 100, 2, 3; not the lone node 9
    expect(Array.from(input.lineVertices).sort()).toEqual([0, 1, 1, 1, 2, 3]);
    expect(lineCoords(input, 0)).toEqual([
      [118.77, 32.04],
      [118.78, 32.04],
    ]);
    expect(Array.from(input.lineOffsets)).toEqual([0, 2, 4, 6]);
  });

  it('splits a way at nodes missing from the file and counts them', () => {
    const cut = `<osm version="0.6">
      ${node(1, 0, 0)} ${node(2, 1, 0)} ${node(4, 3, 0)} ${node(5, 4, 0)} ${node(7, 6, 0)}
      ${way(20, [1, 2, 3, 4, 5, 6, 7], { highway: 'path' })}
      ${way(21, [8, 1, 9], { highway: 'path' })}
      ${way(22, [1, 1, 2, 2], { highway: 'steps' })}
    </osm>`;
    const result = osmToNetworkInput(readOsmXml(cut));
    // 1-2 | 3 missing | 4-5 | 6 missing | 7 alone (dropped); way 21 keeps only node 1 (dropped).
    expect(result.input.lineIds).toEqual(['w20', 'w20', 'w22']);
    expect(lineCoords(result.input, 0)).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(lineCoords(result.input, 1)).toEqual([
      [3, 0],
      [4, 0],
    ]);
    // Back-to-back repeats of a node collapse: no zero-length segments.
    expect(lineCoords(result.input, 2)).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(result.missingNodeRefs).toBe(4);
    expect(result.waysWithMissingNodes).toBe(2);
    expect(result.input.coords.length).toBe(2 * 4); // node 7 and the lone node 1 of way 21 add nothing new
  });
});

describe('osmToNetworkInput on the real Nanjing extract', () => {
  const osm = readOsmPbf(fixtureBytes('xinjiekou-2021.osm.pbf'));
  const expected = expectedCounts('xinjiekou-2021.expected.json');
  const { input, missingNodeRefs } = osmToNetworkInput(osm);

  it('makes one line per highway way osmium tags-filter finds', () => {
    expect(input.lineTags.length).toBe(expected.osmiumTagsFilter.highwayWays);
    expect(new Set(input.lineIds).size).toBe(expected.osmiumTagsFilter.highwayWays);
    expect(missingNodeRefs).toBe(expected.osmiumCheckRefs.missingNodeRefs); // 0: the file is complete
  });

  it('has one vertex per distinct node those ways use, as osmium tags-filter returns them', () => {
    expect(input.coords.length).toBe(2 * expected.osmiumTagsFilter.highwayWayNodes);
    expect(input.lineVertices.length).toBe(expected.awk.networkLineVertices);
  });

  it('puts every line vertex at its OSM node coordinates', () => {
    const index = nodeIndexById(osm);
    const ways = new Map(osm.ways.map((w) => [`w${w.id}`, w]));
    for (let l = 0; l < input.lineIds!.length; l++) {
      const refs = ways.get(input.lineIds![l])!.refs;
      const expectedCoords = Array.from(refs, (r) => {
        const i = index.get(r)!;
        return [osm.nodeCoords[2 * i], osm.nodeCoords[2 * i + 1]];
      });
      expect(lineCoords(input, l)).toEqual(expectedCoords);
    }
  });
});

describe('osmToNetworkInput on a bbox cut with ways leaving the box', () => {
  const osm = readOsmXml(fixtureText('xinjiekou-center.osm'));
  const expected = expectedCounts('xinjiekou-center.expected.json');
  const result = osmToNetworkInput(osm);

  it('counts the missing node references the awk reference counts for highway ways', () => {
    expect(result.missingNodeRefs).toBe(expected.awk.highwayMissingNodeRefs);
    expect(result.waysWithMissingNodes).toBe(expected.awk.highwayWaysWithMissingNodes);
    expect(result.missingNodeRefs).toBeLessThanOrEqual(expected.osmiumCheckRefs.missingNodeRefs);
  });

  it('keeps the pieces inside the box as lines, as many as the awk reference finds', () => {
    expect(result.input.lineTags.length).toBe(expected.awk.networkLines);
    expect(result.input.lineVertices.length).toBe(expected.awk.networkLineVertices);
    expect(result.input.coords.length).toBe(2 * expected.awk.networkVertices);
    expect(expected.awk.networkVertices).toBe(expected.osmiumTagsFilter.highwayWayNodes);
  });
});
