import { facilityTypeById } from '../facility-types.ts';

/**
 * A life-circle preset: a standard's levels and facility types as data (data/presets/*.json).
 * Every number and yes/no in a preset is a `Sourced` value, so the UI can show where it comes
 * from and flag the ones nobody has checked against the printed standard.
 */

/** Highest `schema_version` this build reads. Bump it when the shape changes incompatibly. */
export const PRESET_SCHEMA_VERSION = 1;

/**
 * How firmly a value is backed. The first three are the levels of
 * data/standards/life-circle-standards.json; `lifecircle_default` marks values that no document
 * gives (a stand-in radius, a default target) so they are not mistaken for the standard's.
 */
export type Confidence = 'confirmed_2_sources' | '1_source' | 'uncertain' | 'lifecircle_default';
export const CONFIDENCES: readonly Confidence[] = ['confirmed_2_sources', '1_source', 'uncertain', 'lifecircle_default'];

export interface Source {
  /** Document, e.g. "GB 50180-2018"; "Lifecircle" for the app's own defaults. */
  standard: string;
  /** Clause or table, e.g. "Table B.0.3"; for defaults, the reasoning. */
  clause: string;
  /** Keys into the preset's `sources` (same ids as the standards JSON), where evidence was retrieved. */
  refs?: string[];
}

export interface Sourced<T> {
  value: T;
  source: Source;
  confidence: Confidence;
  note?: string;
}

/** A closed or half-open range; at least one end is present (e.g. "≥ 600 m²" is `{ min: 600 }`). */
export interface Range {
  min?: number;
  max?: number;
}

export interface PresetLevel {
  /** Stable id facilities refer to, e.g. "l15". */
  id: string;
  name_zh: string;
  name_en: string;
  /** One-way walking minutes. */
  walk_minutes?: Sourced<Range>;
  /** Walking distance in metres; its `max` is the default radius of facilities without their own. */
  walk_distance_m?: Sourced<Range>;
  population?: Sourced<Range>;
  households?: Sourced<Range>;
  land_area_ha?: Sourced<Range>;
  /** Row id in data/standards/life-circle-standards.json `levels`. */
  standard_row?: string;
  note?: string;
}

export interface PresetFacility {
  /** Stable id; a Lifecircle facility type id (src/core/facility-types.ts) where one corresponds. */
  id: string;
  name_zh: string;
  name_en: string;
  /** Grouping for reports, e.g. "education", "health". */
  category?: string;
  /** The level this type belongs to (a `PresetLevel.id`). */
  level: string;
  /** Further levels that also provide this type (GB 50180 lists some rows at two tiers). */
  also_levels?: string[];
  /**
   * Lifecircle facility types whose facilities count as this preset type. Absent: the id itself
   * if it is a Lifecircle type, else none (the type cannot be found in OSM/POI data yet).
   */
  app_types?: string[];
  /** ▲ must provide (true) or △ provide according to need (false). */
  required: Sourced<boolean>;
  /** Service radius in metres (an upper limit). Absent: the level's walking distance applies. */
  radius_m?: Sourced<number>;
  /** Why the radius differs from the Lifecircle default of the same facility type id. */
  radius_differs_because?: string;
  /** Typical size of one facility (单项规模), m². */
  building_area_m2?: Sourced<Range>;
  land_area_m2?: Sourced<Range>;
  /** Share of residents (0–1) that should reach this type within its radius to pass. */
  target_coverage: Sourced<number>;
  /** Row id in data/standards/life-circle-standards.json that the values come from. */
  standard_row?: string;
  note?: string;
}

export interface SourceEntry {
  title: string;
  address: string;
}

export interface Preset {
  schema_version: number;
  id: string;
  title_zh: string;
  title_en: string;
  /** The document the preset encodes, e.g. "GB 50180-2018". */
  standard: string;
  note?: string;
  levels: PresetLevel[];
  facilities: PresetFacility[];
  /** Bibliography for `Source.refs`. */
  sources: Record<string, SourceEntry>;
  /** Rows of the standard deliberately left out, with the reason, so the omission is visible. */
  omitted_rows?: { row: string; reason: string }[];
}

/** True when the UI should flag the value: nobody has checked it against a document. */
export function needsCheck(v: Sourced<unknown>): boolean {
  return v.confidence === 'uncertain' || v.confidence === 'lifecircle_default';
}

/** Lifecircle facility type ids whose facilities count as `f` (see `PresetFacility.app_types`). */
export function appTypesOf(f: PresetFacility): string[] {
  if (f.app_types) return f.app_types;
  return facilityTypeById(f.id) ? [f.id] : [];
}

/** Radius in metres used for `f`: its own, else the upper walking distance of its level, else null. */
export function effectiveRadiusM(preset: Preset, f: PresetFacility): number | null {
  if (f.radius_m) return f.radius_m.value;
  const d = preset.levels.find((l) => l.id === f.level)?.walk_distance_m?.value;
  return d?.max ?? d?.min ?? null;
}
