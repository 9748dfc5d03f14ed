/** The population form control (人口形式): units, buildings or community totals spread over buildings or area. */
export const POPULATION_STRINGS = {
  populationFrom: ['人口形式', 'Population is'],
  populationFromUnits: ['点或格网', 'points or grid cells'],
  populationFromBuildings: ['建筑', 'buildings'],
  populationFromCommunityTotals: ['社区总数', 'community totals'],
  populationSpreadOver: ['分摊到', 'spread over'],
  populationSpreadBuildings: ['住宅建筑（按建筑面积）', 'residential buildings (by floor area)'],
  populationSpreadArea: ['社区面积（均匀）', 'the community area (evenly)'],
  populationM2PerPerson: ['人均建筑面积', 'Floor area per person'],
  populationM2Unit: ['m²/人', 'm²/person'],
  populationM2Hint: ['默认 {value} m²/人：{source}。可按研究区修改。', 'Default {value} m²/person: {source}. Edit for the study area.'],
  populationBuildingsFile: ['建筑文件', 'Buildings file'],
  populationBuildingsDefault: ['默认：本区域建筑（OSM）', 'default: this area’s buildings (OSM)'],
  populationApply: ['应用到已加载的人口文件', 'Apply to the loaded population file'],
  populationNextFile: ['新加载的人口文件按此形式读取。社区总数表需含社区编号或名称列和人口列，并先加载社区边界。', 'The next population file is read in this form. A community totals table needs a community id or name column and a total column, with the community units loaded first.'],
  populationMethodLabel: ['人口方法', 'Population method'],
} satisfies Record<string, [string, string]>;
