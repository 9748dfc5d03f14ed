import { useEffect, useState } from 'react';
import { validateParams, type ParamSpec } from '../../core/analysis-spec.ts';
import type { GapPolygon } from '../../core/gap-polygons.ts';
import type { AreaSitingResponse } from '../../core/siting/site-in-area.ts';
import { DEFAULT_SITING_PARAMS, SITING_PARAMS, type SitingParams } from '../../core/siting/siting-params.ts';
import { readSitePoints, type SitePoints } from '../../io/read-site-points.ts';
import { readAnyLayer } from '../../io/read-any-layer.ts';
import { paramProblem, unitLabel, useFormat } from '../locale-format.ts';
import { useT, type StringKey } from '../i18n.ts';

const MODEL_LABEL: Record<string, StringKey> = { mclp: 'modelMclp', lscp: 'modelLscp', pmedian: 'modelPmedian' };
const METHOD_LABEL: Record<string, StringKey> = { auto: 'localeMethodAuto', exact: 'localeMethodExact', heuristic: 'localeMethodHeuristic' };
// Which parameters each model uses (the others are hidden so the form stays short).
const USED: Record<SitingParams['model'], (keyof SitingParams)[]> = {
  mclp: ['p', 'capacity', 'method', 'timeLimitS', 'spacingM', 'gapCellM'],
  lscp: ['targetCoveragePct', 'method', 'timeLimitS', 'spacingM', 'gapCellM'],
  pmedian: ['p', 'capacity', 'method', 'timeLimitS', 'spacingM', 'gapCellM'],
};

export interface SitingCompliance {
  preset: string;
  passingBefore: number | null;
  passingAfter: number | null;
  communities: number;
  completenessBefore: number;
  completenessAfter: number;
}

export interface SitingRun {
  params: SitingParams;
  generate: boolean;
  userCandidates?: SitePoints & { name: string };
}

/**
 * The siting workflow in the side panel: gaps of the selected type (ranked, clickable), model and
 * parameters from SITING_PARAMS, candidate sources, run with progress and cancel, then the solver's
 * report, before/after coverage and the proposals in selection order, with exports.
 */
