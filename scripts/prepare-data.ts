/**
 * Builds the default study area (南京新街口核心区) into data/nanjing-xinjiekou/ from the staged
 * real data in ../shared/data/nanjing-xinjiekou (see its SOURCES.md). Run: `npx tsx scripts/prepare-data.ts`.
 *
 * Source folder: env LIFECIRCLE_SHARED_DATA (either the shared data root that holds
 * `nanjing-xinjiekou/`, or that area folder itself), else `<repo>/../shared/data`.
 *
 * Deterministic: the same inputs give byte-identical outputs (no timestamps, stable ordering).
 * Only this script's statistics and timings go to stdout. data/README.md is hand-written except
 * the block between the GENERATED markers, which this script refreshes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Flatbush from 'flatbush';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';

const t0 = performance.now();
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AREA_ID = 'nanjing-xinjiekou';
const SRC = resolveSource();
const OUT = path.join(REPO, 'data', AREA_ID);
const README = path.join(REPO, 'data', 'README.md');
const PBF_NAME = 'osm_nanjing_xinjiekou_2021-06-12.osm.pbf';

/** Street classes that bound blocks (城市道路 down to 居住区道路/巷). Footways, steps, service and
 * pedestrian ways are left out: here they are compound driveways and shopping-street pieces inside
 * blocks (measured: adding pedestrian+service gives 11 more core units, all splitting a block into
 * < 2 ha pieces; median core unit 2.7 → 2.4 ha). LIFECIRCLE_BLOCK_EXTRA=a,b adds classes for such tests. */
const BLOCK_HIGHWAYS = new Set([
  'trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'living_street',
  'trunk_link', 'primary_link', 'secondary_link', 'tertiary_link',
  ...(process.env.LIFECIRCLE_BLOCK_EXTRA ?? '').split(',').filter(Boolean), // experiments only
]);
/** Faces smaller than this (m², = 0.5 ha) are slivers: junction islands, slip-road triangles. */
const SLIVER_AREA_M2 = 5_000;
/** Faces whose mean width 2A/P (m) is below this are road medians between dual carriageways
 * (urban carriageway pairs are 10–30 m apart); merged like slivers as long as they are < 3 ha. */
const MEDIAN_WIDTH_M = 25;
const MEDIAN_MAX_AREA_M2 = 30_000;
/** A dead-end street end this close (m) to another street is treated as a missed junction
 * (OSM mappers often stop a way a few metres short of the road it meets). */
const SNAP_DANGLE_M = 12;
/** Length (m) of way end used to get its direction when extending a truncated way. */
const DIR_BACK_M = 40;
/** Tolerance (m) for "a vertex lies on another segment" while noding. */
const NODE_TOL_M = 0.05;
/** Rows of ~300 m for numbering units north→south, then west→east. */
const ROW_M = 300;

// ---------------------------------------------------------------- helpers

