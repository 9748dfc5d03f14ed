import { facilityTypeById } from '../core/facility-types.ts';
import type { TypeDistances } from '../io/analysis-tables.ts';
import type { CommunityCoverageRow } from '../io/community-coverage.ts';
import type { AreaSnapshot } from './area-session.ts';
import { translate, type Lang } from './i18n.ts';
import { formatters } from './locale-format.ts';

/** Plain-text lines describing the hovered feature (rendered as text, never as HTML). */
export function tooltipLines(lang: Lang, layerId: string, index: number, snap: AreaSnapshot, dist: TypeDistances | null, rows: CommunityCoverageRow[], typeId: string, speedMPerMin: number): string[] | null {
  const zh = lang === 'zh';
  const f = formatters(lang);
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v);
  if (layerId === 'population') {
    const d = dist?.distance[index];
    const fi = dist && dist.facility[index] >= 0 ? dist.facility[index] : -1;
    const type = facilityTypeById(typeId);
    const reach = d === undefined ? '—' : Number.isNaN(d) ? t('localeTipOffNetwork') : Number.isFinite(d) ? t('localeTipNearestWalk', { d: f.m(d), min: f.min(d / speedMPerMin) }) : t('localeTipBeyondLimit');
    return [
      t('localeTipPopulationCell', { id: snap.population.ids[index] }),
      t('localeTipPopulation', { pop: f.persons(snap.population.pop[index]) }),
      t('localeTipNearest', { type: type ? (zh ? type.zh : type.en) : typeId, d: reach }),
      ...(fi >= 0 ? [`→ ${snap.facilities.names[fi] ?? snap.facilities.ids[fi]}`] : []),
    ];
  }
  if (layerId === 'facilities') {
    const type = facilityTypeById(snap.facilities.types[snap.facilities.typeIndex[index]]);
    return [
      snap.facilities.names[index] ?? t('localeTipUnnamed'),
      t('localeTipType', { type: type ? (zh ? type.zh : type.en) : snap.facilities.types[snap.facilities.typeIndex[index]] }),
      `OSM: ${snap.facilities.ids[index]}`,
    ];
  }
  if (layerId === 'communities') {
    const c = snap.communities;
    const r = rows.find((x) => x.idx === index);
    if (!c) return null;
    return [
      `${c.ids[index]} ${zh ? c.names[index] : c.namesEn[index]}`,
      t('localeTipCommunityCoverage', { pop: f.persons(r?.pop), share: f.pct(r?.share) }),
      t('localeTipCommunityDistance', { mean: f.m(r?.mean_dist), p90: f.m(r?.p90_dist) }),
      ...(c.derived ? [t('localeTipDerived')] : []),
    ];
  }
  return null;
}
