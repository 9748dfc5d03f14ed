import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { haversineMetres } from '../../src/core/geodesic-distance.ts';
import { decodeText } from '../../src/io/decode-text.ts';
import { LoadError } from '../../src/io/load-error.ts';
import { detectDelimiter, parseCsv } from '../../src/io/parse-csv.ts';
import { readAnyLayer } from '../../src/io/read-any-layer.ts';
import { readCommunities } from '../../src/io/read-communities.ts';
import { readFacilities } from '../../src/io/read-facilities.ts';
import { readFacilitiesFile } from '../../src/io/read-facilities-file.ts';
import { readNetwork } from '../../src/io/read-network.ts';
import { readPopulation } from '../../src/io/read-population.ts';
import { readShapefileZip } from '../../src/io/read-shapefile-zip.ts';
import { listZip } from '../../src/io/unzip-limited.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const FIX = path.join(ROOT, 'test/fixtures/import');
const bytes = (p: string) => new Uint8Array(readFileSync(p));
const fixture = (name: string) => bytes(path.join(FIX, name));
const original = (name: string) => readFileSync(path.join(AREA, name), 'utf8');

/** Largest haversine distance, metres, between corresponding lon/lat pairs of two interleaved arrays. */
function maxMetres(a: ArrayLike<number>, b: ArrayLike<number>) {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i += 2) worst = Math.max(worst, haversineMetres(a[i], a[i + 1], b[i], b[i + 1]));
  return worst;
}

/** A ring's vertices as interleaved lon/lat, counter-clockwise (RFC 7946 outer-ring order). */
function ccw(ring: number[][]) {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return (s < 0 ? ring.slice().reverse() : ring).flat();
}
const polygonCoords = (fc: GeoJSON.FeatureCollection) => fc.features.flatMap((f) => (f.geometry as GeoJSON.Polygon).coordinates.flatMap(ccw));

const errors = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a LoadError');
};
const rejects = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a LoadError');
};

describe('decodeText', () => {
  it('reads GBK bytes as Chinese text when they are not valid UTF-8 (南京 = C4 CF BE A9 in GBK)', () => {
    expect(decodeText(Uint8Array.of(0xc4, 0xcf, 0xbe, 0xa9))).toEqual({ text: '南京', encoding: 'gb18030' });
    expect(decodeText(Uint8Array.of(0xc4, 0xcf, 0xbe, 0xa9), 'gbk').text).toBe('南京');
  });
  it('keeps valid UTF-8 as UTF-8 and drops a byte-order mark, also when GBK is forced', () => {
    const utf8 = new TextEncoder().encode('\uFEFFid,名称\n');
    expect(decodeText(utf8)).toEqual({ text: 'id,名称\n', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41), 'gbk').text).toBe('A');
  });
  it('reads Excel “Unicode text” (UTF-16LE with a BOM)', () => {
    expect(decodeText(Uint8Array.of(0xff, 0xfe, 0x57, 0x53, 0xac, 0x4e))).toEqual({ text: '南京', encoding: 'utf-16le' });
  });
  it('decodes the GB18030 facilities fixture written by Python with the Chinese names intact', () => {
    const { text, encoding } = decodeText(fixture('facilities-gcj02.csv'));
    expect(encoding).toBe('gb18030');
    expect(text).toContain('江苏省口腔医院');
  });
});

describe('CSV delimiter detection', () => {
  it('finds comma, tab, semicolon and | from the header, ignoring separators inside quotes', () => {
    expect(detectDelimiter('id,lon,lat\n1,2,3')).toBe(',');
    expect(detectDelimiter('id\tlon\tlat\n')).toBe('\t');
    expect(detectDelimiter('id;lon;lat\r\n')).toBe(';');
    expect(detectDelimiter('id|lon|lat|名称\n')).toBe('|');
    expect(detectDelimiter('"a,b,c";lon;lat\n')).toBe(';');
    expect(detectDelimiter('id\n1\n')).toBe(',');
  });
  it('parses a pipe-separated table as Chinese statistical exports write it', () => {
    expect(parseCsv('id|lon|lat|pop\nA|118.78|32.04|100\n')).toEqual({ header: ['id', 'lon', 'lat', 'pop'], rows: [['A', '118.78', '32.04', '100']], delimiter: '|' });
  });
  it('still prefers commas when a header has as many semicolons (the old behaviour)', () => {
    expect(parseCsv('a;b,c\n1;2,3\n').delimiter).toBe(',');
  });
});