function resolveSource(): string {
  const env = process.env.LIFECIRCLE_SHARED_DATA;
  const root = env ? path.resolve(env) : path.resolve(REPO, '..', 'shared', 'data');
  const dir = fs.existsSync(path.join(root, 'study_area_bbox.geojson')) ? root : path.join(root, AREA_ID);
  if (!fs.existsSync(path.join(dir, 'study_area_bbox.geojson'))) {
    throw new Error(`shared data not found at ${dir} (set LIFECIRCLE_SHARED_DATA)`);
  }
  return dir;
}
const readJson = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(SRC, name), 'utf8')) as T;
const r7 = (x: number) => Math.round(x * 1e7) / 1e7;
const roundRing = (ring: Position[]) => {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [r7(p[0]), r7(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
};
function writeOut(name: string, text: string | Buffer) {
  fs.writeFileSync(path.join(OUT, name), text);
}
/** One feature per line: diff-friendly and still valid JSON. */
function fcText(features: Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
const log = (...a: unknown[]) => console.log(...a);

// ---------------------------------------------------------------- study area + local projection

/** Data-complete core. The OSM extract is an Overpass bbox download: inside its query bbox it holds
 * every street, outside only the parts of ways that cross into it (long arms reaching to the
 * network outline in study_area_bbox.geojson). Building ways come only from inside the query bbox
 * (plus their own outline), so the buildings' extent approximates that bbox (≈ 3.2 × 1.9 km; the
 * free-standing nodes give the same). */
const core = turf.bbox(readJson<FeatureCollection>('buildings_osm2021.geojson'));
/** The study area is that data-complete core, not the whole network extent: outside it the extract
 * has only a few through-roads, so walking distances there would measure missing data, not the
 * city. Facilities and streets outside it are kept (people walk across the boundary). */
const study = turf.bboxPolygon(core, { properties: { name: 'Nanjing Xinjiekou data-complete core', name_zh: '南京新街口核心区（OSM 完整范围）' } }) as Feature<Polygon>;
const [minLon, minLat, maxLon, maxLat] = turf.bbox(study);
/** Equirectangular metres around the study area (scale error < 0.01 % over 3 km): used for noding,
 * angles and merge decisions only; reported areas are geodesic (turf.area). */
const KY = (6_371_008.8 * Math.PI) / 180;
const KX = KY * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
const toX = (lon: number) => (lon - minLon) * KX;
const toY = (lat: number) => (lat - minLat) * KY;

fs.mkdirSync(OUT, { recursive: true });

// ---------------------------------------------------------------- population.csv

const ACC_COLS = ['acc_active_living_m', 'acc_community_space_m', 'acc_education_m', 'acc_food_choices_m',
  'acc_health_wellbeing_m', 'acc_mobility_m', 'acc_nightlife_m'];
interface Cell { id: string; lon: number; lat: number; pop: number }
const cells: Cell[] = [];
{
  const csvLines = fs.readFileSync(path.join(SRC, 'population_ghspop_100m.csv'), 'utf8').trim().split(/\r?\n/);
  const head = csvLines[0].split(',');
  const col = (n: string) => {
    const i = head.indexOf(n);
    if (i < 0) throw new Error(`population CSV lacks column ${n}`);
    return i;
  };
  const iLon = col('lon'), iLat = col('lat'), iPop = col('pop');
  const iAcc = ACC_COLS.map(col);
  const rows = [['id', 'lon', 'lat', 'pop', ...ACC_COLS].join(',')];
  for (const line of csvLines.slice(1)) {
    const f = line.split(',');
    const lon = Number(f[iLon]), lat = Number(f[iLat]);
    if (!turf.booleanPointInPolygon([lon, lat], study)) continue;
    const id = `P${String(cells.length + 1).padStart(4, '0')}`;
    cells.push({ id, lon, lat, pop: Number(f[iPop]) });
    // pop and acc_* are copied as written (persons per cell; metres), not re-formatted.
    rows.push([id, lon.toFixed(6), lat.toFixed(6), f[iPop], ...iAcc.map((i) => f[i])].join(','));
  }
  writeOut('population.csv', rows.join('\n') + '\n');
}
const popTotal = cells.reduce((s, c) => s + c.pop, 0);
log(`population: ${cells.length} cells inside the study area, Σpop = ${popTotal.toFixed(1)}`);

// ---------------------------------------------------------------- facilities.geojson

const pois = readJson<FeatureCollection<Point>>('pois.geojson');
const STAGED = new Set(['category', 'category_zh', 'geom_source', 'osm_id']);
const facilities = pois.features.map((f): Feature<Point> => {
  const p = f.properties ?? {};
  const tags = Object.fromEntries(Object.entries(p).filter(([k]) => !STAGED.has(k)));
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [r7(f.geometry.coordinates[0]), r7(f.geometry.coordinates[1])] },
    properties: { id: p.osm_id, name: p.name ?? null, ...tags },
  };
});
writeOut('facilities.geojson', fcText(facilities));

// ---------------------------------------------------------------- streets, buildings, landuse

const walk = readJson<FeatureCollection<LineString>>('walk_network.geojson');
writeOut('streets.geojson', fcText(walk.features.map((f) => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates: roundRing(f.geometry.coordinates) },
  properties: { osm_id: f.properties!.osm_id, highway: f.properties!.highway, name: f.properties!.name ?? null },
}))));

function polygonLayer(file: string, keep: string[], out: string): number {
  const fc = readJson<FeatureCollection<Polygon | MultiPolygon>>(file);
  const feats = fc.features.map((f) => {
    const props: Record<string, unknown> = {};
    for (const k of keep) if (f.properties?.[k] != null) props[k] = f.properties[k];
    const g = f.geometry;
    const geometry = g.type === 'Polygon'
      ? { type: 'Polygon' as const, coordinates: g.coordinates.map(roundRing) }
      : { type: 'MultiPolygon' as const, coordinates: g.coordinates.map((p) => p.map(roundRing)) };
    return turf.rewind({ type: 'Feature', geometry, properties: props } as Feature<Polygon | MultiPolygon>,
      { mutate: true }) as Feature;
  });
  writeOut(out, fcText(feats));
  return feats.length;
}
const nBuildings = polygonLayer('buildings_osm2021.geojson', ['osm_id', 'building', 'name', 'building:levels'], 'buildings.geojson');
const nLanduse = polygonLayer('landuse_residential.geojson', ['osm_id', 'landuse', 'name'], 'landuse.geojson');

// ---------------------------------------------------------------- network.osm.pbf

// Read + write rather than copyFile: the staged source is read-only and its mode must not carry over.
writeOut('network.osm.pbf', fs.readFileSync(path.join(SRC, PBF_NAME)));

