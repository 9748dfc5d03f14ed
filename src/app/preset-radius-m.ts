import { appTypesOf, effectiveRadiusM, type Preset } from '../core/presets/preset.ts';

/**
 * The active preset's radius (metres) for a Lifecircle facility type: the default of the panel's
 * per-type radius field, so the single-type coverage view and the compliance check agree. The
 * preset row with the same id wins (GB 50180 rows keep the Lifecircle ids); else, when the type
 * counts for several grouped rows (Paris "learning" and "enjoying" both take culture), the
 * strictest radius among them. Null when the preset has no row for the type (the Lifecircle default
 * then applies).
 */
export function presetRadiusM(preset: Preset, appType: string): number | null {
  const own = preset.facilities.find((f) => f.id === appType && appTypesOf(f).includes(appType));
  if (own) return effectiveRadiusM(preset, own);
  const radii = preset.facilities
    .filter((f) => appTypesOf(f).includes(appType))
    .map((f) => effectiveRadiusM(preset, f))
    .filter((r): r is number => r !== null);
  return radii.length ? Math.min(...radii) : null;
}
