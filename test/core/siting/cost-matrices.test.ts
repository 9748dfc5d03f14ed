import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareNetwork, type PreparedNetwork } from '../../../src/core/area-context.ts';
import { haversineMetres } from '../../../src/core/geodesic-distance.ts';
import { networkCostMatrix } from '../../../src/core/siting/network-cost-matrix.ts';
import { straightCostMatrix } from '../../../src/core/siting/straight-cost-matrix.ts';
import { snapToNetwork, type Snaps } from '../../../src/core/snap-to-network.ts';
import type { WalkGraph } from '../../../src/core/walk-graph.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { readPopulation } from '../../../src/io/read-population.ts';
import { randomPoints, seededRandom } from '../../helpers/seeded-random.ts';

const AREA = path.resolve(import.meta.dirname, '../../../data/nanjing-xinjiekou');
const read = (f: string) => readFileSync(path.join(AREA, f));

/** Node distances from one snapped point by an O(V·E) Dijkstra without a heap (independent of the code under test). */
function slowDistancesFrom(g: WalkGraph, s: Snaps, j: number): Float64Array {
  const dist = new Float64Array(g.nodeCount).fill(Infinity);
  const e = s.edge[j];
  const len = g.edgeLength[e];
  dist[g.edgeFrom[e]] = s.t[j] * len;
  dist[g.edgeTo[e]] = Math.min(dist[g.edgeTo[e]], (1 - s.t[j]) * len);
  const done = new Uint8Array(g.nodeCount);
  for (;;) {
    let v = -1;
    for (let k = 0; k < g.nodeCount; k++) if (!done[k] && dist[k] < Infinity && (v < 0 || dist[k] < dist[v])) v = k;
    if (v < 0) return dist;
    done[v] = 1;
    for (let q = g.adjOffsets[v]; q < g.adjOffsets[v + 1]; q++) {
      const w = g.adjNode[q];
      if (dist[v] + g.adjLength[q] < dist[w]) dist[w] = dist[v] + g.adjLength[q];
    }
  }
}

/** Walking metres from site j to demand i by the documented definition: leg + path between snap points + leg. */
function referenceCost(g: WalkGraph, site: Snaps, j: number, fromSite: Float64Array, demand: Snaps, i: number): number {
  const e = demand.edge[i];
  if (e < 0) return Infinity;
  const len = g.edgeLength[e];
  let along = Math.min(fromSite[g.edgeFrom[e]] + demand.t[i] * len, fromSite[g.edgeTo[e]] + (1 - demand.t[i]) * len);
  if (site.edge[j] === e) along = Math.min(along, Math.abs(site.t[j] - demand.t[i]) * len);
  return site.legM[j] + along + demand.legM[i];
}

describe('the walking cost matrix from candidate sites to demand', () => {
  let net: PreparedNetwork;
  let demand: Snaps;
  let sites: Snaps;

  beforeAll(() => {
    net = prepareNetwork(readNetwork('network.osm.pbf', read('network.osm.pbf')).input);
    const pop = readPopulation('population.csv', read('population.csv').toString('utf8')).table;
    demand = snapToNetwork(net.graph, net.edgeIndex, pop.coords, 250);
    const rand = seededRandom(11);
    sites = snapToNetwork(net.graph, net.edgeIndex, randomPoints(rand, 12, [118.77, 32.03, 118.8, 32.05]), 250);
  });

  it('holds exactly the pairs within the limit that a heap-free Dijkstra from each site finds, with the same cost', () => {
    const limit = 800;
    const m = networkCostMatrix(net.graph, demand, sites, limit);
    let pairs = 0;
    for (let j = 0; j < sites.edge.length; j++) {
      const stored = new Map<number, number>();
      for (let q = m.bySiteStart[j]; q < m.bySiteStart[j + 1]; q++) stored.set(m.bySiteDemand[q], m.bySiteCost[q]);
      if (sites.edge[j] < 0) {
        expect(stored.size).toBe(0);
        continue;
      }
      const fromSite = slowDistancesFrom(net.graph, sites, j);
      for (let i = 0; i < demand.edge.length; i++) {
        const ref = referenceCost(net.graph, sites, j, fromSite, demand, i);
        if (ref <= limit - 1e-6) {
          expect(stored.get(i), `site ${j} demand ${i}`).toBeCloseTo(ref, 6);
          pairs++;
        } else if (ref > limit + 1e-6) expect(stored.has(i)).toBe(false);
      }
    }
    expect(pairs).toBeGreaterThan(100);
  });

  it('lists each demand point’s sites from the cheapest up', () => {
    const m = networkCostMatrix(net.graph, demand, sites, 1500);
    for (let i = 0; i < m.demandCount; i++) {
      for (let q = m.byDemandStart[i] + 1; q < m.byDemandStart[i + 1]; q++) expect(m.byDemandCost[q]).toBeGreaterThanOrEqual(m.byDemandCost[q - 1]);
    }
  });
});

describe('the straight-line cost matrix', () => {
  it('holds every pair a brute-force haversine finds within the limit, and no other', () => {
    const rand = seededRandom(5);
    const d = randomPoints(rand, 300, [118.77, 32.03, 118.8, 32.05]);
    const s = randomPoints(rand, 20, [118.77, 32.03, 118.8, 32.05]);
    const m = straightCostMatrix(d, s, 500);
    let expected = 0;
    for (let j = 0; j < 20; j++) {
      const stored = new Map<number, number>();
      for (let q = m.bySiteStart[j]; q < m.bySiteStart[j + 1]; q++) stored.set(m.bySiteDemand[q], m.bySiteCost[q]);
      for (let i = 0; i < 300; i++) {
        const h = haversineMetres(s[2 * j], s[2 * j + 1], d[2 * i], d[2 * i + 1]);
        if (h <= 500) {
          expected++;
          expect(stored.get(i)).toBeCloseTo(h, 9);
        } else expect(stored.has(i)).toBe(false);
      }
    }
    expect(m.bySiteDemand.length).toBe(expected);
  });
});
