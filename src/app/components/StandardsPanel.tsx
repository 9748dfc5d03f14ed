import { memo, useEffect, useState } from 'react';
import { appTypesOf, effectiveRadiusM, needsCheck, type Preset, type PresetLevel, type Range, type Sourced } from '../../core/presets/preset.ts';
import { DEFAULT_PRESET_ID, PRESET_CATALOG, shippedPreset } from '../../core/presets/preset-catalog.ts';
import { validatePreset } from '../../core/presets/validate-preset.ts';
import { radiusSource } from '../../io/compliance-csv.ts';
import { editPreset, isShippedId, loadCustomPresets, saveCustomPresets, uniquePresetId, type EditableField } from '../custom-presets.ts';
import { downloadText } from '../download.ts';
import { useFormat } from '../locale-format.ts';
import { useT, type Lang } from '../i18n.ts';

const RADIUS_MIN = 50;

/**
 * The "Standards" section: choose a life-circle preset (shipped or custom), see its levels and
 * facility types with every value's source, edit radii and targets (an edit of a shipped preset
 * makes a custom copy, kept in localStorage), export the active preset and import one. An imported
 * file is validated first; a bad one is reported with its paths and changes nothing.
 */
export const StandardsPanel = memo(function StandardsPanel({ lang, preset, limitM, onPreset }: {
  lang: Lang;
  /** The active preset (validated). */
  preset: Preset;
  /** The distance search limit: radii beyond it cannot be checked with the computed distances. */
  limitM: number;
  onPreset: (p: Preset) => void;
}) {
  const t = useT();
  const f = useFormat();
  const [stored] = useState(() => loadCustomPresets());
  const [customs, setCustoms] = useState<Preset[]>(stored.presets);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [importError, setImportError] = useState<{ name: string; errors: string[] } | null>(null);
  const [storageError, setStorageError] = useState<string | null>(null);
  const isCustom = customs.some((c) => c.id === preset.id);
  // A project's custom preset (restored or imported from another browser) joins this browser's list, as an imported preset file does.
  useEffect(() => {
    if (!isCustom && !isShippedId(preset.id)) store([...customs, preset]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preset]);

  const store = (next: Preset[]) => {
    setCustoms(next);
    try {
      saveCustomPresets(next);
      setStorageError(null);
    } catch (e) {
      setStorageError(t('storageFailed', { why: (e as Error).message }));
    }
  };

  const choose = (id: string) => {
    setImportError(null);
    setProblem(null);
    setDrafts({});
    onPreset(isShippedId(id) ? shippedPreset(id) : customs.find((c) => c.id === id)!);
  };

  const commit = (facilityId: string, field: EditableField, raw: string) => {
    const f = preset.facilities.find((x) => x.id === facilityId)!;
    const name = lang === 'zh' ? f.name_zh : f.name_en;
    const text = raw.trim();
    let value: number;
    if (field === 'radius_m') {
      value = Number(text);
      if (!/^\d+$/.test(text) || value < RADIUS_MIN || value > limitM) return setProblem(t('radiusRange', { name, min: RADIUS_MIN, max: limitM }));
      if (value === effectiveRadiusM(preset, f)) return setProblem(null);
    } else {
      const pct = Number(text);
      if (text === '' || !(pct >= 0 && pct <= 100)) return setProblem(t('targetRange', { name }));
      value = Math.round(pct * 10) / 1000; // a tenth of a percent is as fine as anyone sets a target
      if (value === f.target_coverage.value) return setProblem(null);
    }
    setProblem(null);
    const edited = editPreset(preset, facilityId, field, value, customs.map((c) => c.id));
    store(isCustom ? customs.map((c) => (c.id === preset.id ? edited : c)) : [...customs, edited]);
    onPreset(edited);
  };

  const remove = () => {
    store(customs.filter((c) => c.id !== preset.id));
    choose(DEFAULT_PRESET_ID);
  };

  const importFile = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (e) {
      return setImportError({ name: file.name, errors: [`${t('notJson')}: ${(e as Error).message}`] });
    }
    const r = validatePreset(json);
    if (!r.ok) return setImportError({ name: file.name, errors: r.errors });
    setImportError(null);
    // An imported preset never replaces a shipped or stored one: a clashing id gets a suffix.
    const p = { ...r.preset, id: uniquePresetId(r.preset.id, customs.map((c) => c.id)) };
    store([...customs, p]);
    setDrafts({});
    onPreset(p);
  };

  const input = (facilityId: string, field: EditableField, current: string, label: string) => {
    const key = `${facilityId}|${field}`;
    return (
      <input type="number" className="preset-value" aria-label={label} value={drafts[key] ?? current}
        min={field === 'radius_m' ? RADIUS_MIN : 0} max={field === 'radius_m' ? limitM : 100} step={field === 'radius_m' ? 50 : 5}
        data-testid={`preset-${field === 'radius_m' ? 'radius' : 'target'}-${facilityId}`}
        onChange={(e) => setDrafts((d) => ({ ...d, [key]: e.target.value }))}
        onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }}
        onBlur={(e) => {
          if (drafts[key] !== undefined) commit(facilityId, field, e.target.value);
          setDrafts((d) => { const { [key]: _, ...rest } = d; return rest; });
        }} />
    );
  };

  const levelById = new Map(preset.levels.map((l) => [l.id, l]));
  return (
    <section className="standards" data-testid="standards" data-preset={preset.id}>
      <div className="section-title">{t('standards')}</div>
      <label className="field">
        <span>{t('preset')}</span>
        <select value={preset.id} onChange={(e) => choose(e.target.value)} data-testid="preset-select">
          <optgroup label={t('presetShipped')}>
            {PRESET_CATALOG.map((p) => <option key={p.id} value={p.id}>{lang === 'zh' ? p.title_zh : p.title_en}</option>)}
          </optgroup>
          {customs.length > 0 && (
            <optgroup label={t('presetCustom')}>
              {customs.map((p) => <option key={p.id} value={p.id}>{lang === 'zh' ? p.title_zh : p.title_en}</option>)}
            </optgroup>
          )}
        </select>
      </label>
      {stored.skipped > 0 && <div className="hint warning">{t('storedSkipped', { n: stored.skipped })}</div>}
      {storageError && <div className="hint warning">{storageError}</div>}

      <div className="hint">{t('presetLevels')}</div>
      <ul className="preset-levels">
        {preset.levels.map((l) => (
          <li key={l.id}>
            {lang === 'zh' ? l.name_zh : l.name_en}
            {l.walk_distance_m && <> · {rangeText(l.walk_distance_m.value, f.num)} {t('metres')}<Mark v={l.walk_distance_m} preset={preset} /></>}
            {l.population && <> · {rangeText(l.population.value, f.num)} {t('persons')}<Mark v={l.population} preset={preset} /></>}
          </li>
        ))}
      </ul>

      <div className="hint">{t('presetTypes', { n: preset.facilities.length })}</div>
      <div className="hint legend-line">{t('markUnverifiedLegend')} · {t('markDefaultLegend')}</div>
      <div className="hint">{t('editHint')}</div>
      <div className="table-wrap preset-table-wrap">
        <table className="community-table preset-table" data-testid="preset-table">
          <thead>
            <tr><th>{t('colType')}</th><th title={`${t('requiredMark')} / ${t('recommendedMark')}`}>▲/△</th><th title={t('colLevel')}>{t('colLevel')}</th><th title={t('colRadiusM')}>{t('colRadiusM')}</th><th title={t('colTargetPct')}>{t('colTargetPct')}</th></tr>
          </thead>
          <tbody>
            {preset.facilities.map((f) => {
              const radius = effectiveRadiusM(preset, f);
              const na = appTypesOf(f).length === 0 ? t('reasonNoAppType') : radius === null ? t('reasonNoRadius') : null;
              const name = lang === 'zh' ? f.name_zh : f.name_en;
              return (
                <tr key={f.id} data-testid="preset-row" data-id={f.id} className={na ? 'not-assessable' : ''}>
                  <td title={`${lang === 'zh' ? f.name_en : f.name_zh}${f.note ? `\n${f.note}` : ''}`}>
                    {name}{na && <span className="na" title={na}> ({t('notAssessable')})</span>}
                  </td>
                  <td title={f.required.value ? t('requiredMark') : t('recommendedMark')}>{f.required.value ? '▲' : '△'}<Mark v={f.required} preset={preset} /></td>
                  <td className="level" title={levelName(levelById.get(f.level), lang) ?? f.level}>{levelShort(levelById.get(f.level), lang) ?? f.level}</td>
                  <td className="num">{input(f.id, 'radius_m', radius === null ? '' : String(radius), `${name} ${t('colRadiusM')}`)}<span className="mark-slot"><Mark v={radiusSource(preset, f)} preset={preset} /></span></td>
                  <td className="num">{input(f.id, 'target_coverage', String(Math.round(f.target_coverage.value * 1000) / 10), `${name} ${t('colTargetPct')}`)}<span className="mark-slot"><Mark v={f.target_coverage} preset={preset} /></span></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problem && <div className="error" role="alert" data-testid="preset-problem">{problem}</div>}

      <div className="exports">
        <button onClick={() => downloadText(`${preset.id}.json`, `${JSON.stringify(preset, null, 2)}\n`, 'application/json')} data-testid="preset-export">{t('exportPreset')}</button>
        {isCustom && <button onClick={remove} data-testid="preset-delete">{t('deletePreset')}</button>}
        <label className="hint file">{t('importPreset')} <input type="file" accept=".json,application/json" data-testid="preset-import"
          onChange={(e) => { const file = e.target.files?.[0]; if (file) void importFile(file); e.target.value = ''; }} /></label>
      </div>
      {importError && (
        <div className="error" role="alert" data-testid="preset-import-errors">
          {t('importFailed', { name: importError.name })}
          <ul>{importError.errors.slice(0, 20).map((m, i) => <li key={i}>{m}</li>)}</ul>
          {importError.errors.length > 20 && <div>… +{importError.errors.length - 20}</div>}
        </div>
      )}
    </section>
  );
});

/**
 * ⚠ on a value nobody has checked against the standard, ◇ on a Lifecircle stand-in; the tooltip
 * gives the clause, the note and the documents behind it. Nothing for a sourced value.
 */
function Mark({ v, preset }: { v: Sourced<unknown> | undefined; preset: Preset }) {
  const t = useT();
  if (!v || !needsCheck(v)) return null;
  const refs = (v.source.refs ?? []).map((r) => preset.sources[r]?.title ?? r);
  const why = [`${v.source.standard} ${v.source.clause}`, v.note, ...refs].filter(Boolean).join('\n');
  const uncertain = v.confidence === 'uncertain';
  return (
    <span className={`badge ${uncertain ? 'uncertain' : 'default'}`} data-testid={uncertain ? 'mark-unverified' : 'mark-default'}
      title={`${uncertain ? t('markUnverifiedLegend') : t('markDefaultLegend')}\n${why}`} aria-label={uncertain ? t('markUnverified') : t('markDefault')}>
      {uncertain ? '⚠' : '◇'}
    </span>
  );
}

function rangeText(r: Range, fmt: (x: number) => string = String): string {
  if (r.min !== undefined && r.max !== undefined) return r.min === r.max ? fmt(r.min) : `${fmt(r.min)}–${fmt(r.max)}`;
  return r.max !== undefined ? `≤${fmt(r.max)}` : `≥${fmt(r.min!)}`;
}

const levelName = (l: PresetLevel | undefined, lang: Lang) => (l ? (lang === 'zh' ? l.name_zh : l.name_en) : undefined);

/** "15′", "5–10′"; the level's name when it has no walking time (居住街坊). */
function levelShort(l: PresetLevel | undefined, lang: Lang): string | undefined {
  const m = l?.walk_minutes?.value;
  return m ? `${rangeText(m)}′` : levelName(l, lang);
}