// ---------------------------------------------------------------- communities.geojson
//
// Blocks = faces of the planar graph formed by the main streets plus the study-area outline.
// 1. node: split every street segment at every crossing / touching vertex (bridges cross
//    without shared nodes; tunnels are left out because they do not divide the surface);
// 2. snap dead ends that stop just short of another street; prune remaining dead ends;
// 3. trace faces with a half-edge structure (each face = one block); remove cut edges;
//    components nested inside a block become holes of it;
// 4. merge slivers / medians into the neighbour sharing the longest boundary;
// 5. trace each unit's outline, name it by its two longest named boundary streets.

interface Way { name: string | null; nameEn: string | null }
const ways: Way[] = [];
const lines: { pts: Position[]; way: number }[] = [];
let tunnelsSkipped = 0;
for (const f of walk.features) {
  const p = f.properties ?? {};
  if (!BLOCK_HIGHWAYS.has(p.highway)) continue;
  if (p.tunnel && p.tunnel !== 'no') { tunnelsSkipped++; continue; }
  ways.push({ name: p.name ?? null, nameEn: p['name:en'] ?? null });
  lines.push({ pts: f.geometry.coordinates, way: ways.length - 1 });
}
const nStreetWays = lines.length;
lines.push({ pts: study.geometry.coordinates[0], way: -1 }); // outline closes the edge faces

// Nodes: keyed by 7-decimal lon/lat (OSM precision, ~1 cm).
const nodeKey = new Map<string, number>();
const nodeLon: number[] = [], nodeLat: number[] = [];
function nodeAt(lon: number, lat: number): number {
  lon = r7(lon); lat = r7(lat);
  const k = `${lon},${lat}`;
  let id = nodeKey.get(k);
  if (id === undefined) {
    id = nodeLon.length;
    nodeKey.set(k, id);
    nodeLon.push(lon); nodeLat.push(lat);
  }
  return id;
}
const nx = (n: number) => toX(nodeLon[n]);
const ny = (n: number) => toY(nodeLat[n]);

// Segments and their split points (t along the segment, node).
interface Seg { a: number; b: number; way: number; splits: { t: number; n: number }[] }
const segs: Seg[] = [];
for (const l of lines) {
  for (let i = 0; i + 1 < l.pts.length; i++) {
    const a = nodeAt(l.pts[i][0], l.pts[i][1]), b = nodeAt(l.pts[i + 1][0], l.pts[i + 1][1]);
    if (a !== b) segs.push({ a, b, way: l.way, splits: [] });
  }
}
{
  const idx = new Flatbush(segs.length);
  for (const s of segs) {
    idx.add(Math.min(nx(s.a), nx(s.b)) - 1, Math.min(ny(s.a), ny(s.b)) - 1,
      Math.max(nx(s.a), nx(s.b)) + 1, Math.max(ny(s.a), ny(s.b)) + 1);
  }
  idx.finish();
  // Parameter of point (px,py) projected onto segment s, and its distance from the segment line.
  const proj = (s: Seg, px: number, py: number) => {
    const ax = nx(s.a), ay = ny(s.a), dx = nx(s.b) - ax, dy = ny(s.b) - ay;
    const L2 = dx * dx + dy * dy;
    const t = ((px - ax) * dx + (py - ay) * dy) / L2;
    return { t, d: Math.abs((px - ax) * dy - (py - ay) * dx) / Math.sqrt(L2), len: Math.sqrt(L2) };
  };
  // A node of one segment lying on the interior of another splits the latter.
  const splitIfOn = (s: Seg, n: number) => {
    if (n === s.a || n === s.b) return;
    const { t, d, len } = proj(s, nx(n), ny(n));
    const tol = NODE_TOL_M / len;
    if (d <= NODE_TOL_M && t > tol && t < 1 - tol) s.splits.push({ t, n });
  };
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    for (const j of idx.search(Math.min(nx(s.a), nx(s.b)), Math.min(ny(s.a), ny(s.b)),
      Math.max(nx(s.a), nx(s.b)), Math.max(ny(s.a), ny(s.b)))) {
      if (j <= i) continue;
      const q = segs[j];
      // Touching / collinear cases: endpoints lying on the other segment.
      splitIfOn(s, q.a); splitIfOn(s, q.b); splitIfOn(q, s.a); splitIfOn(q, s.b);
      // Proper crossing: interiors intersect at one point.
      if (s.a === q.a || s.a === q.b || s.b === q.a || s.b === q.b) continue;
      const ax = nx(s.a), ay = ny(s.a), rx = nx(s.b) - ax, ry = ny(s.b) - ay;
      const bx = nx(q.a), by = ny(q.a), sx = nx(q.b) - bx, sy = ny(q.b) - by;
      const den = rx * sy - ry * sx;
      if (Math.abs(den) < 1e-9) continue;
      const t = ((bx - ax) * sy - (by - ay) * sx) / den;
      const u = ((bx - ax) * ry - (by - ay) * rx) / den;
      const tt = NODE_TOL_M / Math.hypot(rx, ry), tu = NODE_TOL_M / Math.hypot(sx, sy);
      if (t > tt && t < 1 - tt && u > tu && u < 1 - tu) {
        const n = nodeAt(minLon + (ax + t * rx) / KX, minLat + (ay + t * ry) / KY);
        s.splits.push({ t, n });
        q.splits.push({ t: u, n });
      }
    }
  }
}

