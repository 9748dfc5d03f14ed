import type { GapPolygon } from '../core/gap-polygons.ts';
import type { AreaSitingResponse } from '../core/siting/site-in-area.ts';
import { formatMetres, formatPersons } from './format.ts';
import type { Lang } from './i18n.ts';

/** Plain-text tooltip lines for the siting layers (gaps, candidates, proposals), or null for other layers. */
export function sitingTooltipLines(lang: Lang, layerId: string, index: number, gaps: GapPolygon[] | null, siting: AreaSitingResponse | null): string[] | null {
  const zh = lang === 'zh';
  if (layerId === 'gaps' && gaps?.[index]) {
    const g = gaps[index];
    return [
      `${zh ? '服务缺口' : 'Service gap'} #${g.rank}`,
      `${zh ? '未覆盖人口' : 'Uncovered residents'}: ${formatPersons(g.population)} ${zh ? '人' : 'persons'}`,
      `${zh ? '面积' : 'Area'}: ${(g.areaM2 / 10000).toFixed(1)} ${zh ? '公顷' : 'ha'} · ${g.demandCount} ${zh ? '个人口单元' : 'population units'}`,
    ];
  }
  if (layerId === 'proposals' && siting?.outcome.proposals[index]) {
    const p = siting.outcome.proposals[index];
    return [
      `${zh ? '建议新增设施' : 'Proposed site'} #${p.rank} (${p.candidateId})`,
      `${zh ? '新增覆盖' : 'Newly covered'}: ${formatPersons(p.addedPopulationCovered)} ${zh ? '人' : 'persons'}`,
      `${zh ? '服务人口' : 'Serves'}: ${formatPersons(p.populationServed)} ${zh ? '人' : 'persons'}`,
      `${zh ? '距最近现有设施' : 'To nearest existing'}: ${formatMetres(p.nearestExistingM)}`,
    ];
  }
  if (layerId === 'candidates' && siting) {
    return [`${zh ? '候选点' : 'Candidate'} ${siting.candidates.ids[index]}`, siting.candidates.kind[index] === 1 ? (zh ? '用户提供' : 'user-supplied') : zh ? '自动生成（缺口内路网节点）' : 'generated (street node in a gap)'];
  }
  return null;
}
