import { describe, expect, it } from 'vitest';
import { validateFloorAreaRules } from '../../../src/core/presets/floor-area-rules.ts';
import { PRESET_SCHEMA_VERSION } from '../../../src/core/presets/preset.ts';
import { validatePreset } from '../../../src/core/presets/validate-preset.ts';

const sourced = (value: unknown) => ({
  value,
  source: { standard: 'GB 50180-2018', clause: 'Table B.0.3', refs: ['S1'] },
  confidence: 'uncertain',
});

/** A small valid preset; each test breaks one thing in a fresh copy. */
function preset(): any {
  return {
    schema_version: PRESET_SCHEMA_VERSION,
    id: 'test',
    title_zh: '测试',
    title_en: 'Test',
    standard: 'GB 50180-2018',
    levels: [
      { id: 'l5', name_zh: '五分钟生活圈', name_en: '5-minute', walk_distance_m: sourced({ min: 300, max: 300 }) },
      { id: 'l10', name_zh: '十分钟生活圈', name_en: '10-minute', walk_distance_m: sourced({ min: 500, max: 500 }) },
    ],
    facilities: [
      { id: 'kindergarten', name_zh: '幼儿园', name_en: 'kindergarten', level: 'l5', required: sourced(true), radius_m: sourced(300), target_coverage: sourced(1) },
      { id: 'primary_school', name_zh: '小学', name_en: 'primary school', level: 'l10', required: sourced(true), radius_m: sourced(500), target_coverage: sourced(1) },
    ],
    sources: { S1: { title: 'a source', address: 'https://example.org' } },
  };
}

const errorsOf = (json: unknown) => {
  const r = validatePreset(json);
  return r.ok ? [] : r.errors;
};

