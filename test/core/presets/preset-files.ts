import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The shipped data files under data/presets, parsed, by file name. */
export const PRESET_DIR = path.resolve(import.meta.dirname, '../../../data/presets');

export function presetDataFiles(): { file: string; json: Record<string, unknown> }[] {
  return readdirSync(PRESET_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(path.join(PRESET_DIR, file), 'utf8')) }));
}

/** Preset files are the ones with levels and facilities (not the floor-area rules or the POI mapping). */
export function presetFiles() {
  return presetDataFiles().filter(({ json }) => Array.isArray(json.levels) && Array.isArray(json.facilities));
}

export const standards = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../data/standards/life-circle-standards.json'), 'utf8'),
);
