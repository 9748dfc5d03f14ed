import { memo, useMemo, useState, type MouseEvent } from 'react';
import type { AssessedType } from '../../core/compliance/completeness-index.ts';
import type { CommunityCompliance, ComplianceRow } from '../../core/compliance/community-compliance.ts';
import type { CommunityNames } from '../../io/compliance-csv.ts';
import { useFormat } from '../locale-format.ts';
import { useT, type Lang } from '../i18n.ts';

type SortKey = 'fails' | 'name';

/**
 * Communities × assessable preset types: each cell is the community's covered share (%) for the
 * type, coloured pass / fail / no residents. Every community is a row (the wrapper scrolls);
 * sorted by number of failing types (then total shortfall) or by id. A click on a cell calls
 * `onCell` with the community and the column's type. Memoised: with ~3,000 cells it must not
 * re-render on every map hover.
 */
export const ComplianceMatrix = memo(function ComplianceMatrix({ compliance, communities, lang, selected, onCell }: {
  compliance: CommunityCompliance;
  communities: CommunityNames;
  lang: Lang;
  selected: number | null;
  onCell: (community: number, type: AssessedType) => void;
}) {
  const t = useT();
  const f = useFormat();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'fails', desc: true });
  const types = compliance.types.map((x) => x.type);
  // `rows` are community by community, types in preset order (communityCompliance's contract).
  const byCommunity = useMemo(() => {
    const k = compliance.types.length;
    return communities.ids.map((_, c) => {
      const rows = compliance.rows.slice(c * k, (c + 1) * k);
      return { c, rows, fails: rows.filter((r) => !r.pass).length, gap: rows.reduce((s, r) => s + r.shortfall, 0) };
    });
  }, [compliance, communities]);
  const order = useMemo(() => {
    const sign = sort.desc ? -1 : 1;
    return byCommunity.slice().sort((a, b) => sort.key === 'fails'
      ? sign * (a.fails - b.fails || a.gap - b.gap) || a.c - b.c
      : sign * communities.ids[a.c].localeCompare(communities.ids[b.c]));
  }, [byCommunity, sort, communities]);

  const name = (c: number) => {
    const zh = communities.names[c] ?? '';
    const en = communities.namesEn?.[c] || zh;
    const id = communities.ids[c];
    const label = lang === 'zh' ? zh : en;
    return label.includes(id) ? label : `${id} ${label}`;
  };
  const typeName = (x: AssessedType) => (lang === 'zh' ? x.facility.name_zh : x.facility.name_en);
  const onClick = (e: MouseEvent<HTMLTableElement>) => {
    const cell = (e.target as HTMLElement).closest('td[data-j]') as HTMLElement | null;
    if (cell) onCell(Number(cell.dataset.c), types[Number(cell.dataset.j)]);
  };
  const header = (key: SortKey, label: string, className: string) => (
    <th className={className} onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === 'fails' }))}
      aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'} data-testid={`matrix-sort-${key}`}>
      {label}{sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
    </th>
  );
  const cell = (r: ComplianceRow, c: number, j: number) => {
    const state = r.noResidents ? 'none' : r.pass ? 'pass' : 'fail';
    // A failing share is rounded down, so a fail never reads "100".
    const pct = r.share === null ? '—' : String((r.pass ? Math.round : Math.floor)(r.share * 100));
    const title = `${name(c)} · ${typeName(r.type)} (${f.m(r.type.radiusM)})\n${state === 'none' ? t('legendNoResidents')
      : `${pct}% / ${f.pct(r.target, Number.isInteger(Math.round(r.target * 1000) / 10) ? 0 : 1)} · ${state === 'pass' ? t('legendPass') : `${t('legendFail')} · ${t('colShortfall')} ${f.num(r.shortfall)}`}`}`;
    return <td key={j} className={state} data-testid="matrix-cell" data-c={c} data-j={j} data-type={r.type.facility.id} data-state={state} title={title}>{pct}</td>;
  };

  return (
    <div data-testid="compliance-matrix-section">
      <div className="section-title">{t('matrix', { n: communities.ids.length })}</div>
      <div className="hint">{t('matrixNote')}
        <span className="ramp"><span className="swatch pass" />{t('legendPass')}</span>
        <span className="ramp"><span className="swatch fail" />{t('legendFail')}</span>
        <span className="ramp"><span className="swatch none" />{t('legendNoResidents')}</span>
      </div>
      <div className="matrix-wrap">
        <table className="matrix" onClick={onClick} data-testid="compliance-matrix" data-communities={communities.ids.length} data-types={types.length}>
          <thead>
            <tr>
              {header('name', t('colName'), 'name')}
              {header('fails', t('colFails'), 'fails')}
              {types.map((x) => <th key={x.facility.id} className="type" title={`${typeName(x)} · ${f.m(x.radiusM)}`} data-type={x.facility.id}><span>{typeName(x)}</span></th>)}
            </tr>
          </thead>
          <tbody>
            {order.map(({ c, rows, fails }) => (
              <tr key={c} className={c === selected ? 'selected' : ''} data-testid="matrix-row" data-community={communities.ids[c]}>
                <td className="name" title={name(c)}>{name(c)}</td>
                <td className="num">{fails}</td>
                {rows.map((r, j) => cell(r, c, j))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
});
