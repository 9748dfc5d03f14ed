import { describe, expect, it } from 'vitest';
import { generateSyntheticCity, type SyntheticCity } from '../../bench/synthetic-city.ts';
import { buildWalkGraph, type WalkGraph } from '../../src/core/walk-graph.ts';
import { buildEdgeIndex, snapToNetwork, type Snaps } from '../../src/core/snap-to-network.ts';
import { networkFacilityDistances } from '../../src/core/network-facility-distances.ts';

const small = (seed: number, targetEdges = 2000): SyntheticCity =>
  generateSyntheticCity({ targetEdges, seed, originCount: 500, facilityTypes: [{ id: 'x', count: 10 }] });

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('synthetic city generator', () => {
  it('is deterministic for a seed', () => {
    const a = small(7);
    const b = small(7);
    expect(bytes(a.network.coords).equals(bytes(b.network.coords))).toBe(true);
    expect(bytes(a.network.lineOffsets).equals(bytes(b.network.lineOffsets))).toBe(true);
    expect(bytes(a.network.lineVertices).equals(bytes(b.network.lineVertices))).toBe(true);
    expect(JSON.stringify(a.network.lineTags)).toBe(JSON.stringify(b.network.lineTags));
    expect(bytes(a.origins).equals(bytes(b.origins))).toBe(true);
    expect(bytes(a.pop).equals(bytes(b.pop))).toBe(true);
    expect(bytes(a.facilities).equals(bytes(b.facilities))).toBe(true);
    expect(bytes(a.facilityType).equals(bytes(b.facilityType))).toBe(true);
    expect(a.barriers.map((x) => [...x.coords])).toEqual(b.barriers.map((x) => [...x.coords]));
  });

  it('differs between seeds', () => {
    const a = small(7);
    const b = small(8);
    expect(bytes(a.network.coords).equals(bytes(b.network.coords))).toBe(false);
    expect(bytes(a.origins).equals(bytes(b.origins))).toBe(false);
    expect(bytes(a.facilities).equals(bytes(b.facilities))).toBe(false);
  });

  it('produces a walk graph within ±10% of the target edge count, with multi-node ways', () => {
    for (const target of [2000, 10_000, 40_000]) {
      const city = generateSyntheticCity({ targetEdges: target, seed: 3, originCount: 10, facilityTypes: [{ id: 'x', count: 1 }] });
      const g = buildWalkGraph(city.network);
      expect(Math.abs(g.edgeCount - target) / target).toBeLessThanOrEqual(0.1);
      // Ways are split into OSM-node segments: far more vertices than lines, segments 10–60 m long.
      const n = city.network;
      expect(n.lineVertices.length / n.lineTags.length).toBeGreaterThan(8);
      const lengths = [...g.edgeLength].sort((x, y) => x - y);
      const medianLen = lengths[lengths.length >> 1];
      expect(medianLen).toBeGreaterThan(10);
      expect(medianLen).toBeLessThan(60);
      // Some lines are not walkable (motorway, railway, river, private service) and are dropped.
      expect(n.lineTags.some((t) => t.highway === 'motorway')).toBe(true);
      expect(n.lineTags.some((t) => t.railway === 'rail')).toBe(true);
      // Dead ends exist (culs-de-sac): nodes of degree 1.
      let deadEnds = 0;
      for (let v = 0; v < g.nodeCount; v++) if (g.adjOffsets[v + 1] - g.adjOffsets[v] === 1) deadEnds++;
      expect(deadEnds).toBeGreaterThan(target / 200);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Barrier check, with its own geometry: an edge crosses a barrier when the segments intersect.

function segmentsCross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const o = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) => (qx - px) * (ry - py) - (qy - py) * (rx - px);
  const d1 = o(ax, ay, bx, by, cx, cy), d2 = o(ax, ay, bx, by, dx, dy);
  const d3 = o(cx, cy, dx, dy, ax, ay), d4 = o(cx, cy, dx, dy, bx, by);
  return ((d1 >= 0 && d2 <= 0) || (d1 <= 0 && d2 >= 0)) && ((d3 >= 0 && d4 <= 0) || (d3 <= 0 && d4 >= 0));
}

function crossingCount(poly: Float64Array, ax: number, ay: number, bx: number, by: number): number {
  let n = 0;
  const minX = Math.min(ax, bx), maxX = Math.max(ax, bx), minY = Math.min(ay, by), maxY = Math.max(ay, by);
  for (let k = 0; k + 3 < poly.length; k += 2) {
    const cx = poly[k], cy = poly[k + 1], dx = poly[k + 2], dy = poly[k + 3];
    if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX || Math.max(cy, dy) < minY || Math.min(cy, dy) > maxY) continue;
    if (segmentsCross(ax, ay, bx, by, cx, cy, dx, dy)) n++;
  }
  return n;
}

function components(g: WalkGraph, removed: Set<number>): Int32Array {
  const adj: number[][] = Array.from({ length: g.nodeCount }, () => []);
  for (let e = 0; e < g.edgeCount; e++) {
    if (removed.has(e)) continue;
    adj[g.edgeFrom[e]].push(g.edgeTo[e]);
    adj[g.edgeTo[e]].push(g.edgeFrom[e]);
  }
  const comp = new Int32Array(g.nodeCount).fill(-1);
  let id = 0;
  for (let s = 0; s < g.nodeCount; s++) {
    if (comp[s] >= 0) continue;
    const stack = [s];
    comp[s] = id;
    while (stack.length) {
      const v = stack.pop()!;
      for (const w of adj[v]) if (comp[w] < 0) (comp[w] = id), stack.push(w);
    }
    id++;
  }
  return comp;
}

describe('synthetic city barriers', () => {
  const city = generateSyntheticCity({ targetEdges: 12_000, seed: 11, originCount: 10, facilityTypes: [{ id: 'x', count: 1 }] });
  const g = buildWalkGraph(city.network);
  const c = g.coords;
  const [minLon, minLat] = city.bbox;

  for (const barrier of city.barriers) {
    it(`the ${barrier.name} cuts the city, with only a few crossings`, () => {
      const poly = barrier.coords;
      const crossing = new Set<number>();
      for (let e = 0; e < g.edgeCount; e++) {
        const a = g.edgeFrom[e], b = g.edgeTo[e];
        if (crossingCount(poly, c[2 * a], c[2 * a + 1], c[2 * b], c[2 * b + 1]) > 0) crossing.add(e);
      }
      expect(crossing.size).toBeGreaterThanOrEqual(2);
      expect(crossing.size).toBeLessThanOrEqual(2 * barrier.crossings);

      // Side of a node: parity of crossings of a ray leaving the city (south for the river,
      // west for the rail line).
      const side = (v: number) => {
        const x = c[2 * v], y = c[2 * v + 1];
        return barrier.name === 'river' ? crossingCount(poly, x, y, x, minLat - 0.05) % 2 : crossingCount(poly, x, y, minLon - 0.05, y) % 2;
      };
      const sides = new Uint8Array(g.nodeCount);
      let ones = 0;
      for (let v = 0; v < g.nodeCount; v++) ones += sides[v] = side(v);
      expect(ones).toBeGreaterThan(0.1 * g.nodeCount);
      expect(ones).toBeLessThan(0.9 * g.nodeCount);

      // With the crossings, one component spans both sides; without them, none does.
      const before = components(g, new Set());
      const spans = (comp: Int32Array) => {
        const seen = new Map<number, number>();
        let n = 0;
        for (let v = 0; v < g.nodeCount; v++) {
          const s = seen.get(comp[v]);
          if (s === undefined) seen.set(comp[v], sides[v]);
          else if (s !== sides[v] && s !== 2) (seen.set(comp[v], 2), n++);
        }
        return n;
      };
      expect(spans(before)).toBeGreaterThanOrEqual(1);
      const after = components(g, crossing);
      expect(spans(after)).toBe(0);
      // And removing all but one crossing still leaves the city connected across.
      const keepOne = new Set([...crossing].slice(1));
      expect(spans(components(g, keepOne))).toBeGreaterThanOrEqual(1);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// networkFacilityDistances against an O(V²) brute force on a small city.

/** Dijkstra without a heap over the edge list, from a point at fraction t along edge e. */
function bruteDistancesFromEdgePoint(g: WalkGraph, adj: { w: number; len: number }[][], e: number, t: number): Float64Array {
  const n = g.nodeCount;
  const dist = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  const len = g.edgeLength[e];
  dist[g.edgeFrom[e]] = Math.min(dist[g.edgeFrom[e]], t * len);
  dist[g.edgeTo[e]] = Math.min(dist[g.edgeTo[e]], (1 - t) * len);
  for (;;) {
    let v = -1;
    let best = Infinity;
    for (let u = 0; u < n; u++) if (!done[u] && dist[u] < best) (best = dist[u]), (v = u);
    if (v < 0) break;
    done[v] = 1;
    for (const { w, len: l } of adj[v]) if (dist[v] + l < dist[w]) dist[w] = dist[v] + l;
  }
  return dist;
}

describe('networkFacilityDistances vs brute force (small synthetic city)', () => {
  const city = small(5);
  // Put three facilities next to origins so that some share an edge with origins.
  const fac = Float64Array.from(city.facilities);
  for (let k = 0; k < 3; k++) {
    fac[2 * k] = city.origins[2 * (k * 37)] + 0.00005;
    fac[2 * k + 1] = city.origins[2 * (k * 37) + 1] - 0.00003;
  }
  const g = buildWalkGraph(city.network);
  const index = buildEdgeIndex(g);
  const maxSnap = 250;
  const origins = snapToNetwork(g, index, city.origins, maxSnap);
  const facilities = snapToNetwork(g, index, fac, maxSnap);

  const adj: { w: number; len: number }[][] = Array.from({ length: g.nodeCount }, () => []);
  for (let e = 0; e < g.edgeCount; e++) {
    adj[g.edgeFrom[e]].push({ w: g.edgeTo[e], len: g.edgeLength[e] });
    adj[g.edgeTo[e]].push({ w: g.edgeFrom[e], len: g.edgeLength[e] });
  }
  const m = facilities.edge.length;
  const n = origins.edge.length;
  /** ref[f][i]: walking metres from origin i to facility f (leg + path + leg). */
  const ref: Float64Array[] = [];
  for (let f = 0; f < m; f++) {
    const row = new Float64Array(n).fill(Infinity);
    ref.push(row);
    const ef = facilities.edge[f];
    if (ef < 0) continue;
    const d = bruteDistancesFromEdgePoint(g, adj, ef, facilities.t[f]);
    for (let i = 0; i < n; i++) {
      const eo = origins.edge[i];
      if (eo < 0) continue;
      const lo = g.edgeLength[eo];
      let along = Math.min(d[g.edgeFrom[eo]] + origins.t[i] * lo, d[g.edgeTo[eo]] + (1 - origins.t[i]) * lo);
      if (eo === ef) along = Math.min(along, Math.abs(origins.t[i] - facilities.t[f]) * lo);
      row[i] = origins.legM[i] + along + facilities.legM[f];
    }
  }
  const refMin = (i: number) => (origins.edge[i] < 0 ? NaN : Math.min(...ref.map((r) => r[i])));

  it('the fixture exercises the interesting cases', () => {
    expect(g.edgeCount).toBeGreaterThan(1800);
    expect(g.edgeCount).toBeLessThan(2200);
    let sameEdge = 0;
    for (let i = 0; i < n; i++) for (let f = 0; f < m; f++) if (origins.edge[i] >= 0 && origins.edge[i] === facilities.edge[f]) sameEdge++;
    expect(sameEdge).toBeGreaterThanOrEqual(3);
    let far = 0;
    for (let i = 0; i < n; i++) if (refMin(i) > 1000) far++;
    expect(far).toBeGreaterThan(0); // the 1000 m limit matters
  });

  it('snaps every point to its nearest edge (planar, brute force)', () => {
    const { kx, ky } = index.projection;
    for (const [pts, snaps] of [[city.origins, origins], [fac, facilities]] as [Float64Array, Snaps][]) {
      for (let i = 0; i < pts.length / 2; i++) {
        const px = pts[2 * i] * kx, py = pts[2 * i + 1] * ky;
        let best = Infinity;
        for (let e = 0; e < g.edgeCount; e++) {
          const a = g.edgeFrom[e], b = g.edgeTo[e];
          const ax = g.coords[2 * a] * kx, ay = g.coords[2 * a + 1] * ky;
          const vx = g.coords[2 * b] * kx - ax, vy = g.coords[2 * b + 1] * ky - ay;
          const l2 = vx * vx + vy * vy;
          const s = l2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * vx + (py - ay) * vy) / l2)) : 0;
          best = Math.min(best, Math.hypot(ax + s * vx - px, ay + s * vy - py));
        }
        expect(snaps.edge[i]).toBeGreaterThanOrEqual(0);
        const e = snaps.edge[i];
        const a = g.edgeFrom[e], b = g.edgeTo[e];
        const fx = (g.coords[2 * a] + snaps.t[i] * (g.coords[2 * b] - g.coords[2 * a])) * kx;
        const fy = (g.coords[2 * a + 1] + snaps.t[i] * (g.coords[2 * b + 1] - g.coords[2 * a + 1])) * ky;
        expect(Math.abs(Math.hypot(fx - px, fy - py) - best)).toBeLessThan(1e-6);
      }
    }
  });

  const variants = {
    networkFacilityDistances: (limit: number) => networkFacilityDistances(g, origins, facilities, limit),
  };
  for (const [name, run] of Object.entries(variants)) {
    for (const limit of [Infinity, 1000]) {
      it(`${name} matches the brute-force minimum to 1e-6 m (limit ${limit} m)`, () => {
        const got = run(limit);
        let checked = 0;
        for (let i = 0; i < n; i++) {
          const want = refMin(i);
          const d = got.distance[i];
          if (Number.isNaN(want)) {
            expect(d).toBeNaN();
            continue;
          }
          if (want > limit) {
            expect(d).toBe(Infinity);
            expect(got.nearest[i]).toBe(-1);
            continue;
          }
          expect(Math.abs(d - want)).toBeLessThanOrEqual(1e-6);
          // The reported facility is one at that distance.
          expect(got.nearest[i]).toBeGreaterThanOrEqual(0);
          expect(Math.abs(ref[got.nearest[i]][i] - want)).toBeLessThanOrEqual(1e-6);
          checked++;
        }
        expect(checked).toBeGreaterThan(n / 2);
      });
    }
  }
});
