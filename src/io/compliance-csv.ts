import type { ComplianceRow, CommunityCompliance } from '../core/compliance/community-compliance.ts';
import { needsCheck, type Preset, type PresetFacility, type Sourced } from '../core/presets/preset.ts';
import { formatCsv } from './format-csv.ts';

/** Community ids and display names, by community index. */
export interface CommunityNames {
  ids: string[];
  names: string[];
  namesEn?: string[];
}

/** The sourced value behind a type's radius: its own `radius_m`, else its level's walking distance. */
export function radiusSource(preset: Preset, f: PresetFacility): Sourced<unknown> | undefined {
  return f.radius_m ?? preset.levels.find((l) => l.id === f.level)?.walk_distance_m;
}

/**
 * The values of a row that a planner should check before trusting its verdict, as
 * `field=confidence` (e.g. `radius_m=uncertain`): `uncertain` and `lifecircle_default` values of
 * the radius, the ▲/△ status and the target, and `target=user_edited` for an edited target.
 * Empty when every value is backed by a retrieved document.
 */
export function uncheckedValues(preset: Preset, row: Pick<ComplianceRow, 'type' | 'targetEdited'>): string[] {
  const f = row.type.facility;
  const flags: string[] = [];
  const radius = radiusSource(preset, f);
  if (radius && needsCheck(radius)) flags.push(`radius_m=${radius.confidence}`);
  if (needsCheck(f.required)) flags.push(`required=${f.required.confidence}`);
  if (row.targetEdited) flags.push('target=user_edited');
  else if (needsCheck(f.target_coverage)) flags.push(`target=${f.target_coverage.confidence}`);
  return flags;
}

export const COMPLIANCE_CSV_HEADER = [
  'community', 'community_name', 'type', 'type_name_zh', 'type_name_en', 'level', 'radius_m', 'population', 'covered',
  'covered_share', 'target', 'pass', 'shortfall', 'mean_dist_m', 'p90_dist_m', 'facilities', 'value_confidence',
];

/**
 * DIR/compliance.csv (UTF-8 with BOM for Excel): one row per community × assessable preset type.
 * Persons for population, covered and shortfall; shares 0–1; metres for distances (over residents
 * with a finite distance). `pass` is `pass`, `fail` or `no_residents`; `facilities` counts the
 * type's facilities in the whole study area (walking crosses community boundaries);
 * `value_confidence` lists the values to check (see `uncheckedValues`), `sourced` when none.
 */
export function complianceCsv(result: CommunityCompliance, communities: CommunityNames, preset: Preset): string {
  const rows = result.rows.map((r) => {
    const f = r.type.facility;
    const flags = uncheckedValues(preset, r);
    return [
      communities.ids[r.community], communities.names[r.community], f.id, f.name_zh, f.name_en, f.level, r.type.radiusM,
      r.population, r.covered, r.share, r.target, r.noResidents ? 'no_residents' : r.pass ? 'pass' : 'fail', r.shortfall,
      r.meanDistM, r.p90DistM, r.type.facilities, flags.length ? flags.join(';') : 'sourced',
    ];
  });
  return formatCsv(COMPLIANCE_CSV_HEADER, rows, { bom: true });
}
