import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixture, maxMetres, original, rejects } from './format-fixtures.ts';
import { readAnyLayer } from '../../../src/io/read-any-layer.ts';
import { readCommunities } from '../../../src/io/read-communities.ts';
import { readFacilities } from '../../../src/io/read-facilities.ts';
import { readFacilitiesFile } from '../../../src/io/read-facilities-file.ts';

// Fixtures: scripts/make-import-fixtures.sh (step 8), written by GDAL's GPKG driver from the default area.
/** GeoJSON properties without null values: a GeoPackage cannot tell a null field from an unset one. */
const withoutNulls = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null));

describe('GeoPackage in CGCS2000 3° Gauss-Krüger (EPSG:4549), written by ogr2ogr', () => {
  const ref = readFacilities('facilities.geojson', original('facilities.geojson')).table;

  it('takes the CRS from gpkg_spatial_ref_sys and gives the same 224 typed facilities (of 441 points) within 0.5 m, ids, names and types equal', async () => {
    const r = await readFacilitiesFile('facilities-gk-cm120.gpkg', fixture('facilities-gk-cm120.gpkg'));
    expect(r.source).toMatchObject({ format: 'geopackage', encoding: null, crs: 'EPSG:4549', crsFrom: 'file', layer: 'facilities' });
    expect(r.table.ids).toHaveLength(224);
    expect(r.table.ids).toEqual(ref.ids);
    expect(r.table.names).toEqual(ref.names);
    expect(r.table.types).toEqual(ref.types);
    expect([...r.table.typeIndex]).toEqual([...ref.typeIndex]);
    const worst = maxMetres(r.table.coords, ref.coords);
    expect(worst).toBeLessThan(0.5);
    expect(worst).toBeLessThan(0.01); // in fact under 1 cm
  });

  it('gives every feature the original properties, Chinese text and OSM tag keys such as addr:city intact', async () => {
    const layer = await readAnyLayer('facilities-gk-cm120.gpkg', fixture('facilities-gk-cm120.gpkg'));
    const got = JSON.parse(layer.text).features.map((f: GeoJSON.Feature) => f.properties);
    const want = JSON.parse(original('facilities.geojson')).features.map((f: GeoJSON.Feature) => withoutNulls(f.properties!));
    expect(got).toEqual(want);
    expect(got[1]).toMatchObject({ name: '江苏美术馆', 'addr:city': '南京', 'addr:street': '长江路' });
  });

  it('is converted from the EPSG code the caller chose instead, with a warning when it differs from the file', async () => {
    const layer = await readAnyLayer('f.gpkg', fixture('facilities-gk-cm120.gpkg'), { crs: 'EPSG:4528' });
    expect(layer.source.crsFrom).toBe('argument');
    expect(layer.warnings).toEqual(['f.gpkg: the file says CGCS2000 / 3-degree Gauss-Kruger CM 120E; converted from CGCS2000 / 3-degree Gauss-Kruger zone 40 as asked']);
  });
});

describe('a GeoPackage with two feature tables', () => {
  const refCommunities = readCommunities('communities.geojson', original('communities.geojson')).table;

  it('reads the first table in gpkg_contents (communities) by default and lists both in a warning', async () => {
    const layer = await readAnyLayer('two-layers.gpkg', fixture('two-layers.gpkg'));
    expect(layer.source).toMatchObject({ format: 'geopackage', crs: 'wgs84', crsFrom: 'file', layer: 'communities' });
    expect(layer.warnings).toEqual(['two-layers.gpkg: 2 feature tables (communities, facilities); read the first, "communities"']);
    const t = readCommunities('two-layers.gpkg', layer.text).table;
    expect(t.ids).toEqual(refCommunities.ids.slice(0, 10));
    expect(t.names).toEqual(refCommunities.names.slice(0, 10));
    // Booleans (GDAL's BOOLEAN columns) come back as true/false, as in the GeoJSON.
    const props = JSON.parse(layer.text).features.map((f: GeoJSON.Feature) => f.properties);
    expect(props).toEqual(JSON.parse(original('communities.geojson')).features.slice(0, 10).map((f: GeoJSON.Feature) => f.properties));
  });

  it('reads another table by name, and names the tables when the one asked for is not there', async () => {
    const layer = await readAnyLayer('two-layers.gpkg', fixture('two-layers.gpkg'), { table: 'facilities' });
    expect(layer.source.layer).toBe('facilities');
    expect(layer.warnings).toEqual([]);
    const first20 = { type: 'FeatureCollection', features: JSON.parse(original('facilities.geojson')).features.slice(0, 20) };
    expect(JSON.parse(layer.text).features).toHaveLength(20);
    expect(readFacilities('two-layers.gpkg', layer.text).table.ids).toEqual(readFacilities('first20.geojson', JSON.stringify(first20)).table.ids);
    const e = await rejects(readAnyLayer('two-layers.gpkg', fixture('two-layers.gpkg'), { table: 'schools' }));
    expect(e.message).toBe('two-layers.gpkg: the GeoPackage has no feature table "schools"; its feature tables: communities, facilities');
  });
});

describe('GeoPackage files that cannot be read say why, in English and Chinese', () => {
  it('a truncated file (the first 100 KB of the 200 KB fixture)', async () => {
    const e = await rejects(readAnyLayer('f.gpkg', fixture('facilities-gk-cm120.gpkg').slice(0, 100 * 1024)));
    expect(e.message).toBe('f.gpkg: the GeoPackage is truncated: its header says 204800 bytes, the file has 102400. Copy or export it again');
    expect(e.messageZh).toMatch(/GeoPackage 文件不完整/);
  });

  it('a damaged file (every page after the first overwritten) is SQLite’s error with what to do', async () => {
    const bytes = fixture('facilities-gk-cm120.gpkg');
    bytes.fill(0xff, 4096);
    const e = await rejects(readAnyLayer('f.gpkg', bytes));
    expect(e.message).toMatch(/^f\.gpkg: SQLite cannot read this GeoPackage \(.+\): the file is probably truncated or damaged; copy or export it again$/);
  });

  it('a GeoPackage with only an attributes table (no geometry)', async () => {
    const e = await rejects(readAnyLayer('attributes-only.gpkg', fixture('attributes-only.gpkg')));
    expect(e.message).toMatch(/has no feature \(vector\) table, only population \(attributes\)/);
    expect(e.messageZh).toMatch(/没有矢量要素表/);
  });

  it('a plain SQLite database named .gpkg, and a text file named .gpkg', async () => {
    const e = await rejects(readAnyLayer('not-a-geopackage.gpkg', fixture('not-a-geopackage.gpkg')));
    expect(e.message).toMatch(/an SQLite database but not a GeoPackage \(it has no gpkg_contents table; its tables: places\)/);
    const t = await rejects(readAnyLayer('p.gpkg', strToU8('id,lon,lat\n')));
    expect(t.message).toMatch(/not a GeoPackage: a \.gpkg is an SQLite database/);
  });
});
