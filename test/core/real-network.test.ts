import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareNetwork, type PreparedNetwork } from '../../src/core/area-context.ts';
import { nearestFacilityDistances } from '../../src/core/nearest-facility-distances.ts';
import { networkFacilityDistances } from '../../src/core/network-facility-distances.ts';
import { snapToNetwork, type Snaps } from '../../src/core/snap-to-network.ts';
import type { WalkGraph } from '../../src/core/walk-graph.ts';
import { readFacilities } from '../../src/io/read-facilities.ts';
import { readNetwork } from '../../src/io/read-network.ts';
import { readPopulation } from '../../src/io/read-population.ts';
import { seededRandom } from '../helpers/seeded-random.ts';

const AREA = path.resolve(import.meta.dirname, '../../data/nanjing-xinjiekou');
const read = (f: string) => readFileSync(path.join(AREA, f));

/** Dijkstra without a heap: scan every node for the closest unsettled one, O(V²). */
function slowDijkstra(g: WalkGraph, seeds: [number, number][]): Float64Array {
  const dist = new Float64Array(g.nodeCount).fill(Infinity);
  const done = new Uint8Array(g.nodeCount);
  for (const [v, d] of seeds) dist[v] = Math.min(dist[v], d);
  for (;;) {
    let v = -1;
    for (let k = 0; k < g.nodeCount; k++) if (!done[k] && dist[k] < Infinity && (v < 0 || dist[k] < dist[v])) v = k;
    if (v < 0) return dist;
    done[v] = 1;
    for (let e = 0; e < g.edgeCount; e++) {
      const w = g.edgeFrom[e] === v ? g.edgeTo[e] : g.edgeTo[e] === v ? g.edgeFrom[e] : -1;
      if (w >= 0 && dist[v] + g.edgeLength[e] < dist[w]) dist[w] = dist[v] + g.edgeLength[e];
    }
  }
}

/** Reference walking distance origin i → facility f, by the documented definition. */
function reference(g: WalkGraph, o: Snaps, i: number, f: Snaps, fromOrigin: Float64Array, j: number): number {
  const ef = f.edge[j];
  const len = g.edgeLength[ef];
  let along = Math.min(fromOrigin[g.edgeFrom[ef]] + f.t[j] * len, fromOrigin[g.edgeTo[ef]] + (1 - f.t[j]) * len);
  if (o.edge[i] === ef) along = Math.min(along, Math.abs(o.t[i] - f.t[j]) * len);
  return o.legM[i] + along + f.legM[j];
}

