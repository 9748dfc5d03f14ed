import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crsFromWkt } from '../../src/core/crs/crs-from-wkt.ts';
import { epsgDefinition } from '../../src/core/crs/epsg-definition.ts';
import { bd09ToGcj02, gcj02ToBd09, gcj02ToWgs84, wgs84ToGcj02 } from '../../src/core/crs/gcj02-bd09.ts';
import { parseCrs } from '../../src/core/crs/parse-crs.ts';
import { fromWgs84, toWgs84 } from '../../src/core/crs/to-wgs84.ts';
import { haversineMetres } from '../../src/core/geodesic-distance.ts';
import { randomPoints, seededRandom } from '../helpers/seeded-random.ts';

const EXPECTED = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/import/crs-expected.json'), 'utf8')) as {
  systems: { epsg: number; points: { name: string; lon: number; lat: number; x: number; y: number }[]; wkt: Record<'wkt1' | 'wkt_esri' | 'wkt2', string> }[];
  proj4: Record<string, string>;
};

/** Metres between two lon/lat pairs (haversine). */
const metres = (a: readonly number[], b: readonly number[]) => haversineMetres(a[0], a[1], b[0], b[1]);
const one = (lon: number, lat: number, crs: string) => [...toWgs84(Float64Array.of(lon, lat), parseCrs(crs))];

