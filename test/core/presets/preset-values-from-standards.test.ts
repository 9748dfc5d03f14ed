import { describe, expect, it } from 'vitest';
import type { PresetFacility, Range, Sourced } from '../../../src/core/presets/preset.ts';
import { shippedPreset } from '../../../src/core/presets/preset-catalog.ts';
import { standards } from './preset-files.ts';

type Row = Record<string, any>;
const rowById = (list: Row[], id: string | undefined) => list.find((r) => r.id === id);
const range = (r: { min?: number | null; max?: number | null } | null): Range | undefined => {
  if (!r) return undefined;
  const o: Range = {};
  if (r.min != null) o.min = r.min;
  if (r.max != null) o.max = r.max;
  return o;
};
/** The confidence of one part of a standards row: its own detail, else "all", else the row's weakest. */
const part = (row: Row, keys: string[]) => keys.map((k) => row.confidence_detail?.[k]).find(Boolean) ?? row.confidence;

describe('the GB 50180-2018 preset takes its values from the standards JSON', () => {
  const gb = shippedPreset('gb50180-2018');

  it('lists every standards row as a type or as an omitted row with a reason', () => {
    const used = new Set([...gb.facilities.map((f) => f.standard_row), ...(gb.omitted_rows ?? []).map((o) => o.row)]);
    const gbRows = standards.facilities.filter((r: Row) => r.level.startsWith('gb50180_')).map((r: Row) => r.id);
    expect(gbRows.filter((id: string) => !used.has(id))).toEqual([]);
    for (const o of gb.omitted_rows ?? []) expect(o.reason, o.row).toMatch(/\S/);
  });

  it('copies each facility row: required flag, radius, sizes and their confidence', () => {
    for (const f of gb.facilities) {
      const row = rowById(standards.facilities, f.standard_row);
      if (!row) continue; // park: from green_space, checked below
      expect(f.required.value, f.id).toBe(row.mandatory);
      expect(f.required.confidence, f.id).toBe(part(row, ['mandatory', 'all']));
      if (row.radius_m !== null) {
        expect(f.radius_m?.value, f.id).toBe(row.radius_m);
        expect(f.radius_m?.confidence, f.id).toBe(part(row, ['radius_m', 'all']));
        expect(f.radius_m?.source.standard, f.id).toBe('GB 50180-2018');
      } else if (f.radius_m) {
        // The standard has no radius here: only a marked Lifecircle stand-in may fill the gap.
        expect(f.radius_m.confidence, f.id).toBe('lifecircle_default');
      }
      expect(f.building_area_m2?.value, f.id).toEqual(range(row.building_area_m2));
      expect(f.land_area_m2?.value, f.id).toEqual(range(row.land_area_m2));
    }
  });

  it('keeps uncertain values uncertain', () => {
    const gbValues = (f: PresetFacility) =>
      [f.required, f.radius_m, f.building_area_m2, f.land_area_m2].filter((v): v is Sourced<any> => v?.source.standard === 'GB 50180-2018');
    for (const f of gb.facilities) {
      const row = rowById(standards.facilities, f.standard_row);
      if (row?.confidence_detail?.all !== 'uncertain') continue;
      for (const v of gbValues(f)) expect(v.confidence, f.id).toBe('uncertain');
    }
  });

  it('sizes the park from the public green space table (4.0.4)', () => {
    const park = gb.facilities.find((f) => f.id === 'park')!;
    const green = standards.green_space.rows.find((r: Row) => r.level === 'gb50180_l10');
    expect(park.land_area_m2?.value).toEqual({ min: green.park_min_area_ha * 10_000 });
    expect(park.land_area_m2?.confidence).toBe(green.confidence);
  });

  it('copies each level: distance, residents, households, land and their confidence', () => {
    for (const level of gb.levels) {
      const row = rowById(standards.levels, level.standard_row)!;
      expect(row, level.id).toBeTruthy();
      for (const k of ['walk_distance_m', 'population', 'households', 'land_area_ha'] as const) {
        expect(level[k]?.value, `${level.id}.${k}`).toEqual(range(row[k]));
        if (row[k]) expect(level[k]?.confidence, `${level.id}.${k}`).toBe(row.confidence[k]);
      }
    }
  });

  it('has the four tiers of the issue: 800–1000 m / 50,000–100,000; 500 m / 15,000–25,000; 300 m / 5,000–12,000; block 1,000–3,000', () => {
    const lv = (id: string) => gb.levels.find((l) => l.id === id)!;
    expect([lv('l15'), lv('l10'), lv('l5')].map((l) => [l.walk_distance_m?.value, l.population?.value])).toEqual([
      [{ min: 800, max: 1000 }, { min: 50_000, max: 100_000 }],
      [{ min: 500, max: 500 }, { min: 15_000, max: 25_000 }],
      [{ min: 300, max: 300 }, { min: 5_000, max: 12_000 }],
    ]);
    expect(lv('block').population?.value).toEqual({ min: 1_000, max: 3_000 });
    expect(lv('block').walk_distance_m).toBeUndefined();
  });
});

describe('the other presets take their values from the standards JSON', () => {
  it('TD/T 1062-2021: the tier distances and the Appendix A radii that were retrieved', () => {
    const tdt = shippedPreset('tdt1062-2021');
    const rows = standards.facility_sets.find((s: Row) => s.id === 'tdt1062_partial').facilities;
    for (const f of tdt.facilities) {
      const row = rowById(rows, f.standard_row)!;
      expect(row, f.id).toBeTruthy();
      expect(f.radius_m?.value, f.id).toBe(row.radius_m);
    }
    for (const level of tdt.levels) {
      const row = rowById(standards.levels, level.standard_row)!;
      expect(level.walk_distance_m?.value ?? null, level.id).toEqual(row.walk_distance_m);
    }
  });

  it('Paris and Melbourne: one walking distance for every category, as in foreign_presets', () => {
    for (const [id, row] of [['paris-15min', 'paris_15min'], ['melbourne-20min', 'melbourne_20min']]) {
      const p = shippedPreset(id);
      const walk = rowById(standards.foreign_presets, row)!.distance_m.walk;
      expect(p.levels[0]!.walk_distance_m?.value.max, id).toBe(walk);
      for (const f of p.facilities) expect(f.radius_m?.value, `${id} ${f.id}`).toBe(walk);
      expect(p.facilities.length, id).toBe(rowById(standards.foreign_presets, row)!.categories.length);
    }
  });
});
