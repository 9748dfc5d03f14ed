import proj4 from 'proj4';
import { crsFromEpsg, WGS84, type Crs } from './crs.ts';
import { epsgDefinition } from './epsg-definition.ts';

/** A WKT node: KEYWORD[arg, arg, …] where an arg is a quoted string, a number or a node. */
interface WktNode {
  key: string;
  args: (string | number | WktNode)[];
}

function parseWkt(text: string): WktNode {
  let i = 0;
  const skip = () => {
    while (i < text.length && /[\s,]/.test(text[i])) i++;
  };
  const node = (): WktNode => {
    skip();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64));
    if (!m) throw new Error(`expected a WKT keyword at character ${i}`);
    i += m[0].length;
    skip();
    const args: WktNode['args'] = [];
    if (text[i] !== '[' && text[i] !== '(') return { key: m[0].toUpperCase(), args }; // bare enum value, e.g. NORTH
    const close = text[i] === '[' ? ']' : ')';
    i++;
    for (;;) {
      skip();
      const ch = text[i];
      if (ch === undefined) throw new Error('unbalanced brackets');
      if (ch === close) {
        i++;
        return { key: m[0].toUpperCase(), args };
      }
      if (ch === '"') {
        let s = '';
        for (i++; i < text.length; i++) {
          if (text[i] === '"' && text[i + 1] === '"') s += text[i++];
          else if (text[i] === '"') break;
          else s += text[i];
        }
        i++;
        args.push(s);
      } else if (/[-+.\d]/.test(ch)) {
        const n = /^[-+]?[\d.]+(?:[eE][-+]?\d+)?/.exec(text.slice(i, i + 40));
        if (!n) throw new Error(`bad number at character ${i}`);
        i += n[0].length;
        args.push(Number(n[0]));
      } else args.push(node());
    }
  };
  return node();
}

const children = (n: WktNode) => n.args.filter((a): a is WktNode => typeof a === 'object');
const child = (n: WktNode, ...keys: string[]) => children(n).find((c) => keys.includes(c.key));
/** Depth-first search for the first node with one of `keys`. */
function find(n: WktNode, ...keys: string[]): WktNode | undefined {
  for (const c of children(n)) {
    if (keys.includes(c.key)) return c;
    const hit = find(c, ...keys);
    if (hit) return hit;
  }
  return undefined;
}
const norm = (s: unknown) => String(s).toLowerCase().replace(/[^a-z0-9]/g, '');

/** The node's own EPSG code: WKT1 AUTHORITY["EPSG","4549"] or WKT2 ID["EPSG",4549]. */
function epsgCodeOf(n: WktNode): number | null {
  const id = child(n, 'AUTHORITY', 'ID');
  return id && String(id.args[0]).toUpperCase() === 'EPSG' ? Number(id.args[1]) || null : null;
}

const PROJECTED = ['PROJCS', 'PROJCRS', 'PROJECTEDCRS'];
const GEOGRAPHIC = ['GEOGCS', 'GEOGCRS', 'GEODCRS', 'GEOGRAPHICCRS', 'GEODETICCRS'];

/**
 * Reads a .prj / WKT (WKT1, ESRI WKT or WKT2). Recognised directly: an EPSG id on the CRS itself;
 * geographic WGS84/CGCS2000; Transverse Mercator / Gauss-Krüger (central meridian, scale, false
 * easting/northing, latitude of origin, ellipsoid, linear unit), mapped to its EPSG code when the
 * parameters are those of a CGCS2000 GK zone or a WGS84 UTM zone; Web Mercator. Anything else is
 * handed to proj4's own WKT parser. Beijing 1954 / Xian 1980 datums are refused (see crs.ts).
 */
