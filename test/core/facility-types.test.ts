import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACILITY_TYPES, facilityTypeOfTags } from '../../src/core/facility-types.ts';

const standards = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/standards/life-circle-standards.json'), 'utf8'));
const row = (id: string) => standards.facilities.find((f: { id: string }) => f.id === id);

describe('facility types', () => {
  it('take their default radius from the standards table wherever it gives one', () => {
    for (const t of FACILITY_TYPES) {
      const r = row(t.standardRow);
      expect(r, t.standardRow).toBeTruthy();
      if (r.radius_m !== null && t.id !== 'park') expect(t.radiusM, t.id).toBe(r.radius_m);
    }
  });

  it('are marked confirmed only where the standards table confirms the radius by two sources', () => {
    for (const t of FACILITY_TYPES) {
      const c = row(t.standardRow).confidence_detail?.radius_m;
      expect(t.confidence === 'confirmed', t.id).toBe(c === 'confirmed_2_sources');
    }
  });

  it('read the school stage from Chinese names, as OSM has one amenity=school for all', () => {
    expect(facilityTypeOfTags({ amenity: 'school', name: '南京市三条巷小学' })).toBe('primary_school');
    expect(facilityTypeOfTags({ amenity: 'school', name: '南京市第九初级中学' })).toBe('middle_school');
    expect(facilityTypeOfTags({ amenity: 'school', name: '南京五中' })).toBe('middle_school');
    expect(facilityTypeOfTags({ amenity: 'school', name: '五老村幼儿园' })).toBe('kindergarten');
    expect(facilityTypeOfTags({ amenity: 'school', name: 'Changjiang Road Primary School' })).toBe('primary_school');
    expect(facilityTypeOfTags({ amenity: 'school', name: '秦淮区教师进修学校' })).toBe(null);
  });

  it('map common OSM tags to the expected types and leave restaurants and ATMs out', () => {
    expect(facilityTypeOfTags({ amenity: 'marketplace' })).toBe('market');
    expect(facilityTypeOfTags({ shop: 'supermarket' })).toBe('market');
    expect(facilityTypeOfTags({ amenity: 'pharmacy' })).toBe('pharmacy');
    expect(facilityTypeOfTags({ leisure: 'pitch', sport: 'basketball' })).toBe('sports');
    expect(facilityTypeOfTags({ amenity: 'restaurant' })).toBe(null);
    expect(facilityTypeOfTags({ amenity: 'atm' })).toBe(null);
  });
});

describe('the data README', () => {
  it('documents every facility type the app derives', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../data/README.md'), 'utf8');
    for (const t of FACILITY_TYPES) expect(readme, t.id).toContain(`| \`${t.id}\` | ${t.zh} |`);
  });
});
