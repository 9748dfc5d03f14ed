import { useEffect, useMemo, useRef, useState } from 'react';
import type { CommunityCoverageRow } from '../../io/community-coverage.ts';
import { useT } from '../i18n.ts';
import { useFormat } from '../locale-format.ts';

type SortKey = 'name' | 'pop' | 'share' | 'mean_dist';

/** Sortable table of community units; clicking a row selects (and zooms to) the unit. */
export function CommunityTable({ rows, lang, selected, onSelect }: {
  rows: CommunityCoverageRow[]; lang: 'zh' | 'en'; selected: number | null; onSelect: (idx: number) => void;
}) {
  const t = useT();
  const f = useFormat();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'share', desc: false });
  const sorted = useMemo(() => {
    // Units without a value (no population, no distance) always sort last, whatever the direction.
    const v = (r: CommunityCoverageRow) => (sort.key === 'name' ? r.id : r[sort.key]);
    return rows.slice().sort((a, b) => {
      const x = v(a), y = v(b);
      const missingX = x === null || x === undefined || (typeof x === 'number' && !Number.isFinite(x));
      const missingY = y === null || y === undefined || (typeof y === 'number' && !Number.isFinite(y));
      if (missingX || missingY) return Number(missingX) - Number(missingY);
      const c = typeof x === 'string' ? x.localeCompare(String(y)) : (x as number) - (y as number);
      return sort.desc ? -c : c;
    });
  }, [rows, sort]);
  const selectedRow = useRef<HTMLTableRowElement>(null);
  // Braces matter: Chromium's scrollIntoView now returns a Promise, and an effect may only return a cleanup function.
  useEffect(() => {
    void selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const header = (key: SortKey, label: string) => (
    <th onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }))} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      {label}{sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
    </th>
  );
  return (
    <div className="table-wrap">
      <table className="community-table" data-testid="community-table">
        <thead>
          <tr>{header('name', t('colName'))}{header('pop', t('colPop'))}{header('share', t('colShare'))}{header('mean_dist', t('colMean'))}</tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.idx} ref={r.idx === selected ? selectedRow : undefined} className={r.idx === selected ? 'selected' : ''} onClick={() => r.idx >= 0 && onSelect(r.idx)} data-idx={r.idx}>
              <td title={r.name}>{r.idx < 0 ? t('outside') : lang === 'zh' ? `${r.id} ${r.name}` : r.name_en.includes(r.id) ? r.name_en : `${r.id} ${r.name_en}`}</td>
              <td className="num">{f.num(r.pop)}</td>
              <td className="num">{f.pct(r.share)}</td>
              <td className="num">{f.m(r.mean_dist)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
