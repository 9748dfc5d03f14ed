import { LIFE_CIRCLE_LEVELS } from '../../core/life-circle-levels.ts';
import type { CommunityCoverageRow, CoverageTotals } from '../../io/community-coverage.ts';
import { useFormat } from '../locale-format.ts';
import { useT } from '../i18n.ts';

/**
 * Headline figures for the selected type: population, covered population and share (with the
 * other distance mode beside it), facility count, coverage at each GB 50180 level, and the
 * population a straight radius counts as covered but walking does not.
 */
export function CoverageSummary({ totals, rows, mode, otherShare, straightOnly, speedMPerMin, lang, showStraightOnly, onToggleStraightOnly }: {
  totals: CoverageTotals; rows: CommunityCoverageRow[]; mode: 'network' | 'straight'; otherShare: number | null;
  straightOnly: number | null; speedMPerMin: number; lang: 'zh' | 'en'; showStraightOnly: boolean; onToggleStraightOnly: (v: boolean) => void;
}) {
  const t = useT();
  const f = useFormat();
  const modeLabel = (m: string) => (m === 'network' ? t('modeNetwork') : t('modeStraight'));
  // Rows include the "outside every unit" row, so their level sums cover the whole population.
  const levels = LIFE_CIRCLE_LEVELS.map((l) => ({ l, share: rows.reduce((s, r) => s + (r[`covered_${l.id}` as 'covered_l5'] ?? 0), 0) / Math.max(1, totals.pop) }));
  return (
    <>
      <section className="cards" data-testid="summary">
        <div className="card"><b data-testid="total-pop">{f.num(totals.pop)}</b><span>{t('totalPop')} ({t('persons')})</span></div>
        <div className="card"><b data-testid="covered-pop">{f.num(totals.covered)}</b><span>{t('coveredPop')} ({t('persons')})</span></div>
        <div className="card">
          <b data-testid="covered-share">{f.pct(totals.share)}</b>
          <span>{t('coveredShare')}{otherShare !== null && <> · {modeLabel(mode === 'network' ? 'straight' : 'network')} <span data-testid="other-share">{f.pct(otherShare)}</span></>}</span>
        </div>
        <div className="card"><b data-testid="facility-count">{totals.facilities}</b><span>{t('facilities')}</span></div>
      </section>
      {rows.length > 0 && (
        <section className="levels">
          <div className="section-title">{t('levels')} ({modeLabel(mode)})</div>
          {levels.map(({ l, share }) => (
            <div key={l.id} className="level-row" title={`≈${f.min(l.distanceM / speedMPerMin)} @ ${f.speed(speedMPerMin)}`}>
              <span>{lang === 'zh' ? l.zh : l.en} ≤{f.m(l.distanceM)}</span><meter min={0} max={1} value={share} /><span>{f.pct(share)}</span>
            </div>
          ))}
          {straightOnly !== null && <div className="hint" data-testid="straight-only">{t('straightOnly')}: <b>{f.persons(straightOnly)}</b></div>}
          {straightOnly !== null && mode === 'network' && (
            <label className="hint"><input type="checkbox" checked={showStraightOnly} onChange={(e) => onToggleStraightOnly(e.target.checked)} data-testid="show-straight-only" /> {t('showStraightOnly')}</label>
          )}
        </section>
      )}
    </>
  );
}
