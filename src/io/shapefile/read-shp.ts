import { LoadError } from '../load-error.ts';

type Position = [number, number];

/**
 * Geometries of a .shp main file as GeoJSON, one per record (null shapes → null), in the file's
 * own coordinates (x, y order: easting/northing or lon/lat). Points, MultiPoints, PolyLines and
 * Polygons, with or without Z/M (which are dropped). Polygon rings follow the Shapefile rule:
 * clockwise rings are outer rings and counter-clockwise ones are holes of the smallest outer ring
 * that contains them; output rings are reversed to RFC 7946 order (outer counter-clockwise).
 * Records are walked through their own headers, so the .shx index is not needed.
 */
export function readShp(file: string, bytes: Uint8Array): { geometries: (GeoJSON.Geometry | null)[]; skipped: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 100 || view.getInt32(0, false) !== 9994) throw new LoadError(file, { en: 'the .shp inside the zip is not a Shapefile (bad file code)', zh: 'zip 中的 .shp 不是 Shapefile（文件代码不对）：请重新导出 Shapefile' });
  const geometries: (GeoJSON.Geometry | null)[] = [];
  let skipped = 0;
  let p = 100;
  while (p + 8 <= bytes.length) {
    const recordNumber = view.getInt32(p, false);
    const contentBytes = view.getInt32(p + 4, false) * 2;
    const start = p + 8;
    if (contentBytes < 4 || start + contentBytes > bytes.length) throw new LoadError(file, { en: `Shapefile record ${recordNumber} is truncated; the .shp is incomplete`, zh: `Shapefile 第 ${recordNumber} 条记录被截断：.shp 不完整，请重新导出或下载` });
    const type = view.getInt32(start, true);
    const g = shape(view, start, type, contentBytes);
    if (g === undefined) {
      skipped++;
      geometries.push(null);
    } else geometries.push(g);
    p = start + contentBytes;
  }
  return { geometries, skipped };
}

/** One record's shape; null for a null shape, undefined for an unsupported type (MultiPatch). */
function shape(view: DataView, at: number, type: number, length: number): GeoJSON.Geometry | null | undefined {
  const base = type % 10; // 1 Point, 3 PolyLine, 5 Polygon, 8 MultiPoint; +10 Z, +20 M
  const point = (q: number): Position => [view.getFloat64(q, true), view.getFloat64(q + 8, true)];
  if (type === 0) return null;
  if (type === 31) return undefined;
  if (base === 1) {
    const [x, y] = point(at + 4);
    // Writers store "no data" points as NaN or values below -1e38.
    return Number.isFinite(x) && Number.isFinite(y) && x > -1e38 ? { type: 'Point', coordinates: [x, y] } : null;
  }
  if (base === 8) {
    const n = view.getInt32(at + 36, true);
    if (40 + 16 * n > length) return undefined;
    const coordinates = Array.from({ length: n }, (_, i) => point(at + 40 + 16 * i));
    return n ? { type: 'MultiPoint', coordinates } : null;
  }
  if (base !== 3 && base !== 5) return undefined;
  const parts = view.getInt32(at + 36, true);
  const n = view.getInt32(at + 40, true);
  const pointsAt = at + 44 + 4 * parts;
  if (parts < 0 || n < 0 || 44 + 4 * parts + 16 * n > length) return undefined;
  const lines: Position[][] = [];
  for (let k = 0; k < parts; k++) {
    const from = view.getInt32(at + 44 + 4 * k, true);
    const to = k + 1 < parts ? view.getInt32(at + 44 + 4 * (k + 1), true) : n;
    const line: Position[] = [];
    for (let i = from; i < to; i++) line.push(point(pointsAt + 16 * i));
    if (line.length) lines.push(line);
  }
  if (!lines.length) return null;
  if (base === 3) return lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
  return polygonFromRings(lines);
}

/** Twice the signed area (shoelace): positive for counter-clockwise rings in x-east, y-north axes. */
function signedArea2(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s;
}

function contains(ring: Position[], [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygonFromRings(rings: Position[][]): GeoJSON.Polygon | GeoJSON.MultiPolygon {
  const outers: { ring: Position[]; area: number; holes: Position[][] }[] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    const a = signedArea2(ring);
    if (a < 0) outers.push({ ring: ring.slice().reverse(), area: -a, holes: [] });
    else holes.push(ring);
  }
  for (const hole of holes) {
    const inside = outers.filter((o) => contains(o.ring, hole[0])).sort((a, b) => a.area - b.area)[0];
    // A counter-clockwise ring inside no outer ring is an outer ring written the wrong way round.
    if (inside) inside.holes.push(hole.slice().reverse());
    else outers.push({ ring: hole, area: signedArea2(hole), holes: [] });
  }
  const polygons = outers.map((o) => [o.ring, ...o.holes]);
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}
