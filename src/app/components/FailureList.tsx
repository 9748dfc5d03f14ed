import { memo, useMemo } from 'react';
import type { AssessedType } from '../../core/compliance/completeness-index.ts';
import { rankedFailures, type CommunityCompliance } from '../../core/compliance/community-compliance.ts';
import type { CommunityNames } from '../../io/compliance-csv.ts';
import { useFormat } from '../locale-format.ts';
import { useT, type Lang } from '../i18n.ts';

const SHOWN = 20;

/** The failing community × type pairs with the most residents missing, worst first; a click shows the pair. */
export const FailureList = memo(function FailureList({ compliance, communities, lang, onSelect }: {
  compliance: CommunityCompliance;
  communities: CommunityNames;
  lang: Lang;
  onSelect: (community: number, type: AssessedType) => void;
}) {
  const t = useT();
  const f = useFormat();
  const all = useMemo(() => rankedFailures(compliance.rows), [compliance]);
  const name = (c: number) => (lang === 'en' ? communities.namesEn?.[c] : undefined) || communities.names[c] || communities.ids[c];
  return (
    <div data-testid="failure-list">
      <div className="section-title">{all.length ? t('failureList', { n: Math.min(SHOWN, all.length), total: all.length }) : t('noFailures')}</div>
      {all.length > 0 && (
        <div className="table-wrap">
          <table className="community-table">
            <thead><tr><th>{t('colRank')}</th><th>{t('colName')}</th><th>{t('colType')}</th><th>{t('colShare')}</th><th>{t('colShortfall')}</th></tr></thead>
            <tbody>
              {all.slice(0, SHOWN).map((r, k) => (
                <tr key={`${r.community}|${r.type.facility.id}`} onClick={() => onSelect(r.community, r.type)} data-testid="failure-row" data-type={r.type.facility.id}>
                  <td>{k + 1}</td>
                  <td title={`${communities.ids[r.community]} ${name(r.community)}`}>{communities.ids[r.community]} {name(r.community)}</td>
                  <td title={f.m(r.type.radiusM)}>{lang === 'zh' ? r.type.facility.name_zh : r.type.facility.name_en}</td>
                  <td className="num">{f.pct(r.share === null ? null : Math.floor(r.share * 1000) / 1000)}</td>
                  <td className="num">{f.num(r.shortfall)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
});
