import { buildingResidents, measureBuildings } from '../core/population/building-residents.ts';
import { populationMethod, type PopulationMethod } from '../core/population/population-method.ts';
import { POPULATION_SOURCE_FIELDS, validatePopulationSource, withSourceDefaults, type PopulationSource } from '../core/population/population-source-spec.ts';
import { spreadCommunityTotals } from '../core/population/spread-community-totals.ts';
import type { PopulationTable } from '../core/point-tables.ts';
import type { PolygonColumns } from '../core/polygon-columns.ts';
import { shippedFloorAreaRules } from '../core/presets/preset-catalog.ts';
import { LoadError } from './load-error.ts';
import { parseCsv } from './parse-csv.ts';
import { numberOf, pickProperty, readBuildings } from './read-buildings.ts';
import { readCommunities, type CommunityLayer } from './read-communities.ts';
import { readPopulation, type PopulationFields } from './read-population.ts';

/** A text layer already converted to WGS84 GeoJSON/CSV (readAnyLayer), with its file name. */
export interface TextLayer {
  name: string;
  text: string;
}

export interface PopulationSourceInputs {
  /** The loaded community units (needed for a totals table without geometry). */
  communities?: CommunityLayer;
  /** Building footprints (needed to spread community totals over buildings). */
  buildings?: TextLayer;
  /** Residential land use (OSM landuse=residential), used to tell which `building=yes` are homes. */
  landuse?: PolygonColumns;
  /** Column renames for `from: 'units'` (readPopulation). */
  fields?: Partial<PopulationFields>;
}

export interface PopulationSourceResult {
  table: PopulationTable;
  warnings: string[];
  method: PopulationMethod;
}

/** Household-count columns, used when a totals table has no persons column. */
const HOUSEHOLD_NAMES = ['households', 'hh', '户数', '总户数', '家庭户数'];

