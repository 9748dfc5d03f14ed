import type { AreaContext } from '../area-context.ts';
import { distancesToType, type DistanceMode } from '../distances-to-type.ts';
import { serviceGaps, type ServiceGaps } from '../gap-polygons.ts';
import { facilitiesOfType } from '../point-tables.ts';
import { gapCellCandidates, generateCandidates } from './generate-candidates.ts';
import type { SitingParams } from './siting-params.ts';
import type { SitingProgress } from './siting-problem.ts';
import { SITE_KIND, runSitingScenario, type SitingOutcome } from './siting-scenario.ts';
import type { MilpSolverLike } from './solve-siting.ts';

export interface GapRequest {
  type: string;
  mode: DistanceMode;
  radiusM: number;
  limitM: number;
  maxSnapM: number;
  cellSizeM: number;
}

export interface AreaSitingRequest extends GapRequest {
  params: SitingParams;
  /** Add street nodes in and next to the gaps as candidates. */
  generate: boolean;
  /** A user's candidate layer (ids, lon/lat interleaved). */
  userCandidates?: { ids: string[]; coords: Float64Array };
}

export interface AreaSitingResponse {
  outcome: SitingOutcome;
  candidates: { ids: string[]; coords: Float64Array; kind: Uint8Array };
  /** Ids of the existing facilities of the type, in site order. */
  existingIds: string[];
}

/** Service gaps of one facility type in a loaded area: residents farther than the radius (or off-network) by the analysis' own distances. */
export function gapsInArea(ctx: AreaContext, req: GapRequest): ServiceGaps {
  const { distance } = distancesToType(ctx, req.type, req.mode, Math.max(req.limitM, req.radiusM));
  const uncovered = Uint8Array.from(distance, (d) => (d <= req.radiusM ? 0 : 1));
  return serviceGaps(ctx.population.coords, ctx.population.pop, uncovered, req.cellSizeM);
}

/**
 * Siting in a loaded area: demand = population units, existing = facilities of the type (kept),
 * candidates = the user's layer and/or generated ones (street nodes in and next to the gaps, or gap
 * cell centres without a network), costs = walking or straight line as in the analysis.
 * Generated ids are G0001… in generation order, so the CLI's `--candidates generated` gives the same list.
 */
export function siteInArea(ctx: AreaContext, req: AreaSitingRequest, solver?: MilpSolverLike, progress?: SitingProgress): AreaSitingResponse {
  const existing = facilitiesOfType(ctx.facilities, req.type);
  const existingIds = Array.from(existing.index, (i) => ctx.facilities.ids[i]);
  const ids: string[] = [];
  const coords: number[] = [];
  const kind: number[] = [];
  if (req.userCandidates) {
    req.userCandidates.ids.forEach((id, k) => {
      ids.push(id);
      coords.push(req.userCandidates!.coords[2 * k], req.userCandidates!.coords[2 * k + 1]);
      kind.push(SITE_KIND.user);
    });
  }
  if (req.generate) {
    const { grid } = gapsInArea(ctx, req);
    const gen = req.mode === 'network' && ctx.network ? generateCandidates(ctx.network.graph, grid, req.params.spacingM) : gapCellCandidates(grid, req.params.spacingM);
    for (let k = 0; k < gen.length / 2; k++) {
      ids.push(`G${String(k + 1).padStart(4, '0')}`);
      coords.push(gen[2 * k], gen[2 * k + 1]);
      kind.push(SITE_KIND.generated);
    }
  }
  if (ids.length === 0) throw new Error('No candidate sites: load a candidate layer or generate candidates in the gaps (there may be no gap at this radius).');
  const candidates = { ids, coords: Float64Array.from(coords), kind: Uint8Array.from(kind) };
  const network = req.mode === 'network' ? ctx.network : undefined;
  if (req.mode === 'network' && (!network || !ctx.originSnaps)) throw new Error('Network siting needs a street network: load one, or switch to straight-line mode.');
  const outcome = runSitingScenario(
    {
      demand: { coords: ctx.population.coords, weight: ctx.population.pop },
      existing: { coords: existing.coords, ids: existingIds },
      candidates,
      costs: network && ctx.originSnaps ? { mode: 'network', network, demandSnaps: ctx.originSnaps, maxSnapM: req.maxSnapM } : { mode: 'straight' },
      params: { ...req.params, radiusM: req.radiusM, limitM: Math.max(req.limitM, req.radiusM) },
    },
    solver,
    progress,
  );
  return { outcome, candidates, existingIds };
}
