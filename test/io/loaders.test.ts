import { describe, expect, it } from 'vitest';
import { LoadError } from '../../src/io/load-error.ts';
import { parseCsv } from '../../src/io/parse-csv.ts';
import { readCommunities } from '../../src/io/read-communities.ts';
import { readFacilities } from '../../src/io/read-facilities.ts';
import { readNetwork } from '../../src/io/read-network.ts';
import { readPopulation } from '../../src/io/read-population.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and newlines, CRLF and a BOM', () => {
    const { header, rows } = parseCsv('\uFEFFid,name\r\n1,"a, ""b""\nc"\r\n2,d\r\n');
    expect(header).toEqual(['id', 'name']);
    expect(rows).toEqual([['1', 'a, "b"\nc'], ['2', 'd']]);
  });
  it('accepts semicolon-separated files as Excel writes them in some locales', () => {
    expect(parseCsv('id;lon\n1;118.7\n').rows).toEqual([['1', '118.7']]);
  });
});

describe('readPopulation', () => {
  it('reads id,lon,lat,pop and finds columns by common aliases', () => {
    const { table } = readPopulation('p.csv', 'ID,Longitude,Latitude,Population\na,118.78,32.04,12.5\n');
    expect(table.length).toBe(1);
    expect([...table.coords]).toEqual([118.78, 32.04]);
    expect(table.pop[0]).toBe(12.5);
  });
  it('names the missing column and lists the ones it found', () => {
    expect(() => readPopulation('bad.csv', 'name,x,y\nfoo,1,2\n')).toThrow(/missing column population \("pop"\).*found: name, x, y/);
  });
  it('explains projected coordinates and swapped columns', () => {
    expect(() => readPopulation('m.csv', 'id,lon,lat,pop\n1,13224000,3766000,5\n')).toThrow(/projected metres/);
    expect(() => readPopulation('s.csv', 'id,lon,lat,pop\n1,32.04,118.78,5\n')).toThrow(/swapped/);
  });
  it('skips rows with a bad population and says which', () => {
    const r = readPopulation('p.csv', 'id,lon,lat,pop\n1,118.78,32.04,5\n2,118.78,32.04,-3\n3,118.78,32.04,x\n');
    expect(r.table.length).toBe(1);
    expect(r.warnings[0]).toMatch(/skipped 2 of 3 rows.*rows 3, 4/);
  });
  it('reduces GeoJSON polygons to their area centroid', () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { pop: 100 }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] } }] };
    expect([...readPopulation('p.geojson', JSON.stringify(fc)).table.coords]).toEqual([1, 1]);
  });
  it('rejects text that is not JSON with a LoadError naming the file', () => {
    expect(() => readPopulation('p.geojson', '{oops')).toThrow(LoadError);
    expect(() => readPopulation('p.geojson', '{oops')).toThrow(/p\.geojson: not valid JSON/);
  });
});

describe('readFacilities', () => {
  it('types CSV rows by their type column and GeoJSON features by their OSM tags', () => {
    expect(readFacilities('f.csv', 'id,lon,lat,type\n1,118.78,32.04,kindergarten\n').table.types).toEqual(['kindergarten']);
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { amenity: 'pharmacy' }, geometry: { type: 'Point', coordinates: [118.78, 32.04] } },
      { type: 'Feature', properties: { amenity: 'restaurant' }, geometry: { type: 'Point', coordinates: [118.78, 32.04] } },
    ] };
    const r = readFacilities('f.geojson', JSON.stringify(fc));
    expect(r.table.types).toEqual(['pharmacy']);
    expect(r.warnings[0]).toMatch(/1 of 2 features match no life-circle facility type/);
  });
  it('keeps types outside the catalogue and says so', () => {
    expect(readFacilities('f.csv', 'id,lon,lat,type\n1,118.78,32.04,library_kiosk\n').warnings[0]).toMatch(/not in the GB 50180 catalogue/);
  });
});

describe('readCommunities and readNetwork', () => {
  it('reads polygons and multipolygons as community units with ids and names', () => {
    const sq = (x: number) => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]];
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: '梅园社区', code: 'A1' }, geometry: { type: 'Polygon', coordinates: sq(0) } },
      { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [sq(2), sq(4)] } },
    ] };
    const { table } = readCommunities('c.geojson', JSON.stringify(fc));
    expect(table.ids).toEqual(['A1', 'C02']);
    expect(table.names[0]).toBe('梅园社区');
    expect([...table.polygons.feature]).toEqual([0, 1, 1]);
  });
  it('refuses a layer without polygons', () => {
    expect(() => readCommunities('c.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }] }))).toThrow(/no Polygon/);
  });
  it('refuses a file that is neither OSM nor GeoJSON as a street network, naming the formats', () => {
    expect(() => readNetwork('streets.txt', new TextEncoder().encode('hello'))).toThrow(/OSM PBF|OSM XML/);
  });
});

describe('facility typing from Chinese POI categories', () => {
  it('maps Amap/Baidu category names in a type column and lists the features it cannot map instead of dropping them silently', () => {
    const csv = 'id,lon,lat,type,name\n' +
      'a1,118.78,32.04,科教文化服务;学校;小学,三条巷小学\n' +
      'a2,118.78,32.04,幼儿园,五老村幼儿园\n' +
      'a3,118.78,32.04,医疗保健服务;诊所;诊所,某诊所\n' +
      'a4,118.78,32.04,kindergarten,\n';
    const { table } = readFacilities('amap.csv', csv);
    const typeOf = (id: string) => table.types[table.typeIndex[table.ids.indexOf(id)]];
    expect(typeOf('a1')).toBe('primary_school');
    expect(typeOf('a2')).toBe('kindergarten');
    expect(typeOf('a4')).toBe('kindergarten');
    expect(typeOf('a3')).toBeTruthy();
  });

  it('names the OSM features that match no type, with their tags', () => {
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [118.78, 32.04] }, properties: { id: 'n1', name: '小学', amenity: 'school' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [118.78, 32.04] }, properties: { id: 'n2', name: '面馆', amenity: 'restaurant' } },
    ] };
    const { table, warnings } = readFacilities('osm.geojson', JSON.stringify(fc));
    expect(table.length).toBe(1);
    expect(warnings.join(' ')).toMatch(/1 of 2 features match no life-circle facility type.*n2 面馆 \(amenity=restaurant\)/);
  });
});
