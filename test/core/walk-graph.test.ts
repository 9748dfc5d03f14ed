import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M } from '../../src/core/geodesic-distance.ts';
import type { NetworkInput } from '../../src/core/network-input.ts';
import { buildWalkGraph } from '../../src/core/walk-graph.ts';
import { DEFAULT_WALKABLE_RULE, isWalkable } from '../../src/core/walkable-rule.ts';

const U = (EARTH_RADIUS_M * Math.PI) / 180 * 0.001;

/** Three lines meeting at vertex 1: a 3-node way, and two single-segment ways. */
function input(tags: Record<string, string>[]): NetworkInput {
  return {
    coords: new Float64Array([0, 0, 0.001, 0, 0.002, 0, 0.001, 0.001, 0.001, -0.002]),
    lineOffsets: new Uint32Array([0, 3, 5, 7]),
    lineVertices: new Uint32Array([0, 1, 2, 1, 3, 1, 4]),
    lineTags: tags,
  };
}

describe('isWalkable', () => {
  it('accepts ordinary streets and paths, and steps', () => {
    for (const highway of ['primary', 'residential', 'footway', 'steps', 'service', 'pedestrian', 'trunk'])
      expect(isWalkable({ highway })).toBe(true);
  });
  it('rejects motorways, construction, proposed, raceways and guided busways', () => {
    for (const highway of DEFAULT_WALKABLE_RULE.excludedHighways) expect(isWalkable({ highway })).toBe(false);
  });
  it('rejects foot=no, and access=no|private unless foot=yes|designated', () => {
    expect(isWalkable({ highway: 'footway', foot: 'no' })).toBe(false);
    expect(isWalkable({ highway: 'service', access: 'private' })).toBe(false);
    expect(isWalkable({ highway: 'service', access: 'no', foot: 'designated' })).toBe(true);
    expect(isWalkable({ highway: 'service', access: 'private', foot: 'yes' })).toBe(true);
  });
  it('rejects lines without a highway tag', () => {
    expect(isWalkable({ railway: 'rail' })).toBe(false);
  });
  it('follows an edited rule', () => {
    expect(isWalkable({ highway: 'trunk' }, { ...DEFAULT_WALKABLE_RULE, excludedHighways: ['trunk'] })).toBe(false);
  });
});

describe('buildWalkGraph', () => {
  it('splits ways into one edge per pair of consecutive nodes and joins ways at shared nodes', () => {
    const g = buildWalkGraph(input([{ highway: 'residential' }, { highway: 'footway' }, { highway: 'service' }]));
    expect(g.nodeCount).toBe(5);
    expect(g.edgeCount).toBe(4);
    const junction = g.edgeTo[0]; // vertex 1 is the end of the first edge
    expect(g.adjOffsets[junction + 1] - g.adjOffsets[junction]).toBe(4);
    expect([...g.edgeLength].map((l) => l / U)).toEqual([1, 1, 1, 2].map((x) => expect.closeTo(x, 9)));
  });
  it('leaves out unwalkable ways and the nodes only they use', () => {
    const g = buildWalkGraph(input([{ highway: 'residential' }, { highway: 'motorway' }, { highway: 'service', access: 'private' }]));
    expect(g.nodeCount).toBe(3);
    expect(g.edgeCount).toBe(2);
  });
  it('stores both directions of every edge in the CSR adjacency (walking ignores oneway)', () => {
    const g = buildWalkGraph(input([{ highway: 'primary', oneway: 'yes' }, { highway: 'footway' }, { highway: 'service' }]));
    expect(g.adjOffsets[g.nodeCount]).toBe(2 * g.edgeCount);
    for (let e = 0; e < g.edgeCount; e++) {
      const a = g.edgeFrom[e], b = g.edgeTo[e];
      expect([...g.adjNode.subarray(g.adjOffsets[a], g.adjOffsets[a + 1])]).toContain(b);
      expect([...g.adjNode.subarray(g.adjOffsets[b], g.adjOffsets[b + 1])]).toContain(a);
    }
  });
});
