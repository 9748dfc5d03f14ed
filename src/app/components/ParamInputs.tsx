import { useState } from 'react';
import { ANALYSIS_PARAMS, validateParams, type AnalysisParams, type ParamSpec } from '../../core/analysis-spec.ts';
import { paramProblem, unitLabel } from '../locale-format.ts';

/**
 * Number inputs generated from the parameter spec (label, unit, range, doc as tooltip). A value is
 * applied on Enter or blur, and only when the spec accepts it; otherwise the spec's message shows.
 */
export function ParamInputs({ keys, params, lang, disabled, onApply }: {
  keys: (keyof AnalysisParams)[]; params: AnalysisParams; lang: 'zh' | 'en'; disabled: boolean; onApply: (key: keyof AnalysisParams, value: number) => void;
}) {
  const [draft, setDraft] = useState<Partial<Record<string, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const specs = (ANALYSIS_PARAMS as readonly ParamSpec[]).filter((p) => keys.includes(p.key as keyof AnalysisParams));
  const apply = (p: ParamSpec) => {
    const raw = draft[p.key];
    if (raw === undefined) return;
    const value = Number(raw);
    const problems = validateParams({ [p.key]: value });
    setProblem(paramProblem(lang, p, problems));
    if (!problems.length && value !== params[p.key as keyof AnalysisParams]) onApply(p.key as keyof AnalysisParams, value);
    if (problems.length) return;
    setDraft((d) => ({ ...d, [p.key]: undefined }));
  };
  return (
    <div className="params">
      {specs.map((p) => (
        <label key={p.key} className="field" title={p.doc}>
          <span>{lang === 'zh' ? p.zh : p.en} ({unitLabel(lang, p.unit)})</span>
          <input type="number" min={p.min} max={p.max} disabled={disabled} data-testid={`param-${p.flag}`}
            value={draft[p.key] ?? String(params[p.key as keyof AnalysisParams])}
            onChange={(e) => setDraft((d) => ({ ...d, [p.key]: e.target.value }))}
            onBlur={() => apply(p)} onKeyDown={(e) => e.key === 'Enter' && apply(p)} />
        </label>
      ))}
      {problem && <div className="error" role="alert">{problem}</div>}
    </div>
  );
}
