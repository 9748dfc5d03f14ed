import { describe, expect, it } from 'vitest';
import { compareWithCityAccessMap } from '../../scripts/compare-cityaccessmap.ts';

/**
 * CITYACCESSMAP's acc_*_m are another tool's walking distances (pandana, OSM ≈2022). They are a peer
 * result, not ground truth, so this only guards against gross errors (wrong units, swapped
 * coordinates, a broken graph): both tools should agree to within a few hundred metres on most cells.
 * The measured agreement is reported in the README.
 */
describe('walking distances compared with CITYACCESSMAP on the default area', () => {
  const rows = compareWithCityAccessMap();

  it('compares every corresponding category on most population cells', () => {
    expect(rows.map((r) => r.category)).toEqual(['education', 'health_wellbeing', 'food_choices', 'active_living', 'community_space', 'mobility']);
    for (const r of rows) expect(r.cells, r.category).toBeGreaterThan(400);
  });

  it('stays within a few hundred metres of the peer tool (median absolute difference < 500 m)', () => {
    for (const r of rows) {
      expect(r.medianAbsDiffM, r.category).toBeLessThan(500);
      expect(r.within100, r.category).toBeGreaterThan(0.1);
    }
  });
});