export function crsFromWkt(wkt: string): Crs {
  let root: WktNode;
  try {
    root = parseWkt(wkt.trim());
  } catch (e) {
    throw new Error(`not a readable WKT coordinate system (${(e as Error).message})`);
  }
  const name = String(root.args[0] ?? root.key);
  const datum = find(root, 'DATUM', 'GEODETICDATUM', 'TRF');
  const datumName = datum ? String(datum.args[0]) : '';
  if (/beijing|xian|xi_an|1954|1980/i.test(`${datumName} ${name}`) && !find(root, 'TOWGS84'))
    throw new Error(`"${name}" uses the ${datumName || 'Beijing 1954 / Xian 1980'} datum: converting it to WGS84 needs local 7-parameter transformation values. Export the layer as CGCS2000 or WGS84 instead.`);
  const code = epsgCodeOf(root);
  if (code && (code === 4326 || epsgDefinition(code))) return crsFromEpsg(code);

  if (GEOGRAPHIC.includes(root.key)) {
    if (/wgs|84|cgcs|china2000|chinageodetic/i.test(norm(datumName) + norm(name))) return /cgcs|china/i.test(norm(datumName) + norm(name)) ? crsFromEpsg(4490) : WGS84;
    return fallback(wkt, name);
  }
  if (!PROJECTED.includes(root.key)) throw new Error(`"${root.key}" is not a coordinate system definition`);

  const method = norm(child(root, 'PROJECTION')?.args[0] ?? find(root, 'METHOD', 'PROJECTION')?.args[0] ?? '');
  if (/mercatorauxiliarysphere|pseudomercator|popularvisualisation|webmercator/.test(method + norm(name))) return crsFromEpsg(3857);
  if (!/transversemercator|gausskruger|gaussKruger/i.test(method)) return fallback(wkt, name);

  const params = new Map<string, number>();
  for (const p of collect(root, 'PARAMETER')) if (typeof p.args[1] === 'number') params.set(norm(p.args[0]), p.args[1]);
  const param = (fallbackValue: number, ...keys: string[]) => keys.map((k) => params.get(k)).find((v) => v !== undefined) ?? fallbackValue;
  const lon0 = param(NaN, 'centralmeridian', 'longitudeofnaturalorigin', 'longitudeoforigin', 'longitudeofcenter');
  if (!Number.isFinite(lon0)) return fallback(wkt, name);
  const lat0 = param(0, 'latitudeoforigin', 'latitudeofnaturalorigin');
  const k = param(1, 'scalefactor', 'scalefactoratnaturalorigin');
  const ellipsoid = find(root, 'SPHEROID', 'ELLIPSOID');
  const a = typeof ellipsoid?.args[1] === 'number' ? ellipsoid.args[1] : 6378137;
  const rf = typeof ellipsoid?.args[2] === 'number' ? ellipsoid.args[2] : 298.257222101;
  // The projected CRS's own linear unit (the last UNIT/LENGTHUNIT directly under it): metres per unit.
  const unit = [...children(root)].reverse().find((c) => c.key === 'UNIT' || c.key === 'LENGTHUNIT');
  const toMetre = typeof unit?.args[1] === 'number' ? unit.args[1] : 1;
  const x0 = param(0, 'falseeasting') * toMetre;
  const y0 = param(0, 'falsenorthing') * toMetre;

  const known = matchEpsg({ lon0, lat0, k, x0, y0, a, rf, name });
  if (known && toMetre === 1) return crsFromEpsg(known);
  const proj = `+proj=tmerc +lat_0=${lat0} +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=${y0} +a=${a} +rf=${rf} +towgs84=0,0,0 +to_meter=${toMetre} +no_defs`;
  return { kind: 'proj', id: `WKT:${name}`, name, proj, geographic: false };
}

function collect(n: WktNode, key: string, out: WktNode[] = []): WktNode[] {
  for (const c of children(n)) {
    if (c.key === key) out.push(c);
    collect(c, key, out);
  }
  return out;
}

/** The EPSG code with exactly these transverse Mercator parameters, if it is one we define. */
function matchEpsg(p: { lon0: number; lat0: number; k: number; x0: number; y0: number; a: number; rf: number; name: string }): number | null {
  if (p.lat0 !== 0 || Math.abs(p.a - 6378137) > 0.01) return null;
  const grs80 = Math.abs(p.rf - 298.257222101) < 1e-6;
  const wgs84 = Math.abs(p.rf - 298.257223563) < 1e-6;
  if (grs80 && p.k === 1 && p.y0 === 0) {
    if (p.x0 === 500_000) {
      // CM 117E etc. exist in both the 3° and the 6° family with identical parameters; the name decides.
      const sixDegree = p.lon0 % 6 === 3 && !/3.?degree/i.test(p.name);
      if (sixDegree && p.lon0 >= 75 && p.lon0 <= 135) return 4502 + (p.lon0 - 75) / 6;
      if (p.lon0 % 3 === 0 && p.lon0 >= 75 && p.lon0 <= 135) return 4534 + (p.lon0 - 75) / 3;
    }
    const zone = (p.x0 - 500_000) / 1e6;
    if (Number.isInteger(zone) && zone * 3 === p.lon0 && zone >= 25 && zone <= 45) return 4513 + zone - 25;
    if (Number.isInteger(zone) && zone * 6 - 3 === p.lon0 && zone >= 13 && zone <= 23) return 4491 + zone - 13;
  }
  if (wgs84 && p.k === 0.9996 && p.x0 === 500_000 && (p.y0 === 0 || p.y0 === 10_000_000)) {
    const zone = (p.lon0 + 183) / 6;
    if (Number.isInteger(zone) && zone >= 1 && zone <= 60) return (p.y0 === 0 ? 32600 : 32700) + zone;
  }
  return null;
}

/** Lets proj4 parse the WKT itself; fails here, with the CRS name, if it cannot. */
function fallback(wkt: string, name: string): Crs {
  try {
    proj4(wkt, '+proj=longlat +datum=WGS84 +no_defs');
  } catch (e) {
    throw new Error(`the coordinate system "${name}" is not supported (${(e as Error).message}). Reproject the layer to WGS84 (EPSG:4326) or CGCS2000 Gauss-Krüger, or give --*-crs EPSG:<code>.`);
  }
  return { kind: 'proj', id: `WKT:${name}`, name, proj: wkt, geographic: false };
}