const list = (xs: (number | string)[]) => `${xs.slice(0, 8).join(', ')}${xs.length > 8 ? ', …' : ''}`;
const isJson = (text: string) => /^\s*[{[]/.test(text.replace(/^\uFEFF/, ''));

/**
 * The population layer in any of its forms (see PopulationSource):
 * - `units`: points or grid cells with a population (readPopulation);
 * - `buildings`: the file is building footprints; residents per home building (buildingResidents);
 * - `community-totals`: one total per community, either community polygons with a total property,
 *   or a table (CSV/xlsx, no geometry) joined to the loaded community units by id, else by name;
 *   spread over the community's residential buildings or its area (spreadCommunityTotals).
 * Problems that do not stop the load (unknown community ids, non-numeric totals, communities
 * without a total, fallbacks to area) are warnings naming rows and ids.
 */
export function readPopulationSource(file: string, text: string, spec: PopulationSource, inputs: PopulationSourceInputs = {}): PopulationSourceResult {
  const problems = validatePopulationSource(spec as unknown as Record<string, unknown>);
  if (problems.length) throw new LoadError(file, problems.join('; '));
  const s = withSourceDefaults(spec);
  if (s.from === 'units') {
    const r = readPopulation(file, text, inputs.fields);
    return { ...r, method: populationMethod(s, s) };
  }
  if (s.from === 'buildings') {
    const b = readBuildings(file, text, s);
    const { table, measures } = buildingResidents(b.table, s.m2PerPerson, inputs.landuse);
    const warnings = [...b.warnings];
    if (measures.counts.residential === 0)
      throw new LoadError(file, {
        en: `none of the ${b.table.length} buildings is residential (building=residential/apartments/house/…, building=yes inside residential land use, or a residents value): population cannot be placed. Add a residents or building-type column, or load community totals instead`,
        zh: `${b.table.length} 栋建筑中没有住宅建筑（building=residential/apartments/house 等、住宅用地内的 building=yes，或有居民数），无法放置人口：请加入居民数或建筑类型字段，或改用社区人口总数`,
      });
    return { table, warnings, method: populationMethod(s, { ...s, buildings: measures.counts }) };
  }
  return readCommunityTotals(file, text, s, inputs);
}

function readCommunityTotals(file: string, text: string, s: ReturnType<typeof withSourceDefaults>, inputs: PopulationSourceInputs): PopulationSourceResult {
  const warnings: string[] = [];
  const totalNames = s.totalField ? [s.totalField] : POPULATION_SOURCE_FIELDS.find((f) => f.key === 'totalField')!.aliases;
  let communities: { polygons: PolygonColumns; ids: string[] };
  let totals: Float64Array;
  // 1 = the table gives persons; else persons per household (the table gives households).
  const perHousehold = { size: 1 };
  if (isJson(text)) {
    // Community polygons carrying their own total.
    const c = readCommunities(file, text);
    warnings.push(...c.warnings);
    communities = c.table;
    totals = new Float64Array(c.table.ids.length).fill(NaN);
    const bad: number[] = [];
    c.table.geojson.features.forEach((f, k) => {
      const v = pickProperty((f.properties ?? {}) as Record<string, unknown>, totalNames);
      const x = v === undefined ? NaN : numberOf(v);
      if (Number.isFinite(x) && x >= 0) totals[k] = x;
      else bad.push(k + 1);
    });
    if (bad.length === totals.length)
      throw new LoadError(file, { en: `no community has a total: expected a property ${totalNames.slice(0, 4).join(' / ')} with a number of persons`, zh: `没有社区带人口总数：需要属性 ${totalNames.slice(0, 4).join(' / ')}（人数）` });
    if (bad.length) warnings.push(`${file}: ${bad.length} communities have no numeric total and hold no population (features ${list(bad)})`);
  } else {
    if (!inputs.communities)
      throw new LoadError(file, { en: 'a table of community totals needs the community boundaries: load the community layer first (or give the totals as community polygons with a total property)', zh: '社区人口表需要社区边界：请先加载社区图层（或提供带人口属性的社区面）' });
    communities = inputs.communities;
    totals = joinTotals(file, text, s, inputs.communities, totalNames, warnings, perHousehold);
  }
  const missing = communities.ids.filter((_, k) => !(totals[k] >= 0));
  if (missing.length && !isJson(text)) warnings.push(`${file}: ${missing.length} of ${communities.ids.length} communities have no total in the table and hold no population (${list(missing)})`);

  let buildings;
  let counts;
  if (s.spreadOver === 'buildings') {
    if (!inputs.buildings)
      throw new LoadError(file, { en: 'spreading community totals over buildings needs a buildings file (or choose to spread over the area)', zh: '按住宅建筑分摊社区人口需要建筑文件（或改为按面积分摊）' });
    const b = readBuildings(inputs.buildings.name, inputs.buildings.text, s);
    warnings.push(...b.warnings);
    const m = measureBuildings(b.table, inputs.landuse);
    counts = m.counts;
    if (m.counts.residential === 0) warnings.push(`${inputs.buildings.name}: none of the ${b.table.length} buildings is residential; every community is spread over its area instead`);
    const keep = [...m.residential.keys()].filter((i) => m.residential[i]);
    buildings = {
      ids: keep.map((i) => b.table.ids[i]),
      centroids: Float64Array.from(keep.flatMap((i) => [m.centroids[2 * i], m.centroids[2 * i + 1]])),
      weight: Float64Array.from(keep, (i) => m.floorAreaM2[i]),
    };
  }
  const r = spreadCommunityTotals(communities, totals, s.spreadOver, { buildings, gridM: s.gridM });
  if (r.fellBack.length)
    warnings.push(`${file}: ${r.fellBack.length} communities have no residential building inside, so their totals are spread evenly over their area (${list(r.fellBack.map((k) => communities.ids[k]))})`);
  const placedCount = r.placed.reduce((n, x) => n + (x > 0 ? 1 : 0), 0);
  const total = r.placed.reduce((a, x) => a + x, 0);
  if (r.table.length === 0) throw new LoadError(file, { en: 'no community total could be placed (all totals are zero or missing)', zh: '没有可放置的社区人口（总数均为零或缺失）' });
  const method = populationMethod(s, { ...s, buildings: counts, communitiesPlaced: placedCount, fellBack: r.fellBack.length, total });
  if (perHousehold.size !== 1) {
    method.zh += `；社区人口 = 户数 × ${perHousehold.size} 人/户`;
    method.en += `; community totals = households × ${perHousehold.size} persons per household`;
  }
  return { table: r.table, warnings, method };
}

/**
 * Totals per community from a table: the community column (id, else name) matched to the loaded
 * units' ids first, then their names; rows for the same community are added up.
 */
function joinTotals(file: string, text: string, s: PopulationSource, c: CommunityLayer, totalNames: readonly string[], warnings: string[], perHousehold: { size: number }): Float64Array {
  const { header, rows } = parseCsv(text);
  const lower = header.map((h) => h.trim().toLowerCase());
  const find = (names: readonly string[]) => names.map((n) => lower.indexOf(n.toLowerCase())).find((i) => i >= 0) ?? -1;
  let totalCol = find(totalNames);
  // No persons column but households (户数): persons = households × the census household size.
  const householdsCol = totalCol < 0 && !s.totalField ? find(HOUSEHOLD_NAMES) : -1;
  if (householdsCol >= 0) {
    totalCol = householdsCol;
    perHousehold.size = shippedFloorAreaRules().household_size.value;
    warnings.push(`${file}: no population column, so totals = "${header[householdsCol]}" × ${perHousehold.size} persons per household (${shippedFloorAreaRules().household_size.source.standard}; data/presets/local-floor-area-rules.json)`);
  }
  const communityNames = s.communityField ? [s.communityField] : POPULATION_SOURCE_FIELDS.find((f) => f.key === 'communityField')!.aliases;
  // Every candidate column, so "id" that misses and "name" that matches still joins.
  const keyCols = s.communityField ? [find(communityNames)] : communityNames.map((n) => lower.indexOf(n.toLowerCase())).filter((i, k, a) => i >= 0 && a.indexOf(i) === k);
  if (totalCol < 0 || keyCols.length === 0 || keyCols[0] < 0)
    throw new LoadError(file, {
      en: `a community totals table needs a community column (${communityNames.slice(0, 5).join(' / ')}) and a total column (${totalNames.slice(0, 5).join(' / ')}); found: ${header.join(', ')}`,
      zh: `社区人口表需要社区列（${communityNames.slice(0, 5).join(' / ')}）和人口列（${totalNames.slice(0, 5).join(' / ')}）；文件中的列：${header.join(', ')}`,
    });
  const byId = new Map(c.ids.map((id, k) => [id.trim(), k]));
  const byName = new Map<string, number>();
  c.names.forEach((n, k) => { if (!byName.has(n.trim())) byName.set(n.trim(), k); });
  c.namesEn.forEach((n, k) => { if (!byName.has(n.trim())) byName.set(n.trim(), k); });
  const totals = new Float64Array(c.ids.length).fill(NaN);
  const unknown: string[] = [];
  const notNumber: number[] = [];
  const repeated: string[] = [];
  let matched = 0;
  rows.forEach((row, i) => {
    const line = i + 2;
    if (row.every((cell) => cell.trim() === '')) return;
    const keys = keyCols.map((col) => (row[col] ?? '').trim()).filter(Boolean);
    const k = keys.map((key) => byId.get(key)).find((x) => x !== undefined) ?? keys.map((key) => byName.get(key)).find((x) => x !== undefined);
    if (k === undefined) {
      unknown.push(`row ${line} "${(keys[0] ?? '').slice(0, 30)}"`);
      return;
    }
    const cell = (row[totalCol] ?? '').trim().replace(/,/g, '');
    const x = cell === '' ? NaN : Number(cell) * perHousehold.size;
    if (!Number.isFinite(x) || x < 0) {
      notNumber.push(line);
      return;
    }
    if (totals[k] >= 0) repeated.push(c.ids[k]);
    totals[k] = (totals[k] >= 0 ? totals[k] : 0) + x;
    matched++;
  });
  if (unknown.length)
    warnings.push(`${file}: ${unknown.length} rows name a community that is not in the community layer and were not placed (${list(unknown)}); check the ids/names or load the matching boundaries`);
  if (notNumber.length) warnings.push(`${file}: rows ${list(notNumber)} have no non-negative number in "${header[totalCol]}" and were not placed`);
  if (repeated.length) warnings.push(`${file}: communities ${list([...new Set(repeated)])} appear on several rows; their totals were added up`);
  if (matched === 0)
    throw new LoadError(file, {
      en: `no row matches a community of the community layer by id or name (${list(unknown)}); the layer's ids look like ${list(c.ids.slice(0, 3))}`,
      zh: `没有一行能按编号或名称对应到社区图层（${list(unknown)}）；社区图层的编号例如 ${list(c.ids.slice(0, 3))}`,
    });
  return totals;
}