// Edges: one per straight piece between consecutive nodes, deduplicated (shared/overlapping ways).
const edgeIndex = new Map<string, number>();
const edgeU: number[] = [], edgeV: number[] = [], edgeWays: Set<number>[] = [];
function addEdge(a: number, b: number, way: number) {
  if (a === b) return;
  const k = a < b ? `${a}|${b}` : `${b}|${a}`;
  let e = edgeIndex.get(k);
  if (e === undefined) {
    e = edgeU.length;
    edgeIndex.set(k, e);
    edgeU.push(a); edgeV.push(b); edgeWays.push(new Set());
  }
  if (way >= 0) edgeWays[e].add(way);
}
const inStudy = (lon: number, lat: number) =>
  lon >= minLon - 1e-9 && lon <= maxLon + 1e-9 && lat >= minLat - 1e-9 && lat <= maxLat + 1e-9;
for (const s of segs) {
  const pts = [{ t: 0, n: s.a }, ...s.splits.sort((p, q) => p.t - q.t), { t: 1, n: s.b }];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i].n, b = pts[i + 1].n;
    // Clip to the study area: keep pieces whose midpoint is inside (the outline is a split line).
    if (inStudy((nodeLon[a] + nodeLon[b]) / 2, (nodeLat[a] + nodeLat[b]) / 2)) addEdge(a, b, s.way);
  }
}
const alive: boolean[] = edgeU.map(() => true);
function addLiveEdge(a: number, b: number, waysOf: Set<number>) {
  const before = edgeU.length;
  addEdge(a, b, -1);
  const e = edgeIndex.get(a < b ? `${a}|${b}` : `${b}|${a}`)!;
  if (edgeU.length > before) alive.push(true);
  alive[e] = true;
  for (const w of waysOf) edgeWays[e].add(w);
}
const edgeLen = (e: number) => Math.hypot(nx(edgeV[e]) - nx(edgeU[e]), ny(edgeV[e]) - ny(edgeU[e]));

function degrees(): number[] {
  const deg = new Array<number>(nodeLon.length).fill(0);
  edgeU.forEach((u, e) => { if (alive[e]) { deg[u]++; deg[edgeV[e]]++; } });
  return deg;
}

// Dead ends. Inside the data-complete core a dead end is real (cul-de-sac) unless it stops within
// SNAP_DANGLE_M of a street ahead (a missed junction): then it is joined to that street.
// Outside the core the extract holds only the ways that cross into it, so their far ends are
// truncation artefacts: they are extended straight ahead to the next street or the outline, which
// keeps the periphery divided by the arterials that really run through it.
let snapped = 0, extended = 0, extendedM = 0;
{
  const deg = degrees();
  const adj = new Map<number, number[]>();
  edgeU.forEach((u, e) => {
    if (!alive[e]) return;
    for (const [a, b] of [[u, edgeV[e]], [edgeV[e], u]]) (adj.get(a) ?? adj.set(a, []).get(a)!).push(b);
  });
  const ends: number[] = [];
  for (let n = 0; n < nodeLon.length; n++) if (deg[n] === 1) ends.push(n);
  for (const n of ends) {
    // Direction of travel: from the node DIR_BACK_M back along the dead-end chain to the end.
    let prev = n, cur = adj.get(n)![0], back = Math.hypot(nx(cur) - nx(n), ny(cur) - ny(n));
    while (back < DIR_BACK_M && (adj.get(cur)?.length ?? 0) === 2) {
      const nxt = adj.get(cur)!.find((m) => m !== prev)!;
      back += Math.hypot(nx(nxt) - nx(cur), ny(nxt) - ny(cur));
      prev = cur; cur = nxt;
    }
    const px = nx(n), py = ny(n);
    let dx = px - nx(cur), dy = py - ny(cur);
    const dl = Math.hypot(dx, dy); dx /= dl; dy /= dl;
    const truncated = !(nodeLon[n] >= core[0] && nodeLon[n] <= core[2] && nodeLat[n] >= core[1] && nodeLat[n] <= core[3]);
    // Nearest live edge hit by the ray (truncated ends) or within SNAP_DANGLE_M ahead (others).
    let best: { e: number; t: number; d: number } | null = null;
    for (let e = 0; e < edgeU.length; e++) {
      if (!alive[e] || edgeU[e] === n || edgeV[e] === n) continue;
      const ax = nx(edgeU[e]), ay = ny(edgeU[e]), sx = nx(edgeV[e]) - ax, sy = ny(edgeV[e]) - ay;
      let t: number, d: number;
      if (truncated) {
        const den = dx * sy - dy * sx;
        if (Math.abs(den) < 1e-12) continue;
        d = ((ax - px) * sy - (ay - py) * sx) / den; // distance along the ray
        t = ((ax - px) * dy - (ay - py) * dx) / den; // position on the edge
        if (d <= 0 || t < 0 || t > 1) continue;
      } else {
        t = Math.max(0, Math.min(1, ((px - ax) * sx + (py - ay) * sy) / (sx * sx + sy * sy)));
        const qx = ax + t * sx - px, qy = ay + t * sy - py;
        d = Math.hypot(qx, qy);
        if (d > SNAP_DANGLE_M || d === 0 || (qx * dx + qy * dy) / d < Math.cos(Math.PI / 3)) continue;
      }
      if (!best || d < best.d) best = { e, t, d };
    }
    if (!best) continue;
    const { e, t } = best;
    const target = t < 1e-9 ? edgeU[e] : t > 1 - 1e-9 ? edgeV[e]
      : nodeAt(minLon + (nx(edgeU[e]) + t * (nx(edgeV[e]) - nx(edgeU[e]))) / KX,
        minLat + (ny(edgeU[e]) + t * (ny(edgeV[e]) - ny(edgeU[e]))) / KY);
    if (target !== edgeU[e] && target !== edgeV[e]) {
      alive[e] = false;
      addLiveEdge(edgeU[e], target, edgeWays[e]);
      addLiveEdge(target, edgeV[e], edgeWays[e]);
    }
    addLiveEdge(n, target, new Set());
    if (truncated) { extended++; extendedM += best.d; } else snapped++;
  }
}