describe('walking distances on the real Nanjing network', () => {
  let net: PreparedNetwork;
  let origins: Float64Array;
  let facilities: Float64Array;
  let snapO: Snaps;
  let snapF: Snaps;

  beforeAll(() => {
    net = prepareNetwork(readNetwork('network.osm.pbf', read('network.osm.pbf')).input);
    origins = readPopulation('population.csv', read('population.csv').toString('utf8')).table.coords;
    const fac = readFacilities('facilities.geojson', read('facilities.geojson').toString('utf8')).table;
    const t = fac.types.indexOf('market');
    facilities = new Float64Array([...fac.coords].filter((_, k) => fac.typeIndex[k >> 1] === t));
    snapO = snapToNetwork(net.graph, net.edgeIndex, origins, 250);
    snapF = snapToNetwork(net.graph, net.edgeIndex, facilities, 250);
  });

  it('equals an O(V²) Dijkstra without a heap for a seeded sample of 25 origins', () => {
    const r = networkFacilityDistances(net.graph, snapO, snapF);
    const rand = seededRandom(7);
    for (let s = 0; s < 25; s++) {
      const i = Math.floor(rand() * snapO.edge.length);
      if (snapO.edge[i] < 0) continue;
      const e = snapO.edge[i];
      const len = net.graph.edgeLength[e];
      const fromOrigin = slowDijkstra(net.graph, [[net.graph.edgeFrom[e], snapO.t[i] * len], [net.graph.edgeTo[e], (1 - snapO.t[i]) * len]]);
      let best = Infinity;
      for (let j = 0; j < snapF.edge.length; j++) if (snapF.edge[j] >= 0) best = Math.min(best, reference(net.graph, snapO, i, snapF, fromOrigin, j));
      expect(r.distance[i]).toBeCloseTo(best, 6);
    }
  });

  it('keeps node distances consistent along every edge (|d(u) − d(v)| ≤ length)', () => {
    const seeds = Array.from({ length: 5 }, (_, k) => k * 97);
    const dist = slowDijkstra(net.graph, seeds.map((v) => [v, 0]));
    for (let e = 0; e < net.graph.edgeCount; e++) {
      const du = dist[net.graph.edgeFrom[e]], dv = dist[net.graph.edgeTo[e]];
      if (Number.isFinite(du) || Number.isFinite(dv)) expect(Math.abs(du - dv)).toBeLessThanOrEqual(net.graph.edgeLength[e] + 1e-9);
    }
  });

  it('never makes a walk shorter than the straight line to the nearest facility', () => {
    const walk = networkFacilityDistances(net.graph, snapO, snapF);
    const line = nearestFacilityDistances(origins, facilities);
    for (let i = 0; i < walk.distance.length; i++) {
      if (Number.isFinite(walk.distance[i])) expect(walk.distance[i]).toBeGreaterThanOrEqual(line.distance[i] * 0.998);
    }
  });

  it('only gets shorter when facilities are added, and a search limit only removes far units', () => {
    const half = { edge: snapF.edge.slice(0, 2), t: snapF.t.slice(0, 2), legM: snapF.legM.slice(0, 2), foot: snapF.foot.slice(0, 4) };
    const all = networkFacilityDistances(net.graph, snapO, snapF);
    const some = networkFacilityDistances(net.graph, snapO, half);
    const limited = networkFacilityDistances(net.graph, snapO, snapF, 600);
    for (let i = 0; i < all.distance.length; i++) {
      if (Number.isNaN(all.distance[i])) continue;
      expect(all.distance[i]).toBeLessThanOrEqual(some.distance[i]);
      expect(limited.distance[i]).toBe(all.distance[i] <= 600 ? all.distance[i] : Infinity);
    }
  });

  it('finds the components an independent union-find finds', () => {
    const parent = Array.from({ length: net.graph.nodeCount }, (_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
    for (let e = 0; e < net.graph.edgeCount; e++) parent[find(net.graph.edgeFrom[e])] = find(net.graph.edgeTo[e]);
    const sizes = new Map<number, number>();
    for (let v = 0; v < net.graph.nodeCount; v++) sizes.set(find(v), (sizes.get(find(v)) ?? 0) + 1);
    expect(net.stats.components).toBe(sizes.size);
    expect(net.stats.largestComponentShare).toBeCloseTo(Math.max(...sizes.values()) / net.graph.nodeCount, 12);
  });
});

describe('the same streets read from OSM PBF and from GeoJSON lines', () => {
  it('give the same walking distances for nearly every unit (the GeoJSON lacks one pedestrian-area ring)', () => {
    const fromPbf = prepareNetwork(readNetwork('network.osm.pbf', read('network.osm.pbf')).input);
    const fromGeojson = prepareNetwork(readNetwork('streets.geojson', read('streets.geojson')).input);
    const origins = readPopulation('population.csv', read('population.csv').toString('utf8')).table.coords;
    const fac = readFacilities('facilities.geojson', read('facilities.geojson').toString('utf8')).table;
    const t = fac.types.indexOf('bus_stop');
    const stops = new Float64Array([...fac.coords].filter((_, k) => fac.typeIndex[k >> 1] === t));
    const d = (net: PreparedNetwork) => networkFacilityDistances(net.graph, snapToNetwork(net.graph, net.edgeIndex, origins, 250), snapToNetwork(net.graph, net.edgeIndex, stops, 250)).distance;
    const a = d(fromPbf);
    const b = d(fromGeojson);
    let same = 0;
    // The projection for snapping is centred on each graph's mean latitude, so feet differ by < 1 µm.
    for (let i = 0; i < a.length; i++) if (Object.is(a[i], b[i]) || Math.abs(a[i] - b[i]) < 1e-3) same++;
    expect(same / a.length).toBeGreaterThan(0.95);
    expect(fromPbf.graph.edgeCount - fromGeojson.graph.edgeCount).toBeGreaterThanOrEqual(0);
  });
});
