import { strToU8 } from 'fflate';
import { parquetMetadata } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { fixture, maxMetres, original, rejects } from './format-fixtures.ts';
import { readAnyLayer } from '../../../src/io/read-any-layer.ts';
import { readCommunities } from '../../../src/io/read-communities.ts';
import { readPopulation } from '../../../src/io/read-population.ts';

// Fixtures: scripts/make-import-fixtures.sh (step 8): GDAL's WKB in EPSG:4549, written to Parquet by DuckDB.
const codecs = (bytes: Uint8Array) => new Set(parquetMetadata(bytes).row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec)));
/** The fixture with the last occurrence of `from` in its footer replaced by `to` (same length, so the file stays valid). */
function patched(name: string, from: string, to: string) {
  expect(to.length).toBe(from.length);
  const bytes = fixture(name);
  const text = new TextDecoder('latin1').decode(bytes);
  const at = text.lastIndexOf(from);
  expect(at).toBeGreaterThan(0);
  bytes.set(strToU8(to), at);
  return bytes;
}

describe('GeoParquet in CGCS2000 3° Gauss-Krüger (EPSG:4549, PROJJSON crs), snappy-compressed', () => {
  const ref = readCommunities('communities.geojson', original('communities.geojson')).table;

  it('is snappy-compressed, as DuckDB wrote it', () => {
    expect(codecs(fixture('communities-gk-cm120.parquet'))).toEqual(new Set(['SNAPPY']));
  });

  it('takes the CRS from the PROJJSON id and gives the same 162 polygons within 0.5 m, ids and names equal', async () => {
    const layer = await readAnyLayer('communities-gk-cm120.parquet', fixture('communities-gk-cm120.parquet'));
    expect(layer.source).toMatchObject({ format: 'geoparquet', encoding: null, crs: 'EPSG:4549', crsFrom: 'file', layer: 'geometry' });
    expect(layer.warnings).toEqual([]);
    const t = readCommunities('communities-gk-cm120.parquet', layer.text).table;
    expect(t.ids).toHaveLength(162);
    expect(t.ids).toEqual(ref.ids);
    expect(t.names).toEqual(ref.names);
    const worst = maxMetres(t.polygons.coords, ref.polygons.coords);
    expect(worst).toBeLessThan(0.5);
    expect(worst).toBeLessThan(0.01);
  });

  it('gives the original properties: Chinese names, floats and booleans', async () => {
    const layer = await readAnyLayer('c.parquet', fixture('communities-gk-cm120.parquet'));
    const got = JSON.parse(layer.text).features.map((f: GeoJSON.Feature) => f.properties);
    expect(got).toEqual(JSON.parse(original('communities.geojson')).features.map((f: GeoJSON.Feature) => f.properties));
    expect(got[0]).toEqual({ id: 'U001', name: '广州路街坊', name_en: 'Block U001 (广州路)', area_ha: 4.45, derived: true, streets_complete: true });
  });

  it('refuses a CRS id the app does not support unless a CRS is chosen, and a non-WKB encoding', async () => {
    const unknown = patched('communities-gk-cm120.parquet', '"code":4549', '"code":9999');
    const e = await rejects(readAnyLayer('c.parquet', unknown));
    expect(e.message).toMatch(/^c\.parquet: the file's coordinate system cannot be used: EPSG:9999 is not supported.*choose the layer's coordinate system$/);
    expect(e.messageZh).toMatch(/文件的坐标系无法使用/);
    const chosen = await readAnyLayer('c.parquet', unknown, { crs: 'EPSG:4549' });
    expect(maxMetres(readCommunities('c', chosen.text).table.polygons.coords, ref.polygons.coords)).toBeLessThan(0.5);
    const wkt = patched('communities-gk-cm120.parquet', '"encoding":"WKB"', '"encoding":"WKT"');
    expect((await rejects(readAnyLayer('c.parquet', wkt))).message).toMatch(/the geometry column "geometry" uses the "WKT" encoding; only WKB is read/);
  });

  it('says a truncated file is truncated, and a .parquet that is not Parquet is not', async () => {
    const bytes = fixture('communities-gk-cm120.parquet');
    expect((await rejects(readAnyLayer('c.parquet', bytes.slice(0, bytes.length - 100)))).message).toMatch(/the Parquet file is truncated/);
    expect((await rejects(readAnyLayer('c.parquet', strToU8('id,lon,lat\n')))).message).toMatch(/not a Parquet file/);
  });
});

describe('a plain Parquet table with lon/lat columns, zstd-compressed (hyparquet-compressors)', () => {
  it('is zstd-compressed, as DuckDB wrote it', () => {
    expect(codecs(fixture('population.parquet'))).toEqual(new Set(['ZSTD']));
  });

  it('gives exactly the population of the CSV original: ids, coordinates and counts', async () => {
    const layer = await readAnyLayer('population.parquet', fixture('population.parquet'));
    expect(layer.source).toMatchObject({ format: 'parquet', encoding: null, crs: 'wgs84', crsFrom: 'default' });
    const t = readPopulation('population.parquet', layer.text).table;
    const ref = readPopulation('population.csv', original('population.csv')).table;
    expect(t.ids).toEqual(ref.ids);
    expect([...t.coords]).toEqual([...ref.coords]);
    expect([...t.pop]).toEqual([...ref.pop]);
  });
});