// Prune dead ends repeatedly (they bound no face).
function pruneDangles(): number {
  let removed = 0;
  for (;;) {
    const deg = degrees();
    let changed = false;
    edgeU.forEach((u, e) => {
      if (alive[e] && (deg[u] <= 1 || deg[edgeV[e]] <= 1)) { alive[e] = false; removed++; changed = true; }
    });
    if (!changed) return removed;
  }
}
const danglesPruned = pruneDangles();

// Half-edges: h = 2e is u→v, h = 2e+1 is v→u; twin = h ^ 1.
const org = (h: number) => (h & 1 ? edgeV[h >> 1] : edgeU[h >> 1]);
const dst = (h: number) => (h & 1 ? edgeU[h >> 1] : edgeV[h >> 1]);
let out: number[][] = [];
let pos: number[] = [];
let faceOf: number[] = [];
let faceArea: number[] = []; // signed, m² (positive = bounded CCW face)
let faceStart: number[] = [];
const nextH = (h: number) => {
  const t = h ^ 1, list = out[dst(h)];
  return list[(pos[t] - 1 + list.length) % list.length]; // first edge clockwise from the way back
};
function traceFaces() {
  out = nodeLon.map(() => []);
  pos = new Array(edgeU.length * 2).fill(-1);
  edgeU.forEach((u, e) => { if (alive[e]) { out[u].push(2 * e); out[edgeV[e]].push(2 * e + 1); } });
  for (const list of out) {
    list.sort((a, b) => Math.atan2(ny(dst(a)) - ny(org(a)), nx(dst(a)) - nx(org(a)))
      - Math.atan2(ny(dst(b)) - ny(org(b)), nx(dst(b)) - nx(org(b))));
    list.forEach((h, i) => (pos[h] = i));
  }
  faceOf = new Array(edgeU.length * 2).fill(-1);
  faceArea = []; faceStart = [];
  for (let h0 = 0; h0 < edgeU.length * 2; h0++) {
    if (!alive[h0 >> 1] || faceOf[h0] >= 0) continue;
    const f = faceArea.length;
    let a = 0, h = h0;
    do {
      faceOf[h] = f;
      a += nx(org(h)) * ny(dst(h)) - nx(dst(h)) * ny(org(h));
      h = nextH(h);
    } while (h !== h0);
    faceArea.push(a / 2); faceStart.push(h0);
  }
}
let cutEdges = 0;
for (;;) {
  traceFaces();
  let removed = 0;
  edgeU.forEach((_, e) => { if (alive[e] && faceOf[2 * e] === faceOf[2 * e + 1]) { alive[e] = false; removed++; } });
  if (!removed) break;
  cutEdges += removed;
  pruneDangles();
}

