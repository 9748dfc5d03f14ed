import type { PopulationTable } from '../point-tables.ts';
import { pointsInPolygons } from '../points-in-polygons.ts';
import type { PolygonColumns } from '../polygon-columns.ts';
import { gridPointsInFeature, polygonsByFeature } from './area-grid-points.ts';
import { polygonFeatureAreas } from './polygon-areas.ts';

export type SpreadOver = 'buildings' | 'area';

/** Residential buildings to spread over: a point and a weight (gross floor area, m²) each. */
export interface SpreadBuildings {
  ids: string[];
  /** Interleaved lon/lat (building centroids). */
  centroids: Float64Array;
  /** Floor area, m² (footprint × floors, or the floor-area column); only residential buildings should be given. */
  weight: Float64Array;
}

export interface SpreadResult {
  table: PopulationTable;
  /** Per community: the population placed (= its total, or 0 when it had none). */
  placed: Float64Array;
  /** Per community: how it was placed. */
  how: ('buildings' | 'area-grid' | 'centroid' | 'none')[];
  /** Communities spreading over buildings that had none inside (they fell back to their area). */
  fellBack: number[];
  /** The grid spacing actually used per community (m; NaN when not spread over the area). */
  gridM: Float64Array;
}

/**
 * Spreads a total per community (persons; NaN or ≤ 0 = nothing to place) into population points:
 * - over `buildings`: each residential building whose centroid lies in the community (the first
 *   community listed wins where boundaries overlap) gets total × its floor area ÷ the community's
 *   floor area; a community with no building (or zero floor area) falls back to its area;
 * - over `area`: equal shares at the points of a regular grid (`gridM`, default 50 m) inside the
 *   community (src/core/population/area-grid-points.ts); a community too small for any grid
 *   point puts its whole total at its area centroid.
 * Every positive total is placed in full, so the points of a community sum to its total (up to
 * floating-point rounding). Ids say where each point came from: `<community>/building:<id>`,
 * `<community>/grid:<k>`, `<community>/centroid`.
 */
export function spreadCommunityTotals(
  communities: { polygons: PolygonColumns; ids: string[] },
  totals: Float64Array,
  over: SpreadOver,
  opts: { buildings?: SpreadBuildings; gridM?: number } = {},
): SpreadResult {
  const k = communities.polygons.featureCount;
  const gridSpacing = opts.gridM ?? 50;
  const ids: string[] = [];
  const coords: number[] = [];
  const pop: number[] = [];
  const placed = new Float64Array(k);
  const gridM = new Float64Array(k).fill(NaN);
  const how: SpreadResult['how'] = new Array(k).fill('none');
  const fellBack: number[] = [];

  // Buildings by community: index lists and floor-area sums.
  const members: number[][] = Array.from({ length: k }, () => []);
  const weightSum = new Float64Array(k);
  if (over === 'buildings' && opts.buildings) {
    const b = opts.buildings;
    const at = pointsInPolygons(b.centroids, communities.polygons);
    for (let i = 0; i < at.length; i++) {
      if (at[i] < 0 || !(b.weight[i] > 0)) continue;
      members[at[i]].push(i);
      weightSum[at[i]] += b.weight[i];
    }
  }
  const byFeature = polygonsByFeature(communities.polygons);
  const centroids = polygonFeatureAreas(communities.polygons).centroids;

  for (let c = 0; c < k; c++) {
    const total = totals[c];
    if (!(total > 0)) continue;
    const cid = communities.ids[c];
    if (over === 'buildings' && weightSum[c] > 0) {
      const b = opts.buildings!;
      for (const i of members[c]) {
        ids.push(`${cid}/building:${b.ids[i]}`);
        coords.push(b.centroids[2 * i], b.centroids[2 * i + 1]);
        pop.push((total * b.weight[i]) / weightSum[c]);
      }
      how[c] = 'buildings';
    } else {
      if (over === 'buildings') fellBack.push(c);
      const grid = gridPointsInFeature(communities.polygons, byFeature[c], gridSpacing);
      const n = grid.coords.length / 2;
      if (n > 0) {
        for (let g = 0; g < n; g++) {
          ids.push(`${cid}/grid:${g + 1}`);
          coords.push(grid.coords[2 * g], grid.coords[2 * g + 1]);
          pop.push(total / n);
        }
        how[c] = 'area-grid';
        gridM[c] = grid.spacingM;
      } else {
        ids.push(`${cid}/centroid`);
        coords.push(centroids[2 * c], centroids[2 * c + 1]);
        pop.push(total);
        how[c] = 'centroid';
      }
    }
    placed[c] = total;
  }
  return { table: { length: ids.length, ids, coords: Float64Array.from(coords), pop: Float64Array.from(pop) }, placed, how, fellBack, gridM };
}
