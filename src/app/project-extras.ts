import type { Preset } from '../core/presets/preset.ts';
import type { AreaSnapshot } from './area-session.ts';
import { isShippedId } from './custom-presets.ts';
import type { Project, SavedSiting } from './project-file.ts';

/**
 * What a project keeps beyond layers and choices (format_version 2): the active custom preset
 * itself (a shipped one is named by its id) and the last siting run, stored whole.
 */
export function projectExtras(preset: Preset, siting: SavedSiting | null): Pick<Project, 'preset' | 'siting'> {
  return { ...(isShippedId(preset.id) ? {} : { preset }), ...(siting ? { siting } : {}) };
}

/**
 * Shows the saved siting run again, as it was: no new solve (the outcome is stored, so the
 * proposals and before/after are exactly those the planner saw). A run whose per-unit distances do
 * not match the loaded population (a different file) is dropped; a project without one clears it.
 */
export function restoreSiting(p: Project, next: AreaSnapshot, setSiting: (s: SavedSiting | null) => void, setGapCellM: (m: number) => void, setShowAfter: (v: boolean) => void): void {
  const s = p.siting && p.siting.outcome.nearestAfterM.length === next.population.length ? p.siting : null;
  setSiting(s);
  if (!s) return;
  setGapCellM(s.params.gapCellM);
  setShowAfter(true);
  document.body.dataset.sitingRestored = `${s.key}|${s.outcome.proposals.map((x) => x.candidateId).join(',')}`;
}
