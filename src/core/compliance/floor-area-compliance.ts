import type { FloorAreaRule } from '../presets/floor-area-rules.ts';

/**
 * Floor-area compliance of community service facilities (社区综合服务设施面积): per community, the
 * floor area of its facilities of the rule's type against a selected rule
 * (data/presets/local-floor-area-rules.json), e.g. "≥ 600 m² and ≥ 40 m² per 100 households".
 * Floor area is an amount a community owns, not a distance: a facility counts for the community
 * it stands in (the caller assigns it), not for the ones it is near.
 */

export interface FloorAreaFacility {
  /** Lifecircle facility type id. */
  type: string;
  /** Community index the facility stands in; -1 = outside every community. */
  community: number;
  /** Building floor area, m²; null, undefined or NaN when the data does not say. */
  floorAreaM2?: number | null;
}

export interface FloorAreaCommunity {
  /** Residents (persons). */
  population: number;
  /** Households, when the data has them; else population ÷ household size. */
  households?: number | null;
}

export interface FloorAreaInput {
  rule: FloorAreaRule;
  /** Persons per household (default in the rules file: 2.62, 2020 census). */
  householdSize: number;
  facilities: readonly FloorAreaFacility[];
  communities: readonly FloorAreaCommunity[];
}

export type FloorAreaCriterion = 'min_total_m2' | 'max_total_m2' | 'm2_per_100_households';

export interface FloorAreaRow {
  community: number;
  households: number;
  householdsFrom: 'data' | 'population';
  /** Facilities of the rule's type standing in the community. */
  facilities: number;
  /** Their total floor area, m²; null when one of them has no floor area. */
  floorAreaM2: number | null;
  /** floorAreaM2 per 100 households; null when unknown or the community has no households. */
  m2Per100Households: number | null;
  /** Smallest floor area that passes, m²: max(min_total_m2, m2_per_100_households × households / 100). */
  requiredM2: number;
  /**
   * Every criterion of the rule is met; null when the floor area is unknown (a guess would hide
   * the gap). A community without households passes, like a community without residents.
   */
  pass: boolean | null;
  noHouseholds: boolean;
  /** The criteria that fail (empty when it passes or is unknown). */
  failed: FloorAreaCriterion[];
}

export type FloorAreaCompliance =
  | { status: 'no_floor_area_data'; rule: FloorAreaRule }
  | { status: 'assessed'; rule: FloorAreaRule; householdSize: number; rows: FloorAreaRow[] };

const known = (m2: number | null | undefined): m2 is number => typeof m2 === 'number' && Number.isFinite(m2);

/**
 * Checks every community against `rule`. When no facility in the data carries a floor area the
 * result is `no_floor_area_data`, not a list of failures: OSM, for one, has no floor areas.
 */
export function floorAreaCompliance(input: FloorAreaInput): FloorAreaCompliance {
  const { rule, householdSize, facilities, communities } = input;
  if (!facilities.some((f) => known(f.floorAreaM2))) return { status: 'no_floor_area_data', rule };
  if (!(householdSize > 0)) throw new RangeError(`household size must be a positive number of persons, got ${householdSize}`);
  const area = new Float64Array(communities.length);
  const count = new Uint32Array(communities.length);
  const unknown = new Uint8Array(communities.length);
  for (const f of facilities) {
    if (f.type !== rule.applies_to || f.community < 0) continue;
    if (f.community >= communities.length) throw new RangeError(`a facility is in community ${f.community}, but there are ${communities.length}`);
    count[f.community]++;
    if (known(f.floorAreaM2)) area[f.community] += f.floorAreaM2;
    else unknown[f.community] = 1;
  }
  const minTotal = rule.min_total_m2?.value;
  const maxTotal = rule.max_total_m2?.value;
  const per100 = rule.m2_per_100_households?.value;
  const rows = communities.map((c, k): FloorAreaRow => {
    const fromData = known(c.households) && c.households >= 0;
    const households = fromData ? c.households! : c.population / householdSize;
    const floorAreaM2 = unknown[k] ? null : area[k];
    const requiredM2 = Math.max(minTotal ?? 0, per100 !== undefined ? (per100 * households) / 100 : 0);
    const noHouseholds = !(households > 0);
    const failed: FloorAreaCriterion[] = [];
    if (floorAreaM2 !== null && !noHouseholds) {
      if (minTotal !== undefined && floorAreaM2 < minTotal) failed.push('min_total_m2');
      if (maxTotal !== undefined && floorAreaM2 > maxTotal) failed.push('max_total_m2');
      if (per100 !== undefined && floorAreaM2 < (per100 * households) / 100) failed.push('m2_per_100_households');
    }
    return {
      community: k,
      households,
      householdsFrom: fromData ? 'data' : 'population',
      facilities: count[k],
      floorAreaM2,
      m2Per100Households: floorAreaM2 !== null && !noHouseholds ? (floorAreaM2 / households) * 100 : null,
      requiredM2,
      pass: noHouseholds ? true : floorAreaM2 === null ? null : failed.length === 0,
      noHouseholds,
      failed,
    };
  });
  return { status: 'assessed', rule, householdSize, rows };
}