describe('validatePreset', () => {
  it('accepts a well-formed preset and hands it back', () => {
    const r = validatePreset(preset());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.preset.facilities[1]!.radius_m?.value).toBe(500);
  });

  it('rejects a missing field, naming its path', () => {
    const p = preset();
    delete p.facilities[1].radius_m.source;
    delete p.facilities[0].name_zh;
    expect(errorsOf(p)).toEqual(['facilities[0].name_zh: missing', 'facilities[1].radius_m.source: missing']);
  });

  it('rejects a negative radius', () => {
    const p = preset();
    p.facilities[0].radius_m.value = -300;
    expect(errorsOf(p)).toEqual(['facilities[0].radius_m.value: must be greater than 0, got -300']);
  });

  it('rejects a duplicate facility type id, pointing at the first one', () => {
    const p = preset();
    p.facilities[1].id = 'kindergarten';
    expect(errorsOf(p)).toEqual(["facilities[1].id: duplicate type id 'kindergarten' (also facilities[0])"]);
  });

  it('rejects a preset from a newer Lifecircle without reading further', () => {
    const p = preset();
    p.schema_version = PRESET_SCHEMA_VERSION + 1;
    delete p.facilities;
    expect(errorsOf(p)).toEqual([
      `schema_version: made by a newer Lifecircle (version ${PRESET_SCHEMA_VERSION + 1}); this one reads up to ${PRESET_SCHEMA_VERSION}`,
    ]);
  });

  it('rejects a missing or malformed schema version', () => {
    const p = preset();
    delete p.schema_version;
    expect(errorsOf(p)).toEqual(['schema_version: missing']);
    expect(errorsOf({ ...preset(), schema_version: '1' })).toEqual(['schema_version: expected a whole number, got a string']);
    expect(errorsOf({ ...preset(), schema_version: 0 })).toEqual(['schema_version: unknown version 0; versions start at 1']);
  });

  it('rejects a facility on a level the preset does not have', () => {
    const p = preset();
    p.facilities[0].level = 'l7';
    p.facilities[1].also_levels = ['l5', 'l15'];
    expect(errorsOf(p)).toEqual([
      "facilities[0].level: unknown level id 'l7' (this preset has: l5, l10)",
      "facilities[1].also_levels[1]: unknown level id 'l15' (this preset has: l5, l10)",
    ]);
  });

  it('rejects wrong types', () => {
    const p = preset();
    p.facilities[0].radius_m.value = '300';
    p.facilities[1].required.value = 'yes';
    p.levels[0].name_en = 5;
    expect(errorsOf(p)).toEqual([
      'levels[0].name_en: expected a string, got a number',
      'facilities[0].radius_m.value: expected a number, got a string',
      'facilities[1].required.value: expected true or false, got a string',
    ]);
  });

  it('rejects an unknown field, which is nearly always a typo', () => {
    const p = preset();
    p.facilities[0].radius = p.facilities[0].radius_m;
    delete p.facilities[0].radius_m;
    expect(errorsOf(p)).toEqual([expect.stringMatching(/^facilities\[0\]\.radius: unknown field \(expected one of: .*radius_m/)]);
  });

  it('rejects an unknown confidence, an unknown source reference and an unknown Lifecircle type', () => {
    const p = preset();
    p.facilities[0].radius_m.confidence = 'sure';
    p.facilities[1].radius_m.source.refs = ['S1', 'S9'];
    p.facilities[1].app_types = ['primary_school', 'school'];
    expect(errorsOf(p)).toEqual([
      "facilities[0].radius_m.confidence: expected one of confirmed_2_sources, 1_source, uncertain, lifecircle_default, got 'sure'",
      "facilities[1].app_types[1]: unknown Lifecircle facility type 'school' (see src/core/facility-types.ts)",
      "facilities[1].radius_m.source.refs[1]: unknown source 'S9' (not in sources)",
    ]);
  });

  it('rejects a target coverage above 100% and a size range upside down', () => {
    const p = preset();
    p.facilities[0].target_coverage.value = 1.5;
    p.facilities[0].building_area_m2 = sourced({ min: 4550, max: 3150 });
    expect(errorsOf(p)).toEqual([
      'facilities[0].building_area_m2.value: min 4550 is greater than max 3150',
      'facilities[0].target_coverage.value: must be at most 1, got 1.5',
    ]);
  });

  it('rejects duplicate level ids and an empty facility list', () => {
    const p = preset();
    p.levels[1].id = 'l5';
    p.facilities = [];
    expect(errorsOf(p)).toEqual(["levels[1].id: duplicate level id 'l5' (also levels[0])", 'facilities: needs at least one facility type']);
  });

  it('rejects something that is not a preset at all', () => {
    expect(errorsOf([1, 2])).toEqual(['(root): expected a preset object, got an array']);
    expect(errorsOf(null)).toEqual(['(root): expected a preset object, got null']);
  });
});

describe('validateFloorAreaRules', () => {
  const rules = (): any => ({
    schema_version: 1, id: 'r', title_zh: '规则', title_en: 'Rules',
    household_size: sourced(2.62),
    rules: [{ id: 'a', name_zh: '甲', name_en: 'A', jurisdiction: 'X', applies_to: 'community_service', m2_per_100_households: sourced(30) }],
    sources: { S1: { title: 't', address: 'a' } },
  });

  it('accepts a well-formed rule set', () => {
    expect(validateFloorAreaRules(rules()).ok).toBe(true);
  });

  it('rejects a rule without any criterion, an inverted total and a zero household size', () => {
    const r = rules();
    r.household_size.value = 0;
    r.rules.push({ id: 'b', name_zh: '乙', name_en: 'B', jurisdiction: 'X', applies_to: 'community_service' });
    r.rules.push({ id: 'c', name_zh: '丙', name_en: 'C', jurisdiction: 'X', applies_to: 'community_service', min_total_m2: sourced(700), max_total_m2: sourced(300) });
    const v = validateFloorAreaRules(r);
    expect(v.ok ? [] : v.errors).toEqual([
      'household_size.value: must be greater than 0, got 0',
      'rules[1]: needs at least one of min_total_m2, max_total_m2, m2_per_100_households',
      'rules[2]: min_total_m2 700 is greater than max_total_m2 300',
    ]);
  });
});
