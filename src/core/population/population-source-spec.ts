import { validateParams, type ParamSpec } from '../analysis-spec.ts';

/**
 * m² of residential gross floor area per resident, default. 《中国人口普查年鉴-2020》 (第七次全国人口普查,
 * National Bureau of Statistics, 2022), as reported by 北京日报 2022-06-27: urban (城市) family households
 * have 36.52 m² of housing floor area per person (national 41.76; Beijing 33.41, Shanghai 30.58). Not
 * checked against the yearbook table itself (待核实). Housing floor area excludes part of
 * a building's common space, so building-based estimates run a little high: set it for the study area.
 */
export const DEFAULT_M2_PER_PERSON = 36.52;
export const M2_PER_PERSON_SOURCE = '《中国人口普查年鉴-2020》: 城市家庭户人均住房面积 36.52 m² (urban family households, 2020 census; as reported by the press, 待核实 / not checked against the yearbook table)';

/**
 * How the population layer describes where people live, declared once: these drive validation
 * (validatePopulationSource), the loader's controls and the `lifecircle analyze` flags.
 */
export const POPULATION_SOURCE_PARAMS = [
  {
    key: 'from', flag: 'population-from', kind: 'enum', unit: '', default: 'units', values: ['units', 'buildings', 'community-totals'],
    zh: '人口形式', en: 'Population is',
    doc: 'units = points or grid cells with a population each (default); buildings = building footprints with a residents or floor-area column, or floors; community-totals = one total per community (社区/街道 census table, or community polygons with a total), spread over the community.',
  },
  {
    key: 'spreadOver', flag: 'spread-over', kind: 'enum', unit: '', default: 'buildings', values: ['buildings', 'area'],
    zh: '分摊到', en: 'Spread over',
    doc: 'community-totals only: buildings = the community\'s residential buildings in proportion to floor area (footprint × floors); area = evenly over the community\'s area (grid points). A community without residential buildings falls back to its area (warned).',
  },
  {
    key: 'm2PerPerson', flag: 'm2-per-person', kind: 'number', unit: 'm²/person', default: DEFAULT_M2_PER_PERSON, min: 5, max: 500,
    zh: '人均建筑面积', en: 'Floor area per person',
    doc: `buildings without a residents column: residents = floor area ÷ this. Default ${DEFAULT_M2_PER_PERSON} from ${M2_PER_PERSON_SOURCE}.`,
  },
  {
    key: 'gridM', flag: 'spread-grid', kind: 'number', unit: 'm', default: 50, min: 5, max: 1000,
    zh: '面积分摊网格', en: 'Area spread grid',
    doc: 'Spacing of the grid points a community total is spread over (spread over area, or the fallback).',
  },
] as const satisfies readonly ParamSpec[];

/** Column names (CSV/xlsx) or properties (GeoJSON); matched case-insensitively, with aliases when unset. */
export const POPULATION_SOURCE_FIELDS = [
  { key: 'residentsField', flag: 'residents-col', aliases: ['residents', 'pop', 'population', '人口', '居民', '常住人口'], en: 'residents per building', zh: '建筑居民数' },
  { key: 'floorAreaField', flag: 'floor-area-col', aliases: ['floor_area', 'floorarea', 'gfa', '建筑面积', '总建筑面积'], en: 'gross floor area per building, m²', zh: '建筑面积' },
  { key: 'levelsField', flag: 'levels-col', aliases: ['levels', 'building:levels', 'floors', '层数', '楼层数'], en: 'floors per building', zh: '层数' },
  { key: 'heightField', flag: 'height-col', aliases: ['height', '高度', '建筑高度'], en: 'building height, m', zh: '建筑高度' },
  { key: 'communityField', flag: 'community-col', aliases: ['community', 'id', 'code', '社区', '社区编号', '编号', '代码', 'name', '名称', '社区名称'], en: 'community id or name (totals table)', zh: '社区编号或名称' },
  { key: 'totalField', flag: 'total-col', aliases: ['pop', 'population', 'total', 'residents', '人口', '总人口', '常住人口', '户籍人口'], en: 'community total, persons', zh: '社区人口' },
] as const;

export type PopulationFrom = 'units' | 'buildings' | 'community-totals';

export interface PopulationSource {
  from: PopulationFrom;
  spreadOver?: 'buildings' | 'area';
  /** m² of gross floor area per resident (default DEFAULT_M2_PER_PERSON). */
  m2PerPerson?: number;
  /** Grid spacing for spreading over an area, metres (default 50). */
  gridM?: number;
  residentsField?: string;
  floorAreaField?: string;
  levelsField?: string;
  heightField?: string;
  communityField?: string;
  totalField?: string;
}

export type PopulationSourceField = (typeof POPULATION_SOURCE_FIELDS)[number]['key'];

/** The spec with every default filled in. */
export function withSourceDefaults(s: PopulationSource): Required<Pick<PopulationSource, 'from' | 'spreadOver' | 'm2PerPerson' | 'gridM'>> & PopulationSource {
  return { ...s, spreadOver: s.spreadOver ?? 'buildings', m2PerPerson: s.m2PerPerson ?? DEFAULT_M2_PER_PERSON, gridM: s.gridM ?? 50 };
}

/** One readable message per problem (empty when valid). */
export function validatePopulationSource(s: Partial<Record<string, unknown>>): string[] {
  return validateParams(s, POPULATION_SOURCE_PARAMS);
}
