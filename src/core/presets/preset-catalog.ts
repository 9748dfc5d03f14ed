import gb50180 from '../../../data/presets/gb50180-2018.json';
import localFloorAreaRules from '../../../data/presets/local-floor-area-rules.json';
import melbourne from '../../../data/presets/melbourne-20min.json';
import paris from '../../../data/presets/paris-15min.json';
import tdt1062 from '../../../data/presets/tdt1062-2021.json';
import { validateFloorAreaRules, type FloorAreaRuleSet } from './floor-area-rules.ts';
import type { Preset } from './preset.ts';
import { validatePreset } from './validate-preset.ts';

/**
 * The presets shipped with Lifecircle (data/presets/*.json), bundled by import so the app works
 * offline. They are validated on first use like any user preset: a shipped file that fails is a bug,
 * and failing loudly beats analysing with half a standard.
 */

export interface PresetCatalogEntry {
  id: string;
  title_zh: string;
  title_en: string;
}

/** Id used when nothing else is chosen: the national standard. */
export const DEFAULT_PRESET_ID = 'gb50180-2018';

const RAW: Record<string, unknown> = {
  'gb50180-2018': gb50180,
  'tdt1062-2021': tdt1062,
  'paris-15min': paris,
  'melbourne-20min': melbourne,
};

/** Shipped presets in menu order, with their titles (ids are what `--preset` accepts). */
export const PRESET_CATALOG: readonly PresetCatalogEntry[] = [gb50180, tdt1062, paris, melbourne].map((p) => ({
  id: p.id,
  title_zh: p.title_zh,
  title_en: p.title_en,
}));

/** The shipped, unvalidated JSON of a preset (for tests and export), or undefined. */
export function shippedPresetJson(id: string): unknown {
  return RAW[id];
}

/**
 * The shipped preset with this id, validated; throws on an unknown id or an invalid file.
 * It is the bundled object itself: copy it (e.g. JSON round trip) before letting a user edit it.
 */
export function shippedPreset(id: string): Preset {
  if (!(id in RAW)) throw new Error(`unknown preset '${id}' (shipped: ${Object.keys(RAW).join(', ')})`);
  const r = validatePreset(RAW[id]);
  if (!r.ok) throw new Error(`shipped preset '${id}' is invalid:\n${r.errors.join('\n')}`);
  return r.preset;
}

/** The shipped community-service floor-area rules, validated; throws if the file is invalid. */
export function shippedFloorAreaRules(): FloorAreaRuleSet {
  const r = validateFloorAreaRules(localFloorAreaRules);
  if (!r.ok) throw new Error(`shipped floor-area rules are invalid:\n${r.errors.join('\n')}`);
  return r.rules;
}
