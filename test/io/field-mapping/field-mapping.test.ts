import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFieldMapping, validateFieldMapping, type FieldMapping } from '../../../src/io/field-mapping/field-mapping.ts';
import { fileSignature } from '../../../src/io/field-mapping/file-signature.ts';
import { guessFieldMapping, inspectLayerTable, mappingNeedsAnswer } from '../../../src/io/field-mapping/inspect-layer-table.ts';
import { formatLayerTable, parseLayerTable } from '../../../src/io/field-mapping/layer-table.ts';
import { inspectLayerFile, readMappedLayer } from '../../../src/io/field-mapping/read-mapped-layer.ts';
import { readFacilities } from '../../../src/io/read-facilities.ts';
import { readPopulation } from '../../../src/io/read-population.ts';

const FIX = path.resolve(import.meta.dirname, '../../fixtures/mapping');
const text = (f: string) => readFileSync(path.join(FIX, f), 'utf8');
const bytes = (f: string) => new Uint8Array(readFileSync(path.join(FIX, f)));
const WGS84_SOURCE = { format: 'csv' as const, encoding: 'utf-8' as const, crs: 'wgs84', crsName: 'WGS 84', crsFrom: 'default' as const };

describe('guessing which column is what', () => {
  it('finds the Chinese columns of an Amap-style facility table (名称/类型/经度/纬度)', () => {
    const m = guessFieldMapping('facilities', parseLayerTable('f.csv', text('facilities-amap-zh.csv')));
    expect(m.columns).toEqual({ id: '编号', name: '名称', type: '类型', lon: '经度', lat: '纬度', floor_area: '建筑面积' });
  });

  it('takes households (户数) when a population table has no population column', () => {
    const m = guessFieldMapping('population', parseLayerTable('p.csv', text('population-households.csv')));
    expect(m.columns).toEqual({ id: '小区编号', name: '小区名称', households: '户数', lon: '经度', lat: '纬度' });
  });

  it('reads a header with a unit in brackets as the bare name ("人口（人）" is population)', () => {
    const m = guessFieldMapping('population', parseLayerTable('p.csv', 'code,经度,纬度,人口（人）\nA,118.7,32.0,5\n'));
    expect(m.columns.pop).toBe('人口（人）');
    expect(m.columns.id).toBe('code');
  });

  it('lists the type values with counts and what each most likely is; unknown ones need an answer', () => {
    const ins = inspectLayerTable('facilities', parseLayerTable('f.csv', text('facilities-amap-zh.csv')), WGS84_SOURCE);
    expect(ins.rowCount).toBe(7);
    expect(ins.typeValues).toEqual([
      { value: '社区卫生站', count: 2, guess: 'clinic' },
      { value: '科教文化服务;学校;小学', count: 2, guess: 'primary_school' },
      { value: '住宿服务;宾馆酒店;五星级宾馆', count: 1, guess: null },
      { value: '社区托育', count: 1, guess: null },
      { value: '科教文化服务;学校;幼儿园', count: 1, guess: 'kindergarten' },
    ]);
    expect(ins.columns.find((c) => c.name === '名称')!.samples).toEqual(['梅园幼儿园', '游府西街小学', '新街口社区卫生站', '中山东路卫生站', '金陵饭店']);
    expect(mappingNeedsAnswer(ins)).toBe(true);
    const answered = inspectLayerTable('facilities', parseLayerTable('f.csv', text('facilities-amap-zh.csv')), WGS84_SOURCE, JSON.parse(text('facilities-amap-zh.mapping.json')));
    expect(mappingNeedsAnswer(answered)).toBe(false);
  });

  it('asks only when a column could answer: not for a header of numbers, too few free columns, or rows without any location', () => {
    const ask = (kind: 'population' | 'facilities', csv: string) => mappingNeedsAnswer(inspectLayerTable(kind, parseLayerTable('x.csv', csv), WGS84_SOURCE));
    expect(ask('population', '甲,乙,丙,丁\n1,118.77,32.04,5\n')).toBe(true);
    expect(ask('population', 'P1,118.7,32.0,5\nP2,118.8,32.1,7\n')).toBe(false);
    expect(ask('facilities', 'name,address\n梅园,汉中路\n')).toBe(false);
    expect(ask('facilities', 'id,lon,lat,pop\nA,118.7,32.0,5\n')).toBe(false);
  });

  it('asks about rows with problems only when told to (files the readers understand keep their behaviour)', () => {
    const ins = inspectLayerTable('population', parseLayerTable('p.csv', text('population-problems.csv')), WGS84_SOURCE);
    expect(mappingNeedsAnswer(ins)).toBe(true);
    expect(mappingNeedsAnswer(ins, { rowProblems: false })).toBe(false);
  });

  it('asks nothing about a canonical file the readers understand on their own', () => {
    const ins = inspectLayerTable('population', parseLayerTable('p.csv', 'id,lon,lat,pop\nA,118.7,32.0,5\nB,118.8,32.1,7\n'), WGS84_SOURCE);
    expect(ins.missing).toEqual([]);
    expect(mappingNeedsAnswer(ins)).toBe(false);
  });
});

