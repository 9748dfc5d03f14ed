import type { LayerSource } from '../read-any-layer.ts';
import { FACILITY_COLUMN_ALIASES } from '../read-facilities.ts';
import { ID_KEYS, NAME_KEYS } from '../read-communities.ts';
import { POPULATION_ALIASES } from '../read-population.ts';
import { FIELD_ROLES, missingRoles, ROLES_BY_KIND, type FieldMapping, type FieldRole, type MappedKind } from './field-mapping.ts';
import { fileSignature } from './file-signature.ts';
import { guessFacilityType } from './guess-facility-type.ts';
import { cellOf, columnsOf, rowCount, type LayerTable } from './layer-table.ts';
import { findRowProblems, type RowProblem } from './row-problems.ts';

/**
 * Names planners' tables use besides the readers' own aliases (which come first): Chinese
 * statistical and POI exports (经度/纬度, 户数, 建筑面积, 层数) and common GIS spellings.
 */
const EXTRA_ALIASES: Record<FieldRole, string[]> = {
  id: ['编号', '代码', '序号', '小区编号', '社区编号', '社区代码', '设施编号', 'objectid', 'uid', 'poi_id', 'poiid'],
  name: ['name', 'name_zh', '名称', '名字', '设施名称', '小区名称', '小区名', 'title'],
  pop: ['常住人口', '总人口', '人口数', '人数', 'pop_total'],
  households: ['households', 'hh', '户数', '总户数', '住户数', '户'],
  type: ['类别', '设施类型', '分类', 'poi类型', 'kind', 'class'],
  capacity: ['capacity', '容量', '规模', '床位', '床位数', '学位', '学位数'],
  floor_area: ['floor_area', 'floorarea', 'gfa', '建筑面积', '总建筑面积'],
  levels: ['levels', 'floors', 'building:levels', '层数', '楼层', '楼层数'],
  community: ['community', '社区', '所属社区', '社区名称'],
  lon: ['经度', 'wgs84_lng', 'wgs_lng', 'gcj_lng', 'bd_lng', 'point_x', 'long'],
  lat: ['纬度', 'wgs84_lat', 'wgs_lat', 'gcj_lat', 'bd_lat', 'point_y'],
};

function aliasesFor(kind: MappedKind, role: FieldRole): string[] {
  const reader: string[] =
    kind === 'population' ? (role in POPULATION_ALIASES ? POPULATION_ALIASES[role as keyof typeof POPULATION_ALIASES] : [])
    : kind === 'facilities' ? (role in FACILITY_COLUMN_ALIASES ? FACILITY_COLUMN_ALIASES[role as keyof typeof FACILITY_COLUMN_ALIASES] : [])
    : role === 'id' ? ID_KEYS : role === 'name' ? NAME_KEYS : [];
  // The population reader takes "name" as an id when nothing better exists; the mapping has a name role for it.
  const own = kind === 'population' && role === 'id' ? reader.filter((a) => a !== 'name') : reader;
  // A community's own name in a community layer; in a population table the same column names the community the unit is in.
  const extra = kind === 'communities' && role === 'name' ? ['社区名称', '名称'] : [];
  return [role, ...own, ...extra, ...EXTRA_ALIASES[role]];
}

/** "人口（人）", "Pop (2020)", " 经度 " → "人口", "pop", "经度": units and notes in brackets do not change the meaning. */
const bare = (s: string) => s.replace(/[（(【[].*?[）)】\]]/g, '').trim().toLowerCase();

/**
 * The mapping the readers would use on their own, extended with Chinese names: each role takes
 * the first matching column not already taken (roles in the order lon, lat, pop, households, type,
 * id, name, …, so that a "name" column is not used up as an id).
 */
export function guessFieldMapping(kind: MappedKind, t: LayerTable): FieldMapping {
  const cols = columnsOf(t);
  const taken = new Set<string>();
  const columns: FieldMapping['columns'] = {};
  const order: FieldRole[] = ['lon', 'lat', 'pop', 'households', 'type', 'id', 'name', 'capacity', 'floor_area', 'levels', 'community'];
  for (const role of order) {
    if (!ROLES_BY_KIND[kind].includes(role) || (t.format === 'geojson' && (role === 'lon' || role === 'lat'))) continue;
    for (const alias of aliasesFor(kind, role)) {
      const hit = cols.find((c) => !taken.has(c) && (c.toLowerCase() === alias.toLowerCase() || bare(c) === alias.toLowerCase()));
      if (hit) {
        columns[role] = hit;
        taken.add(hit);
        break;
      }
    }
  }
  return { kind, columns };
}

