import { orderByValue } from '../order-by-value.ts';
import type { Preset } from '../presets/preset.ts';
import { assessPresetTypes, type AssessedType, type DistancesByAppType, type NotAssessableType } from './completeness-index.ts';

/**
 * Per community unit and preset facility type: does the community pass the standard, and by how
 * many residents does it fall short? The "which communities fail, for what, by how much" table.
 */

export interface CommunityComplianceInput {
  preset: Preset;
  distances: DistancesByAppType;
  /** Residents per population unit (persons). */
  pop: ArrayLike<number>;
  /** Community index per population unit; -1 = outside every community. */
  community: Int32Array;
  /** Number of community units (indices 0 … communityCount − 1). */
  communityCount: number;
  /** Target coverage (0–1 share of residents) by preset type id, replacing the preset's `target_coverage`. */
  targets?: Readonly<Record<string, number>>;
}

export interface ComplianceRow {
  /** Community index. */
  community: number;
  type: AssessedType;
  /** Residents of the community (persons). */
  population: number;
  /** Residents whose nearest facility of the type is within `type.radiusM` (persons). */
  covered: number;
  /** covered / population; null when nobody lives there. */
  share: number | null;
  /** Share of residents that must be covered, 0–1. */
  target: number;
  /** True when the target came from `targets`, not the preset. */
  targetEdited: boolean;
  /** covered ≥ target × population; true for a community without residents (see `noResidents`). */
  pass: boolean;
  /** Nobody lives in the community: nothing to fail, so it passes with share null. */
  noResidents: boolean;
  /** Residents missing to reach the target, max(0, target × population − covered) (persons). */
  shortfall: number;
  /**
   * Nearest-facility distance in metres over the community's residents with a finite distance
   * (covered or not; off-network and beyond-limit residents are left out): population-weighted
   * mean, maximum, and population-weighted 90th percentile. Null when no resident has one.
   */
  meanDistM: number | null;
  maxDistM: number | null;
  p90DistM: number | null;
  /** Residents beyond the search limit or with no facility of the type at all (persons). */
  unreachable: number;
  /** Residents of off-network units (persons). */
  offNetwork: number;
}

export interface TypeComplianceSummary {
  type: AssessedType;
  /** All residents, including those outside every community (persons). */
  population: number;
  covered: number;
  share: number | null;
  passing: number;
  failing: number;
  /** Communities without residents (counted as passing, listed apart). */
  noResidents: number;
}

export interface CommunityCompliance {
  /** One row per community × assessable type, community by community, types in preset order. */
  rows: ComplianceRow[];
  /** One summary per assessable type, in preset order. */
  types: TypeComplianceSummary[];
  /** Preset types the data cannot check (reported, never failed). */
  notAssessable: NotAssessableType[];
}

/**
 * Checks every community against every assessable type of the preset (required ▲ and by-need △
 * alike; `type.facility.required` tells them apart). A resident is covered when the nearest
 * facility is at most the radius away (a unit exactly at the radius is covered). A type with no
 * facilities in the data leaves everyone uncovered. Units outside every community count in the
 * type summaries but in no community row.
 */
export function communityCompliance(input: CommunityComplianceInput): CommunityCompliance {
  const { preset, distances, pop, community, communityCount, targets = {} } = input;
  const units = community.length;
  if (pop.length !== units) throw new RangeError(`${pop.length} population values for ${units} community indices`);
  for (const [id, t] of Object.entries(targets)) {
    if (!preset.facilities.some((f) => f.id === id)) throw new RangeError(`target for unknown type '${id}' (not in preset '${preset.id}')`);
    if (!(t >= 0 && t <= 1)) throw new RangeError(`target for '${id}' must be a share between 0 and 1, got ${t}`);
  }
  const { assessed, notAssessable } = assessPresetTypes(preset, distances, units);
  const byCommunity: ComplianceRow[][] = Array.from({ length: communityCount }, () => []);
  const types = assessed.map((type) => {
    const target = targets[type.facility.id] ?? type.facility.target_coverage.value;
    const rows = typeRows(type, pop, community, communityCount, target, type.facility.id in targets);
    rows.forEach((r, c) => byCommunity[c].push(r));
    let population = 0;
    let covered = 0;
    for (let i = 0; i < units; i++) {
      population += pop[i];
      if (type.nearest[i] <= type.radiusM) covered += pop[i];
    }
    return {
      type,
      population,
      covered,
      share: population > 0 ? covered / population : null,
      passing: rows.filter((r) => r.pass && !r.noResidents).length,
      failing: rows.filter((r) => !r.pass).length,
      noResidents: rows.filter((r) => r.noResidents).length,
    };
  });
  return { rows: byCommunity.flat(), types, notAssessable };
}

