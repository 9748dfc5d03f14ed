import type { BuildingResidentsCounts } from './building-residents.ts';
import type { PopulationSource } from './population-source-spec.ts';
import { STOREY_HEIGHT_M } from './building-floors.ts';

/** What was done to turn the population file into points, in both languages (UI, summary.json, report). */
export interface PopulationMethod {
  from: PopulationSource['from'];
  spreadOver?: 'buildings' | 'area';
  zh: string;
  en: string;
}

export interface MethodDetails {
  m2PerPerson: number;
  gridM: number;
  buildings?: BuildingResidentsCounts;
  /** community-totals: communities with a placed total, and how many of them fell back to their area. */
  communitiesPlaced?: number;
  fellBack?: number;
  total?: number;
}

const fmt = (x: number) => (Math.round(x * 100) / 100).toString();

/** The method statement, e.g. "人口按社区总数分摊到住宅建筑（按建筑面积）". */
export function populationMethod(s: PopulationSource, d: MethodDetails): PopulationMethod {
  if (s.from === 'units') return { from: 'units', zh: '人口为点或格网单元（按文件给出的人口）', en: 'Population as given: points or grid cells with a population each' };
  const b = d.buildings;
  const floorsZh = b
    ? `层数：${b.floorsFromLevels} 栋取层数字段，${b.floorsFromHeight} 栋按高度÷${STOREY_HEIGHT_M} m，${b.floorsDefault} 栋无数据按 1 层`
    : '';
  const floorsEn = b
    ? `floors: ${b.floorsFromLevels} from a levels value, ${b.floorsFromHeight} from height ÷ ${STOREY_HEIGHT_M} m, ${b.floorsDefault} without data taken as 1 floor`
    : '';
  if (s.from === 'buildings') {
    const counts = b
      ? { zh: `${b.residential} 栋住宅建筑：${b.fromResidentsField} 栋取居民数字段，${b.fromFloorAreaField} 栋按建筑面积字段，${b.fromFootprint} 栋按占地面积×层数（${floorsZh}）`, en: `${b.residential} residential buildings: ${b.fromResidentsField} from a residents value, ${b.fromFloorAreaField} from a floor-area value, ${b.fromFootprint} from footprint × floors (${floorsEn})` }
      : { zh: '', en: '' };
    return {
      from: 'buildings',
      zh: `人口按建筑估算：居民数字段，否则建筑面积÷${fmt(d.m2PerPerson)} m²/人；${counts.zh}`,
      en: `Population from buildings: the residents value, else floor area ÷ ${fmt(d.m2PerPerson)} m² per person; ${counts.en}`,
    };
  }
  const placed = d.communitiesPlaced ?? 0;
  const fb = d.fellBack ?? 0;
  const total = d.total !== undefined ? Math.round(d.total).toLocaleString('en-US') : '';
  if (s.spreadOver === 'area') {
    return {
      from: 'community-totals', spreadOver: 'area',
      zh: `人口按社区总数在社区面积内均匀分摊（${fmt(d.gridM)} m 网格点，过小的社区取中心点）；${placed} 个社区，共 ${total} 人`,
      en: `Population from community totals spread evenly over each community's area (${fmt(d.gridM)} m grid points; a community too small for one gets its centroid); ${placed} communities, ${total} persons`,
    };
  }
  return {
    from: 'community-totals', spreadOver: 'buildings',
    zh: `人口按社区总数分摊到住宅建筑（按建筑面积：占地面积×层数）；${placed} 个社区，共 ${total} 人${fb ? `；${fb} 个社区内无住宅建筑，按面积均匀分摊（${fmt(d.gridM)} m 网格）` : ''}${b ? `；${floorsZh}` : ''}`,
    en: `Population from community totals spread over residential buildings in proportion to floor area (footprint × floors); ${placed} communities, ${total} persons${fb ? `; ${fb} communities without residential buildings spread evenly over their area (${fmt(d.gridM)} m grid)` : ''}${b ? `; ${floorsEn}` : ''}`,
  };
}
