import type { GapPolygon } from '../core/gap-polygons.ts';
import type { AreaSitingResponse } from '../core/siting/site-in-area.ts';
import { translate, type Lang } from './i18n.ts';
import { formatters } from './locale-format.ts';

/** Plain-text tooltip lines for the siting layers (gaps, candidates, proposals), or null for other layers. */
export function sitingTooltipLines(lang: Lang, layerId: string, index: number, gaps: GapPolygon[] | null, siting: AreaSitingResponse | null): string[] | null {
  const f = formatters(lang);
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v);
  if (layerId === 'gaps' && gaps?.[index]) {
    const g = gaps[index];
    return [
      t('localeTipGap', { rank: g.rank }),
      t('localeTipGapPopulation', { pop: f.persons(g.population) }),
      t('localeTipGapArea', { ha: f.ha(g.areaM2), n: f.num(g.demandCount) }),
    ];
  }
  if (layerId === 'proposals' && siting?.outcome.proposals[index]) {
    const p = siting.outcome.proposals[index];
    return [
      t('localeTipProposal', { rank: p.rank, id: p.candidateId }),
      t('localeTipProposalAdded', { pop: f.persons(p.addedPopulationCovered) }),
      t('localeTipProposalServed', { pop: f.persons(p.populationServed) }),
      t('localeTipProposalExisting', { d: f.m(p.nearestExistingM) }),
    ];
  }
  if (layerId === 'candidates' && siting) {
    return [t('localeTipCandidate', { id: siting.candidates.ids[index] }), t(siting.candidates.kind[index] === 1 ? 'localeTipCandidateUser' : 'localeTipCandidateGenerated')];
  }
  return null;
}
