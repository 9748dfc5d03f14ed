import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

/** Every UI string in Chinese and English. Keys name the place the text appears. */
const STRINGS = {
  appTitle: ['15分钟社区生活圈分析', '15-minute community life circle'],
  loading: ['正在加载', 'Loading'],
  cancel: ['取消', 'Cancel'],
  facilityType: ['设施类型', 'Facility type'],
  radius: ['服务半径', 'Service radius'],
  mode: ['距离计算', 'Distance'],
  modeNetwork: ['步行网络距离', 'Walking network'],
  modeStraight: ['直线距离', 'Straight line'],
  uncertain: ['待核实', 'uncertain'],
  uncertainHint: ['该默认值未能与标准原文核对，请按实际标准修改。', 'This default could not be checked against the printed standard; edit it as needed.'],
  totalPop: ['总人口', 'Population'],
  coveredPop: ['覆盖人口', 'Covered'],
  coveredShare: ['覆盖率', 'Coverage'],
  facilities: ['设施数', 'Facilities'],
  persons: ['人', 'persons'],
  levels: ['生活圈层级覆盖率', 'Coverage by life-circle level'],
  straightOnly: ['直线半径内但步行超出半径的人口', 'Covered by straight radius but not by walking'],
  showStraightOnly: ['在地图上标出这些格网（紫框）', 'Mark these cells on the map (purple outline)'],
  legendStraightOnly: ['紫框 = 直线半径内、步行超出半径', 'Purple outline = within the radius by straight line, not on foot'],
  communities: ['社区单元', 'Community units'],
  derivedNote: ['社区单元由路网围合街坊自动生成，仅代替官方社区边界；可加载自有边界。', 'Units are street-enclosed blocks standing in for official community boundaries; load your own to replace them.'],
  colName: ['单元', 'Unit'],
  colPop: ['人口', 'Pop.'],
  colShare: ['覆盖率', 'Covered'],
  colMean: ['平均距离', 'Mean dist.'],
  export: ['导出', 'Export'],
  exportGeojson: ['未覆盖人口 GeoJSON', 'Uncovered cells (GeoJSON)'],
  exportCsv: ['社区统计 CSV', 'Community table (CSV)'],
  loadLayers: ['加载数据', 'Load data'],
  layerPopulation: ['人口', 'Population'],
  layerFacilities: ['设施', 'Facilities'],
  layerCommunities: ['社区边界', 'Community units'],
  layerNetwork: ['路网', 'Street network'],
  network: ['步行路网', 'Walk network'],
  graphStats: ['节点 {nodes} · 路段 {edges} · 总长 {km} km · 连通分量 {components}（最大 {share}%）', '{nodes} nodes · {edges} edges · {km} km · {components} components (largest {share}%)'],
  offNetwork: ['离网人口单元 {n} 个（距路网 > {m} 米）', '{n} population units off-network (> {m} m from a street)'],
  isolated: ['孤立路段', 'Disconnected street pieces'],
  legendCells: ['人口格网：到最近设施距离', 'Population cells: distance to nearest facility'],
  legendUncovered: ['黑框 = 超出服务半径', 'Dark outline = beyond the radius'],
  legendOffNetwork: ['离网（无法接入路网）', 'Off-network'],
  legendCommunities: ['社区单元：人口覆盖率', 'Community units: covered population'],
  legendFacilities: ['设施（所选类型放大）', 'Facilities (selected type enlarged)'],
  legendRadius: ['服务半径（直线）', 'Service radius (straight line)'],
  legendServiceArea: ['所选设施步行可达路网', 'Streets reached on foot from the selected facility'],
  speed: ['步行速度', 'Walking speed'],
  minutes: ['分钟', 'min'],
  metres: ['米', 'm'],
  errorTitle: ['无法加载', 'Could not load'],
  dismiss: ['关闭', 'Dismiss'],
  clickFacility: ['点击设施查看其步行服务范围', 'Click a facility to see its walking service area'],
  outside: ['单元外', 'Outside units'],
  language: ['English', '中文'],
  excludedHighways: ['不可步行道路', 'Not walkable'],
  excludedHighwaysHint: ['不计入步行网络的 OSM highway 类型（逗号分隔）；另排除 foot=no，及 access=no/private 且无 foot=yes/designated 的道路。', 'OSM highway=* classes left out of the walk graph (comma-separated); foot=no, and access=no/private without foot=yes/designated, are also left out.'],
} satisfies Record<string, [string, string]>;

export type StringKey = keyof typeof STRINGS;

export function translate(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  const s = STRINGS[key][lang === 'zh' ? 0 : 1];
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

export const LangContext = createContext<Lang>('zh');

export function useT() {
  const lang = useContext(LangContext);
  return (key: StringKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
}