/** The rows of one type, one per community (index = community). */
function typeRows(type: AssessedType, pop: ArrayLike<number>, community: Int32Array, n: number, target: number, targetEdited: boolean): ComplianceRow[] {
  const population = new Float64Array(n);
  const covered = new Float64Array(n);
  const finitePop = new Float64Array(n);
  const weighted = new Float64Array(n); // Σ pop × distance, person-metres
  const maxDist = new Float64Array(n).fill(-Infinity);
  const unreachable = new Float64Array(n);
  const offNetwork = new Float64Array(n);
  const finite: number[] = [];
  for (let i = 0; i < community.length; i++) {
    const c = community[i];
    if (c < 0) continue;
    if (c >= n) throw new RangeError(`population unit ${i} is in community ${c}, but there are ${n}`);
    const p = pop[i];
    const d = type.nearest[i];
    population[c] += p;
    if (d <= type.radiusM) covered[c] += p;
    if (Number.isNaN(d)) offNetwork[c] += p;
    else if (d === Infinity) unreachable[c] += p;
    else if (p > 0) {
      finitePop[c] += p;
      weighted[c] += p * d;
      if (d > maxDist[c]) maxDist[c] = d;
      finite.push(i);
    }
  }
  // Weighted 90th percentile: the smallest distance at which the residents at most that far reach
  // 90% of the community's residents with a finite distance (same rule as the SQL community table).
  const p90 = new Float64Array(n).fill(NaN);
  const cum = new Float64Array(n);
  // orderByValue: the comparator sort's order, fast enough for a million units on the main thread.
  for (const i of orderByValue(finite, type.nearest)) {
    const c = community[i];
    cum[c] += pop[i];
    if (Number.isNaN(p90[c]) && cum[c] >= 0.9 * finitePop[c]) p90[c] = type.nearest[i];
  }
  return Array.from({ length: n }, (_, c) => {
    const pc = population[c];
    const noResidents = !(pc > 0);
    const need = target * pc;
    // Sums over the same units in another order can differ in the last bits; a tolerance of 1e-9
    // of the requirement keeps "everyone covered" a pass and never changes a real verdict.
    const pass = noResidents || covered[c] >= need - 1e-9 * need;
    const hasDist = finitePop[c] > 0;
    return {
      community: c,
      type,
      population: pc,
      covered: covered[c],
      share: noResidents ? null : covered[c] / pc,
      target,
      targetEdited,
      pass,
      noResidents,
      shortfall: pass ? 0 : need - covered[c],
      meanDistM: hasDist ? weighted[c] / finitePop[c] : null,
      maxDistM: hasDist ? maxDist[c] : null,
      p90DistM: hasDist ? p90[c] : null,
      unreachable: unreachable[c],
      offNetwork: offNetwork[c],
    };
  });
}

/**
 * The failing rows, largest shortfall (persons) first; ties by community index, then preset type
 * order, so the list is stable. The "worst gaps first" list of the report.
 */
export function rankedFailures(rows: readonly ComplianceRow[]): ComplianceRow[] {
  return rows
    .filter((r) => !r.pass)
    .sort((a, b) => b.shortfall - a.shortfall || a.community - b.community || a.type.index - b.type.index);
}
