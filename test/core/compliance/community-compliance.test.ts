import { describe, expect, it } from 'vitest';
import { communityCompliance, rankedFailures, type ComplianceRow } from '../../../src/core/compliance/community-compliance.ts';
import { distancesOf, facility, tinyPreset } from './tiny-preset.ts';

/*
 * Six population units in four communities:
 *   unit  pop  community  kindergarten  primary school
 *   0     100  0          300 (= radius) 500 (= radius)
 *   1      50  0          301            800
 *   2      30  0          120            ∞ (beyond the search limit)
 *   3      20  1          NaN (off-network) 200
 *   4       0  2          10             0
 *   5      40  outside    50             700
 * Community 3 has no units. The data has no toilets.
 */
const preset = tinyPreset([
  facility('kindergarten', { radius: 300 }),
  facility('primary_school', { radius: 500, level: 'l10' }),
  facility('toilets', { radius: 300 }),
  facility('subdistrict_office', {}),
]);
const input = {
  preset,
  distances: distancesOf({
    kindergarten: { d: [300, 301, 120, NaN, 10, 50], n: 4 },
    primary_school: { d: [500, 800, Infinity, 200, 0, 700], n: 2 },
  }),
  pop: [100, 50, 30, 20, 0, 40],
  community: Int32Array.from([0, 0, 0, 1, 2, -1]),
  communityCount: 4,
};
const result = communityCompliance(input);
const row = (community: number, type: string, rows: ComplianceRow[] = result.rows) =>
  rows.find((r) => r.community === community && r.type.facility.id === type)!;

describe('communityCompliance', () => {
  it('has one row per community and assessable type, community by community, and lists the type it cannot assess', () => {
    expect(result.rows.map((r) => `${r.community}:${r.type.facility.id}`)).toEqual(
      [0, 1, 2, 3].flatMap((c) => [`${c}:kindergarten`, `${c}:primary_school`, `${c}:toilets`]),
    );
    expect(result.notAssessable.map((t) => t.facility.id)).toEqual(['subdistrict_office']);
  });

  it('counts units exactly at the radius as covered and works out the shortfall in persons', () => {
    // Kindergarten, community 0: covered 100 (at 300 m) + 30 = 130 of 180; shortfall 180 − 130 = 50.
    const k = row(0, 'kindergarten');
    expect([k.population, k.covered, k.pass, k.shortfall]).toEqual([180, 130, false, 50]);
    expect(k.share).toBeCloseTo(130 / 180, 12);
    // Primary school, community 0: covered 100 (at 500 m) of 180; shortfall 80.
    const s = row(0, 'primary_school');
    expect([s.covered, s.shortfall]).toEqual([100, 80]);
  });

  it('gives population-weighted nearest-distance statistics over residents with a finite distance', () => {
    // Kindergarten, community 0: mean (100·300 + 50·301 + 30·120) / 180 = 48650 / 180; p90: 90% of 180 = 162
    // residents are reached only at 301 m (cumulative 30, 130, 180).
    const k = row(0, 'kindergarten');
    expect(k.meanDistM).toBeCloseTo(48650 / 180, 9);
    expect([k.maxDistM, k.p90DistM]).toEqual([301, 301]);
    // Primary school: the 30 residents beyond the limit are left out: mean (100·500 + 50·800) / 150 = 600.
    const s = row(0, 'primary_school');
    expect([s.meanDistM, s.maxDistM, s.p90DistM, s.unreachable]).toEqual([600, 800, 800, 30]);
  });

  it('leaves everyone uncovered for a type with no facilities in the data', () => {
    const t = row(0, 'toilets');
    expect([t.covered, t.share, t.pass, t.shortfall, t.type.facilities]).toEqual([0, 0, false, 180, 0]);
    expect([t.meanDistM, t.p90DistM, t.unreachable]).toEqual([null, null, 180]);
  });

  it('counts off-network residents as uncovered and reports them', () => {
    const k = row(1, 'kindergarten');
    expect([k.covered, k.shortfall, k.offNetwork, k.meanDistM]).toEqual([0, 20, 20, null]);
    expect(row(1, 'primary_school').pass).toBe(true);
  });

  it('passes a community without residents with no share and no shortfall, whether it has units or not', () => {
    for (const c of [2, 3]) {
      const r = row(c, 'kindergarten');
      expect([r.population, r.share, r.pass, r.noResidents, r.shortfall, r.meanDistM]).toEqual([0, null, true, true, 0, null]);
    }
  });

  it('summarises each type over all residents, including those outside every community', () => {
    // Kindergarten: 100 + 30 + 40 (outside, 50 m) = 170 of 240 covered; primary school: 100 + 20 = 120.
    const [k, s, t] = result.types;
    expect([k.population, k.covered, k.passing, k.failing, k.noResidents]).toEqual([240, 170, 0, 2, 2]);
    expect([s.covered, s.share, s.passing, s.failing]).toEqual([120, 0.5, 1, 1]);
    expect([t.covered, t.failing]).toEqual([0, 2]);
  });

  it('uses an edited target: 60% of 180 = 108 needed, 100 covered, shortfall 8; at 50% it passes', () => {
    const at60 = row(0, 'primary_school', communityCompliance({ ...input, targets: { primary_school: 0.6 } }).rows);
    expect([at60.target, at60.targetEdited, at60.pass]).toEqual([0.6, true, false]);
    expect(at60.shortfall).toBeCloseTo(8, 9);
    const at50 = row(0, 'primary_school', communityCompliance({ ...input, targets: { primary_school: 0.5 } }).rows);
    expect([at50.pass, at50.shortfall]).toEqual([true, 0]);
    expect(row(0, 'kindergarten', communityCompliance({ ...input, targets: { primary_school: 0.5 } }).rows).targetEdited).toBe(false);
  });

  it('refuses a target outside 0–1 or for a type the preset does not have', () => {
    expect(() => communityCompliance({ ...input, targets: { primary_school: 1.5 } })).toThrow(/between 0 and 1, got 1.5/);
    expect(() => communityCompliance({ ...input, targets: { school: 1 } })).toThrow(/unknown type 'school'/);
  });

  it('passes a community exactly at its target although the product is not exact in binary', () => {
    // 0.3 of 0.3 + 0.1 residents covered is exactly 75%, but 0.75 × (0.3 + 0.1) = 0.30000000000000004 > 0.3.
    const r = communityCompliance({
      preset: tinyPreset([facility('kindergarten', { radius: 300 })]),
      distances: distancesOf({ kindergarten: { d: [10, 400], n: 1 } }),
      pop: [0.3, 0.1],
      community: Int32Array.from([0, 0]),
      communityCount: 1,
      targets: { kindergarten: 0.75 },
    });
    expect([r.rows[0].pass, r.rows[0].shortfall]).toEqual([true, 0]);
  });
});

describe('rankedFailures', () => {
  it('lists the failures by shortfall, largest first, ties in community then preset order', () => {
    expect(rankedFailures(result.rows).map((r) => [r.community, r.type.facility.id, r.shortfall])).toEqual([
      [0, 'toilets', 180],
      [0, 'primary_school', 80],
      [0, 'kindergarten', 50],
      [1, 'kindergarten', 20],
      [1, 'toilets', 20],
    ]);
  });
});
