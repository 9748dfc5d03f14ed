import { describe, expect, it } from 'vitest';
import { floorAreaCompliance } from '../../../src/core/compliance/floor-area-compliance.ts';
import type { FloorAreaRule } from '../../../src/core/presets/floor-area-rules.ts';
import { shippedFloorAreaRules } from '../../../src/core/presets/preset-catalog.ts';
import { sourced } from './tiny-preset.ts';

const rules = shippedFloorAreaRules();
// Shenyang: at least 600 m² in total and at least 40 m² per 100 households.
const shenyang = rules.rules.find((r) => r.id === 'shenyang-600-and-40-per-100hh')!;

/*
 * Five communities, community-service facilities (m²) and households:
 *   0: 500 + 400 = 900 m², 2000 households (data)          → 45 m²/100 hh, ≥ 600 m²: pass
 *   1: 500 m², 2620 residents ÷ 2.62 = 1000 households      → 50 m²/100 hh but < 600 m²: fail
 *   2: 1000 m², 3000 households                            → 33.3 m²/100 hh < 40: fail
 *   3: nobody lives there                                  → pass, no households
 *   4: one station without a floor area, 100 households    → unknown
 * A 5000 m² library in community 1 and a station outside every community do not count.
 */
const input = {
  rule: shenyang,
  householdSize: rules.household_size.value,
  facilities: [
    { type: 'community_service', community: 0, floorAreaM2: 500 },
    { type: 'community_service', community: 0, floorAreaM2: 400 },
    { type: 'community_service', community: 1, floorAreaM2: 500 },
    { type: 'culture', community: 1, floorAreaM2: 5000 },
    { type: 'community_service', community: 2, floorAreaM2: 1000 },
    { type: 'community_service', community: 4, floorAreaM2: null },
    { type: 'community_service', community: -1, floorAreaM2: 9999 },
  ],
  communities: [
    { population: 5000, households: 2000 },
    { population: 2620 },
    { population: 8000, households: 3000 },
    { population: 0 },
    { population: 300, households: 100 },
  ],
};

describe('floorAreaCompliance', () => {
  const result = floorAreaCompliance(input);
  const rows = result.status === 'assessed' ? result.rows : [];

  it('reads the shipped rule and household size it is tested with', () => {
    expect([shenyang.min_total_m2?.value, shenyang.m2_per_100_households?.value, rules.household_size.value]).toEqual([600, 40, 2.62]);
    expect(result.status).toBe('assessed');
  });

  it('sums the floor area of the rule’s facility type standing in each community', () => {
    expect(rows.map((r) => r.floorAreaM2)).toEqual([900, 500, 1000, 0, null]);
    expect(rows.map((r) => r.facilities)).toEqual([2, 1, 1, 0, 1]);
  });

  it('takes households from the data, else from population ÷ 2.62 persons per household', () => {
    expect(rows.map((r) => r.householdsFrom)).toEqual(['data', 'population', 'data', 'population', 'data']);
    expect(rows[1].households).toBeCloseTo(1000, 9);
  });

  it('works out m² per 100 households and the area needed: max(600, 40 × households / 100)', () => {
    expect(rows[0].m2Per100Households).toBeCloseTo(45, 9);
    expect(rows[1].m2Per100Households).toBeCloseTo(50, 9);
    expect(rows[2].m2Per100Households).toBeCloseTo(1000 / 30, 9);
    expect(rows.map((r) => Math.round(r.requiredM2 * 1e6) / 1e6)).toEqual([800, 600, 1200, 600, 600]);
  });

  it('passes a community that meets every criterion and names the ones a failing community misses', () => {
    expect(rows.map((r) => r.pass)).toEqual([true, false, false, true, null]);
    expect(rows.map((r) => r.failed)).toEqual([[], ['min_total_m2'], ['m2_per_100_households'], [], []]);
    expect(rows[3].noHouseholds).toBe(true);
  });

  it('fails a community above a maximum total', () => {
    const capped: FloorAreaRule = { ...shenyang, max_total_m2: sourced(850) };
    const r = floorAreaCompliance({ ...input, rule: capped });
    expect(r.status === 'assessed' && r.rows[0].failed).toEqual(['max_total_m2']);
  });

  it('reports "no floor-area data" instead of failing when no facility carries a floor area (OSM has none)', () => {
    const none = floorAreaCompliance({ ...input, facilities: input.facilities.map((f) => ({ type: f.type, community: f.community })) });
    expect(none).toEqual({ status: 'no_floor_area_data', rule: shenyang });
  });
});