describe('zipped Shapefile in CGCS2000 3° Gauss-Krüger with a GBK .dbf', () => {
  const ref = readCommunities('communities.geojson', original('communities.geojson')).table;
  const shp = readShapefileZip('communities-gk-cm120.zip', fixture('communities-gk-cm120.zip'));

  it('takes the CRS from the .prj (EPSG:4549) and the text encoding from the .cpg (GBK)', () => {
    expect(shp.crs.id).toBe('EPSG:4549');
    expect(shp.crsFrom).toBe('prj');
    expect(shp.encoding).toBe('gbk');
    expect(shp.warnings).toEqual([]);
  });

  it('gives the same 162 polygons as the GeoJSON original within 0.5 m, vertex by vertex', () => {
    const fc = shp.featureCollection as GeoJSON.FeatureCollection;
    expect(fc.features).toHaveLength(162);
    const worst = maxMetres(polygonCoords(fc), polygonCoords(ref.geojson));
    expect(worst).toBeLessThan(0.5);
    expect(worst).toBeLessThan(0.01); // in fact under 1 cm
  });

  it('gives the same attributes, Chinese names equal (DBF has no boolean: GDAL writes true as 1)', () => {
    const want = JSON.parse(original('communities.geojson')).features.map((f: GeoJSON.Feature) => f.properties);
    shp.featureCollection.features.forEach((f, i) => {
      const p = f.properties;
      expect([p.id, p.name, p.name_en, p.area_ha, p.derived, p.streets_co]).toEqual([want[i].id, want[i].name, want[i].name_en, want[i].area_ha, Number(want[i].derived), Number(want[i].streets_complete)]);
    });
    expect(shp.featureCollection.features[0].properties.name).toBe('广州路街坊');
  });

  it('loads through readAnyLayer into the community reader like the original', async () => {
    const layer = await readAnyLayer('communities-gk-cm120.zip', fixture('communities-gk-cm120.zip'));
    expect(layer.source).toMatchObject({ format: 'shapefile-zip', encoding: 'gbk', crs: 'EPSG:4549', crsFrom: 'prj', entry: 'communities-gk-cm120.shp' });
    const t = readCommunities('communities-gk-cm120.zip', layer.text).table;
    expect(t.ids).toEqual(ref.ids);
    expect(t.names).toEqual(ref.names);
    expect(maxMetres(t.polygons.coords, ref.polygons.coords)).toBeLessThan(0.5);
  });

  it('without its .prj takes the coordinates as WGS84, says so, and the reader then refuses the metres', async () => {
    const parts = zipSync(Object.fromEntries(['shp', 'dbf', 'cpg'].map((e) => [`c.${e}`, unzipPart(e)])));
    const layer = await readAnyLayer('c.zip', parts);
    expect(layer.warnings.join()).toMatch(/no \.prj in the zip; coordinates were taken as WGS84/);
    expect(() => readCommunities('c.zip', layer.text)).toThrow(/projected metres/);
    const given = await readAnyLayer('c.zip', parts, { crs: 'EPSG:4549' });
    expect(maxMetres(readCommunities('c.zip', given.text).table.polygons.coords, ref.polygons.coords)).toBeLessThan(0.5);
  });

  it('decodes the names as mojibake-free Chinese only with the right encoding (a forced UTF-8 garbles them)', () => {
    const forced = readShapefileZip('c.zip', fixture('communities-gk-cm120.zip'), { encoding: 'utf-8' });
    expect(forced.featureCollection.features[0].properties.name).not.toBe('广州路街坊');
  });
});

/** One part of the fixture zip, unpacked with fflate (to build broken variants of it). */
function unzipPart(ext: string) {
  return unzipSync(fixture('communities-gk-cm120.zip'))[`communities-gk-cm120.${ext}`];
}

