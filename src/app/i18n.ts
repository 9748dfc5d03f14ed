import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { FEATURE_STRINGS } from './strings/index.ts';

export type Lang = 'zh' | 'en';

/** Every UI string in Chinese and English ([zh, en]). Keys name the place the text appears. */
const CORE_STRINGS = {
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
  graphStats: ['节点 {nodes} · 路段 {edges} · 总长 {km} · 连通分量 {components}（最大 {share}）', '{nodes} nodes · {edges} edges · {km} · {components} components (largest {share})'],
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
  siting: ['服务缺口与选址', 'Service gaps and siting'],
  gapsSummary: ['{n} 处服务缺口，未覆盖 {pop} 人', '{n} service gaps, {pop} residents uncovered'],
  gapRow: ['缺口 #{rank} · {pop} · {ha}', 'Gap #{rank} · {pop} · {ha}'],
  showGaps: ['在地图上显示缺口', 'Show gaps on the map'],
  noGaps: ['该半径下没有服务缺口', 'No service gap at this radius'],
  exportGaps: ['缺口 GeoJSON', 'Gaps (GeoJSON)'],
  candidates: ['候选点', 'Candidate sites'],
  generateCandidates: ['在缺口内及周边路网节点生成候选点', 'Generate candidates at street nodes in and next to the gaps'],
  candidateFile: ['加载候选点（CSV/GeoJSON/Shapefile zip/xlsx）', 'Load candidates (CSV/GeoJSON/Shapefile zip/xlsx)'],
  layerSource: ['{format} · {encoding} · {crs}', '{format} · {encoding} · {crs}'],
  crsLabel: ['坐标系', 'Coordinates'],
  encodingLabel: ['文字编码', 'Text encoding'],
  crsDetected: ['自动（{crs}）', 'auto ({crs})'],
  crsEpsg: ['EPSG 代码…', 'EPSG code…'],
  crsEpsgPrompt: ['输入 EPSG 代码（如 4549、4490、32650）', 'EPSG code (e.g. 4549, 4490, 32650)'],
  crsFromPrj: ['来自 .prj', 'from the .prj'],
  crsFromGeojson: ['来自 GeoJSON crs', 'from the GeoJSON crs'],
  crsFromDefault: ['默认', 'default'],
  crsFromArgument: ['已选择', 'chosen'],
  dropHere: ['将文件拖放到此处加载（GeoJSON、CSV/TSV、xlsx、Shapefile zip、GeoPackage、(Geo)Parquet、OSM）', 'Drop a file here to load it (GeoJSON, CSV/TSV, xlsx, zipped Shapefile, GeoPackage, (Geo)Parquet, OSM)'],
  dropChoose: ['“{name}” 是哪一层数据？', 'Which layer is “{name}”?'],
  offsetNotice: ['{layer}：这些点看起来是{system}坐标（到最近街道的中位距离 {before} 米，转换为 WGS84 后为 {after} 米）。', '{layer}: these points look like {system} coordinates (median distance to the nearest street {before} m as loaded, {after} m after converting to WGS84).'],
  offsetGcj02: ['高德/GCJ-02', 'Amap/GCJ-02'],
  offsetBd09: ['百度/BD-09', 'Baidu/BD-09'],
  offsetMapHint: ['地图上的绿圈为转换后的位置，原位置照常显示。', 'Green rings on the map: where the conversion puts the points (shown as loaded as usual).'],
  offsetApply: ['转换为 WGS84', 'Convert to WGS84'],
  offsetKeep: ['保持原样', 'Keep as loaded'],
  offsetChoice: ['坐标偏移：{choice}', 'Coordinate offset: {choice}'],
  offsetApplied: ['已从 {crs} 转换', 'converted from {crs}'],
  offsetKept: ['已保持原样（检测提示 {crs}）', 'kept as loaded (detected {crs})'],
  project: ['项目', 'Project'],
  projectSaved: ['已自动保存于本浏览器 {time}', 'Saved in this browser at {time}'],
  projectRestored: ['已恢复上次的项目', 'Restored the last project'],
  projectExport: ['导出项目文件', 'Export project file'],
  projectImport: ['导入项目文件', 'Import project file'],
  projectReset: ['重置为默认区域', 'Reset to the default area'],
  projectSaveFailed: ['无法在本浏览器保存项目（{why}）。请“导出项目文件”保存到磁盘。', 'Could not save the project in this browser ({why}). Use “Export project file” to keep it on disk.'],
  projectImportFailed: ['无法导入 {name}，当前项目未改变：', 'Could not import {name}; the current project is unchanged:'],
  projectRestoreFailed: ['无法恢复保存的项目，已加载默认区域：', 'Could not restore the saved project; the default area was loaded:'],
  candidateLoaded: ['已加载 {name}：{n} 个候选点', 'Loaded {name}: {n} candidates'],
  remove: ['移除', 'Remove'],
  runSiting: ['计算选址', 'Suggest sites'],
  sitingRunning: ['正在选址', 'Siting'],
  resultLine: ['{model} · {method} · {status} · 目标值 {objective} · 界 {bound} · 差距 {gap} · {seconds}', '{model} · {method} · {status} · objective {objective} · bound {bound} · gap {gap} · {seconds}'],
  methodExact: ['精确解（HiGHS MILP）', 'exact (HiGHS MILP)'],
  methodHeuristic: ['启发式（贪心+交换）', 'heuristic (greedy + interchange)'],
  statusOptimal: ['已证明最优', 'proven optimal'],
  statusFeasible: ['可行解（未证明最优）', 'feasible (not proven optimal)'],
  statusInfeasible: ['无可行解', 'infeasible'],
  before: ['现状', 'Before'],
  after: ['新增后', 'After'],
  change: ['变化', 'Change'],
  meanNearest: ['到最近设施平均距离', 'Mean distance to nearest'],
  uncoveredUnits: ['未覆盖单元', 'Uncovered units'],
  proposals: ['建议新增设施', 'Proposed sites'],
  colRank: ['序', '#'],
  colCandidate: ['候选点', 'Candidate'],
  colAdded: ['新增覆盖', 'Newly covered'],
  colServed: ['服务人口', 'Served'],
  colNearestExisting: ['距现有设施', 'To existing'],
  showAfter: ['地图显示新增后的覆盖', 'Show coverage after on the map'],
  exportProposals: ['选址方案 GeoJSON', 'Proposals (GeoJSON)'],
  exportProposalsCsv: ['选址方案 CSV', 'Proposals (CSV)'],
  exportCandidates: ['候选点 CSV', 'Candidates (CSV)'],
  legendGaps: ['服务缺口（颜色越深未覆盖人口越多）', 'Service gaps (darker = more residents uncovered)'],
  legendProposals: ['建议新增设施（数字为选址顺序）', 'Proposed sites (number = selection order)'],
  legendCandidates: ['候选点', 'Candidate sites'],
  modelMclp: ['最大覆盖 MCLP', 'Maximal covering (MCLP)'],
  communitiesPassing: ['该类设施达标社区', 'Communities meeting the standard (this type)'],
  modelLscp: ['集合覆盖 LSCP', 'Set covering (LSCP)'],
  modelPmedian: ['P 中位 p-median', 'p-median'],
  standards: ['标准', 'Standards'],
  preset: ['预设', 'Preset'],
  presetShipped: ['内置标准', 'Shipped standards'],
  presetCustom: ['自定义（保存在本浏览器）', 'Custom (saved in this browser)'],
  presetLevels: ['层级', 'Levels'],
  presetTypes: ['设施类型（{n} 类）', 'Facility types ({n})'],
  colType: ['类型', 'Type'],
  colLevel: ['层级', 'Level'],
  colRadiusM: ['半径（米）', 'Radius (m)'],
  colTargetPct: ['目标（%）', 'Target (%)'],
  markUnverified: ['待核实', 'unverified'],
  markDefault: ['默认值', 'default'],
  markUnverifiedLegend: ['⚠ 待核实：该数值未能与标准原文核对，请查阅标准', '⚠ unverified value, check the standard'],
  markDefaultLegend: ['◇ 默认：标准未给出，为 Lifecircle 的替代值', '◇ default: not given by the standard, a Lifecircle stand-in'],
  requiredMark: ['▲ 应配建', '▲ required'],
  recommendedMark: ['△ 宜配建', '△ by need'],
  notAssessable: ['无法评估', 'not assessable'],
  reasonNoAppType: ['没有对应的 Lifecircle 设施类型，数据中无法识别', 'no Lifecircle facility type corresponds: cannot be found in the data'],
  reasonNoRadius: ['标准未给出服务半径', 'the standard gives no service radius'],
  editHint: ['修改半径或目标会生成自定义预设（保存在本浏览器中）；回车或离开输入框生效。', 'Editing a radius or target makes a custom preset (saved in this browser); Enter or leaving the field applies it.'],
  radiusRange: ['{name}：半径须为 {min}–{max} 米的整数（上限为搜索上限）', '{name}: the radius must be a whole number from {min} to {max} m (the search limit)'],
  targetRange: ['{name}：目标须为 0–100%', '{name}: the target must be 0–100%'],
  exportPreset: ['导出预设 JSON', 'Export preset (JSON)'],
  importPreset: ['导入预设 JSON', 'Import preset (JSON)'],
  deletePreset: ['删除此自定义预设', 'Delete this custom preset'],
  importFailed: ['无法导入 {name}，当前预设未改变：', 'Could not import {name}; the current preset is unchanged:'],
  notJson: ['不是有效的 JSON', 'not valid JSON'],
  storedSkipped: ['本浏览器保存的 {n} 个自定义预设无法读取，已忽略。', '{n} custom presets saved in this browser could not be read and were skipped.'],
  storageFailed: ['无法保存到本浏览器（{why}）：自定义预设仅在本次会话有效。', 'Could not save in this browser ({why}): the custom preset lasts for this session only.'],
  compliance: ['标准达标情况', 'Compliance with the standard'],
  complianceSummary: ['{communities} 个社区 × {types} 类设施：{fail} 项不达标；{na} 类无法评估', '{communities} communities × {types} facility types: {fail} failing; {na} types not assessable'],
  limitTooShort: ['搜索上限 {limit} 米小于预设的最大半径 {radius} 米：请提高搜索上限，否则远处居民会被计为未覆盖。', 'The search limit ({limit} m) is below the preset’s largest radius ({radius} m): raise it, or residents farther than the limit count as uncovered.'],
  completeness: ['配套完整度', 'Completeness index'],
  completenessNote: ['居民按服务半径内可达的应配建（▲）设施类型数分布（共 {n} 类可评估）', 'Residents by number of required (▲) facility types reached within their radius ({n} assessable)'],
  typesReached: ['可达类型数', 'Types reached'],
  meanCompleteness: ['人口加权平均完整度', 'Population-weighted mean completeness'],
  showCompleteness: ['地图显示配套完整度（替代覆盖率着色）', 'Show the completeness index on the map (instead of coverage)'],
  legendCompleteness: ['人口格网：配套完整度（可达的应配建类型占比）', 'Population cells: completeness (share of required types reached)'],
  legendNoCompleteness: ['无可评估的应配建类型', 'No required type assessable'],
  matrix: ['达标矩阵（{n} 个社区）', 'Compliance matrix ({n} communities)'],
  matrixNote: ['格内为覆盖率（%）。点击格子在地图上定位社区，并切换到该列的设施类型。', 'Cells show the covered share (%). Click a cell to show the community on the map and switch to that column’s facility type.'],
  colFails: ['不达标', 'Fails'],
  legendPass: ['达标', 'pass'],
  legendFail: ['不达标', 'fail'],
  legendNoResidents: ['无居民', 'no residents'],
  failureList: ['缺口最大的不达标项（前 {n} 项，共 {total} 项）', 'Largest shortfalls (top {n} of {total})'],
  colShortfall: ['缺口（人）', 'Shortfall (persons)'],
  noFailures: ['没有不达标项', 'No failures'],
  exportCompliance: ['达标情况 CSV', 'Compliance (CSV)'],
  reportOpen: ['打印报告', 'Printable report'],
  reportDownload: ['下载报告 report.html', 'Download report.html'],
} satisfies Record<string, [string, string]>;

