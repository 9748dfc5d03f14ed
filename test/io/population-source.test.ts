import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCommunities } from '../../src/io/read-communities.ts';
import { readPopulationSource } from '../../src/io/read-population-source.ts';
import { readPopulationSourceFiles } from '../../src/io/read-population-source-files.ts';

const dir = 'test/fixtures/population';
const text = (f: string) => readFileSync(`${dir}/${f}`, 'utf8');
const communities = readCommunities('communities.geojson', text('communities.geojson')).table;
const buildings = { name: 'buildings.geojson', text: text('buildings.geojson') };
const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);

describe('a community totals table spread over residential buildings', () => {
  // totals.csv: A = 1000 (by id), 乙社区 = 300 (by name → B), Z = 50 (row 4, unknown), B = "abc" (row 5).
  // Buildings: in A, b1 0.0002°×0.0002° × 6 floors and b2 0.0004°×0.0002° × 3 floors have equal floor
  // areas, so each gets 1000 / 2 = 500; in B, b3 is the only home and gets 300; the office gets none.
  const r = readPopulationSource('totals.csv', text('totals.csv'), { from: 'community-totals', spreadOver: 'buildings' }, { communities, buildings });
  const popOf = (id: string) => r.table.pop[r.table.ids.indexOf(id)];

  it('gives each building its floor-area share of its community total', () => {
    expect(popOf('A/building:b1')).toBeCloseTo(500, 6);
    expect(popOf('A/building:b2')).toBeCloseTo(500, 6);
    expect(popOf('B/building:b3')).toBeCloseTo(300, 6);
    expect(r.table.ids.some((id) => id.includes('o1'))).toBe(false);
  });

  it('places the sum of the matched totals, 1000 + 300', () => {
    expect(sum(r.table.pop)).toBeCloseTo(1300, 6);
  });

  it('warns about the unknown community with its row number and the non-numeric total', () => {
    expect(r.warnings.join('\n')).toMatch(/row 4 "Z"/);
    expect(r.warnings.join('\n')).toMatch(/rows 5 have no non-negative number in "人口"/);
  });

  it('states the method in Chinese and English', () => {
    expect(r.method.zh).toContain('人口按社区总数分摊到住宅建筑（按建筑面积');
    expect(r.method.en).toContain('spread over residential buildings in proportion to floor area');
    expect(r.method.en).toContain('2 communities, 1,300 persons');
  });
});

describe('community totals in other forms', () => {
  it('reads community polygons that carry their own total (人口) and spreads them over the area', () => {
    const r = readPopulationSource('c.geojson', text('communities-with-totals.geojson'), { from: 'community-totals', spreadOver: 'area', gridM: 100 });
    const of = (c: string) => r.table.pop.filter((_, i) => r.table.ids[i].startsWith(`${c}/`)).reduce((s, x) => s + x, 0);
    expect(of('A')).toBeCloseTo(1000, 6);
    expect(of('B')).toBeCloseTo(300, 6);
    expect(r.method.zh).toContain('人口按社区总数在社区面积内均匀分摊');
  });

  it('falls back to the area, with a warning, for a community without residential buildings', () => {
    const onlyA = { name: 'b.geojson', text: JSON.stringify({ ...JSON.parse(buildings.text), features: JSON.parse(buildings.text).features.slice(0, 2) }) };
    const r = readPopulationSource('totals.csv', text('totals.csv'), { from: 'community-totals' }, { communities, buildings: onlyA });
    expect(r.warnings.join('\n')).toMatch(/1 communities have no residential building inside.*\(B\)/);
    expect(sum(r.table.pop)).toBeCloseTo(1300, 6);
  });

  it('turns households (户数) into persons with the census household size 2.62 when the table has no persons column', () => {
    const r = readPopulationSource('t.csv', '社区,户数\nA,100\n', { from: 'community-totals', spreadOver: 'area', gridM: 100 }, { communities });
    expect(sum(r.table.pop)).toBeCloseTo(262, 6); // 100 households × 2.62 (data/presets/local-floor-area-rules.json)
    expect(r.method.zh).toContain('户数 × 2.62 人/户');
    expect(r.warnings.join('\n')).toMatch(/"户数" × 2.62 persons per household/);
  });

  it('refuses a totals table when no community layer is loaded', () => {
    expect(() => readPopulationSource('totals.csv', text('totals.csv'), { from: 'community-totals', spreadOver: 'area' })).toThrow(/load the community layer first/);
  });

  it('refuses spreading over buildings without a buildings file', () => {
    expect(() => readPopulationSource('totals.csv', text('totals.csv'), { from: 'community-totals' }, { communities })).toThrow(/needs a buildings file/);
  });

  it('refuses a table in which no row names a known community', () => {
    expect(() => readPopulationSource('t.csv', '社区,人口\nX,1\nY,2\n', { from: 'community-totals', spreadOver: 'area' }, { communities })).toThrow(/no row matches a community/);
  });

  it('refuses a table without a total column, naming the columns found', () => {
    expect(() => readPopulationSource('t.csv', '社区,面积\nA,1\n', { from: 'community-totals', spreadOver: 'area' }, { communities })).toThrow(/found: 社区, 面积/);
  });
});

describe('population as buildings', () => {
  it('gives floor area ÷ m² per person; b1 and b2 have the same floor area so the same residents', () => {
    const r = readPopulationSource('buildings.geojson', buildings.text, { from: 'buildings', m2PerPerson: 30 });
    expect(r.table.length).toBe(3);
    const b1 = r.table.pop[r.table.ids.indexOf('building:b1')];
    const b2 = r.table.pop[r.table.ids.indexOf('building:b2')];
    expect(b1).toBeCloseTo(b2, 6);
    expect(r.method.zh).toContain('建筑面积÷30 m²/人');
  });

  it('refuses a buildings file without polygons', () => {
    const points = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [118, 32] } }] });
    expect(() => readPopulationSource('b.geojson', points, { from: 'buildings' })).toThrow(/no building polygons/);
  });

  it('refuses an out-of-range m² per person', () => {
    expect(() => readPopulationSource('b.geojson', buildings.text, { from: 'buildings', m2PerPerson: 0 })).toThrow(/Floor area per person/);
  });
});

describe('the worker path (files as bytes, any format)', () => {
  it('reads the table, the community layer and the buildings from bytes', async () => {
    const bytes = (f: string) => new Uint8Array(readFileSync(`${dir}/${f}`));
    const r = await readPopulationSourceFiles({
      name: 'totals.csv', bytes: bytes('totals.csv'),
      populationSource: { from: 'community-totals', spreadOver: 'buildings' },
      communities: { name: 'communities.geojson', bytes: bytes('communities.geojson') },
      buildings: { name: 'buildings.geojson', bytes: bytes('buildings.geojson') },
    });
    expect(sum(r.table.pop)).toBeCloseTo(1300, 6);
    expect(r.source.format).toBe('csv');
  });
});