describe('applying a mapping', () => {
  it('turns the Chinese facility table into one the facility reader types: 2 kindergartens, 2 primary schools, 2 clinics, the hotel left out', () => {
    const m = validateFieldMapping(JSON.parse(text('facilities-amap-zh.mapping.json')), 'facilities');
    const { table, notFacility } = applyFieldMapping('f.csv', parseLayerTable('f.csv', text('facilities-amap-zh.csv')), m);
    expect(notFacility).toBe(1);
    const r = readFacilities('f.csv', formatLayerTable(table));
    expect(r.table.length).toBe(6);
    const byType = Object.fromEntries(r.table.types.map((t, k) => [t, r.table.ids.filter((_, i) => r.table.typeIndex[i] === k)]));
    expect(byType).toEqual({ kindergarten: ['A01', 'A06'], primary_school: ['A02', 'A07'], clinic: ['A03', 'A04'] });
    expect(r.table.names[0]).toBe('梅园幼儿园');
    expect(Array.from(r.table.coords.slice(0, 2))).toEqual([118.77, 32.043]);
  });

  it('the facility reader alone cannot read the Chinese table (the reason for the mapping step)', () => {
    expect(() => readFacilities('f.csv', text('facilities-amap-zh.csv'))).toThrow(/expected CSV columns/);
  });

  it('derives population from households × 2.62 persons (400, 250, 100 households → 1048, 655, 262)', () => {
    const m = guessFieldMapping('population', parseLayerTable('p.csv', text('population-households.csv')));
    const r = readPopulation('p.csv', formatLayerTable(applyFieldMapping('p.csv', parseLayerTable('p.csv', text('population-households.csv')), m).table));
    expect(r.table.ids).toEqual(['H1', 'H2', 'H3']);
    expect(Array.from(r.table.pop)).toEqual([1048, 655, 262]);
    const r3 = readPopulation('p.csv', formatLayerTable(applyFieldMapping('p.csv', parseLayerTable('p.csv', text('population-households.csv')), { ...m, personsPerHousehold: 3 }).table));
    expect(Array.from(r3.table.pop)).toEqual([1200, 750, 300]);
  });

  it('keeps the canonical column when another column already has that name', () => {
    const t = parseLayerTable('p.csv', 'pop,常住人口,lon,lat\n1,500,118.7,32.0\n');
    const out = applyFieldMapping('p.csv', t, { kind: 'population', columns: { pop: '常住人口', lon: 'lon', lat: 'lat' } }).table;
    expect(formatLayerTable(out)).toBe('pop,lon,lat\r\n500,118.7,32.0\r\n');
  });

  it('renames GeoJSON properties and keeps the geometry', () => {
    const t = parseLayerTable('c.geojson', text('communities-problems.geojson'));
    const out = applyFieldMapping('c.geojson', t, guessFieldMapping('communities', t)).table;
    expect(out.format === 'geojson' && out.features[0].properties).toEqual({ id: 'C1', name: '梅园社区', households: 300, pop: 786 });
  });

  it('says which column of the mapping is missing from the file', () => {
    expect(() => applyFieldMapping('p.csv', parseLayerTable('p.csv', 'a,b,c\n1,2,3\n'), { kind: 'population', columns: { pop: '人口', lon: 'a', lat: 'b' } }))
      .toThrow(/names column "人口" for pop, but the file has no such column; found: a, b, c/);
  });

  it('reads a mapped file end to end through readMappedLayer, as the workers and the CLI do', async () => {
    const layer = await readMappedLayer('f.csv', bytes('facilities-amap-zh.csv'), { kind: 'facilities', mapping: JSON.parse(text('facilities-amap-zh.mapping.json')) });
    expect(readFacilities('f.csv', layer.text).table.length).toBe(6);
    expect(layer.warnings.join()).toMatch(/1 rows left out: their type value was mapped to "not a facility"/);
  });
});

describe('a zipped Shapefile (GBK .dbf, Gauss-Krüger .prj)', () => {
  it('is inspected as features: columns with Chinese samples, geometry kinds, a signature of its own', async () => {
    const zip = new Uint8Array(readFileSync(path.resolve(FIX, '../import/communities-gk-cm120.zip')));
    const ins = await inspectLayerFile('communities-gk-cm120.zip', zip, { kind: 'communities' });
    expect(ins.table).toBe('geojson');
    expect(ins.source.format).toBe('shapefile-zip');
    expect(ins.guess.columns).toMatchObject({ id: 'id', name: 'name' });
    expect(ins.columns.find((c) => c.name === 'name')!.samples[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(ins.geometryKinds!).every((k) => /Polygon$/.test(k))).toBe(true);
    expect(ins.signature).toMatch(/^communities-shapefile-zip-[0-9a-f]{8}$/);
    expect(ins.problems).toEqual([]);
  });
});

describe('checking a mapping read from JSON', () => {
  it('accepts a valid mapping and names what is wrong in a broken one', () => {
    expect(validateFieldMapping({ kind: 'population', columns: { pop: '人口', id: null } }).columns).toEqual({ pop: '人口' });
    expect(() => validateFieldMapping({ kind: 'population', columns: { people: '人口' } })).toThrow(/unknown role "people"/);
    expect(() => validateFieldMapping({ kind: 'facilities', columns: {} }, 'population')).toThrow(/"kind" is "facilities" but the file is given for population/);
    expect(() => validateFieldMapping({ kind: 'facilities', columns: {}, typeValues: { a: 1 } })).toThrow(/typeValues\["a"\] must be a type id string/);
    expect(() => validateFieldMapping({ kind: 'population', columns: {}, personsPerHousehold: -1 })).toThrow(/positive number/);
    expect(() => validateFieldMapping([1])).toThrow(/not a JSON object/);
  });
});

describe('file signatures', () => {
  it('are the same for the same columns in another order or case, and differ for other columns or layers', () => {
    const a = fileSignature('facilities', 'csv', ['编号', '名称', 'Type']);
    expect(fileSignature('facilities', 'csv', ['type', '名称', '编号'])).toBe(a);
    expect(fileSignature('facilities', 'csv', ['编号', '名称', 'type', '地址'])).not.toBe(a);
    expect(fileSignature('population', 'csv', ['编号', '名称', 'Type'])).not.toBe(a);
    expect(a).toMatch(/^facilities-csv-[0-9a-f]{8}$/);
  });
});

export type { FieldMapping };
