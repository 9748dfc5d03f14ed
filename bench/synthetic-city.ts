/**
 * Seeded synthetic city for benchmarks and tests, centred on lon 118.78, lat 32.04 (Nanjing).
 *
 * Street network (all typed arrays, no per-edge objects):
 * - a grid of intersections with irregular column/row spacing (90–190 m), jittered positions and a
 *   gentle warp, so blocks are irregular; ~7% of residential grid links are removed (merged blocks);
 * - a few long diagonal avenues and scattered single-block diagonal streets;
 * - culs-de-sac: dead-end spurs from mid-block junctions (some with a T at the end, some private
 *   service roads that are not walkable), and footways cutting through blocks;
 * - two barriers crossing the whole city, a meandering river (west–east) and a rail line
 *   (north–south), that no street crosses except a few designated bridges / underpasses;
 * - ways span several blocks (split at bridges, gaps and randomly, as OSM ways are), and every
 *   street between two junctions is split into OSM-node segments: the spacing is calibrated
 *   (~20–40 m) so that the walk graph gets the requested number of edges (±1%);
 * - non-walkable lines too (a motorway on its own elevated nodes, the railway, the river centre
 *   line, private service roads), which buildWalkGraph must drop;
 * - realistic tags (primary/secondary/tertiary/residential/unclassified/living_street/service/
 *   footway/path/steps, bridge/tunnel/layer, sidewalk).
 *
 * Origins (residential points) and facilities are placed with a density falling off from the
 * centre and a few sub-centres; facilities sit 5–50 m off a street (bus stops on main roads).
 * Deterministic for a given seed (mulberry32).
 */
import type { NetworkInput } from '../src/core/network-input.ts';
import type { Tags } from '../src/core/osm-data.ts';
import { localProjection } from '../src/core/local-projection.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import { isWalkable } from '../src/core/walkable-rule.ts';

export const CITY_CENTRE = { lon: 118.78, lat: 32.04 } as const;

/** 25 facility types with realistic counts for a large Chinese city (rare ~20, common ~2000). */
export const DEFAULT_FACILITY_TYPES: readonly { id: string; count: number }[] = [
  { id: 'convenience', count: 2000 },
  { id: 'bus_stop', count: 1800 },
  { id: 'restaurant', count: 1600 },
  { id: 'pharmacy', count: 900 },
  { id: 'clinic', count: 700 },
  { id: 'kindergarten', count: 600 },
  { id: 'bank', count: 500 },
  { id: 'toilets', count: 450 },
  { id: 'park', count: 400 },
  { id: 'market', count: 350 },
  { id: 'primary_school', count: 300 },
  { id: 'elderly_care', count: 250 },
  { id: 'community_service', count: 220 },
  { id: 'sports', count: 200 },
  { id: 'culture', count: 160 },
  { id: 'post', count: 140 },
  { id: 'middle_school', count: 120 },
  { id: 'police', count: 90 },
  { id: 'library', count: 70 },
  { id: 'shopping_centre', count: 60 },
  { id: 'hospital', count: 45 },
  { id: 'fire_station', count: 35 },
  { id: 'cinema', count: 30 },
  { id: 'metro', count: 24 },
  { id: 'museum', count: 20 },
];

export interface SyntheticCityOptions {
  /** Walk-graph edges wanted (edges buildWalkGraph will produce with the default rule). */
  targetEdges: number;
  seed?: number;
  /** Residential points (default 200,000). */
  originCount?: number;
  /** Facility types and counts (default DEFAULT_FACILITY_TYPES, 25 types). */
  facilityTypes?: readonly { id: string; count: number }[];
  /** Designated crossings of the river and of the rail line (default grows slowly with size). */
  riverCrossings?: number;
  railCrossings?: number;
  /** Shuffle the order of the lines, as way ids in an OSM extract are not spatially ordered (default true). */
  shuffleLines?: boolean;
}

export interface Barrier {
  name: 'river' | 'rail';
  /** Centre line, interleaved lon/lat, running across (and beyond) the whole city. */
  coords: Float64Array;
  /** Streets (junction-to-junction links) kept across it. */
  crossings: number;
}

export interface SyntheticCity {
  network: NetworkInput;
  /** Interleaved lon/lat of residential points. */
  origins: Float64Array;
  /** Residents per origin. */
  pop: Float64Array;
  /** Interleaved lon/lat of facilities, grouped by type. */
  facilities: Float64Array;
  /** Type index (into typeIds) per facility. */
  facilityType: Uint16Array;
  typeCount: number;
  typeIds: string[];
  barriers: Barrier[];
  /** [minLon, minLat, maxLon, maxLat] of the street grid. */
  bbox: [number, number, number, number];
  stats: {
    gridCols: number;
    gridRows: number;
    extentKm: [number, number];
    /** Calibrated spacing of intermediate OSM nodes along streets (m). */
    nodeSpacingM: number;
    /** Walk-graph edges the generator expects (buildWalkGraph should agree). */
    expectedWalkEdges: number;
    lines: number;
    vertices: number;
  };
}