// Components; the one holding the outline has the outer face = outside. The outer face of any
// other component (an unconnected street loop) is a hole in the smallest face enclosing it.
const OUTSIDE = -1;
const faceRing = (f: number) => {
  const ring: number[] = [];
  let h = faceStart[f];
  do { ring.push(org(h)); h = nextH(h); } while (h !== faceStart[f]);
  return ring;
};
const pointInRing = (px: number, py: number, ring: number[]) => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = nx(ring[i]), yi = ny(ring[i]), xj = nx(ring[j]), yj = ny(ring[j]);
    if ((yi > py) !== (yj > py) && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const faceParent: number[] = faceArea.map((_, f) => f); // union-find over faces = units
{
  const comp = new Array<number>(nodeLon.length).fill(-1);
  const find = (n: number): number => (comp[n] < 0 ? n : (comp[n] = find(comp[n])));
  edgeU.forEach((u, e) => { if (alive[e]) { const a = find(u), b = find(edgeV[e]); if (a !== b) comp[a] = b; } });
  const outlineNode = nodeKey.get(`${r7(minLon)},${r7(minLat)}`)!;
  const rings = faceArea.map((_, f) => faceRing(f));
  faceArea.forEach((a, f) => {
    if (a > 0) return;
    const c = find(org(faceStart[f]));
    if (c === find(outlineNode)) { faceParent[f] = OUTSIDE; return; }
    const n = org(faceStart[f]);
    let best = OUTSIDE;
    faceArea.forEach((b, g) => {
      if (b > 0 && find(org(faceStart[g])) !== c && pointInRing(nx(n), ny(n), rings[g])
        && (best === OUTSIDE || b < faceArea[best])) best = g;
    });
    faceParent[f] = best;
  });
}
const dropped = new Set<number>();
const unitOf = (f: number): number => {
  if (f === OUTSIDE) return OUTSIDE;
  while (faceParent[f] !== f) {
    if (faceParent[f] === OUTSIDE) return OUTSIDE;
    f = faceParent[f];
  }
  return dropped.has(f) ? OUTSIDE : f;
};
const unitOfH = (h: number) => unitOf(faceOf[h]);

interface UnitStats { area: number; perim: number; shared: Map<number, number> }
function unitStats(): Map<number, UnitStats> {
  const st = new Map<number, UnitStats>();
  const get = (u: number) => {
    let s = st.get(u);
    if (!s) st.set(u, (s = { area: 0, perim: 0, shared: new Map() }));
    return s;
  };
  faceArea.forEach((a, f) => { const u = unitOf(f); if (u !== OUTSIDE) get(u).area += a; });
  for (let h = 0; h < edgeU.length * 2; h++) {
    if (!alive[h >> 1]) continue;
    const u = unitOfH(h), v = unitOfH(h ^ 1);
    if (u === OUTSIDE || u === v) continue;
    const s = get(u), len = edgeLen(h >> 1);
    s.perim += len;
    if (v !== OUTSIDE) s.shared.set(v, (s.shared.get(v) ?? 0) + len);
  }
  return st;
}
const facesInitial = unitStats().size;
const isSliver = (s: UnitStats) =>
  s.area < SLIVER_AREA_M2 || (s.area < MEDIAN_MAX_AREA_M2 && (2 * s.area) / s.perim < MEDIAN_WIDTH_M);
let merged = 0, medians = 0;
const droppedInfo: { area: number }[] = [];
for (;;) {
  const st = unitStats();
  let pick = -1;
  for (const [u, s] of st) {
    if (isSliver(s) && (pick < 0 || s.area < st.get(pick)!.area || (s.area === st.get(pick)!.area && u < pick))) pick = u;
  }
  if (pick < 0) break;
  const s = st.get(pick)!;
  if (s.area >= SLIVER_AREA_M2) medians++;
  let target = -1, best = -1;
  for (const [v, len] of s.shared) if (len > best + 1e-9 || (Math.abs(len - best) <= 1e-9 && v < target)) { best = len; target = v; }
  if (target < 0) { dropped.add(pick); droppedInfo.push({ area: s.area }); continue; }
  faceParent[pick] = target;
  merged++;
}

// Unit outlines: walk the boundary half-edges (unit on the left, other unit / outside on the right),
// turning past edges that are internal to the unit.
const finalStats = unitStats();
interface Unit { rings: Position[][]; names: Map<string, number>; cx: number; cy: number; areaM2: number }
const units: Unit[] = [];
let pinches = 0;
for (const [u, s] of finalStats) {
  const used = new Set<number>();
  const names = new Map<string, number>();
  const rings: { pts: number[]; area: number }[] = [];
  for (let h0 = 0; h0 < edgeU.length * 2; h0++) {
    if (!alive[h0 >> 1] || used.has(h0) || unitOfH(h0) !== u || unitOfH(h0 ^ 1) === u) continue;
    const pts: number[] = [];
    let h = h0, a = 0;
    do {
      used.add(h);
      pts.push(org(h));
      a += nx(org(h)) * ny(dst(h)) - nx(dst(h)) * ny(org(h));
      for (const w of edgeWays[h >> 1]) {
        const nm = ways[w].name;
        if (nm) names.set(nm, (names.get(nm) ?? 0) + edgeLen(h >> 1));
      }
      const list = out[dst(h)];
      let i = pos[h ^ 1];
      do { i = (i - 1 + list.length) % list.length; } while (unitOfH(list[i] ^ 1) === u);
      h = list[i];
    } while (h !== h0);
    if (new Set(pts).size !== pts.length) pinches++;
    rings.push({ pts, area: a / 2 });
  }
  const outers = rings.filter((r) => r.area > 0);
  if (outers.length !== 1) throw new Error(`unit ${u} has ${outers.length} outer rings`);
  // Area-weighted centroid of the outer ring (m), for ordering.
  let cx = 0, cy = 0;
  const o = outers[0].pts;
  for (let i = 0; i < o.length; i++) {
    const p = o[i], q = o[(i + 1) % o.length];
    const c = nx(p) * ny(q) - nx(q) * ny(p);
    cx += (nx(p) + nx(q)) * c; cy += (ny(p) + ny(q)) * c;
  }
  cx /= 6 * outers[0].area; cy /= 6 * outers[0].area;
  const toPos = (pts: number[]) => [...pts, pts[0]].map((n) => [nodeLon[n], nodeLat[n]]);
  units.push({
    rings: [toPos(o), ...rings.filter((r) => r.area < 0).map((r) => toPos(r.pts))],
    names, cx, cy, areaM2: s.area,
  });
}
if (pinches) log(`warning: ${pinches} unit rings touch themselves at a vertex`);

// Order north→south in rows of ROW_M, then west→east.
const northY = toY(maxLat);
units.sort((a, b) => {
  const ra = Math.floor((northY - a.cy) / ROW_M), rb = Math.floor((northY - b.cy) / ROW_M);
  return ra - rb || a.cx - b.cx;
});
const pad = Math.max(2, String(units.length).length);
// English street names from name:en, skipping OSM tagging errors seen here: a name:en shared by
// different streets is kept only for the street using it most (汉中路 and 二条巷 carry 中山东路's
// "East Zhongshan Road"), and one contradicting the Chinese generic is ignored (太平南路 =
// "Taiping South Alley"). Without a usable name:en the Chinese name stays in the English label.
const nameEnOf = new Map<string, string>();
{
  const uses = new Map<string, Map<string, number>>(); // name:en → Chinese name → ways
  for (const w of ways) {
    if (!w.name || !w.nameEn) continue;
    const m = uses.get(w.nameEn) ?? uses.set(w.nameEn, new Map()).get(w.nameEn)!;
    m.set(w.name, (m.get(w.name) ?? 0) + 1);
  }
  const generic: [RegExp, RegExp][] = [[/路$/, /\b(Road|Rd)\b/i], [/街$/, /\b(Street|St)\b/i], [/巷$/, /\b(Alley|Lane)\b/i]];
  for (const [en, m] of uses) {
    const [zh] = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (!nameEnOf.has(zh) && generic.every(([z, e]) => !z.test(zh) || e.test(en))) nameEnOf.set(zh, en);
  }
}
const abbrev = (s: string) => s.replace(/\bRoad\b/g, 'Rd').replace(/\bStreet\b/g, 'St').replace(/\bAvenue\b/g, 'Ave');
const topNames = units.map((un) =>
  [...un.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 2).map(([n]) => n));
const nameCount = new Map<string, number>();
for (const t of topNames) nameCount.set(t.join('–'), (nameCount.get(t.join('–')) ?? 0) + 1);
const communities = units.map((un, i): Feature<Polygon> => {
  const id = `U${String(i + 1).padStart(pad, '0')}`;
  const top = topNames[i];
  // Blocks between the same two streets (e.g. three along 碑亭巷/太平北路) get their id appended.
  const name = !top.length ? `街坊 ${id}` : `${top.join('–')}街坊${nameCount.get(top.join('–'))! > 1 ? ` ${id}` : ''}`;
  const en = top.map((n) => abbrev(nameEnOf.get(n) ?? n)).join(' – ');
  const geometry: Polygon = { type: 'Polygon', coordinates: un.rings.map(roundRing) };
  const f: Feature<Polygon> = {
    type: 'Feature', geometry,
    properties: { id, name, name_en: en ? `Block ${id} (${en})` : `Block ${id}`, area_ha: 0, derived: true, streets_complete: true },
  };
  turf.rewind(f, { mutate: true });
  const a = turf.area(f);
  f.properties!.area_ha = Math.round(a / 100) / 100;
  // Extra flag (not an official attribute): false when > 5 % of the unit lies outside the
  // data-complete core, i.e. its inner streets are missing from the extract and it is coarser.
  f.properties!.streets_complete = turf.area(turf.bboxClip(f, core)) >= 0.95 * a;
  return f;
});
writeOut('communities.geojson', fcText(communities));

// Population in no unit (bbox prefilter, then point-in-polygon).
const unitBoxes = communities.map((f) => turf.bbox(f));
let outsideCells = 0, outsidePop = 0, multiCells = 0;
for (const c of cells) {
  let hits = 0;
  communities.forEach((f, i) => {
    const b = unitBoxes[i];
    if (c.lon >= b[0] && c.lon <= b[2] && c.lat >= b[1] && c.lat <= b[3] && turf.booleanPointInPolygon([c.lon, c.lat], f)) hits++;
  });
  if (hits === 0) { outsideCells++; outsidePop += c.pop; }
  if (hits > 1) multiCells++;
}
const areas = communities.map((f) => f.properties!.area_ha as number).sort((a, b) => a - b);
const median = areas.length % 2 ? areas[(areas.length - 1) / 2] : (areas[areas.length / 2 - 1] + areas[areas.length / 2]) / 2;
const sumHa = areas.reduce((s, a) => s + a, 0);
const areaSummary = (complete: boolean) => {
  const a = communities.filter((f) => f.properties!.streets_complete === complete)
    .map((f) => f.properties!.area_ha as number).sort((x, y) => x - y);
  if (a.length === 0) return 'no units';
  const m = a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  return `${a.length} units, median ${m.toFixed(2)} ha, min ${a[0].toFixed(2)}, max ${a[a.length - 1].toFixed(2)}`;
};
const studyHa = turf.area(study) / 1e4;

// ---------------------------------------------------------------- area.json

const files = {
  population: 'population.csv', facilities: 'facilities.geojson', communities: 'communities.geojson',
  network: 'network.osm.pbf', streets: 'streets.geojson', buildings: 'buildings.geojson', landuse: 'landuse.geojson',
};
const area = {
  id: AREA_ID,
  name_zh: '南京新街口核心区',
  name_en: 'Nanjing Xinjiekou core',
  bbox: [minLon, minLat, maxLon, maxLat],
  center: [r7((minLon + maxLon) / 2), r7((minLat + maxLat) / 2)],
  osm_date: '2021-06-12',
  attribution: [
    '© OpenStreetMap contributors (ODbL 1.0)',
    'GHS-POP R2022A, European Commission JRC (CC BY 4.0), via CITYACCESSMAP / L. Nicoletti',
  ],
  files,
};
writeOut('area.json', JSON.stringify(area, null, 2) + '\n');

// ---------------------------------------------------------------- report + README block

const sizes = Object.fromEntries(['area.json', ...Object.values(files)].map((f) => [f, fs.statSync(path.join(OUT, f)).size]));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const stats = [
  `- Population cells kept: ${cells.length}, Σpop = ${Math.round(popTotal).toLocaleString('en-US')} persons (GHS-POP, not rescaled).`,
  `- Facilities: ${facilities.length} points; streets: ${walk.features.length} lines; buildings: ${nBuildings}; residential landuse: ${nLanduse}.`,
  `- Block graph: ${nStreetWays} street ways of the block classes (${tunnelsSkipped} tunnel ways left out), ${snapped} dead ends in the core joined to a street ≤ ${SNAP_DANGLE_M} m ahead, ${extended} truncated ways outside the core extended to the next street/outline (Σ ${(extendedM / 1000).toFixed(2)} km), ${danglesPruned} dead-end and ${cutEdges} cut-edge pieces pruned.`,
  `- Faces: ${facesInitial}; merged slivers/medians: ${merged} (${medians} of them medians ≥ 0.5 ha with mean width < ${MEDIAN_WIDTH_M} m); isolated slivers dropped: ${droppedInfo.length}${droppedInfo.length ? ` (${droppedInfo.map((d) => (d.area / 1e4).toFixed(2)).join(', ')} ha)` : ''}.`,
  `- Community units: ${communities.length}; area median ${median.toFixed(2)} ha, min ${areas[0].toFixed(2)} ha, max ${areas[areas.length - 1].toFixed(2)} ha; Σ ${sumHa.toFixed(1)} ha of the ${studyHa.toFixed(1)} ha study area.`,
  `  - inside the data-complete core (\`streets_complete: true\`): ${areaSummary(true)}; periphery (\`false\`): ${areaSummary(false)}.`,
  `- Population in no unit: ${outsideCells} cells, ${Math.round(outsidePop).toLocaleString('en-US')} persons (${((100 * outsidePop) / popTotal).toFixed(2)} %); cells in more than one unit: ${multiCells}.`,
  `- File sizes: ${Object.entries(sizes).map(([f, n]) => `\`${f}\` ${kb(n)}`).join(', ')}.`,
];
if (fs.existsSync(README)) {
  const text = fs.readFileSync(README, 'utf8');
  const begin = '<!-- BEGIN GENERATED by scripts/prepare-data.ts -->', end = '<!-- END GENERATED -->';
  const i = text.indexOf(begin), j = text.indexOf(end);
  if (i >= 0 && j > i) {
    fs.writeFileSync(README, `${text.slice(0, i + begin.length)}\n${stats.join('\n')}\n${text.slice(j)}`);
  } else log('note: data/README.md has no GENERATED markers; statistics not written there');
}
log(stats.join('\n'));
log(`done in ${((performance.now() - t0) / 1000).toFixed(2)} s → ${path.relative(REPO, OUT)}/`);
