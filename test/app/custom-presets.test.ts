import { describe, expect, it } from 'vitest';
import { communityCompliance } from '../../src/core/compliance/community-compliance.ts';
import { shippedPreset } from '../../src/core/presets/preset-catalog.ts';
import { effectiveRadiusM } from '../../src/core/presets/preset.ts';
import { validatePreset } from '../../src/core/presets/validate-preset.ts';
import { CUSTOM_PRESETS_KEY, editedTargets, editPreset, loadCustomPresets, saveCustomPresets, USER_EDIT } from '../../src/app/custom-presets.ts';
import { presetRadiusM } from '../../src/app/preset-radius-m.ts';

/** A Storage in memory (the unit project runs in Node, without localStorage). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe('custom presets', () => {
  const gb = shippedPreset('gb50180-2018');

  it('copies a shipped preset on the first edit, leaves the shipped object alone, and stays valid', () => {
    const before = JSON.stringify(gb);
    const edited = editPreset(gb, 'primary_school', 'radius_m', 800, []);
    expect(JSON.stringify(gb)).toBe(before);
    expect(edited.id).toBe('gb50180-2018-edited');
    expect(edited.title_en).toBe('copy of GB 50180-2018 (edited)');
    expect(validatePreset(edited).ok).toBe(true);
    const f = edited.facilities.find((x) => x.id === 'primary_school')!;
    expect(f.radius_m).toMatchObject({ value: 800, confidence: 'uncertain', source: { standard: USER_EDIT } });
    expect(f.radius_m!.source.clause).toContain('replaces 500 m: GB 50180-2018');
    // A second edit of the copy keeps its id and the original reference.
    const again = editPreset(edited, 'primary_school', 'radius_m', 900, [edited.id]);
    expect(again.id).toBe(edited.id);
    expect(again.facilities.find((x) => x.id === 'primary_school')!.radius_m!.source.clause).toBe(f.radius_m!.source.clause);
    // Another copy of the same shipped preset gets its own id and title.
    const second = editPreset(gb, 'kindergarten', 'radius_m', 400, [edited.id]);
    expect(second.id).toBe('gb50180-2018-edited-2');
    expect(second.title_en).toBe('copy of GB 50180-2018 (edited) 2');
  });

  it('gives a type without its own radius one (the level distance is what it replaces)', () => {
    const f = gb.facilities.find((x) => x.id === 'nursing_home')!;
    expect(f.radius_m).toBeUndefined();
    expect(effectiveRadiusM(gb, f)).toBe(1000); // the 15-minute level's upper distance
    const edited = editPreset(gb, f.id, 'radius_m', 700, []);
    const g = edited.facilities.find((x) => x.id === f.id)!;
    expect(effectiveRadiusM(edited, g)).toBe(700);
    expect(g.radius_m!.source.clause).toBe('replaces 800–1000 m: GB 50180-2018 2.0.2');
    expect(validatePreset(edited).ok).toBe(true);
  });

  it('passes edited targets to the compliance check, which marks them edited', () => {
    const edited = editPreset(gb, 'primary_school', 'target_coverage', 0.9, []);
    expect(editedTargets(edited)).toEqual({ primary_school: 0.9 });
    expect(editedTargets(gb)).toEqual({});
    const r = communityCompliance({
      preset: edited, distances: new Map([['primary_school', { distance: new Float64Array([100, 900]), facilities: 1 }]]),
      pop: [9, 1], community: new Int32Array([0, 0]), communityCount: 1, targets: editedTargets(edited),
    });
    const row = r.rows.find((x) => x.type.facility.id === 'primary_school')!;
    expect(row).toMatchObject({ target: 0.9, targetEdited: true, pass: true });
  });

  it('stores presets, and on load skips invalid ones and ones shadowing a shipped id', () => {
    const storage = memoryStorage();
    const edited = editPreset(gb, 'primary_school', 'radius_m', 800, []);
    saveCustomPresets([edited], storage);
    expect(loadCustomPresets(storage)).toEqual({ presets: [edited], skipped: 0 });
    storage.setItem(CUSTOM_PRESETS_KEY, JSON.stringify([edited, { ...edited, id: 'x', levels: [] }, gb]));
    expect(loadCustomPresets(storage)).toMatchObject({ presets: [{ id: edited.id }], skipped: 2 });
    storage.setItem(CUSTOM_PRESETS_KEY, '{not json');
    expect(loadCustomPresets(storage)).toEqual({ presets: [], skipped: 1 });
  });

  it('gives the single-type radius field the preset’s radius: same id first, else the strictest grouped row', () => {
    expect(presetRadiusM(gb, 'primary_school')).toBe(500);
    expect(presetRadiusM(editPreset(gb, 'primary_school', 'radius_m', 1000, []), 'primary_school')).toBe(1000);
    const paris = shippedPreset('paris-15min');
    expect(presetRadiusM(paris, 'culture')).toBe(1000);
    expect(presetRadiusM(paris, 'metro')).toBeNull();
  });
});