/**
 * Feature dictionaries live next to each other in src/app/strings/ (one file per feature, same
 * [zh, en] shape) and are merged here; keys must be unique across files (prefix them with the feature).
 */
const STRINGS = { ...CORE_STRINGS, ...FEATURE_STRINGS };

/** The merged dictionary, for the completeness test. */
export const STRING_TABLE: Readonly<Record<string, readonly [string, string]>> = STRINGS;

export type StringKey = keyof typeof STRINGS;

export function translate(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  const s = STRINGS[key][lang === 'zh' ? 0 : 1];
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

export const LangContext = createContext<Lang>('zh');

/** localStorage key of the language the user chose with the toggle (absent until they choose). */
export const LANG_KEY = 'lifecircle.lang';

/**
 * The language to start in: the stored choice, else the browser's preference order: the first of
 * `languages` (navigator.languages, e.g. ['zh-CN', 'en']) that is Chinese or English decides
 * (['de', 'zh-TW'] → zh, ['en-US', 'zh-CN'] → en); English when none is.
 */
export function initialLang(stored: string | null, languages: readonly string[]): Lang {
  if (stored === 'zh' || stored === 'en') return stored;
  for (const l of languages) {
    const base = l.toLowerCase().split(/[-_]/)[0];
    if (base === 'zh' || base === 'en') return base;
  }
  return 'en';
}

/** The BCP 47 tag for `<html lang>`, Intl and the report: zh-CN or en. */
export const langTag = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

function storedLang(): string | null {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null; // storage disabled: the browser language decides every time
  }
}

/**
 * The UI language as React state: starts from `initialLang`, keeps `<html lang>` in step (screen
 * readers, CJK font choice, hyphenation) and stores an explicit choice so it survives a reload.
 */
export function useLangState(): [Lang, (lang: Lang) => void] {
  const [lang, setLangState] = useState<Lang>(() => initialLang(storedLang(), typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]));
  useEffect(() => {
    document.documentElement.lang = langTag(lang);
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
  }, []);
  return [lang, setLang];
}

export function useT() {
  const lang = useContext(LangContext);
  return (key: StringKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
}
