import { facilityTypeById, facilityTypeOfTags } from '../core/facility-types.ts';
import type { Tags } from '../core/osm-data.ts';
import type { FacilityTable } from '../core/point-tables.ts';
import { facilityTypeOfCategory } from '../core/presets/poi-category-mapping.ts';
import { coordinateProblemText } from './check-coordinates.ts';
import { geometryRepresentativePoint } from './geometry-representative-point.ts';
import { LoadError } from './load-error.ts';
import { parseCsv } from './parse-csv.ts';
import { parseFeatureCollection } from './parse-feature-collection.ts';
import type { ReadResult } from './read-population.ts';

/** A facility before typing: where it is, what it is called, and its tags or explicit type. */
export interface FacilityCandidate {
  id: string;
  lon: number;
  lat: number;
  name: string | null;
  /** Explicit type id (CSV/GeoJSON `type`), used as is; otherwise derived from `tags`. */
  type?: string;
  tags?: Tags;
}

/**
 * Facilities from GeoJSON (Points or Polygons, with a `type` property or raw OSM tags as
 * properties) or CSV (`id,lon,lat,type[,name]`). OSM files go through osmPointsOfInterest first
 * and then facilitiesFromCandidates.
 */
export function readFacilities(file: string, text: string): ReadResult<FacilityTable> {
  const body = text.replace(/^\uFEFF/, '');
  const warnings: string[] = [];
  const candidates = /^\s*[{[]/.test(body) ? geojsonCandidates(file, body, warnings) : csvCandidates(file, body, warnings);
  const r = facilitiesFromCandidates(file, candidates);
  return { table: r.table, warnings: [...warnings, ...r.warnings] };
}

/** "F2, F3, …" for a warning. */
const names = (ids: string[]) => `${ids.slice(0, 8).map((id) => id.slice(0, 40)).join(', ')}${ids.length > 8 ? ', …' : ''}`;

function geojsonCandidates(file: string, text: string, warnings: string[]): FacilityCandidate[] {
  const fc = parseFeatureCollection(file, text, 'facility points');
  if (fc.features.length === 0) throw new LoadError(file, { en: 'no features: the FeatureCollection is empty', zh: '没有要素：FeatureCollection 是空的，请确认导出了数据' });
  const out: FacilityCandidate[] = [];
  const noPoint: string[] = [];
  fc.features.forEach((f, i) => {
    const pt = geometryRepresentativePoint(f.geometry);
    const props = f.properties ?? {};
    if (!pt) {
      noPoint.push(String(props.id ?? f.id ?? `#${i + 1}`));
      return;
    }
    const tags: Tags = {};
    for (const [k, v] of Object.entries(props)) if (typeof v === 'string') tags[k] = v;
    out.push({
      id: String(props.id ?? f.id ?? `#${i + 1}`),
      lon: pt[0],
      lat: pt[1],
      name: typeof props.name === 'string' ? props.name : null,
      ...(typeof props.type === 'string' && props.type ? { type: props.type } : {}),
      tags,
    });
  });
  if (out.length === 0) {
    const types = [...new Set(fc.features.map((f) => (f.geometry ? String(f.geometry.type) : 'no geometry')))].join(', ');
    throw new LoadError(file, {
      en: `no Point or Polygon features with usable coordinates (found: ${types}); facilities need points or building/site polygons`,
      zh: `没有坐标可用的点或面要素（其中有：${types}）：设施需要点，或建筑/用地多边形，请确认为本图层选择了设施文件`,
    });
  }
  if (noPoint.length) warnings.push(`${file}: ${noPoint.length} of ${fc.features.length} features have no usable point or polygon geometry and were skipped: ${names(noPoint)}`);
  return out;
}

/** CSV column names per role, lower case (exported for the field-mapping step's guess). */
export const FACILITY_COLUMN_ALIASES = {
  id: ['id'],
  lon: ['lon', 'lng', 'longitude', 'x'],
  lat: ['lat', 'latitude', 'y'],
  type: ['type', 'category', '类型'],
  name: ['name', '名称'],
};

function csvCandidates(file: string, text: string, warnings: string[]): FacilityCandidate[] {
  const { header, rows } = parseCsv(text);
  const col = (names: string[]) => header.findIndex((h) => names.includes(h.toLowerCase()));
  const a = FACILITY_COLUMN_ALIASES;
  const [id, lon, lat, type, name] = [col(a.id), col(a.lon), col(a.lat), col(a.type), col(a.name)];
  if (lon < 0 || lat < 0 || type < 0)
    throw new LoadError(file, { en: `expected CSV columns id,lon,lat,type[,name]; found: ${header.join(', ')}`, zh: `设施 CSV 需要 id,lon,lat,type[,name] 这几列，文件中的列是：${header.join('、')}。请重命名列，或确认选对了文件` });
  if (rows.length === 0) throw new LoadError(file, { en: `the file has no data rows (only the header line "${header.join(',').slice(0, 80)}")`, zh: `文件中没有数据行（只有表头“${header.join(',').slice(0, 80)}”）：请确认导出了数据` });
  // Empty cells must not become 0 (Number('') === 0 would put the facility at 0°N 0°E).
  const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? NaN : Number(v));
  const out: FacilityCandidate[] = [];
  const noLocation: string[] = [];
  rows.forEach((r, i) => {
    const c = { id: id >= 0 && r[id] ? r[id] : `#${i + 2}`, lon: num(r[lon]), lat: num(r[lat]), name: name >= 0 ? r[name] || null : null, type: r[type]?.trim() };
    if (Number.isFinite(c.lon) && Number.isFinite(c.lat)) out.push(c);
    else noLocation.push(c.id);
  });
  if (out.length === 0) throw new LoadError(file, { en: `none of the ${rows.length} rows has numeric lon and lat`, zh: `${rows.length} 行中没有一行的 lon、lat 是数字：请检查坐标列` });
  if (noLocation.length) warnings.push(`${file}: ${noLocation.length} of ${rows.length} rows have no usable location (empty or non-numeric lon/lat) and were skipped: ${names(noLocation)}`);
  return out;
}

/**
 * Types every candidate (explicit type, else the first matching OSM tag rule) and drops those
 * without a life-circle type (restaurants, offices, …), reporting how many.
 */
/** The tags that say what a feature is, for the "not recognised" list. */
function describeTags(c: FacilityCandidate): string {
  if (c.type) return `type=${c.type}`;
  const keys = ['amenity', 'shop', 'leisure', 'healthcare', 'office', 'tourism', 'public_transport', 'railway', 'highway', 'category'];
  const parts = keys.filter((k) => c.tags?.[k]).map((k) => `${k}=${c.tags![k]}`);
  return parts.length ? parts.join(', ') : 'no type tags';
}

export function facilitiesFromCandidates(file: string, candidates: FacilityCandidate[]): ReadResult<FacilityTable> {
  const kept: { c: FacilityCandidate; type: string }[] = [];
  const untyped: FacilityCandidate[] = [];
  const unknownTypes = new Set<string>();
  for (const c of candidates) {
    const problem = coordinateProblemText(c.lon, c.lat);
    if (problem) throw new LoadError(file, { en: `facility ${c.id}: ${problem.en} (lon=${c.lon}, lat=${c.lat})`, zh: `设施 ${c.id}：${problem.zh}（lon=${c.lon}，lat=${c.lat}）` });
    // An explicit type may be one of ours or a Chinese POI category (Amap "科教文化服务;学校;小学", Baidu "教育培训;小学", 幼儿园…).
    const explicit = c.type ? (facilityTypeById(c.type) ? c.type : facilityTypeOfCategory(c.type) ?? c.type) : null;
    const type = explicit || (c.tags ? facilityTypeOfTags(c.tags) : null) || (c.tags?.category ? facilityTypeOfCategory(c.tags.category) : null);
    if (!type) {
      untyped.push(c);
      continue;
    }
    if (!facilityTypeById(type)) unknownTypes.add(type);
    kept.push({ c, type });
  }
  if (kept.length === 0 && candidates.length > 0)
    throw new LoadError(file, {
      en: `none of the ${candidates.length} features has a facility type (a "type" column/property or OSM tags such as amenity=school)`,
      zh: `${candidates.length} 个要素都没有设施类型：请填写“type”列/属性，或使用 amenity=school 等 OSM 标签`,
    });
  const types = [...new Set(kept.map((k) => k.type))].sort();
  const table: FacilityTable = {
    length: kept.length,
    ids: kept.map((k) => k.c.id),
    coords: new Float64Array(kept.flatMap((k) => [k.c.lon, k.c.lat])),
    names: kept.map((k) => k.c.name),
    types,
    typeIndex: Uint16Array.from(kept, (k) => types.indexOf(k.type)),
  };
  const warnings: string[] = [];
  if (untyped.length) {
    // Listed, not silently dropped: the planner sees what was not recognised and can fix the mapping.
    const what = (c: FacilityCandidate) => `${c.id}${c.name ? ` ${c.name}` : ''} (${describeTags(c)})`;
    warnings.push(`${file}: ${untyped.length} of ${candidates.length} features match no life-circle facility type and are not analysed: ${untyped.slice(0, 12).map(what).join('; ')}${untyped.length > 12 ? '; …' : ''}`);
  }
  if (unknownTypes.size) warnings.push(`${file}: types not in the GB 50180 catalogue, kept with a 500 m default radius: ${[...unknownTypes].join(', ')}`);
  return { table, warnings };
}
