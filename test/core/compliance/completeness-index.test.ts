import { describe, expect, it } from 'vitest';
import { assessPresetTypes, completenessHistogram, completenessIndex } from '../../../src/core/compliance/completeness-index.ts';
import { distancesOf, facility, tinyPreset } from './tiny-preset.ts';

// Three population units. Unit 0 is exactly 300 m from a kindergarten, unit 2 is off-network.
const preset = tinyPreset([
  facility('kindergarten', { radius: 300 }),
  facility('primary_school', { radius: 500, level: 'l10' }),
  facility('caring', { radius: 500, appTypes: ['hospital', 'clinic'] }),
  facility('toilets', { radius: 300 }), // no toilets in the data
  facility('park', { radius: 500, required: false }), // △: not part of the index
  facility('subdistrict_office', {}), // no Lifecircle type: not assessable
  facility('convenience', { level: 'block' }), // block level: no radius anywhere
]);
const distances = distancesOf({
  kindergarten: { d: [300, 301, NaN], n: 2 },
  primary_school: { d: [100, 499.9, NaN], n: 1 },
  hospital: { d: [600, Infinity, NaN], n: 1 },
  clinic: { d: [400, 700, NaN], n: 3 },
  park: { d: [0, 0, NaN], n: 1 },
  convenience: { d: [10, 10, NaN], n: 5 },
});

describe('completenessIndex', () => {
  const index = completenessIndex(preset, distances, 3);

  it('assesses the required types that map to Lifecircle types and have a radius, in preset order', () => {
    expect(index.assessed.map((t) => t.facility.id)).toEqual(['kindergarten', 'primary_school', 'caring', 'toilets']);
  });

  it('reports required types the data cannot show, or without a radius, as not assessable rather than missing', () => {
    expect(index.notAssessable.map((t) => [t.facility.id, t.reason])).toEqual([
      ['subdistrict_office', 'no_app_type'],
      ['convenience', 'no_radius'],
    ]);
  });

  it('counts a unit exactly at the radius as reaching the type, and a type with no facilities as reached by nobody', () => {
    // Unit 0: kindergarten 300 ≤ 300, school 100 ≤ 500, caring min(600, 400) ≤ 500, no toilets → 3 of 4.
    // Unit 1: kindergarten 301 > 300, school 499.9 ≤ 500, caring min(∞, 700) > 500 → 1 of 4.
    // Unit 2: off-network reaches nothing → 0 of 4.
    expect([...index.count]).toEqual([3, 1, 0]);
    expect([...index.share]).toEqual([0.75, 0.25, 0]);
  });

  it('has no share at all when no required type can be assessed', () => {
    const none = completenessIndex(tinyPreset([facility('subdistrict_office', {})]), distances, 3);
    expect(none.assessed).toEqual([]);
    expect([...none.share]).toEqual([NaN, NaN, NaN]);
  });

  it('sums residents by number of types reached for the histogram', () => {
    expect([...completenessHistogram(index.count, 4, [10, 20, 5])]).toEqual([5, 20, 0, 10, 0]);
  });
});

describe('assessPresetTypes', () => {
  it('reaches a type mapped to several Lifecircle types through the nearest of any of them, ignoring off-network values', () => {
    const [caring] = assessPresetTypes(tinyPreset([facility('caring', { radius: 500, appTypes: ['hospital', 'clinic'] })]),
      distancesOf({ hospital: { d: [600, Infinity, 100], n: 2 }, clinic: { d: [400, 700, NaN], n: 3 } }), 3).assessed;
    expect([...caring.nearest]).toEqual([400, 700, 100]);
    expect(caring.facilities).toBe(5);
  });

  it('takes the level distance as the radius of a type without its own', () => {
    const [school] = assessPresetTypes(tinyPreset([facility('primary_school', { level: 'l10' })]), distances, 3).assessed;
    expect(school.radiusM).toBe(500);
  });

  it('rejects distances for another number of units', () => {
    expect(() => assessPresetTypes(preset, distances, 4)).toThrow(/3 values for 4 population units/);
  });
});
