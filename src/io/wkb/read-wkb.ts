/**
 * Well-Known Binary (OGC Simple Features / ISO 13249) to a GeoJSON geometry, for GeoPackage
 * blobs and GeoParquet columns. Coordinates stay in the file's CRS and (x, y) order; Z is kept as
 * the third position element, M is dropped (GeoJSON has no place for it).
 *
 * Accepted type codes: the 2D codes 1–7; ISO dimensions as +1000 (Z), +2000 (M), +3000 (ZM); and
 * PostGIS EWKB flags 0x80000000 (Z), 0x40000000 (M), 0x20000000 (an SRID int32 follows the type;
 * it is skipped: the container says the CRS). Each nested geometry carries its own byte-order
 * byte, so little- and big-endian parts may mix. Curves, surfaces and TINs (8–17) are refused.
 */

const TYPE_NAMES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'];
const CURVED: Record<number, string> = {
  8: 'CircularString', 9: 'CompoundCurve', 10: 'CurvePolygon', 11: 'MultiCurve', 12: 'MultiSurface',
  13: 'Curve', 14: 'Surface', 15: 'PolyhedralSurface', 16: 'TIN', 17: 'Triangle',
};
/** GeometryCollections inside GeometryCollections deeper than this are refused (a corrupt blob, not data). */
const MAX_DEPTH = 32;

/** A WKB blob that cannot be read; `offset` is the byte where the problem is. */
export class WkbError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = 'WkbError';
  }
}

interface Cursor {
  view: DataView;
  pos: number;
}

/** The geometry in `bytes` (which must hold exactly one WKB geometry, trailing bytes are an error). */
export function readWkb(bytes: Uint8Array): GeoJSON.Geometry {
  const c: Cursor = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), pos: 0 };
  const g = readGeometry(c, 0);
  if (c.pos !== bytes.length) throw new WkbError(`${bytes.length - c.pos} unexpected bytes after the geometry`, c.pos);
  return g;
}

function need(c: Cursor, n: number, what: string) {
  if (c.pos + n > c.view.byteLength) throw new WkbError(`the geometry ends early (truncated while reading ${what}: needs ${n} bytes at byte ${c.pos}, has ${c.view.byteLength - c.pos})`, c.pos);
}

function readGeometry(c: Cursor, depth: number): GeoJSON.Geometry {
  need(c, 5, 'the byte order and type');
  const start = c.pos;
  const order = c.view.getUint8(c.pos);
  if (order > 1) throw new WkbError(`byte ${start}: byte order ${order} is neither 0 (big-endian) nor 1 (little-endian): not WKB`, start);
  const le = order === 1;
  const raw = c.view.getUint32(c.pos + 1, le);
  c.pos += 5;
  let z = (raw & 0x80000000) !== 0;
  let m = (raw & 0x40000000) !== 0;
  if (raw & 0x20000000) {
    need(c, 4, 'the EWKB SRID');
    c.pos += 4;
  }
  const code = raw & 0x0fffffff;
  const base = code % 1000;
  const iso = Math.floor(code / 1000);
  if (iso > 3) throw new WkbError(`byte ${start}: geometry type code ${code} is not a WKB type`, start);
  if (iso === 1 || iso === 3) z = true;
  if (iso === 2 || iso === 3) m = true;
  if (CURVED[base]) throw new WkbError(`byte ${start}: ${CURVED[base]} geometries are not supported; convert them to straight-line geometries first (e.g. ogr2ogr -nlt CONVERT_TO_LINEAR)`, start);
  if (base < 1 || base > 7) throw new WkbError(`byte ${start}: unknown WKB geometry type code ${code}`, start);
  const dims = 2 + (z ? 1 : 0) + (m ? 1 : 0);
  const point = (): number[] => {
    need(c, 8 * dims, 'a coordinate');
    const x = c.view.getFloat64(c.pos, le);
    const y = c.view.getFloat64(c.pos + 8, le);
    const p = z ? [x, y, c.view.getFloat64(c.pos + 16, le)] : [x, y];
    c.pos += 8 * dims;
    return p;
  };
  const count = (what: string, minBytesEach: number): number => {
    need(c, 4, `the number of ${what}`);
    const n = c.view.getUint32(c.pos, le);
    c.pos += 4;
    // A corrupt count would otherwise allocate gigabytes before the truncation shows.
    if (n * minBytesEach > c.view.byteLength - c.pos) throw new WkbError(`byte ${c.pos - 4}: ${n} ${what} cannot fit in the ${c.view.byteLength - c.pos} bytes left (truncated or not WKB)`, c.pos - 4);
    return n;
  };
  const points = (): number[][] => Array.from({ length: count('points', 8 * dims) }, point);
  const rings = (): number[][][] => Array.from({ length: count('rings', 4) }, points);
  const parts = <T extends GeoJSON.Geometry>(type: string): T[] =>
    Array.from({ length: count('parts', 5) }, () => {
      const g = readGeometry(c, depth + 1);
      if (g.type !== type) throw new WkbError(`a ${TYPE_NAMES[base]} holds a ${g.type}, expected ${type}`, c.pos);
      return g as T;
    });

  switch (base) {
    case 1: {
      const p = point();
      // WKB writes an empty point as NaN coordinates; GeoJSON as an empty array.
      return { type: 'Point', coordinates: Number.isNaN(p[0]) && Number.isNaN(p[1]) ? [] : p };
    }
    case 2:
      return { type: 'LineString', coordinates: points() };
    case 3:
      return { type: 'Polygon', coordinates: rings() };
    case 4:
      return { type: 'MultiPoint', coordinates: parts<GeoJSON.Point>('Point').map((g) => g.coordinates) };
    case 5:
      return { type: 'MultiLineString', coordinates: parts<GeoJSON.LineString>('LineString').map((g) => g.coordinates) };
    case 6:
      return { type: 'MultiPolygon', coordinates: parts<GeoJSON.Polygon>('Polygon').map((g) => g.coordinates) };
    default:
      if (depth >= MAX_DEPTH) throw new WkbError(`byte ${start}: GeometryCollections nested more than ${MAX_DEPTH} deep`, start);
      return { type: 'GeometryCollection', geometries: Array.from({ length: count('geometries', 5) }, () => readGeometry(c, depth + 1)) };
  }
}