describe('Excel .xlsx (written by GDAL’s XLSX driver)', () => {
  it('gives exactly the population of the CSV original: ids, coordinates (0 m) and counts', async () => {
    const layer = await readAnyLayer('population.xlsx', fixture('population.xlsx'));
    expect(layer.source).toMatchObject({ format: 'xlsx', encoding: null, crs: 'wgs84', sheet: 'population' });
    const t = readPopulation('population.xlsx', layer.text).table;
    const ref = readPopulation('population.csv', original('population.csv')).table;
    expect(t.ids).toEqual(ref.ids);
    expect([...t.coords]).toEqual([...ref.coords]);
    expect([...t.pop]).toEqual([...ref.pop]);
  });

  it('refuses a file named .xlsx that is not a workbook, and an old .xls, saying what to do', async () => {
    expect((await rejects(readAnyLayer('p.xlsx', strToU8('id,lon\n')))).message).toMatch(/not an Excel 2007\+ workbook.*save it again as \.xlsx or CSV/);
    expect((await rejects(readAnyLayer('p.xls', Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))))).toBeInstanceOf(LoadError);
  });
});

describe('GCJ-02 and BD-09 point tables', () => {
  const ref = readFacilities('facilities.geojson', original('facilities.geojson')).table;

  it('a GB18030 CSV in GCJ-02 (Amap) loads to the WGS84 facilities within 0.5 m, names and types equal', async () => {
    const r = await readFacilitiesFile('facilities-gcj02.csv', fixture('facilities-gcj02.csv'), { crs: 'gcj02' });
    expect(r.source).toMatchObject({ format: 'csv', encoding: 'gb18030', crs: 'gcj02', crsFrom: 'argument', delimiter: ',' });
    expect(r.table.ids).toEqual(ref.ids);
    expect(r.table.names).toEqual(ref.names.map((n) => n ?? null));
    expect(r.table.types).toEqual(ref.types);
    expect([...r.table.typeIndex]).toEqual([...ref.typeIndex]);
    expect(maxMetres(r.table.coords, ref.coords)).toBeLessThan(0.5);
  });

  it('the same file read as WGS84 is off by the typical GCJ-02 shift of a few hundred metres', async () => {
    const r = await readFacilitiesFile('facilities-gcj02.csv', fixture('facilities-gcj02.csv'));
    const shift = maxMetres(r.table.coords, ref.coords);
    expect(shift).toBeGreaterThan(200);
    expect(shift).toBeLessThan(1000);
  });

  it('a tab-separated UTF-8 file in BD-09 (Baidu) loads within 0.5 m', async () => {
    const r = await readFacilitiesFile('facilities-bd09.tsv', fixture('facilities-bd09.tsv'), { crs: 'bd09' });
    expect(r.source).toMatchObject({ format: 'csv', encoding: 'utf-8', crs: 'bd09', delimiter: '\t' });
    expect(r.table.names).toEqual(ref.names.map((n) => n ?? null));
    expect(maxMetres(r.table.coords, ref.coords)).toBeLessThan(0.5);
  });

  it('converts renamed x/y columns of a population table (the --lon-col/--lat-col names)', async () => {
    const csv = 'code;东;北;residents\nA;384764.606793872;3546938.84115482;100\n';
    const layer = await readAnyLayer('gk.csv', strToU8(csv), { crs: 'EPSG:4549', columns: { lon: '东', lat: '北' } });
    const t = readPopulation('gk.csv', layer.text, { id: 'code', lon: '东', lat: '北', pop: 'residents' }).table;
    expect(haversineMetres(t.coords[0], t.coords[1], 118.78, 32.04)).toBeLessThan(0.01);
  });
});

describe('GeoJSON Lines and GeoJSON with a crs member', () => {
  const ref = readCommunities('communities.geojson', original('communities.geojson')).table;

  it('GeoJSON Lines (GDAL GeoJSONSeq) give the same communities as the original', async () => {
    const layer = await readAnyLayer('communities.geojsonl', fixture('communities.geojsonl'));
    expect(layer.source.format).toBe('geojsonl');
    const t = readCommunities('communities.geojsonl', layer.text).table;
    expect(t.names).toEqual(ref.names);
    expect(maxMetres(t.polygons.coords, ref.polygons.coords)).toBeLessThan(0.01);
  });

  it('names the line of a broken GeoJSON Lines file', async () => {
    expect((await rejects(readAnyLayer('x.ndjson', strToU8('{"type":"Feature","geometry":null,"properties":{}}\n{oops\n')))).message).toMatch(/line 2 is not valid JSON/);
  });

  it('honours the "crs" member GDAL writes (EPSG:4528, with the zone-40 easting prefix)', async () => {
    const layer = await readAnyLayer('c.geojson', fixture('communities-head-epsg4528.geojson'));
    expect(layer.source).toMatchObject({ crs: 'EPSG:4528', crsFrom: 'geojson' });
    const t = readCommunities('c.geojson', layer.text).table;
    expect(t.ids).toEqual(ref.ids.slice(0, 10));
    const n = t.polygons.coords.length;
    expect(maxMetres(t.polygons.coords, ref.polygons.coords.slice(0, n))).toBeLessThan(0.5);
  });
});

