import { describe, expect, it } from 'vitest';
import { readGpkgGeometry } from '../../../src/io/wkb/read-gpkg-geometry.ts';
import { readWkb } from '../../../src/io/wkb/read-wkb.ts';

/** Hex (spaces ignored) to bytes. */
const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));
/** IEEE 754 doubles, big-endian, as written out by hand (sign, exponent 0x3ff + e, mantissa). */
const BE: Record<string, string> = {
  0: '0000000000000000', 1: '3ff0000000000000', 2: '4000000000000000', 3: '4008000000000000',
  4: '4010000000000000', 10: '4024000000000000', 7: '401c000000000000', NaN: '7ff8000000000000',
};
/** The same, little-endian: the 8 bytes reversed. */
const LE = Object.fromEntries(Object.entries(BE).map(([k, v]) => [k, v.match(/../g)!.reverse().join('')]));
const le = (...xs: (number | string)[]) => xs.map((x) => LE[String(x)]).join(' ');
const be = (...xs: (number | string)[]) => xs.map((x) => BE[String(x)]).join(' ');

describe('readWkb', () => {
  it('reads a little-endian and a big-endian Point (1 2) to the same GeoJSON', () => {
    expect(readWkb(hex(`01 01000000 ${le(1, 2)}`))).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(readWkb(hex(`00 00000001 ${be(1, 2)}`))).toEqual({ type: 'Point', coordinates: [1, 2] });
  });

  it('keeps Z from ISO type 1001 and from the EWKB Z flag, skipping an EWKB SRID', () => {
    expect(readWkb(hex(`01 e9030000 ${le(1, 2, 3)}`))).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    // 0xA0000001 = Z flag | SRID flag | Point; SRID 4326 = 0x000010E6.
    expect(readWkb(hex(`00 a0000001 000010e6 ${be(1, 2, 3)}`))).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
  });

  it('drops M (GeoJSON has no place for it): ISO 2002 LineString M, and ZM 3001', () => {
    // 2002 = 0x07D2; each point x, y, m.
    expect(readWkb(hex(`01 d2070000 02000000 ${le(0, 0, 7)} ${le(1, 2, 7)}`))).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 2]] });
    // 3001 = 0x0BB9; x, y, z, m.
    expect(readWkb(hex(`01 b90b0000 ${le(1, 2, 3, 7)}`))).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
  });

  it('reads a MultiPolygon whose first polygon has a hole and whose second part is big-endian', () => {
    const outer = le(0, 0, 10, 0, 10, 10, 0, 10, 0, 0);
    const hole = le(2, 2, 2, 4, 4, 4, 4, 2, 2, 2);
    const second = `00 00000003 00000001 00000004 ${be(0, 0, 1, 0, 1, 1, 0, 0)}`;
    const g = readWkb(hex(`01 06000000 02000000  01 03000000 02000000 05000000 ${outer} 05000000 ${hole}  ${second}`));
    expect(g).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]],
        [[[0, 0], [1, 0], [1, 1], [0, 0]]],
      ],
    });
  });

  it('reads MultiPoint, MultiLineString and a GeometryCollection of a Point and a LineString', () => {
    expect(readWkb(hex(`01 04000000 02000000 01 01000000 ${le(1, 2)} 01 01000000 ${le(3, 4)}`))).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(readWkb(hex(`01 05000000 01000000 01 02000000 02000000 ${le(0, 0, 1, 1)}`))).toEqual({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] });
    expect(readWkb(hex(`00 00000007 00000002 00 00000001 ${be(1, 2)} 01 02000000 02000000 ${le(0, 0, 3, 4)}`))).toEqual({
      type: 'GeometryCollection',
      geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'LineString', coordinates: [[0, 0], [3, 4]] }],
    });
  });

  it('reads the empty point (NaN NaN) as a Point with no coordinates', () => {
    expect(readWkb(hex(`01 01000000 ${le('NaN', 'NaN')}`))).toEqual({ type: 'Point', coordinates: [] });
  });

  it('refuses curves, unknown types, truncated and over-long blobs, and a wrong byte-order byte, saying which', () => {
    expect(() => readWkb(hex(`01 08000000 00000000`))).toThrow(/CircularString geometries are not supported.*CONVERT_TO_LINEAR/);
    expect(() => readWkb(hex(`01 63000000 ${le(1, 2)}`))).toThrow(/unknown WKB geometry type code 99/);
    expect(() => readWkb(hex(`01 01000000 ${le(1)}`))).toThrow(/ends early.*coordinate/);
    expect(() => readWkb(hex(`01 01000000 ${le(1, 2)} 00`))).toThrow(/1 unexpected bytes after the geometry/);
    expect(() => readWkb(hex(`02 01000000 ${le(1, 2)}`))).toThrow(/byte order 2/);
    // A ring count of 0xFFFFFFFF in a 13-byte blob is corrupt, not a reason to allocate 4 billion rings.
    expect(() => readWkb(hex(`01 03000000 ffffffff 00000000`))).toThrow(/4294967295 rings cannot fit/);
    // A MultiPolygon whose part is a Point.
    expect(() => readWkb(hex(`01 06000000 01000000 01 01000000 ${le(1, 2)}`))).toThrow(/MultiPolygon holds a Point/);
  });
});

describe('readGpkgGeometry (the GeoPackage "GP" header before the WKB)', () => {
  const point = `01 01000000 ${le(1, 2)}`;
  it('reads the srs_id in the header byte order and skips an xy envelope', () => {
    // flags 0x01: little-endian header, no envelope; srs_id 4549 = 0x000011C5.
    expect(readGpkgGeometry(hex(`4750 00 01 c5110000 ${point}`))).toEqual({ geometry: { type: 'Point', coordinates: [1, 2] }, srsId: 4549 });
    // flags 0x02: big-endian header, envelope indicator 1 (minx maxx miny maxy, 32 bytes).
    expect(readGpkgGeometry(hex(`4750 00 02 000011c5 ${be(1, 1, 2, 2)} ${point}`))).toEqual({ geometry: { type: 'Point', coordinates: [1, 2] }, srsId: 4549 });
  });
  it('gives null for the empty flag and refuses non-GP and extended blobs', () => {
    expect(readGpkgGeometry(hex(`4750 00 11 e6100000 ${le('NaN', 'NaN')}`)).geometry).toBeNull();
    expect(() => readGpkgGeometry(hex(point))).toThrow(/does not start with "GP"/);
    expect(() => readGpkgGeometry(hex(`4750 00 21 e6100000 ${point}`))).toThrow(/ExtendedGeoPackageBinary/);
  });
});
