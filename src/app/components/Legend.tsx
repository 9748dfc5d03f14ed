import { DISTANCE_BANDS, OFF_NETWORK_COLOR, REACH_BANDS, SHARE_CLASSES, STRAIGHT_ONLY_OUTLINE, type RGBA } from '../../map/coverage-colors.ts';
import { COMPLETENESS_CLASSES, NO_COMPLETENESS_COLOR } from '../../map/layers/completeness-layer.ts';
import { CANDIDATE_COLOR, GAP_COLOR, PROPOSAL_COLOR } from '../../map/layers/siting-layers.ts';
import { useT } from '../i18n.ts';
import { useFormat } from '../locale-format.ts';

const swatch = (c: RGBA | number[], shape: 'dot' | 'box' | 'line' = 'box') => (
  <span className={`swatch ${shape}`} style={{ background: `rgba(${c[0]},${c[1]},${c[2]},${(c[3] ?? 255) / 255})` }} />
);

/** Explains every colour on the map, with units; built from the same constants as the layers. */
export function Legend({ lang, typeColor, typeLabel, radiusM, mode, showServiceArea, showIsolated, showStraightOnly, showGaps = false, showProposals = false, completeness = null }: {
  lang: 'zh' | 'en'; typeColor: number[]; typeLabel: string; radiusM: number; mode: string; showServiceArea: boolean; showIsolated: boolean; showStraightOnly: boolean;
  showGaps?: boolean; showProposals?: boolean;
  /** Title of the preset when the cells show the completeness index instead of coverage. */
  completeness?: string | null;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="legend" data-testid="legend">
      {completeness ? (
        <>
          <div className="legend-title" data-testid="legend-completeness">{t('legendCompleteness')} ({completeness}, {mode === 'network' ? t('modeNetwork') : t('modeStraight')})</div>
          <div className="legend-row">{COMPLETENESS_CLASSES.map((c) => <span key={c.label} className="ramp">{swatch(c.color, 'dot')}{c.label}</span>)}</div>
          <div className="legend-row">{swatch(NO_COMPLETENESS_COLOR, 'dot')}{t('legendNoCompleteness')}</div>
        </>
      ) : (
        <>
          <div className="legend-title">{t('legendCells')} ({mode === 'network' ? t('modeNetwork') : t('modeStraight')})</div>
          {DISTANCE_BANDS.map((b) => (
            <div key={b.maxM} className="legend-row">{swatch(b.color, 'dot')}{lang === 'zh' ? b.zh : b.en}</div>
          ))}
          <div className="legend-row">{swatch(OFF_NETWORK_COLOR, 'dot')}{t('legendOffNetwork')}</div>
          <div className="legend-row"><span className="swatch dot outlined" />{t('legendUncovered')} ({f.m(radiusM)})</div>
        </>
      )}
      {showStraightOnly && <div className="legend-row"><span className="swatch dot outlined" style={{ borderColor: `rgb(${STRAIGHT_ONLY_OUTLINE.slice(0, 3).join(',')})`, borderWidth: 3 }} />{t('legendStraightOnly')}</div>}
      <div className="legend-title">{t('legendCommunities')}</div>
      <div className="legend-row">{SHARE_CLASSES.slice().reverse().map((c) => <span key={c.label} className="ramp">{swatch(c.color)}{c.label}</span>)}</div>
      <div className="legend-title">{t('legendFacilities')}</div>
      <div className="legend-row">{swatch(typeColor, 'dot')}{typeLabel}</div>
      <div className="legend-row"><span className="swatch ring" style={{ borderColor: `rgb(${typeColor.join(',')})` }} />{t('legendRadius')}: {f.m(radiusM)}</div>
      {showServiceArea && (
        <div className="legend-row">
          {t('legendServiceArea')}: {REACH_BANDS.map((b, i) => <span key={i} className="ramp">{swatch(b.color, 'line')}{Number.isFinite(b.maxM) ? `≤${f.m(b.maxM)}` : `>${f.m(REACH_BANDS[i - 1].maxM)}`}</span>)}
        </div>
      )}
      {showIsolated && <div className="legend-row">{swatch([200, 0, 160, 255], 'line')}{t('isolated')}</div>}
      {showGaps && <div className="legend-row">{swatch([...GAP_COLOR, 140])}{t('legendGaps')}</div>}
      {showProposals && <div className="legend-row">{swatch(PROPOSAL_COLOR, 'dot')}{t('legendProposals')}</div>}
      {showProposals && <div className="legend-row">{swatch(CANDIDATE_COLOR, 'dot')}{t('legendCandidates')}</div>}
    </div>
  );
}