describe('street networks in a projected CRS (--network-crs)', () => {
  it('converts a GeoJSON network in EPSG:4549 to the same vertices as its WGS84 original within 0.5 m', () => {
    const ref = readNetwork('streets-head.geojson', fixture('streets-head.geojson')).input;
    const gk = readNetwork('streets-head-gk-cm120.geojson', fixture('streets-head-gk-cm120.geojson'), 'EPSG:4549').input;
    expect([...gk.lineVertices]).toEqual([...ref.lineVertices]);
    expect(maxMetres(gk.coords, ref.coords)).toBeLessThan(0.5);
  });
  it('refuses a network in metres without a CRS, naming the flag', () => {
    expect(() => readNetwork('s.geojson', fixture('streets-head-gk-cm120.geojson'))).toThrow(/projected metres.*--network-crs/);
  });
  it('refuses a CRS for an OSM file, which is always WGS84', () => {
    expect(() => readNetwork('n.osm.pbf', bytes(path.join(AREA, 'network.osm.pbf')), 'gcj02')).toThrow(/OSM files are always WGS84/);
  });
});

describe('bad files get a LoadError that says what is wrong', () => {
  it('a 0-byte file', async () => {
    expect((await rejects(readAnyLayer('empty.csv', new Uint8Array(0)))).message).toBe('empty.csv: the file is empty (0 bytes)');
    expect(() => readShapefileZip('empty.zip', new Uint8Array(0))).toThrow(/empty \(0 bytes\)/);
  });
  it('a file named .zip that is not a zip', async () => {
    const e = await rejects(readAnyLayer('c.zip', strToU8('id,lon,lat\n')));
    expect(e).toBeInstanceOf(LoadError);
    expect(e.message).toMatch(/named \.zip but not a zip archive/);
  });
  it('a zip without a .shp lists what it holds', async () => {
    const e = await rejects(readAnyLayer('c.zip', zipSync({ 'readme.txt': strToU8('hi'), 'c.dbf': unzipPart('dbf') })));
    expect(e.message).toMatch(/the zip holds no \.shp file \(found: readme\.txt, c\.dbf\)/);
  });
  it('a truncated zip', () => {
    const whole = fixture('communities-gk-cm120.zip');
    expect(errors(() => readShapefileZip('c.zip', whole.subarray(0, 5000)))).toBeInstanceOf(LoadError);
  });
  it('a zip bomb: an entry declaring 2 GB is refused from the directory, before anything is inflated', () => {
    const zip = zipSync({ 'c.shp': new Uint8Array(1000) });
    // Patch the central directory's "uncompressed size" (offset 24 in the CEN record) to 2^31 − 1.
    const view = new DataView(zip.buffer);
    const cen = zip.findIndex((_, i) => i + 4 <= zip.length && view.getUint32(i, true) === 0x02014b50);
    view.setUint32(cen + 24, 0x7fffffff, true);
    expect(() => readShapefileZip('bomb.zip', zip)).toThrow(/would unpack to more than 1024 MB/);
  });
  it('a zip with more than 10,000 entries', () => {
    const many = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`f${i}.txt`, new Uint8Array(0)]));
    expect(() => listZip('many.zip', zipSync(many))).toThrow(/more than 10000 entries/);
  });
  it('a Shapefile whose .prj is Beijing 1954', async () => {
    const prj = 'PROJCS["Beijing_1954_3_Degree_GK_CM_120E",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const zip = zipSync({ 'c.shp': unzipPart('shp'), 'c.dbf': unzipPart('dbf'), 'c.prj': strToU8(prj) });
    expect((await rejects(readAnyLayer('c.zip', zip))).message).toMatch(/the \.prj cannot be used: .*7-parameter/);
  });
  it('an unknown --crs value', async () => {
    expect((await rejects(readAnyLayer('p.csv', strToU8('id,lon,lat,pop\n'), { crs: 'EPSG:9999' }))).message).toMatch(/EPSG:9999 is not supported/);
  });
});