export interface ColumnInfo {
  name: string;
  /** The first few non-empty values, for the dialog. */
  samples: string[];
}

export interface TypeValueCount {
  value: string;
  count: number;
  /** The facility type the value most likely means (id, Amap/Baidu category, type name), or null. */
  guess: string | null;
}

/** What the mapping dialog shows about a file. */
export interface LayerInspection {
  kind: MappedKind;
  source: LayerSource;
  /** How the readers see the text: a table (lon/lat columns) or GeoJSON features (geometry). */
  table: 'csv' | 'geojson';
  columns: ColumnInfo[];
  rowCount: number;
  /** GeoJSON: features per geometry type ("null" for none). */
  geometryKinds: Record<string, number> | null;
  guess: FieldMapping;
  signature: string;
  /** The mapping checked below: the one asked about, else the guess. */
  mapping: FieldMapping;
  missing: FieldRole[];
  problems: RowProblem[];
  /** Distinct values of the mapping's type column, most frequent first (at most 500). */
  typeValues: TypeValueCount[] | null;
  typeValuesTruncated: boolean;
  /** Set when only the first rows of a large table were checked (their number). */
  sampledRows?: number;
}

const MAX_TYPE_VALUES = 500;

export function inspectLayerTable(kind: MappedKind, t: LayerTable, source: LayerSource, mapping?: FieldMapping): LayerInspection {
  const names = columnsOf(t);
  const n = rowCount(t);
  const columns = names.map((name) => {
    const samples: string[] = [];
    for (let i = 0; i < n && samples.length < 5; i++) {
      const v = cellOf(t, i, name);
      if (v.trim() !== '') samples.push(v.length > 60 ? `${v.slice(0, 57)}…` : v);
    }
    return { name, samples };
  });
  let geometryKinds: Record<string, number> | null = null;
  if (t.format === 'geojson') {
    geometryKinds = {};
    for (const f of t.features) {
      const k = f.geometry ? f.geometry.type : 'null';
      geometryKinds[k] = (geometryKinds[k] ?? 0) + 1;
    }
  }
  const guess = guessFieldMapping(kind, t);
  const m = mapping ?? guess;
  let typeValues: TypeValueCount[] | null = null;
  let typeValuesTruncated = false;
  if (kind === 'facilities' && m.columns.type) {
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const v = cellOf(t, i, m.columns.type).trim();
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    typeValuesTruncated = sorted.length > MAX_TYPE_VALUES;
    typeValues = sorted.slice(0, MAX_TYPE_VALUES).map(([value, count]) => ({ value, count, guess: guessFacilityType(value) }));
  }
  return {
    kind,
    source,
    table: t.format,
    columns,
    rowCount: n,
    geometryKinds,
    guess,
    signature: fileSignature(kind, source.format, names),
    mapping: m,
    missing: missingRoles(m, t.format),
    problems: findRowProblems(t, m),
    typeValues,
    typeValuesTruncated,
  };
}

/**
 * Whether the planner has to answer before loading: a needed field has no column while some
 * there are columns that could be them (not used for another field, not named as another field,
 * not a number — a header line of data gets the reader's own message — and as many as are missing), or type values match no facility type and
 * were not answered in the mapping. Rows with problems count only with `rowProblems` (the app asks
 * about them automatically only for files it maps; otherwise the reader's skipping/refusal stands
 * and the problems are offered for review). Files the readers understand load without a question.
 */
export function mappingNeedsAnswer(ins: LayerInspection, { rowProblems = true }: { rowProblems?: boolean } = {}): boolean {
  const used = new Set(Object.values(ins.mapping.columns).map((c) => c!.toLowerCase()));
  const canonical = new Set<string>(FIELD_ROLES);
  const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));
  const headerIsData = ins.table === 'csv' && ins.columns.filter((c) => isNumber(c.name)).length >= 2;
  const free = ins.columns.filter((c) => !used.has(c.name.toLowerCase()) && !canonical.has(c.name.toLowerCase()) && !isNumber(c.name));
  // No feature with a usable geometry (lines given as points, …): nothing a mapping could fix.
  const located = ins.problems.find((p) => p.kind === 'no_location')?.rows.length !== ins.rowCount || ins.rowCount === 0;
  if (ins.missing.length && free.length >= ins.missing.length && !headerIsData && located) return true;
  if (rowProblems && ins.problems.length) return true;
  const answered = ins.mapping.typeValues ?? {};
  return !!ins.typeValues?.some((v) => !v.guess && !Object.hasOwn(answered, v.value));
}