export function SitingPanel({ lang, gaps, result, compliance, running, showGaps, showAfter, selectedGap, onShowGaps, onShowAfter, onSelectGap, onSelectProposal, onRun, onExportGaps, onExportProposals, onExportProposalsCsv, onExportCandidates, onError }: {
  lang: 'zh' | 'en';
  gaps: GapPolygon[] | null;
  result: AreaSitingResponse | null;
  /** The standards check before/after for the siting type (null without a result or an assessable type). */
  compliance?: SitingCompliance | null;
  running: boolean;
  showGaps: boolean;
  showAfter: boolean;
  selectedGap: number | null;
  onShowGaps: (v: boolean) => void;
  onShowAfter: (v: boolean) => void;
  onSelectGap: (rank: number) => void;
  onSelectProposal: (rank: number) => void;
  onRun: (run: SitingRun) => void;
  onExportGaps: () => void;
  onExportProposals: () => void;
  onExportProposalsCsv: () => void;
  onExportCandidates: () => void;
  /** A candidate file that cannot be read: the thrown error (a LoadError carries the Chinese message too). */
  onError: (error: unknown) => void;
}) {
  const t = useT();
  const f = useFormat();
  const [params, setParams] = useState<SitingParams>(DEFAULT_SITING_PARAMS);
  const [draft, setDraft] = useState<Partial<Record<string, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [generate, setGenerate] = useState(true);
  const [user, setUser] = useState<(SitePoints & { name: string }) | null>(null);
  useEffect(() => setProblem(null), [params.model]);

  const specs = (SITING_PARAMS as readonly ParamSpec[]).filter((p) => p.key === 'model' || USED[params.model].includes(p.key as keyof SitingParams));
  const setValue = (p: ParamSpec, raw: string) => {
    const value = p.kind === 'number' ? Number(raw) : raw;
    const problems = validateParams({ [p.key]: value }, SITING_PARAMS);
    setProblem(paramProblem(lang, p, problems));
    if (!problems.length) setParams((x) => ({ ...x, [p.key]: value }));
  };
  const loadCandidates = async (file: File) => {
    try {
      // Any format and encoding readAnyLayer knows (zipped Shapefile of parcels, GBK CSV, .xlsx …), in the file's own CRS.
      const layer = await readAnyLayer(file.name, new Uint8Array(await file.arrayBuffer()));
      const r = readSitePoints(file.name, layer.text);
      setUser({ ...r.table, name: file.name });
    } catch (e) {
      onError(e);
    }
  };
  const total = gaps?.reduce((s, g) => s + g.population, 0) ?? 0;
  const r = result?.outcome.result;
  const out = result?.outcome;
  const fmtObjective = (x: number) => (r?.model === 'lscp' ? String(x) : f.num(x));

  return (
    <section className="siting" data-testid="siting">
      <div className="section-title">{t('siting')}</div>
      {gaps && (
        <div data-testid="gaps">
          <div className="hint">{gaps.length ? t('gapsSummary', { n: gaps.length, pop: f.num(total) }) : t('noGaps')}</div>
          <ol className="gap-list">
            {gaps.slice(0, 5).map((g) => (
              <li key={g.rank} className={g.rank === selectedGap ? 'selected' : ''} onClick={() => onSelectGap(g.rank)} data-testid="gap-row">
                {t('gapRow', { rank: g.rank, pop: f.persons(g.population), ha: f.ha(g.areaM2) })}
              </li>
            ))}
          </ol>
          <label className="hint"><input type="checkbox" checked={showGaps} onChange={(e) => onShowGaps(e.target.checked)} data-testid="show-gaps" /> {t('showGaps')}</label>
        </div>
      )}

      <div className="params">
        {specs.map((p) => (
          <label key={p.key} className="field" title={p.doc}>
            <span>{lang === 'zh' ? p.zh : p.en}{p.unit ? ` (${unitLabel(lang, p.unit)})` : ''}</span>
            {p.kind === 'enum' ? (
              <select value={String(params[p.key as keyof SitingParams])} disabled={running} onChange={(e) => setValue(p, e.target.value)} data-testid={`siting-${p.flag}`}>
                {p.values!.map((v) => <option key={v} value={v}>{p.key === 'model' ? t(MODEL_LABEL[v]) : p.key === 'method' ? t(METHOD_LABEL[v]) : v}</option>)}
              </select>
            ) : (
              <input type="number" min={p.min} max={p.max} disabled={running} data-testid={`siting-${p.flag}`}
                value={draft[p.key] ?? String(params[p.key as keyof SitingParams])}
                onChange={(e) => setDraft((d) => ({ ...d, [p.key]: e.target.value }))}
                onBlur={(e) => { setValue(p, e.target.value); setDraft((d) => ({ ...d, [p.key]: undefined })); }} />
            )}
          </label>
        ))}
        {problem && <div className="error" role="alert">{problem}</div>}
      </div>

      <div className="field candidates">
        <span>{t('candidates')}</span>
        <label className="hint"><input type="checkbox" checked={generate} disabled={running} onChange={(e) => setGenerate(e.target.checked)} data-testid="generate-candidates" /> {t('generateCandidates')}</label>
        <label className="hint file">{t('candidateFile')} <input type="file" accept=".csv,.geojson,.json" disabled={running} data-testid="candidate-file"
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void loadCandidates(f); e.target.value = ''; }} /></label>
        {user && <div className="hint" data-testid="candidate-loaded">{t('candidateLoaded', { name: user.name, n: user.ids.length })} <button onClick={() => setUser(null)}>{t('remove')}</button></div>}
      </div>
      <button className="primary" disabled={running || (!generate && !user) || !!problem} data-testid="run-siting"
        onClick={() => onRun({ params, generate, ...(user ? { userCandidates: user } : {}) })}>{t('runSiting')}</button>

      {r && out && (
        <div className="siting-result" data-testid="siting-result" data-status={r.status} data-method={r.method} data-selected={out.proposals.map((p) => p.candidateId).join(',')}>
          <div className={r.status === 'infeasible' ? 'error' : 'hint'} data-testid="siting-status">
            {t('resultLine', {
              model: t(MODEL_LABEL[r.model]), method: r.method === 'exact' ? t('methodExact') : t('methodHeuristic'),
              status: t(r.status === 'optimal' ? 'statusOptimal' : r.status === 'feasible' ? 'statusFeasible' : 'statusInfeasible'),
              objective: fmtObjective(r.objective), bound: Number.isFinite(r.bound) ? fmtObjective(r.bound) : '—', gap: f.pct(r.gap), seconds: f.sec(r.elapsedMs / 1000),
            })}
            {r.message && <div>{r.message}</div>}
          </div>
          <table className="community-table before-after" data-testid="before-after">
            <thead><tr><th></th><th>{t('before')}</th><th>{t('after')}</th><th>{t('change')}</th></tr></thead>
            <tbody>
              <tr><td>{t('coveredPop')}</td><td className="num" data-testid="covered-before">{f.num(out.before.covered)}</td><td className="num" data-testid="covered-after">{f.num(out.after.covered)}</td><td className="num">+{f.num(out.after.covered - out.before.covered)}</td></tr>
              <tr><td>{t('coveredShare')}</td><td className="num">{f.pct(out.before.covered / out.before.total)}</td><td className="num">{f.pct(out.after.covered / out.after.total)}</td><td className="num">{f.pp((out.after.covered - out.before.covered) / Math.max(1, out.after.total))}</td></tr>
              <tr><td>{t('uncoveredUnits')}</td><td className="num">{out.before.uncoveredCount}</td><td className="num">{out.after.uncoveredCount}</td><td className="num">{out.after.uncoveredCount - out.before.uncoveredCount}</td></tr>
              {compliance && compliance.passingBefore !== null && (
                <tr title={compliance.preset}><td>{t('communitiesPassing')}</td><td className="num" data-testid="passing-before">{compliance.passingBefore} / {compliance.communities}</td><td className="num" data-testid="passing-after">{compliance.passingAfter} / {compliance.communities}</td><td className="num">+{(compliance.passingAfter ?? 0) - compliance.passingBefore}</td></tr>
              )}
              {compliance && Number.isFinite(compliance.completenessBefore) && (
                <tr title={compliance.preset}><td>{t('meanCompleteness')}</td><td className="num" data-testid="completeness-before">{f.pct(compliance.completenessBefore)}</td><td className="num" data-testid="completeness-after">{f.pct(compliance.completenessAfter)}</td><td className="num">{f.pp(compliance.completenessAfter - compliance.completenessBefore)}</td></tr>
              )}
              <tr><td>{t('meanNearest')}</td><td className="num">{f.m(out.before.meanNearestM)}</td><td className="num">{f.m(out.after.meanNearestM)}</td><td className="num">{f.m(out.after.meanNearestM - out.before.meanNearestM, true)}</td></tr>
            </tbody>
          </table>
          {out.proposals.length > 0 && (
            <>
              <div className="section-title">{t('proposals')} ({out.proposals.length})</div>
              <table className="community-table" data-testid="proposals">
                <thead><tr><th>{t('colRank')}</th><th>{t('colCandidate')}</th><th>{t('colAdded')}</th><th>{t('colServed')}</th><th>{t('colNearestExisting')}</th></tr></thead>
                <tbody>
                  {out.proposals.map((p) => (
                    <tr key={p.rank} onClick={() => onSelectProposal(p.rank)} data-testid="proposal-row">
                      <td>{p.rank}</td><td>{p.candidateId}</td><td className="num">{f.num(p.addedPopulationCovered)}</td><td className="num">{f.num(p.populationServed)}</td><td className="num">{f.m(p.nearestExistingM)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <label className="hint"><input type="checkbox" checked={showAfter} onChange={(e) => onShowAfter(e.target.checked)} data-testid="show-after" /> {t('showAfter')}</label>
          <div className="exports">
            <button onClick={onExportProposals} disabled={!out.proposals.length} data-testid="export-proposals">{t('exportProposals')}</button>
            <button onClick={onExportProposalsCsv} disabled={!out.proposals.length} data-testid="export-proposals-csv">{t('exportProposalsCsv')}</button>
            <button onClick={onExportCandidates} data-testid="export-candidates">{t('exportCandidates')}</button>
          </div>
        </div>
      )}
      {gaps && gaps.length > 0 && <button onClick={onExportGaps} data-testid="export-gaps">{t('exportGaps')}</button>}
      {running && <div className="hint">{t('sitingRunning')}…</div>}
    </section>
  );
}