// ---------------------------------------------------------------------------------------------
// Growable typed arrays

class GrowF64 {
  a: Float64Array;
  n = 0;
  constructor(cap = 1024) {
    this.a = new Float64Array(cap);
  }
  push(v: number): number {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n] = v;
    return this.n++;
  }
}

class GrowU32 {
  a: Uint32Array;
  n = 0;
  constructor(cap = 1024) {
    this.a = new Uint32Array(cap);
  }
  push(v: number): number {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n] = v;
    return this.n++;
  }
}

// ---------------------------------------------------------------------------------------------
// Tags (shared objects: one per kind, not per way)

const T = {
  primary: { highway: 'primary', sidewalk: 'both', lanes: '6' },
  secondary: { highway: 'secondary', sidewalk: 'both', lanes: '4' },
  tertiary: { highway: 'tertiary', sidewalk: 'both' },
  residential: { highway: 'residential' },
  unclassified: { highway: 'unclassified' },
  living_street: { highway: 'living_street' },
  service: { highway: 'service' },
  private_service: { highway: 'service', access: 'private' },
  footway: { highway: 'footway' },
  path: { highway: 'path' },
  steps: { highway: 'steps' },
  pedestrian: { highway: 'pedestrian' },
  primary_bridge: { highway: 'primary', bridge: 'yes', layer: '1', sidewalk: 'both' },
  secondary_bridge: { highway: 'secondary', bridge: 'yes', layer: '1', sidewalk: 'both' },
  residential_bridge: { highway: 'residential', bridge: 'yes', layer: '1' },
  primary_underpass: { highway: 'primary', tunnel: 'yes', layer: '-1', sidewalk: 'both' },
  secondary_underpass: { highway: 'secondary', tunnel: 'yes', layer: '-1', sidewalk: 'both' },
  residential_underpass: { highway: 'residential', tunnel: 'yes', layer: '-1' },
  motorway: { highway: 'motorway', oneway: 'yes', bridge: 'yes', layer: '2' },
  railway: { railway: 'rail', usage: 'main' },
  river: { waterway: 'river', name: '秦淮河' },
} satisfies Record<string, Tags>;
type TagKind = keyof typeof T;
const TAG_KINDS = Object.keys(T) as TagKind[];
const TAG_INDEX = Object.fromEntries(TAG_KINDS.map((k, i) => [k, i])) as Record<TagKind, number>;
const TAG_LIST: Tags[] = TAG_KINDS.map((k) => T[k]);
const TAG_WALKABLE = TAG_LIST.map((t) => isWalkable(t));

// Street classes of grid rows/columns.
const CLS_PRIMARY = 0, CLS_SECONDARY = 1, CLS_TERTIARY = 2, CLS_RESIDENTIAL = 3;
const CLASS_TAG = [TAG_INDEX.primary, TAG_INDEX.secondary, TAG_INDEX.tertiary, TAG_INDEX.residential];
const BRIDGE_TAG = [TAG_INDEX.primary_bridge, TAG_INDEX.secondary_bridge, TAG_INDEX.residential_bridge, TAG_INDEX.residential_bridge];
const UNDERPASS_TAG = [TAG_INDEX.primary_underpass, TAG_INDEX.secondary_underpass, TAG_INDEX.residential_underpass, TAG_INDEX.residential_underpass];

function lineClass(k: number): number {
  if (k % 10 === 0) return CLS_PRIMARY;
  if (k % 5 === 0) return CLS_SECONDARY;
  if (k % 5 === 2) return CLS_TERTIARY;
  return CLS_RESIDENTIAL;
}

// ---------------------------------------------------------------------------------------------
// Barriers: polylines that are graphs v = f(u) sampled every `du` metres along u (u = x for the
// river, u = y for the rail line), in local metres.

interface BarrierCurve {
  /** 0: u = x, v = y (river); 1: u = y, v = x (rail). */
  axis: 0 | 1;
  u0: number;
  du: number;
  v: Float64Array;
}

