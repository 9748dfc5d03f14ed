import { describe, expect, it } from 'vitest';
import { communityCompliance } from '../../../src/core/compliance/community-compliance.ts';
import { COMPLIANCE_CSV_HEADER, complianceCsv } from '../../../src/io/compliance-csv.ts';
import { parseCsv } from '../../../src/io/parse-csv.ts';
import { distancesOf, facility, tinyPreset } from './tiny-preset.ts';

const preset = tinyPreset([facility('kindergarten', { radius: 300 }), facility('primary_school', { level: 'l10' })]);
const compliance = communityCompliance({
  preset,
  distances: distancesOf({ kindergarten: { d: [300, 400], n: 3 }, primary_school: { d: [100, 100], n: 1 } }),
  pop: [30, 10],
  community: Int32Array.from([0, 0]),
  communityCount: 2,
  targets: { primary_school: 0.9 },
});
const csv = complianceCsv(compliance, { ids: ['U1', 'U2'], names: ['街坊, "一"', '空街坊'] }, preset);

describe('complianceCsv', () => {
  const { header, rows } = parseCsv(csv);

  it('starts with a UTF-8 BOM and has the documented columns', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(header).toEqual(COMPLIANCE_CSV_HEADER);
    expect(header).toEqual(['community', 'community_name', 'type', 'type_name_zh', 'type_name_en', 'level', 'radius_m', 'population', 'covered',
      'covered_share', 'target', 'pass', 'shortfall', 'mean_dist_m', 'p90_dist_m', 'facilities', 'value_confidence']);
  });

  it('writes one row per community and type, with the hand-worked numbers', () => {
    const get = (r: string[]) => Object.fromEntries(header.map((h, i) => [h, r[i]]));
    // U1 kindergarten: 30 of 40 within 300 m (one unit exactly at it); shortfall 10; mean (30·300 + 10·400)/40 = 325.
    expect(get(rows[0])).toMatchObject({ community: 'U1', community_name: '街坊, "一"', type: 'kindergarten', level: 'l5', radius_m: '300',
      population: '40', covered: '30', covered_share: '0.75', target: '1', pass: 'fail', shortfall: '10', mean_dist_m: '325', p90_dist_m: '400', facilities: '3' });
    expect(get(rows[1])).toMatchObject({ type: 'primary_school', radius_m: '500', covered: '40', target: '0.9', pass: 'pass', shortfall: '0' });
    expect(get(rows[2])).toMatchObject({ community: 'U2', population: '0', covered_share: '', pass: 'no_residents', shortfall: '0', mean_dist_m: '' });
    expect(rows).toHaveLength(4);
  });

  it('flags the values to check: unverified radius, defaults, and a target the user edited', () => {
    const flags = rows.map((r) => r[header.indexOf('value_confidence')]);
    expect(flags[0]).toBe('radius_m=uncertain;target=lifecircle_default');
    // The school takes its level's distance (1_source) as radius; its target was edited.
    expect(flags[1]).toBe('target=user_edited');
  });
});
