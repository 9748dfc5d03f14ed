import { facilityTypeById } from '../core/facility-types.ts';
import type { TypeDistances } from '../io/analysis-tables.ts';
import type { CommunityCoverageRow } from '../io/community-coverage.ts';
import type { AreaSnapshot } from './area-session.ts';
import { formatMetres, formatPercent, formatPersons } from './format.ts';
import type { Lang } from './i18n.ts';

/** Plain-text lines describing the hovered feature (rendered as text, never as HTML). */
export function tooltipLines(lang: Lang, layerId: string, index: number, snap: AreaSnapshot, dist: TypeDistances | null, rows: CommunityCoverageRow[], typeId: string, speedMPerMin: number): string[] | null {
  const zh = lang === 'zh';
  if (layerId === 'population') {
    const d = dist?.distance[index];
    const f = dist && dist.facility[index] >= 0 ? dist.facility[index] : -1;
    const type = facilityTypeById(typeId);
    return [
      `${zh ? '人口格网' : 'Population cell'} ${snap.population.ids[index]}`,
      `${zh ? '人口' : 'Population'}: ${formatPersons(snap.population.pop[index])} ${zh ? '人' : 'persons'}`,
      `${zh ? '最近' : 'Nearest'} ${type ? (zh ? type.zh : type.en) : typeId}: ${d === undefined ? '—' : Number.isNaN(d) ? (zh ? '离网' : 'off-network') : Number.isFinite(d) ? `${formatMetres(d)} (≈${(d / speedMPerMin).toFixed(1)} ${zh ? '分钟' : 'min'})` : zh ? '超出搜索上限' : 'beyond search limit'}`,
      ...(f >= 0 ? [`→ ${snap.facilities.names[f] ?? snap.facilities.ids[f]}`] : []),
    ];
  }
  if (layerId === 'facilities') {
    const type = facilityTypeById(snap.facilities.types[snap.facilities.typeIndex[index]]);
    return [
      snap.facilities.names[index] ?? (zh ? '（无名称）' : '(unnamed)'),
      `${zh ? '类型' : 'Type'}: ${type ? (zh ? type.zh : type.en) : snap.facilities.types[snap.facilities.typeIndex[index]]}`,
      `OSM: ${snap.facilities.ids[index]}`,
    ];
  }
  if (layerId === 'communities') {
    const c = snap.communities;
    const r = rows.find((x) => x.idx === index);
    if (!c) return null;
    return [
      `${c.ids[index]} ${zh ? c.names[index] : c.namesEn[index]}`,
      `${zh ? '人口' : 'Population'}: ${formatPersons(r?.pop)} · ${zh ? '覆盖率' : 'Covered'}: ${formatPercent(r?.share)}`,
      `${zh ? '平均距离' : 'Mean distance'}: ${formatMetres(r?.mean_dist)} · P90: ${formatMetres(r?.p90_dist)}`,
      ...(c.derived ? [zh ? '（自动生成的街坊单元）' : '(derived street block)'] : []),
    ];
  }
  return null;
}
