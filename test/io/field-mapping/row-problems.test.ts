import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFieldMapping } from '../../../src/io/field-mapping/field-mapping.ts';
import { guessFieldMapping } from '../../../src/io/field-mapping/inspect-layer-table.ts';
import { formatLayerTable, parseLayerTable } from '../../../src/io/field-mapping/layer-table.ts';
import { readMappedLayer } from '../../../src/io/field-mapping/read-mapped-layer.ts';
import { findRowProblems, resolveRowProblems, ROW_PROBLEM_KINDS, type RowDecision } from '../../../src/io/field-mapping/row-problems.ts';
import { readCommunities } from '../../../src/io/read-communities.ts';
import { readPopulation } from '../../../src/io/read-population.ts';

const FIX = path.resolve(import.meta.dirname, '../../fixtures/mapping');
const text = (f: string) => readFileSync(path.join(FIX, f), 'utf8');
const all = (action: 'fix' | 'skip'): RowDecision => Object.fromEntries(ROW_PROBLEM_KINDS.map((k) => [k, action]));

// population-problems.csv, line by line (the header is line 1):
//  2 P1 fine            3 P2 pop -5          4 P3 pop "abc"      5 P4 empty lon
//  6 P2 again (id)      7 P6 lat/lon swapped 8 P7 lon 218        9 P8 pop "1,200"   10 P9 fine
describe('row problems of a population table, with the row numbers the readers print', () => {
  const table = parseLayerTable('p.csv', text('population-problems.csv'));
  const mapping = guessFieldMapping('population', table);
  const problems = findRowProblems(table, mapping);

  it('finds each kind on the hand-counted rows', () => {
    expect(Object.fromEntries(problems.map((p) => [p.kind, p.rows]))).toEqual({
      no_location: [5],
      out_of_range: [8],
      swapped: [7],
      pop_not_number: [4, 9],
      pop_negative: [3],
      duplicate_id: [6],
    });
    expect(problems.find((p) => p.kind === 'duplicate_id')!.examples).toEqual(['P2 (rows 3, 6)']);
  });

  it('skipping every problem row leaves P1 and P9: 100 + 90 = 190 residents', () => {
    const r = resolveRowProblems(table, problems, all('skip'), mapping);
    expect(r.skipped).toBe(7);
    const pop = readPopulation('p.csv', formatLayerTable(r.table));
    expect(pop.table.ids).toEqual(['P1', 'P9']);
    expect(Array.from(pop.table.pop).reduce((a, b) => a + b, 0)).toBe(190);
  });

  it('fixing: |−5| = 5, "abc" → 0, "1,200" → 1200, P2 → P2-2, P6 swapped back; rows without a usable location are skipped', () => {
    const r = resolveRowProblems(table, problems, all('fix'), mapping);
    expect(r).toMatchObject({ fixed: 5, skipped: 2 });
    const pop = readPopulation('p.csv', formatLayerTable(r.table));
    expect(pop.table.ids).toEqual(['P1', 'P2', 'P3', 'P2-2', 'P6', 'P8', 'P9']);
    expect(Array.from(pop.table.pop)).toEqual([100, 5, 0, 60, 70, 1200, 90]);
    expect(Array.from(pop.table.coords.slice(8, 10))).toEqual([118.774, 32.045]);
  });

  it('mixes answers per kind: skip bad population, fix the rest', () => {
    const r = resolveRowProblems(table, problems, { ...all('fix'), pop_not_number: 'skip', pop_negative: 'skip' }, mapping);
    const pop = readPopulation('p.csv', formatLayerTable(r.table));
    expect(pop.table.ids).toEqual(['P1', 'P2-2', 'P6', 'P9']);
  });

  it('refuses with every problem listed when asked to (the CLI without --skip-bad-rows)', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(FIX, 'population-problems.csv')));
    await expect(readMappedLayer('p.csv', bytes, { kind: 'population', mapping, refuseRowProblems: true }))
      .rejects.toThrow(/no location.*rows 5.*outside WGS84.*rows 8.*swapped: rows 7.*not a number.*rows 4, 9.*negative.*rows 3.*repeats.*rows 6.*--skip-bad-rows/);
  });

  it('without a decision the reader behaves as before (stops at the swapped row 7)', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(FIX, 'population-problems.csv')));
    const layer = await readMappedLayer('p.csv', bytes, { kind: 'population', mapping });
    expect(() => readPopulation('p.csv', layer.text)).toThrow(/row 7: longitude and latitude look swapped/);
  });
});

// communities-problems.geojson: feature 1 fine (C1), 2 null geometry, 3 repeats id C1, 4 lat/lon swapped.
describe('row problems of a GeoJSON community layer, by feature number', () => {
  const table = parseLayerTable('c.geojson', text('communities-problems.geojson'));
  const mapping = guessFieldMapping('communities', table);

  it('finds the empty geometry, the repeated id and the swapped polygon', () => {
    expect(Object.fromEntries(findRowProblems(table, mapping).map((p) => [p.kind, p.rows]))).toEqual({ no_location: [2], swapped: [4], duplicate_id: [3] });
  });

  it('swaps a whole polygon back and skips the rest: two communities, C1 and C4', () => {
    const r = resolveRowProblems(table, findRowProblems(table, mapping), { no_location: 'skip', duplicate_id: 'skip', swapped: 'fix' }, mapping);
    const c = readCommunities('c.geojson', formatLayerTable(applyFieldMapping('c.geojson', r.table, mapping).table));
    expect(c.table.ids).toEqual(['C1', 'C4']);
    expect(c.table.names).toEqual(['梅园社区', '颠倒社区']);
    expect(Array.from(c.table.polygons.coords.slice(-8, -6))).toEqual([118.8, 32.04]);
  });
});
