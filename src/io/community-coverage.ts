import { LIFE_CIRCLE_LEVELS } from '../core/life-circle-levels.ts';
import type { SqlDatabase } from './sql-database.ts';

/** One row of the community table (persons, metres, shares 0–1). */
export interface CommunityCoverageRow {
  idx: number;
  id: string;
  name: string;
  name_en: string;
  pop: number;
  covered: number;
  share: number | null;
  covered_l5: number;
  covered_l10: number;
  covered_l15: number;
  /** Population-weighted mean distance over units with a finite distance. */
  mean_dist: number | null;
  /** Population-weighted 90th percentile distance (Infinity when beyond the search limit). */
  p90_dist: number | null;
  units: number;
  off_network_units: number;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Per community unit, for one facility type and mode: population, population within
 * `radiusM`, its share, the population within each GB 50180 level distance (300/500/1000 m), and
 * the population-weighted mean and 90th-percentile distance. Units outside every community form
 * the row idx = -1 when they hold people. All aggregation is SQL in DuckDB.
 */
export function communityCoverageSql(type: string, mode: string, radiusM: number): string {
  const r = Number(radiusM);
  const [l5, l10, l15] = LIFE_CIRCLE_LEVELS.map((l) => l.distanceM);
  return `
WITH u AS (
  SELECT p.community, p.pop, d.dist
  FROM population p JOIN distances d ON d.unit = p.idx
  WHERE d.type = ${sqlString(type)} AND d.mode = ${sqlString(mode)}
), w AS (
  SELECT community, pop, dist,
    sum(pop) OVER (PARTITION BY community ORDER BY dist ROWS UNBOUNDED PRECEDING) AS cum,
    sum(pop) OVER (PARTITION BY community) AS tot
  FROM u
), c AS (
  SELECT idx, id, name, name_en FROM communities
  UNION ALL SELECT -1, '—', '单元外', 'Outside community units'
)
SELECT c.idx, c.id, c.name, c.name_en,
  coalesce(sum(w.pop), 0) AS pop,
  coalesce(sum(w.pop) FILTER (WHERE w.dist <= ${r}), 0) AS covered,
  coalesce(sum(w.pop) FILTER (WHERE w.dist <= ${r}), 0) / nullif(sum(w.pop), 0) AS share,
  coalesce(sum(w.pop) FILTER (WHERE w.dist <= ${l5}), 0) AS covered_l5,
  coalesce(sum(w.pop) FILTER (WHERE w.dist <= ${l10}), 0) AS covered_l10,
  coalesce(sum(w.pop) FILTER (WHERE w.dist <= ${l15}), 0) AS covered_l15,
  sum(w.pop * w.dist) FILTER (WHERE isfinite(w.dist)) / nullif(sum(w.pop) FILTER (WHERE isfinite(w.dist)), 0) AS mean_dist,
  min(w.dist) FILTER (WHERE w.cum >= 0.9 * w.tot) AS p90_dist,
  count(w.pop) AS units,
  count(w.pop) FILTER (WHERE isnan(w.dist)) AS off_network_units
FROM c LEFT JOIN w ON w.community = c.idx
GROUP BY c.idx, c.id, c.name, c.name_en
HAVING c.idx >= 0 OR sum(w.pop) > 0
ORDER BY c.idx = -1, c.idx`;
}

export async function communityCoverage(db: SqlDatabase, type: string, mode: string, radiusM: number): Promise<CommunityCoverageRow[]> {
  return db.query<CommunityCoverageRow>(communityCoverageSql(type, mode, radiusM));
}

/** Totals over all units for one type and mode (persons), plus the facility count. */
export interface CoverageTotals {
  pop: number;
  covered: number;
  share: number;
  facilities: number;
  off_network_units: number;
  unreachable_units: number;
}

export async function coverageTotals(db: SqlDatabase, type: string, mode: string, radiusM: number): Promise<CoverageTotals> {
  const [row] = await db.query<CoverageTotals>(`
SELECT coalesce(sum(p.pop), 0) AS pop,
  coalesce(sum(p.pop) FILTER (WHERE d.dist <= ${Number(radiusM)}), 0) AS covered,
  coalesce(sum(p.pop) FILTER (WHERE d.dist <= ${Number(radiusM)}), 0) / nullif(sum(p.pop), 0) AS share,
  (SELECT count(*) FROM facilities WHERE type = ${sqlString(type)}) AS facilities,
  count(*) FILTER (WHERE isnan(d.dist)) AS off_network_units,
  count(*) FILTER (WHERE isinf(d.dist)) AS unreachable_units
FROM population p JOIN distances d ON d.unit = p.idx
WHERE d.type = ${sqlString(type)} AND d.mode = ${sqlString(mode)}`);
  return { ...row, share: row.share ?? 0 };
}

/**
 * Population that looks covered by straight-line radius but is not within the radius by walking
 * (persons): the overstatement of the buffer method for this type.
 */
export async function straightOnlyPopulation(db: SqlDatabase, type: string, radiusM: number): Promise<number> {
  const r = Number(radiusM);
  const [row] = await db.query<{ pop: number | null }>(`
SELECT sum(p.pop) AS pop FROM population p
JOIN distances s ON s.unit = p.idx AND s.type = ${sqlString(type)} AND s.mode = 'straight'
JOIN distances n ON n.unit = p.idx AND n.type = ${sqlString(type)} AND n.mode = 'network'
WHERE s.dist <= ${r} AND NOT (n.dist <= ${r})`);
  return row?.pop ?? 0;
}