function curveValue(c: BarrierCurve, u: number): number {
  const f = (u - c.u0) / c.du;
  const k = Math.max(0, Math.min(c.v.length - 2, Math.floor(f)));
  const s = f - k;
  return c.v[k] + s * (c.v[k + 1] - c.v[k]);
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** True when segment p–q properly intersects the barrier polyline (points in local x, y). */
function crossesCurve(c: BarrierCurve, px: number, py: number, qx: number, qy: number): boolean {
  const pu = c.axis === 0 ? px : py, pv = c.axis === 0 ? py : px;
  const qu = c.axis === 0 ? qx : qy, qv = c.axis === 0 ? qy : qx;
  const lo = Math.max(0, Math.floor((Math.min(pu, qu) - c.u0) / c.du) - 1);
  const hi = Math.min(c.v.length - 2, Math.ceil((Math.max(pu, qu) - c.u0) / c.du) + 1);
  // Quick reject: far from the curve on one side.
  const minV = Math.min(pv, qv), maxV = Math.max(pv, qv);
  let cMin = Infinity, cMax = -Infinity;
  for (let k = lo; k <= hi + 1 && k < c.v.length; k++) {
    if (c.v[k] < cMin) cMin = c.v[k];
    if (c.v[k] > cMax) cMax = c.v[k];
  }
  if (maxV < cMin || minV > cMax) return false;
  for (let k = lo; k <= hi; k++) {
    const au = c.u0 + k * c.du, av = c.v[k];
    const bu = au + c.du, bv = c.v[k + 1];
    const d1 = orient(pu, pv, qu, qv, au, av);
    const d2 = orient(pu, pv, qu, qv, bu, bv);
    const d3 = orient(au, av, bu, bv, pu, pv);
    const d4 = orient(au, av, bu, bv, qu, qv);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
    // Touching counts as crossing (to be safe): an endpoint exactly on the curve.
    if ((d3 === 0 && d1 * d2 <= 0) || (d4 === 0 && d1 * d2 <= 0)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

export function generateSyntheticCity(opts: SyntheticCityOptions): SyntheticCity {
  const seed = opts.seed ?? 1;
  const rnd = seededRandom(seed);
  const uni = (a: number, b: number) => a + (b - a) * rnd();
  const targetEdges = Math.max(200, Math.round(opts.targetEdges));
  const originCount = opts.originCount ?? 200_000;
  const types = opts.facilityTypes ?? DEFAULT_FACILITY_TYPES;
  const scale = Math.sqrt(targetEdges / 100_000);
  const riverCrossings = opts.riverCrossings ?? Math.max(3, Math.round(4 + 2 * scale));
  const railCrossings = opts.railCrossings ?? Math.max(2, Math.round(3 + 2 * scale));

  // ---- Grid of intersections ------------------------------------------------------------------
  const EDGES_PER_CELL = 10; // with ~28 m node spacing; the spacing is calibrated below anyway
  const side = Math.max(6, Math.round(Math.sqrt(targetEdges / EDGES_PER_CELL)) + 1);
  const C = side, R = side;
  const colX = new Float64Array(C);
  const rowY = new Float64Array(R);
  for (let i = 1; i < C; i++) colX[i] = colX[i - 1] + uni(90, 190);
  for (let j = 1; j < R; j++) rowY[j] = rowY[j - 1] + uni(90, 190);
  const midX = colX[C - 1] / 2, midY = rowY[R - 1] / 2;
  const W = colX[C - 1], H = rowY[R - 1];

  // Junctions (street intersections and mid-block junctions), local metres.
  const JX = new GrowF64(C * R * 2);
  const JY = new GrowF64(C * R * 2);
  const ph1 = uni(0, 6.28), ph2 = uni(0, 6.28);
  for (let j = 0; j < R; j++) {
    for (let i = 0; i < C; i++) {
      let x = colX[i] - midX + uni(-22, 22);
      let y = rowY[j] - midY + uni(-22, 22);
      const wx = 30 * Math.sin(y / 900 + ph1), wy = 30 * Math.sin(x / 1100 + ph2);
      x += wx;
      y += wy;
      JX.push(x);
      JY.push(y);
    }
  }
  const gid = (i: number, j: number) => j * C + i;

  // ---- Barriers --------------------------------------------------------------------------------
  const du = 25;
  const margin = 600;
  const mkCurve = (axis: 0 | 1, lo: number, hi: number, f: (u: number) => number): BarrierCurve => {
    const n = Math.ceil((hi - lo) / du) + 1;
    const v = new Float64Array(n);
    for (let k = 0; k < n; k++) v[k] = f(lo + k * du);
    return { axis, u0: lo, du, v };
  };
  const rp1 = uni(0, 6.28), rp2 = uni(0, 6.28), rp3 = uni(0, 6.28);
  const river = mkCurve(0, -midX - margin, midX + margin, (x) =>
    -0.12 * H + 0.05 * H * Math.sin((2 * Math.PI * x) / (0.7 * W) + rp1) + 0.015 * H * Math.sin((2 * Math.PI * x) / (0.23 * W) + rp2));
  const rail = mkCurve(1, -midY - margin, midY + margin, (y) =>
    0.17 * W + 0.1 * y + 0.02 * W * Math.sin((2 * Math.PI * y) / (0.8 * H) + rp3));
  const curves = [river, rail];
  const crossMask = (ax: number, ay: number, bx: number, by: number) =>
    (crossesCurve(river, ax, ay, bx, by) ? 1 : 0) | (crossesCurve(rail, ax, ay, bx, by) ? 2 : 0);

  // ---- Grid links: h(i,j) = (i,j)-(i+1,j), v(i,j) = (i,j)-(i,j+1) -----------------------------------
  const hCount = (C - 1) * R;
  const vCount = C * (R - 1);
  const hid = (i: number, j: number) => j * (C - 1) + i;
  const vid = (i: number, j: number) => j * C + i;
  const hCross = new Uint8Array(hCount);
  const vCross = new Uint8Array(vCount);
  for (let j = 0; j < R; j++)
    for (let i = 0; i < C - 1; i++) {
      const a = gid(i, j), b = gid(i + 1, j);
      hCross[hid(i, j)] = crossMask(JX.a[a], JY.a[a], JX.a[b], JY.a[b]);
    }
  for (let j = 0; j < R - 1; j++)
    for (let i = 0; i < C; i++) {
      const a = gid(i, j), b = gid(i, j + 1);
      vCross[vid(i, j)] = crossMask(JX.a[a], JY.a[a], JX.a[b], JY.a[b]);
    }

  // Designated crossings: links crossing exactly one barrier, perpendicular to it (vertical links
  // for the river, horizontal for the rail), preferring main roads, spread evenly along it.
  // 0 = ordinary, 1 = bridge over the river, 2 = underpass below the rail.
  const hSpecial = new Uint8Array(hCount);
  const vSpecial = new Uint8Array(vCount);
  {
    const pick = (cands: { id: number; u: number; cls: number }[], k: number): number[] => {
      const main = cands.filter((c) => c.cls <= CLS_SECONDARY);
      const pool = (main.length >= 2 * k ? main : cands).sort((a, b) => a.u - b.u || a.id - b.id);
      const out: number[] = [];
      for (let q = 0; q < k && pool.length; q++) out.push(pool[Math.floor(((q + 0.5) * pool.length) / k)].id);
      return [...new Set(out)];
    };
    const rc: { id: number; u: number; cls: number }[] = [];
    for (let j = 0; j < R - 1; j++)
      for (let i = 0; i < C; i++) if (vCross[vid(i, j)] === 1) rc.push({ id: vid(i, j), u: JX.a[gid(i, j)], cls: lineClass(i) });
    for (const id of pick(rc, riverCrossings)) vSpecial[id] = 1;
    const tc: { id: number; u: number; cls: number }[] = [];
    for (let j = 0; j < R; j++)
      for (let i = 0; i < C - 1; i++) if (hCross[hid(i, j)] === 2) tc.push({ id: hid(i, j), u: JY.a[gid(i, j)], cls: lineClass(j) });
    for (const id of pick(tc, railCrossings)) hSpecial[id] = 2;
  }
  let riverKept = 0, railKept = 0;
  for (let k = 0; k < vCount; k++) if (vSpecial[k] === 1) riverKept++;
  for (let k = 0; k < hCount; k++) if (hSpecial[k] === 2) railKept++;

  // Keep or drop each link; mid-block junction on some kept links.
  const hKeep = new Uint8Array(hCount);
  const vKeep = new Uint8Array(vCount);
  const hMid = new Int32Array(hCount).fill(-1);
  const vMid = new Int32Array(vCount).fill(-1);
  const addMid = (a: number, b: number): number => {
    const s = uni(0.35, 0.65);
    JX.push(JX.a[a] + s * (JX.a[b] - JX.a[a]));
    return JY.push(JY.a[a] + s * (JY.a[b] - JY.a[a]));
  };
  for (let j = 0; j < R; j++)
    for (let i = 0; i < C - 1; i++) {
      const k = hid(i, j);
      const r = rnd();
      const drop = lineClass(j) === CLS_RESIDENTIAL ? 0.09 : 0.01;
      hKeep[k] = hSpecial[k] ? 1 : hCross[k] ? 0 : r >= drop ? 1 : 0;
      if (hKeep[k] && !hSpecial[k] && rnd() < 0.45) hMid[k] = addMid(gid(i, j), gid(i + 1, j));
    }
  for (let j = 0; j < R - 1; j++)
    for (let i = 0; i < C; i++) {
      const k = vid(i, j);
      const r = rnd();
      const drop = lineClass(i) === CLS_RESIDENTIAL ? 0.09 : 0.01;
      vKeep[k] = vSpecial[k] ? 1 : vCross[k] ? 0 : r >= drop ? 1 : 0;
      if (vKeep[k] && !vSpecial[k] && rnd() < 0.45) vMid[k] = addMid(gid(i, j), gid(i, j + 1));
    }

  // ---- Ways as junction sequences ---------------------------------------------------------------
  const wayOff = new GrowU32(1 << 14);
  const wayJ = new GrowU32(1 << 16);
  const wayTag: number[] = [];
  wayOff.push(0);
  const endWay = (tag: number) => {
    if (wayJ.n - wayOff.a[wayOff.n - 1] >= 2) {
      wayOff.push(wayJ.n);
      wayTag.push(tag);
    } else wayJ.n = wayOff.a[wayOff.n - 1]; // drop a lone vertex
  };
  const residentialVariant = () => {
    const r = rnd();
    return r < 0.8 ? TAG_INDEX.residential : r < 0.93 ? TAG_INDEX.unclassified : TAG_INDEX.living_street;
  };

  // Rows and columns: chains of kept links, split at gaps, at bridges/underpasses and randomly.
  const chains = (horizontal: boolean) => {
    const lines = horizontal ? R : C;
    const len = horizontal ? C : R;
    for (let L = 0; L < lines; L++) {
      const cls = lineClass(L);
      let tag = cls === CLS_RESIDENTIAL ? residentialVariant() : CLASS_TAG[cls];
      let left = 3 + Math.floor(rnd() * 10);
      let open = false;
      for (let p = 0; p < len - 1; p++) {
        const k = horizontal ? hid(p, L) : vid(L, p);
        const keep = horizontal ? hKeep[k] : vKeep[k];
        const special = horizontal ? hSpecial[k] : vSpecial[k];
        const mid = horizontal ? hMid[k] : vMid[k];
        const a = horizontal ? gid(p, L) : gid(L, p);
        const b = horizontal ? gid(p + 1, L) : gid(L, p + 1);
        if (!keep) {
          if (open) endWay(tag);
          open = false;
          continue;
        }
        if (special) {
          if (open) endWay(tag);
          wayJ.push(a);
          wayJ.push(b);
          endWay(special === 1 ? BRIDGE_TAG[cls] : UNDERPASS_TAG[cls]);
          open = false;
          continue;
        }
        if (open && left <= 0) {
          endWay(tag);
          open = false;
          if (cls === CLS_RESIDENTIAL) tag = residentialVariant();
        }
        if (!open) {
          wayJ.push(a);
          open = true;
          left = 3 + Math.floor(rnd() * 10);
        }
        if (mid >= 0) wayJ.push(mid);
        wayJ.push(b);
        left--;
      }
      if (open) endWay(tag);
    }
  };
  chains(true);
  chains(false);

  // Diagonal avenues through grid intersections, and scattered single-block diagonals.
  const diagUsed = new Uint8Array((C - 1) * (R - 1));
  const avenues = Math.max(1, Math.round(side / 70));
  for (let q = 0; q < avenues; q++) {
    const up = rnd() < 0.5;
    let i = Math.floor(rnd() * (C / 3));
    let j = up ? Math.floor(rnd() * (R / 3)) : R - 1 - Math.floor(rnd() * (R / 3));
    const steps = Math.floor(uni(0.4, 0.8) * side);
    const tag = rnd() < 0.5 ? TAG_INDEX.primary : TAG_INDEX.secondary;
    let open = false;
    let left = 5 + Math.floor(rnd() * 10);
    for (let s = 0; s < steps; s++) {
      const ni = i + 1, nj = up ? j + 1 : j - 1;
      if (ni >= C || nj < 0 || nj >= R) break;
      const a = gid(i, j), b = gid(ni, nj);
      const cell = (up ? j : nj) * (C - 1) + i;
      const ok = !crossMask(JX.a[a], JY.a[a], JX.a[b], JY.a[b]);
      if (!ok || left <= 0) {
        if (open) endWay(tag);
        open = false;
        left = 5 + Math.floor(rnd() * 10);
      }
      if (ok) {
        if (!open) wayJ.push(a);
        wayJ.push(b);
        open = true;
        diagUsed[cell] = 1;
        left--;
      }
      i = ni;
      j = nj;
    }
    if (open) endWay(tag);
  }
  for (let j = 0; j < R - 1; j++)
    for (let i = 0; i < C - 1; i++) {
      if (rnd() >= 0.025 || diagUsed[j * (C - 1) + i]) continue;
      const flip = rnd() < 0.5;
      const a = flip ? gid(i + 1, j) : gid(i, j), b = flip ? gid(i, j + 1) : gid(i + 1, j + 1);
      if (crossMask(JX.a[a], JY.a[a], JX.a[b], JY.a[b])) continue;
      wayJ.push(a);
      wayJ.push(b);
      endWay(residentialVariant());
    }

  // Culs-de-sac and footways from mid-block junctions.
  const newJ = (x: number, y: number) => {
    JX.push(x);
    return JY.push(y);
  };
  const spur = (mid: number, ax: number, ay: number, bx: number, by: number, depthA: number, depthB: number) => {
    // Perpendicular to link a→b, into one side.
    const dx = bx - ax, dy = by - ay;
    const len = Math.hypot(dx, dy) || 1;
    const side = rnd() < 0.5 ? 1 : -1;
    const nx = (-dy / len) * side, ny = (dx / len) * side;
    const depth = side > 0 ? depthA : depthB;
    const L = uni(0.25, 0.45) * depth;
    const mx = JX.a[mid], my = JY.a[mid];
    const ex = mx + nx * L, ey = my + ny * L;
    if (crossMask(mx, my, ex, ey)) return;
    const r = rnd();
    const tag = r < 0.55 ? TAG_INDEX.residential : r < 0.85 ? TAG_INDEX.service : r < 0.93 ? TAG_INDEX.private_service : TAG_INDEX.footway;
    const e = newJ(ex, ey);
    wayJ.push(mid);
    wayJ.push(e);
    endWay(tag);
    if (rnd() < 0.3) {
      // T at the end: a short street both ways along the link direction.
      const t = uni(15, 35);
      const x1 = ex - (dx / len) * t, y1 = ey - (dy / len) * t, x2 = ex + (dx / len) * t, y2 = ey + (dy / len) * t;
      if (crossMask(x1, y1, x2, y2)) return;
      wayJ.push(newJ(x1, y1));
      wayJ.push(e);
      wayJ.push(newJ(x2, y2));
      endWay(tag === TAG_INDEX.footway ? TAG_INDEX.footway : tag === TAG_INDEX.private_service ? tag : TAG_INDEX.service);
    }
  };
  const gapY = (j: number) => (j >= 0 && j < R - 1 ? rowY[j + 1] - rowY[j] : 140);
  const gapX = (i: number) => (i >= 0 && i < C - 1 ? colX[i + 1] - colX[i] : 140);
  for (let j = 0; j < R; j++)
    for (let i = 0; i < C - 1; i++) {
      const m = hMid[hid(i, j)];
      if (m < 0 || rnd() >= 0.4) continue;
      const a = gid(i, j), b = gid(i + 1, j);
      // Left normal of a west→east link points north (+y).
      spur(m, JX.a[a], JY.a[a], JX.a[b], JY.a[b], gapY(j), gapY(j - 1));
    }
  for (let j = 0; j < R - 1; j++)
    for (let i = 0; i < C; i++) {
      const m = vMid[vid(i, j)];
      if (m < 0 || rnd() >= 0.4) continue;
      const a = gid(i, j), b = gid(i, j + 1);
      // Left normal of a south→north link points west (−x).
      spur(m, JX.a[a], JY.a[a], JX.a[b], JY.a[b], gapX(i - 1), gapX(i));
    }
  // Footways (or steps / paths) through blocks, joining the mid junctions of opposite sides.
  for (let j = 0; j < R - 1; j++)
    for (let i = 0; i < C - 1; i++) {
      const m1 = hMid[hid(i, j)], m2 = hMid[hid(i, j + 1)];
      if (m1 < 0 || m2 < 0 || rnd() >= 0.35) continue;
      const cx = (JX.a[m1] + JX.a[m2]) / 2 + uni(-15, 15), cy = (JY.a[m1] + JY.a[m2]) / 2 + uni(-10, 10);
      if (crossMask(JX.a[m1], JY.a[m1], cx, cy) || crossMask(cx, cy, JX.a[m2], JY.a[m2])) continue;
      const r = rnd();
      wayJ.push(m1);
      wayJ.push(newJ(cx, cy));
      wayJ.push(m2);
      endWay(r < 0.75 ? TAG_INDEX.footway : r < 0.92 ? TAG_INDEX.path : r < 0.97 ? TAG_INDEX.pedestrian : TAG_INDEX.steps);
    }
  const streetWays = wayTag.length;

  // ---- Calibrate the OSM-node spacing so the walk graph gets ~targetEdges edges -----------------
  const segCount = (len: number, s: number) => Math.max(1, Math.round(len / s));
  const wayLens: number[] = [];
  {
    // Collect walkable link lengths once.
    for (let w = 0; w < streetWays; w++) {
      if (!TAG_WALKABLE[wayTag[w]]) continue;
      for (let k = wayOff.a[w] + 1; k < wayOff.a[w + 1]; k++) {
        const a = wayJ.a[k - 1], b = wayJ.a[k];
        wayLens.push(Math.hypot(JX.a[b] - JX.a[a], JY.a[b] - JY.a[a]));
      }
    }
  }
  const linkLen = Float64Array.from(wayLens);
  const edgesFor = (s: number) => {
    let e = 0;
    for (let k = 0; k < linkLen.length; k++) e += segCount(linkLen[k], s);
    return e;
  };
  let sLo = 1, sHi = 1000;
  for (let it = 0; it < 40; it++) {
    const s = Math.sqrt(sLo * sHi);
    if (edgesFor(s) > targetEdges) sLo = s;
    else sHi = s;
  }
  const spacing = Math.abs(edgesFor(sLo) - targetEdges) <= Math.abs(edgesFor(sHi) - targetEdges) ? sLo : sHi;
  const expectedWalkEdges = edgesFor(spacing);

  // ---- Non-walkable extra lines (own vertices) ----------------------------------------------------
  // Motorway (elevated, shares no node with streets), railway and river centre lines.
  const extraWays: { start: number; count: number; tag: number }[] = [];
  {
    const ang = uni(-0.3, 0.3);
    const x0 = -midX - 300, x1 = midX + 300;
    const y0 = uni(-0.3, 0.3) * H;
    const n = Math.ceil((x1 - x0) / 200) + 1;
    const start = JX.n;
    for (let k = 0; k < n; k++) {
      const x = x0 + ((x1 - x0) * k) / (n - 1);
      newJ(x, y0 + x * Math.tan(ang));
    }
    extraWays.push({ start, count: n, tag: TAG_INDEX.motorway });
    for (const c of curves) {
      const st = JX.n;
      for (let k = 0; k < c.v.length; k += 4) {
        const u = c.u0 + k * c.du;
        if (c.axis === 0) newJ(u, c.v[k]);
        else newJ(c.v[k], u);
      }
      extraWays.push({ start: st, count: JX.n - st, tag: c === river ? TAG_INDEX.river : TAG_INDEX.railway });
    }
  }

  // ---- Assemble NetworkInput -------------------------------------------------------------------
  const junctions = JX.n;
  let inter = 0;
  let lineVertexTotal = 0;
  for (let w = 0; w < streetWays; w++) {
    lineVertexTotal += 1;
    for (let k = wayOff.a[w] + 1; k < wayOff.a[w + 1]; k++) {
      const a = wayJ.a[k - 1], b = wayJ.a[k];
      const sc = segCount(Math.hypot(JX.a[b] - JX.a[a], JY.a[b] - JY.a[a]), spacing);
      inter += sc - 1;
      lineVertexTotal += sc;
    }
  }
  for (const x of extraWays) lineVertexTotal += x.count;
  const lineCount = streetWays + extraWays.length;
  const vertexCount = junctions + inter;
  const P = localProjection(CITY_CENTRE.lat);
  const coords = new Float64Array(2 * vertexCount);
  for (let v = 0; v < junctions; v++) {
    coords[2 * v] = CITY_CENTRE.lon + JX.a[v] / P.kx;
    coords[2 * v + 1] = CITY_CENTRE.lat + JY.a[v] / P.ky;
  }
  // Line order: optionally shuffled, as OSM way ids are not spatially ordered.
  const order = new Uint32Array(lineCount);
  for (let l = 0; l < lineCount; l++) order[l] = l;
  if (opts.shuffleLines ?? true) {
    for (let l = lineCount - 1; l > 0; l--) {
      const r = Math.floor(rnd() * (l + 1));
      const t = order[l];
      order[l] = order[r];
      order[r] = t;
    }
  }
  const lineOffsets = new Uint32Array(lineCount + 1);
  const lineVertices = new Uint32Array(lineVertexTotal);
  const lineTags: Tags[] = new Array(lineCount);
  let nextVertex = junctions;
  let pos = 0;
  for (let l = 0; l < lineCount; l++) {
    const src = order[l];
    lineOffsets[l] = pos;
    if (src < streetWays) {
      lineTags[l] = TAG_LIST[wayTag[src]];
      lineVertices[pos++] = wayJ.a[wayOff.a[src]];
      for (let k = wayOff.a[src] + 1; k < wayOff.a[src + 1]; k++) {
        const a = wayJ.a[k - 1], b = wayJ.a[k];
        const sc = segCount(Math.hypot(JX.a[b] - JX.a[a], JY.a[b] - JY.a[a]), spacing);
        const alon = coords[2 * a], alat = coords[2 * a + 1];
        const dlon = coords[2 * b] - alon, dlat = coords[2 * b + 1] - alat;
        for (let q = 1; q < sc; q++) {
          const v = nextVertex++;
          coords[2 * v] = alon + (dlon * q) / sc;
          coords[2 * v + 1] = alat + (dlat * q) / sc;
          lineVertices[pos++] = v;
        }
        lineVertices[pos++] = b;
      }
    } else {
      const x = extraWays[src - streetWays];
      lineTags[l] = TAG_LIST[x.tag];
      for (let q = 0; q < x.count; q++) lineVertices[pos++] = x.start + q;
    }
  }
  lineOffsets[lineCount] = pos;

  // ---- Density, origins, facilities --------------------------------------------------------------
  const centres: { x: number; y: number; r: number; w: number }[] = [{ x: 0, y: 0, r: 0.25 * Math.max(W, H), w: 1 }];
  const nSub = 3 + Math.round(2 * scale);
  for (let q = 0; q < nSub; q++) centres.push({ x: uni(-0.4, 0.4) * W, y: uni(-0.4, 0.4) * H, r: uni(0.06, 0.12) * Math.max(W, H), w: uni(0.4, 0.8) });
  const density = (x: number, y: number) => {
    let d = 0.15;
    for (const c of centres) d += c.w * Math.exp(-Math.hypot(x - c.x, y - c.y) / c.r);
    return d;
  };
  let maxDensity = 0;
  for (const c of centres) maxDensity = Math.max(maxDensity, density(c.x, c.y));
  const halfW = W / 2, halfH = H / 2;

  const origins = new Float64Array(2 * originCount);
  const pop = new Float64Array(originCount);
  for (let i = 0; i < originCount; ) {
    const x = uni(-halfW, halfW), y = uni(-halfH, halfH);
    if (rnd() * maxDensity > density(x, y)) continue;
    if (Math.abs(y - curveValue(river, x)) < 40) continue; // nobody lives in the river
    origins[2 * i] = CITY_CENTRE.lon + x / P.kx;
    origins[2 * i + 1] = CITY_CENTRE.lat + y / P.ky;
    // Log-normal residents per building/unit (median ~60).
    const g = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    pop[i] = Math.round(Math.exp(4.1 + 0.8 * g));
    i++;
  }

  // Facilities: along streets (a random walkable link, density-weighted), 5–50 m off it.
  const walkLinks: number[] = [];
  const mainLinks: number[] = [];
  for (let w = 0; w < streetWays; w++) {
    if (!TAG_WALKABLE[wayTag[w]]) continue;
    const main = wayTag[w] === TAG_INDEX.primary || wayTag[w] === TAG_INDEX.secondary;
    for (let k = wayOff.a[w] + 1; k < wayOff.a[w + 1]; k++) {
      walkLinks.push(k);
      if (main) mainLinks.push(k);
    }
  }
  const total = types.reduce((s, t) => s + t.count, 0);
  const facilities = new Float64Array(2 * total);
  const facilityType = new Uint16Array(total);
  let f = 0;
  types.forEach((type, ti) => {
    const pool = type.id === 'bus_stop' || type.id === 'metro' ? mainLinks : walkLinks;
    for (let c = 0; c < type.count; ) {
      const k = pool[Math.floor(rnd() * pool.length)];
      const a = wayJ.a[k - 1], b = wayJ.a[k];
      const s = rnd();
      const ax = JX.a[a], ay = JY.a[a], dx = JX.a[b] - ax, dy = JY.a[b] - ay;
      const len = Math.hypot(dx, dy) || 1;
      const off = (type.id === 'bus_stop' ? uni(3, 10) : uni(5, 50)) * (rnd() < 0.5 ? 1 : -1);
      const x = ax + s * dx - (dy / len) * off, y = ay + s * dy + (dx / len) * off;
      if (rnd() * maxDensity > density(x, y) * 1.5) continue;
      facilities[2 * f] = CITY_CENTRE.lon + x / P.kx;
      facilities[2 * f + 1] = CITY_CENTRE.lat + y / P.ky;
      facilityType[f++] = ti;
      c++;
    }
  });

  // ---- Barriers in lon/lat ------------------------------------------------------------------------
  const barrierCoords = (c: BarrierCurve) => {
    const out = new Float64Array(2 * c.v.length);
    for (let k = 0; k < c.v.length; k++) {
      const u = c.u0 + k * c.du;
      const x = c.axis === 0 ? u : c.v[k], y = c.axis === 0 ? c.v[k] : u;
      out[2 * k] = CITY_CENTRE.lon + x / P.kx;
      out[2 * k + 1] = CITY_CENTRE.lat + y / P.ky;
    }
    return out;
  };

  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let v = 0; v < C * R; v++) {
    minX = Math.min(minX, JX.a[v]);
    maxX = Math.max(maxX, JX.a[v]);
    minY = Math.min(minY, JY.a[v]);
    maxY = Math.max(maxY, JY.a[v]);
  }

  return {
    network: { coords, lineOffsets, lineVertices, lineTags },
    origins,
    pop,
    facilities,
    facilityType,
    typeCount: types.length,
    typeIds: types.map((t) => t.id),
    barriers: [
      { name: 'river', coords: barrierCoords(river), crossings: riverKept },
      { name: 'rail', coords: barrierCoords(rail), crossings: railKept },
    ],
    bbox: [CITY_CENTRE.lon + minX / P.kx, CITY_CENTRE.lat + minY / P.ky, CITY_CENTRE.lon + maxX / P.kx, CITY_CENTRE.lat + maxY / P.ky],
    stats: {
      gridCols: C,
      gridRows: R,
      extentKm: [(maxX - minX) / 1000, (maxY - minY) / 1000],
      nodeSpacingM: spacing,
      expectedWalkEdges,
      lines: lineCount,
      vertices: vertexCount,
    },
  };
}