describe('GCJ-02 and BD-09 against published control points', () => {
  // wandergis/coordtransform, test/app.js: results printed for the input (116.404, 39.915).
  it('WGS84 → GCJ-02 and GCJ-02 → BD-09 reproduce coordtransform’s published results to 1e-9°', () => {
    const g = wgs84ToGcj02(116.404, 39.915);
    expect(g[0]).toBeCloseTo(116.41024449916938, 9);
    expect(g[1]).toBeCloseTo(39.91640428150164, 9);
    const b = gcj02ToBd09(116.404, 39.915);
    expect(b[0]).toBeCloseTo(116.41036949371029, 9);
    expect(b[1]).toBeCloseTo(39.92133699351021, 9);
  });

  it('the inverses agree with coordtransform’s one-step approximations within 0.5 m', () => {
    expect(metres(gcj02ToWgs84(116.404, 39.915), [116.39775550083061, 39.91359571849836])).toBeLessThan(0.5);
    expect(metres(bd09ToGcj02(116.404, 39.915), [116.39762729119315, 39.90865673957631])).toBeLessThan(0.5);
  });

  // hujiulong/gcoord, test/unit/crs/GCJ02.spec.ts and BD09.spec.ts: input (123, 45), 8 decimals.
  it('matches gcoord’s own test values at (123°E, 45°N) within 0.5 m', () => {
    expect(metres(one(123, 45, 'gcj02'), [122.99395597, 44.99804071])).toBeLessThan(0.5);
    expect(metres(one(123, 45, 'bd09'), [122.9876221, 44.9917154])).toBeLessThan(0.5);
    expect(metres(gcj02ToBd09(123, 45), [123.00636499, 45.00636899])).toBeLessThan(0.01);
    expect(metres(bd09ToGcj02(123, 45), [122.99363304, 44.9936543])).toBeLessThan(0.5);
  });

  // Alibaba Cloud address purification API reference, "坐标系转换 TransferCoord" example
  // (help.aliyun.com/zh/address-purification/addrpapi/developer-reference/coordinate-system-conversion):
  // GCJ02 120.026268,30.279164 → BD09 120.032768,30.285238, WGS84 120.021519,30.281543 (6 decimals).
  it('matches Alibaba Cloud’s published example: BD-09 within 0.1 m, WGS84 within 2 m', () => {
    expect(metres(gcj02ToBd09(120.026268, 30.279164), [120.032768, 30.285238])).toBeLessThan(0.1);
    // Their service inverts GCJ-02 with a coarser method than the exact fixed point used here;
    // re-projecting their WGS84 answer gives a GCJ-02 point 1.7 m from the input, ours 0 m.
    expect(metres(one(120.026268, 30.279164, 'gcj02'), [120.021519, 30.281543])).toBeLessThan(2);
    expect(metres(wgs84ToGcj02(...gcj02ToWgs84(120.026268, 30.279164)), [120.026268, 30.279164])).toBeLessThan(0.001);
  });

  it('shifts Nanjing by a few hundred metres, and leaves points outside China unchanged', () => {
    const shift = metres(wgs84ToGcj02(118.7784, 32.0433), [118.7784, 32.0433]);
    expect(shift).toBeGreaterThan(200);
    expect(shift).toBeLessThan(800);
    expect(one(2.3522, 48.8566, 'gcj02')).toEqual([2.3522, 48.8566]);
  });

  it('returns at once near the edge of the China box, where gcoord’s own inverse loops forever', () => {
    const t0 = performance.now();
    const p = gcj02ToWgs84(72.0045, 40);
    expect(p.every(Number.isFinite)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('inverts its own forward conversion within 0.5 m everywhere in China (5,000 random points)', () => {
    const pts = randomPoints(seededRandom(6), 5000, [73.5, 18.2, 134.7, 53.5]);
    let worst = 0;
    for (const crs of ['gcj02', 'bd09', 'bd09mc']) {
      const back = toWgs84(fromWgs84(pts, parseCrs(crs)), parseCrs(crs));
      for (let i = 0; i < pts.length; i += 2) worst = Math.max(worst, metres([pts[i], pts[i + 1]], [back[i], back[i + 1]]));
    }
    expect(worst).toBeLessThan(0.5);
    expect(worst).toBeLessThan(0.01); // in fact under 1 cm
  });
});

describe('projected CRSs against gdaltransform (test/fixtures/import/crs-expected.json)', () => {
  for (const s of EXPECTED.systems) {
    it(`EPSG:${s.epsg}: x/y → lon/lat within 0.5 m (in fact 1 cm) and back within 1 cm, at ${s.points.map((p) => p.name).join(', ')}`, () => {
      const crs = parseCrs(`EPSG:${s.epsg}`);
      const lonlat = toWgs84(Float64Array.from(s.points.flatMap((p) => [p.x, p.y])), crs);
      const xy = fromWgs84(Float64Array.from(s.points.flatMap((p) => [p.lon, p.lat])), crs);
      s.points.forEach((p, i) => {
        expect(metres([lonlat[2 * i], lonlat[2 * i + 1]], [p.lon, p.lat])).toBeLessThan(0.01);
        if (crs.kind === 'proj' && !crs.geographic) expect(Math.hypot(xy[2 * i] - p.x, xy[2 * i + 1] - p.y)).toBeLessThan(0.01);
      });
    });
  }

  it('generates the same proj4 definition as PROJ for every CGCS2000 and UTM code (ignoring towgs84 0 and wktext)', () => {
    const tokens = (s: string) => s.split(/\s+/).filter((t) => t && t !== '+towgs84=0,0,0' && t !== '+wktext').sort();
    for (const [code, proj] of Object.entries(EXPECTED.proj4)) expect(tokens(epsgDefinition(Number(code))!.proj), `EPSG:${code}`).toEqual(tokens(proj));
  });
});

describe('parseCrs and .prj WKT', () => {
  it('accepts names, aliases, EPSG codes and GeoJSON URNs', () => {
    expect(parseCrs('WGS84').id).toBe('wgs84');
    expect(parseCrs('EPSG:4326').id).toBe('wgs84');
    expect(parseCrs('GCJ-02').id).toBe('gcj02');
    expect(parseCrs('amap').id).toBe('gcj02');
    expect(parseCrs('百度').id).toBe('bd09');
    expect(parseCrs('epsg:4549').name).toBe('CGCS2000 / 3-degree Gauss-Kruger CM 120E');
    expect(parseCrs('urn:ogc:def:crs:EPSG::4528').name).toBe('CGCS2000 / 3-degree Gauss-Kruger zone 40');
    expect(parseCrs('urn:ogc:def:crs:OGC:1.3:CRS84').id).toBe('wgs84');
    expect(parseCrs('cgcs2000').id).toBe('EPSG:4490');
  });

  it('names what it accepts for an unknown name or code, and refuses Beijing 1954 / Xian 1980', () => {
    expect(() => parseCrs('mars')).toThrow(/unknown coordinate system "mars"; use wgs84 \| gcj02 \| bd09/);
    expect(() => parseCrs('EPSG:27700')).toThrow(/EPSG:27700 is not supported/);
    expect(() => parseCrs('EPSG:2437')).toThrow(/Beijing 1954 \/ Xian 1980.*7-parameter/);
  });

  for (const s of EXPECTED.systems) {
    it(`recognises EPSG:${s.epsg} from GDAL’s WKT1, ESRI .prj and WKT2 text`, () => {
      for (const fmt of ['wkt1', 'wkt_esri', 'wkt2'] as const) expect(crsFromWkt(s.wkt[fmt]).id, fmt).toBe(s.epsg === 4326 ? 'wgs84' : `EPSG:${s.epsg}`);
    });
  }

  it('reads a local Gauss-Krüger grid from its parameters when it matches no EPSG code', () => {
    // A city grid: CM 118°50′E, false easting 50 000 m, false northing −3 000 000 m, CGCS2000.
    const wkt = 'PROJCS["Nanjing_Local_GK",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",50000.0],PARAMETER["False_Northing",-3000000.0],PARAMETER["Central_Meridian",118.8333333333333],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const crs = crsFromWkt(wkt);
    expect(crs.id).toBe('WKT:Nanjing_Local_GK');
    // gdaltransform -s_srs "+proj=tmerc +lat_0=0 +lon_0=118.8333333333333 +k=1 +x_0=50000
    //   +y_0=-3000000 +ellps=GRS80 +units=m" -t_srs EPSG:4326 -output_xy, for (50000, 547000) and (51000, 547000)
    const lonlat = toWgs84(Float64Array.of(50_000, 547_000, 51_000, 547_000), crs);
    expect(metres([lonlat[0], lonlat[1]], [118.833333333333, 32.046421634905])).toBeLessThan(0.01);
    expect(metres([lonlat[2], lonlat[3]], [118.843921449991, 32.0464211927696])).toBeLessThan(0.01);
  });

  it('hands other projections to proj4’s WKT parser (ESRI:102012 Asia Lambert, checked with gdaltransform)', () => {
    const wkt = 'PROJCS["Asia_Lambert_Conformal_Conic",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Standard_Parallel_1",30.0],PARAMETER["Standard_Parallel_2",62.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    // echo "118.7784 32.0433" | gdaltransform -s_srs EPSG:4326 -t_srs ESRI:102012 -output_xy
    const lonlat = toWgs84(Float64Array.of(1283270.30499842, 4045802.42853704), crsFromWkt(wkt));
    expect(metres([lonlat[0], lonlat[1]], [118.7784, 32.0433])).toBeLessThan(0.01);
  });

  it('refuses a Beijing 1954 .prj without TOWGS84, saying why', () => {
    const wkt = 'PROJCS["Beijing_1954_3_Degree_GK_CM_120E",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(() => crsFromWkt(wkt)).toThrow(/D_Beijing_1954 datum.*7-parameter/);
  });

  it('keeps empty cells empty instead of projecting them to the false origin', () => {
    const out = toWgs84(Float64Array.of(NaN, NaN, 384764.606793872, 3546938.84115482), parseCrs('EPSG:4549'));
    expect(Number.isNaN(out[0]) && Number.isNaN(out[1])).toBe(true);
    expect(metres([out[2], out[3]], [118.78, 32.04])).toBeLessThan(0.01);
  });
});
