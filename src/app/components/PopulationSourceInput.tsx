import { useState } from 'react';
import { DEFAULT_M2_PER_PERSON, M2_PER_PERSON_SOURCE, POPULATION_SOURCE_PARAMS, type PopulationFrom, type PopulationSource } from '../../core/population/population-source-spec.ts';
import type { PopulationMethod } from '../../core/population/population-method.ts';
import { useT, type Lang, type StringKey } from '../i18n.ts';

const FROM_LABEL: Record<PopulationFrom, StringKey> = { units: 'populationFromUnits', buildings: 'populationFromBuildings', 'community-totals': 'populationFromCommunityTotals' };
const ROW = { gridColumn: '1 / 3', display: 'flex', flexWrap: 'wrap', gap: '4px 8px', alignItems: 'center', fontSize: 11, margin: '2px 0 6px' } as const;
const FULL = { flexBasis: '100%' } as const;
const M2 = POPULATION_SOURCE_PARAMS.find((p) => p.key === 'm2PerPerson')!;

export interface PopulationSourceInputProps {
  /** The form chosen (applies to the next population file and, with Apply, to the loaded one). */
  value: PopulationSource;
  onChange: (next: PopulationSource) => void;
  /** The buildings file chosen for spreading (none: the area's own buildings). */
  buildingsName?: string;
  onBuildings: (file: File | undefined) => void;
  /** Reloads the loaded population file in the chosen form. */
  onApply: () => void;
  /** What was done with the loaded population file. */
  method?: PopulationMethod;
  lang: Lang;
  disabled: boolean;
}

/**
 * "人口形式 / Population is": points or grid cells, buildings, or community totals spread over
 * residential buildings or the community area, with m² per person; the method line of the loaded
 * file underneath. Controls come from POPULATION_SOURCE_PARAMS (src/core/population/population-source-spec.ts).
 */
export function PopulationSourceInput({ value, onChange, buildingsName, onBuildings, onApply, method, lang, disabled }: PopulationSourceInputProps) {
  const t = useT();
  const [m2Text, setM2Text] = useState(String(value.m2PerPerson ?? DEFAULT_M2_PER_PERSON));
  const from = value.from;
  const over = value.spreadOver ?? 'buildings';
  const m2Valid = Number(m2Text) >= M2.min && Number(m2Text) <= M2.max;
  const needsM2 = from === 'buildings';
  return (
    // Spans the loader row's grid; inline so the shared stylesheet stays untouched.
    <div className="population-source" data-testid="population-source" style={ROW}>
      <label>
        <span>{t('populationFrom')}</span> 
        <select value={from} disabled={disabled} data-testid="population-from" onChange={(e) => onChange({ ...value, from: e.target.value as PopulationFrom })}>
          {(Object.keys(FROM_LABEL) as PopulationFrom[]).map((f) => <option key={f} value={f}>{t(FROM_LABEL[f])}</option>)}
        </select>
      </label>
      {from === 'community-totals' && (
        <label>
          <span>{t('populationSpreadOver')}</span>{' '}
          <select value={over} disabled={disabled} data-testid="population-spread" onChange={(e) => onChange({ ...value, spreadOver: e.target.value as 'buildings' | 'area' })}>
            <option value="buildings">{t('populationSpreadBuildings')}</option>
            <option value="area">{t('populationSpreadArea')}</option>
          </select>
        </label>
      )}
      {needsM2 && (
        <label title={t('populationM2Hint', { value: DEFAULT_M2_PER_PERSON, source: M2_PER_PERSON_SOURCE })}>
          <span>{t('populationM2PerPerson')}</span>{' '}
          <input type="number" min={M2.min} max={M2.max} step="0.01" value={m2Text} disabled={disabled} data-testid="population-m2" style={{ width: '5em' }}
            aria-invalid={!m2Valid}
            onChange={(e) => {
              setM2Text(e.target.value);
              const x = Number(e.target.value);
              if (x >= M2.min && x <= M2.max) onChange({ ...value, m2PerPerson: x });
            }} />{' '}
          {t('populationM2Unit')}
        </label>
      )}
      {from === 'community-totals' && over === 'buildings' && (
        <label>
          <span>{t('populationBuildingsFile')}</span>{' '}
          <span className="hint">{buildingsName ?? t('populationBuildingsDefault')}</span>{' '}
          <input type="file" accept=".geojson,.json,.geojsonl,.zip,.gpkg" disabled={disabled} data-testid="population-buildings"
            onChange={(e) => { onBuildings(e.target.files?.[0]); e.target.value = ''; }} />
        </label>
      )}
      {from !== 'units' && <div className="hint" style={FULL}>{t('populationNextFile')}</div>}
      <button type="button" disabled={disabled || (needsM2 && !m2Valid)} data-testid="population-apply" onClick={onApply}>{t('populationApply')}</button>
      {method && <div className="hint" style={FULL} data-testid="population-method">{t('populationMethodLabel')}: {method[lang]}</div>}
    </div>
  );
}
