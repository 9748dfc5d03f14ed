import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { facilityTypeById } from '../../../src/core/facility-types.ts';
import { LIFE_CIRCLE_LEVELS } from '../../../src/core/life-circle-levels.ts';
import { validateFloorAreaRules } from '../../../src/core/presets/floor-area-rules.ts';
import { appTypesOf, effectiveRadiusM, type Preset } from '../../../src/core/presets/preset.ts';
import {
  DEFAULT_PRESET_ID, PRESET_CATALOG, shippedFloorAreaRules, shippedPreset,
} from '../../../src/core/presets/preset-catalog.ts';
import { validatePreset } from '../../../src/core/presets/validate-preset.ts';
import { PRESET_DIR, presetDataFiles, presetFiles } from './preset-files.ts';

const shipped = () => PRESET_CATALOG.map((e) => shippedPreset(e.id));

describe('shipped presets', () => {
  it.each(presetFiles().map(({ file, json }) => [file, json]))('%s passes schema validation', (_file, json) => {
    const r = validatePreset(json);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('are all in the catalog, under their file names, with Chinese and English titles', () => {
    const files = presetFiles().map(({ file }) => file.replace(/\.json$/, '')).sort();
    expect(PRESET_CATALOG.map((e) => e.id).sort()).toEqual(files);
    for (const e of PRESET_CATALOG) {
      expect(e.title_zh, e.id).toMatch(/\S/);
      expect(e.title_en, e.id).toMatch(/\S/);
    }
    expect(PRESET_CATALOG.map((e) => e.id)).toContain(DEFAULT_PRESET_ID);
  });

  it('load through the catalog, and an unknown id is an error naming the shipped ones', () => {
    expect(shippedPreset('gb50180-2018').facilities.length).toBeGreaterThan(19);
    expect(() => shippedPreset('gb50180-2019')).toThrow(/unknown preset 'gb50180-2019'.*gb50180-2018/);
  });

  it('keep the Lifecircle radius of a facility type with the same id, unless they say why not', () => {
    for (const p of shipped()) {
      for (const f of p.facilities) {
        const app = facilityTypeById(f.id);
        if (!app) continue;
        const differs = f.radius_m?.value !== app.radiusM;
        const where = `${p.id} ${f.id}`;
        if (differs) expect(f.radius_differs_because, where).toMatch(/\S/);
        else expect(f.radius_differs_because, `${where}: says it differs but does not`).toBeUndefined();
      }
    }
  });

  it('give every type a default target coverage, 100% for required types', () => {
    for (const p of shipped()) {
      for (const f of p.facilities) {
        expect(f.target_coverage.value, `${p.id} ${f.id}`).toBeGreaterThan(0);
        if (f.required.value) expect(f.target_coverage.value, `${p.id} ${f.id}`).toBe(1);
      }
    }
  });

  it('give every type a radius through its own or its level, except GB block-level types inside compounds', () => {
    const noRadius = (p: Preset) => p.facilities.filter((f) => effectiveRadiusM(p, f) === null).map((f) => `${p.id}:${f.id}`);
    expect(shipped().flatMap(noRadius)).toEqual([
      'gb50180-2018:children_elderly_play_area', 'gb50180-2018:outdoor_fitness_equipment', 'gb50180-2018:parcel_lockers',
    ]);
  });

  it('count a type through Lifecircle facility types where one corresponds', () => {
    const gb = shippedPreset('gb50180-2018');
    expect(appTypesOf(gb.facilities.find((f) => f.id === 'kindergarten')!)).toEqual(['kindergarten']);
    expect(appTypesOf(gb.facilities.find((f) => f.id === 'judicial_office')!)).toEqual([]);
    const paris = shippedPreset('paris-15min');
    expect(appTypesOf(paris.facilities.find((f) => f.id === 'caring')!)).toEqual(['hospital', 'clinic', 'pharmacy']);
  });
});

describe('the GB 50180-2018 preset', () => {
  it('has the life-circle distances the app checks by default (300, 500 and 1000 m)', () => {
    const gb = shippedPreset('gb50180-2018');
    for (const level of LIFE_CIRCLE_LEVELS) {
      expect(gb.levels.find((l) => l.id === level.id)?.walk_distance_m?.value.max, level.id).toBe(level.distanceM);
    }
  });

  it('covers every one of the 19 Lifecircle facility types', () => {
    const ids = new Set(shippedPreset('gb50180-2018').facilities.map((f) => f.id));
    expect(['kindergarten', 'primary_school', 'middle_school', 'hospital', 'clinic', 'pharmacy', 'market', 'shopping_centre',
      'convenience', 'park', 'sports', 'culture', 'community_service', 'elderly_care', 'bank', 'post', 'bus_stop', 'metro',
      'toilets'].filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('the local floor-area rules', () => {
  const json = presetDataFiles().find(({ file }) => file === 'local-floor-area-rules.json')!.json;

  it('pass validation', () => {
    const r = validateFloorAreaRules(json);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('offer the national and the local norms named in the issue, per 100 households', () => {
    const rules = shippedFloorAreaRules().rules;
    const rule = (id: string) => rules.find((r) => r.id === id)!;
    expect(rule('national-30-per-100hh').m2_per_100_households?.value).toBe(30);
    expect(rule('shenyang-600-and-40-per-100hh').min_total_m2?.value).toBe(600);
    expect(rule('shenyang-600-and-40-per-100hh').m2_per_100_households?.value).toBe(40);
    expect(rule('yinchuan-20-per-100hh').m2_per_100_households?.value).toBe(20);
    expect(rule('shenyang-600-and-40-per-100hh').m2_per_100_households?.confidence).toBe('uncertain');
  });

  it('default to 2.62 persons per household, from the 2020 census', () => {
    const size = shippedFloorAreaRules().household_size;
    expect(size.value).toBe(2.62);
    expect(size.source.standard).toMatch(/第七次全国人口普查/);
  });
});

describe('the presets README', () => {
  it('describes every shipped data file', () => {
    const readme = readFileSync(path.join(PRESET_DIR, 'README.md'), 'utf8');
    for (const { file } of presetDataFiles()) expect(readme, file).toContain(`\`${file}\``);
  });
});
