import { appTypesOf, effectiveRadiusM, type Preset, type PresetFacility } from '../presets/preset.ts';

/**
 * Completeness index (配套完整度): per population unit, how many of a preset's required (▲) facility
 * types are reachable within their radius. Built on `assessPresetTypes`, which decides which preset
 * types the data can check at all; community compliance uses the same decision.
 */

/** Distances from every population unit to the nearest facility of one Lifecircle facility type. */
export interface AppTypeDistances {
  /** Metres per population unit; NaN = off-network, Infinity = none within the search limit. */
  distance: Float64Array;
  /** Facilities of this type in the data (the whole study area). */
  facilities: number;
}

/**
 * Distances by Lifecircle facility type id. A type absent from the map has no facilities in the
 * data: nobody reaches it (this is a finding about the data, not a reason to skip the type).
 */
export type DistancesByAppType = ReadonlyMap<string, AppTypeDistances>;

/**
 * Why a preset type is left out of pass/fail (reported as "not assessable", never as failed):
 * - `no_app_type`: no Lifecircle facility type stands for it, so OSM/POI data cannot show it
 *   (e.g. GB 50180 街道办事处, or Paris "working");
 * - `no_radius`: neither the type nor its level gives a distance (GB 50180 居住街坊 rows).
 */
export type NotAssessableReason = 'no_app_type' | 'no_radius';

export interface NotAssessableType {
  facility: PresetFacility;
  reason: NotAssessableReason;
}

export interface AssessedType {
  facility: PresetFacility;
  /** Index of the type in `preset.facilities` (report order). */
  index: number;
  /** Service radius, metres (`effectiveRadiusM`). */
  radiusM: number;
  appTypes: string[];
  /**
   * Metres per population unit to the nearest facility of any of `appTypes` (NaN off-network,
   * Infinity when none is within the search limit or the data has none of these types).
   */
  nearest: Float64Array;
  /** Facilities of all `appTypes` in the data. */
  facilities: number;
}

/**
 * Splits the preset's facility types (those passing `include`) into the ones the data can check
 * and the ones it cannot.
 *
 * A preset type that maps to several Lifecircle types (Paris "caring" = hospital, clinic,
 * pharmacy) is reached when ANY of them is within the type's radius: its distance is the minimum
 * over its app types. A unit is off-network (NaN) only when every present app type says so.
 */
export function assessPresetTypes(
  preset: Preset,
  distances: DistancesByAppType,
  units: number,
  include: (f: PresetFacility) => boolean = () => true,
): { assessed: AssessedType[]; notAssessable: NotAssessableType[] } {
  for (const [type, d] of distances) {
    if (d.distance.length !== units) throw new RangeError(`distances of '${type}' have ${d.distance.length} values for ${units} population units`);
  }
  const assessed: AssessedType[] = [];
  const notAssessable: NotAssessableType[] = [];
  preset.facilities.forEach((facility, index) => {
    if (!include(facility)) return;
    const appTypes = appTypesOf(facility);
    const radiusM = effectiveRadiusM(preset, facility);
    if (appTypes.length === 0) return notAssessable.push({ facility, reason: 'no_app_type' });
    if (radiusM === null) return notAssessable.push({ facility, reason: 'no_radius' });
    const present = appTypes.map((t) => distances.get(t)).filter((d): d is AppTypeDistances => d !== undefined);
    assessed.push({
      facility,
      index,
      radiusM,
      appTypes,
      nearest: nearestOf(present.map((d) => d.distance), units),
      facilities: present.reduce((s, d) => s + d.facilities, 0),
    });
  });
  return { assessed, notAssessable };
}

/** Element-wise minimum ignoring NaN (NaN only where all are NaN); all Infinity when there are none. */
function nearestOf(arrays: Float64Array[], units: number): Float64Array {
  if (arrays.length === 1) return arrays[0];
  const out = new Float64Array(units).fill(arrays.length ? NaN : Infinity);
  for (const a of arrays) {
    for (let i = 0; i < units; i++) {
      const d = a[i];
      if (!Number.isNaN(d) && !(d >= out[i])) out[i] = d; // `!(d >= NaN)` is true: a number replaces NaN
    }
  }
  return out;
}

export interface CompletenessIndex {
  /** Required types the data can check, in preset order. */
  assessed: AssessedType[];
  /** Required types left out, with the reason (not counted as missing for anyone). */
  notAssessable: NotAssessableType[];
  /** Per population unit: assessed required types whose nearest facility is within their radius. */
  count: Uint16Array;
  /** `count / assessed.length`, 0–1; NaN for every unit when no required type can be assessed. */
  share: Float64Array;
}

/**
 * The completeness index of every population unit against the preset's required (▲) types. A
 * unit exactly at the radius counts as reaching the type (the radius is an upper limit, 不宜大于).
 * Off-network units (NaN) reach nothing, as in the coverage tables where NaN is never covered.
 */
export function completenessIndex(preset: Preset, distances: DistancesByAppType, units: number): CompletenessIndex {
  const { assessed, notAssessable } = assessPresetTypes(preset, distances, units, (f) => f.required.value);
  const count = new Uint16Array(units);
  for (const t of assessed) for (let i = 0; i < units; i++) if (t.nearest[i] <= t.radiusM) count[i]++;
  const share = new Float64Array(units);
  for (let i = 0; i < units; i++) share[i] = assessed.length ? count[i] / assessed.length : NaN;
  return { assessed, notAssessable, count, share };
}

/**
 * Residents (persons) by number of required types reached: element k is the population of units
 * with `count === k`, k = 0 … `types`. The histogram of the completeness map layer and the report.
 */
export function completenessHistogram(count: Uint16Array, types: number, pop: ArrayLike<number>): Float64Array {
  const h = new Float64Array(types + 1);
  for (let i = 0; i < count.length; i++) h[count[i]] += pop[i];
  return h;
}
