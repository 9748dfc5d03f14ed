import type { SitingOutcome } from '../core/siting/siting-scenario.ts';

/** What the proposals file says about how it was made (the top-level `metadata` member). */
export interface ProposalsMetadata {
  facility_type: string;
  model: string;
  parameters: Record<string, unknown>;
  preset: string;
  data_sources: string[];
  generated_by: string;
  generated_at: string;
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7; // ≈ 1 cm; RFC 7946 §11.2
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Proposed sites as an RFC 7946 FeatureCollection (WGS84 lon/lat, no crs member): one Point per
 * new site in selection order, and a foreign `metadata` member (RFC 7946 §6.1) with the
 * parameters, solver status, objective, bound, gap and sources, so the file documents itself.
 */
export function proposalsGeojson(outcome: SitingOutcome, meta: ProposalsMetadata) {
  const r = outcome.result;
  return {
    type: 'FeatureCollection' as const,
    metadata: {
      ...meta,
      method: r.method,
      algorithm: r.algorithm,
      status: r.status,
      objective: r.objective,
      bound: r.bound,
      gap: r.gap,
      covered_before: round1(outcome.before.covered),
      covered_after: round1(outcome.after.covered),
      total_population: round1(outcome.after.total),
      elapsed_ms: Math.round(r.elapsedMs),
      ...(r.message ? { message: r.message } : {}),
    },
    features: outcome.proposals.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [round7(p.lon), round7(p.lat)] },
      properties: {
        rank: p.rank,
        facility_type: meta.facility_type,
        model: meta.model,
        method: r.method,
        candidate_id: p.candidateId,
        candidate_source: p.kind,
        added_population_covered: round1(p.addedPopulationCovered),
        marginal_gain: round1(p.marginalGain),
        population_served: round1(p.populationServed),
        nearest_existing_m: p.nearestExistingM === null ? null : round1(p.nearestExistingM),
      },
    })),
  };
}

export const PROPOSAL_CSV_HEADER = ['rank', 'candidate_id', 'candidate_source', 'lon', 'lat', 'facility_type', 'model', 'method', 'added_population_covered', 'marginal_gain', 'population_served', 'nearest_existing_m'];

/** The same proposals as CSV rows (header PROPOSAL_CSV_HEADER). */
export function proposalsCsvRows(outcome: SitingOutcome, meta: Pick<ProposalsMetadata, 'facility_type' | 'model'>): unknown[][] {
  return outcome.proposals.map((p) => [
    p.rank, p.candidateId, p.kind, round7(p.lon), round7(p.lat), meta.facility_type, meta.model, outcome.result.method,
    round1(p.addedPopulationCovered), round1(p.marginalGain), round1(p.populationServed), p.nearestExistingM === null ? '' : round1(p.nearestExistingM),
  ]);
}
