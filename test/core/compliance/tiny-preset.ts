import type { Confidence, Preset, PresetFacility, Sourced } from '../../../src/core/presets/preset.ts';

/** A sourced value for hand-made presets. */
export const sourced = <T>(value: T, confidence: Confidence = '1_source'): Sourced<T> => ({
  value,
  source: { standard: 'TEST', clause: 'hand-made' },
  confidence,
});

/** A facility type of a hand-made preset: required, target 100%, on level l5 unless told otherwise. */
export function facility(id: string, opts: { radius?: number; level?: string; required?: boolean; appTypes?: string[]; target?: number } = {}): PresetFacility {
  return {
    id,
    name_zh: `${id} 中文`,
    name_en: `${id} English`,
    level: opts.level ?? 'l5',
    ...(opts.appTypes ? { app_types: opts.appTypes } : {}),
    required: sourced(opts.required ?? true),
    ...(opts.radius !== undefined ? { radius_m: sourced(opts.radius, 'uncertain') } : {}),
    target_coverage: sourced(opts.target ?? 1, 'lifecircle_default'),
  };
}

/** Levels l5 (300 m), l10 (500 m) and a block level without a distance, as in GB 50180. */
export function tinyPreset(facilities: PresetFacility[]): Preset {
  return {
    schema_version: 1,
    id: 'tiny',
    title_zh: '测试标准',
    title_en: 'Test standard',
    standard: 'TEST',
    levels: [
      { id: 'l5', name_zh: '五分钟', name_en: '5-minute', walk_distance_m: sourced({ min: 300, max: 300 }) },
      { id: 'l10', name_zh: '十分钟', name_en: '10-minute', walk_distance_m: sourced({ min: 500, max: 500 }) },
      { id: 'block', name_zh: '居住街坊', name_en: 'block' },
    ],
    facilities,
    sources: {},
  };
}

/** Distances by app type from plain arrays (metres; NaN off-network, Infinity beyond the limit). */
export function distancesOf(byType: Record<string, { d: number[]; n: number }>) {
  return new Map(Object.entries(byType).map(([t, { d, n }]) => [t, { distance: Float64Array.from(d), facilities: n }]));
}
