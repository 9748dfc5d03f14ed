import type { CompletenessIndex } from '../../core/compliance/completeness-index.ts';
import { completenessColor } from '../../map/layers/completeness-layer.ts';
import { useFormat } from '../locale-format.ts';
import { useT } from '../i18n.ts';

/**
 * Residents by number of required (▲) types reached within their radius: one CSS bar per count
 * (0 … n types), in persons and share, coloured as on the map, with the population-weighted mean.
 */
export function CompletenessHistogram({ index, histogram, pop, showOnMap, onShowOnMap }: {
  index: CompletenessIndex;
  /** Persons by types reached, 0 … index.assessed.length (`completenessHistogram`). */
  histogram: Float64Array;
  pop: ArrayLike<number>;
  showOnMap: boolean;
  onShowOnMap: (v: boolean) => void;
}) {
  const t = useT();
  const f = useFormat();
  const n = index.assessed.length;
  const total = histogram.reduce((a, b) => a + b, 0);
  const largest = Math.max(1, ...histogram);
  let weighted = 0;
  for (let i = 0; i < index.count.length; i++) if (!Number.isNaN(index.share[i])) weighted += pop[i] * index.share[i];
  const rgba = (c: number[]) => `rgba(${c[0]},${c[1]},${c[2]},${c[3] / 255})`;
  return (
    <div className="completeness" data-testid="completeness">
      <div className="section-title">{t('completeness')}</div>
      <div className="hint">{t('completenessNote', { n })}</div>
      <table className="histogram" data-testid="completeness-histogram">
        <thead><tr><th>{t('typesReached')}</th><th className="num">{t('colPop')} ({t('persons')})</th><th className="num">%</th><th /></tr></thead>
        <tbody>
          {Array.from(histogram, (p, k) => (
            <tr key={k} data-k={k} data-persons={p}>
              <td>{f.num(k)} / {f.num(n)}</td>
              <td className="num">{f.num(p)}</td>
              <td className="num">{f.pct(total > 0 ? p / total : null)}</td>
              <td className="bar-cell"><span className="bar" style={{ width: `${(100 * p) / largest}%`, background: rgba(completenessColor(n ? k / n : NaN)) }} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {n > 0 && total > 0 && <div className="hint">{t('meanCompleteness')}: <b data-testid="mean-completeness">{f.pct(weighted / total)}</b></div>}
      <label className="hint"><input type="checkbox" checked={showOnMap} onChange={(e) => onShowOnMap(e.target.checked)} data-testid="show-completeness" /> {t('showCompleteness')}</label>
    </div>
  );
}
