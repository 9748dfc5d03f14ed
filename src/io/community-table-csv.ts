import { LIFE_CIRCLE_LEVELS } from '../core/life-circle-levels.ts';
import type { CommunityCoverageRow } from './community-coverage.ts';
import { formatCsv } from './format-csv.ts';

/** One block of community rows computed for a facility type, mode and radius. */
export interface CommunityTableBlock {
  type: string;
  mode: string;
  radiusM: number;
  rows: CommunityCoverageRow[];
}

/**
 * The community table as CSV (UTF-8 with BOM for Excel): one row per unit and block, with
 * population (persons), covered population and share at the radius and at each GB 50180 level
 * distance, and the population-weighted mean and 90th-percentile distance (metres). The app's
 * export and the CLI's communities.csv are this same table.
 */
export function communityTableCsv(blocks: CommunityTableBlock[]): string {
  const header = ['community_id', 'name', 'name_en', 'type', 'mode', 'radius_m', 'pop', 'covered_pop', 'share',
    ...LIFE_CIRCLE_LEVELS.map((l) => `share_${l.distanceM}m`), 'mean_dist_m', 'p90_dist_m', 'units', 'off_network_units'];
  const body = blocks.flatMap(({ type, mode, radiusM, rows }) =>
    rows.map((r) => {
      const share = (x: number) => (r.pop > 0 ? x / r.pop : null);
      return [r.id, r.name, r.name_en, type, mode, radiusM, r.pop, r.covered, share(r.covered),
        share(r.covered_l5), share(r.covered_l10), share(r.covered_l15), r.mean_dist, r.p90_dist, r.units, r.off_network_units];
    }),
  );
  return formatCsv(header, body, { bom: true });
}
