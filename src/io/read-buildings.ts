import type { BuildingTable } from '../core/population/building-table.ts';
import { POPULATION_SOURCE_FIELDS, type PopulationSource } from '../core/population/population-source-spec.ts';
import type { PolygonColumns } from '../core/polygon-columns.ts';
import { coordinateProblem } from './check-coordinates.ts';
import { LoadError } from './load-error.ts';
import { parseFeatureCollection } from './parse-feature-collection.ts';

/** Building-type properties, in order: OSM `building`, then a type column (e.g. after field mapping). */
const KIND_KEYS = ['building', 'type', '建筑类型', '类型', '用途'];
const ID_KEYS = ['id', 'osm_id', 'fid', 'code', '编号'];

type Props = Record<string, unknown>;

/** The first property among `names` present in `props` (case-insensitive). */
export function pickProperty(props: Props, names: readonly string[]): unknown {
  const lower = new Map(Object.keys(props).map((k) => [k.toLowerCase(), k]));
  for (const n of names) {
    const k = lower.get(n.toLowerCase());
    if (k !== undefined && props[k] !== null && props[k] !== undefined && String(props[k]).trim() !== '') return props[k];
  }
  return undefined;
}

/** A number from a cell ("12", "12.5", "12 m", "18层"); NaN when there is none. */
export function numberOf(v: unknown): number {
  if (v === undefined || v === null) return NaN;
  if (typeof v === 'number') return v;
  const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(String(v));
  return m ? Number(m[1]) : NaN;
}

/** A field's names to look for: the one chosen (only it), else its aliases. */
function namesFor(key: (typeof POPULATION_SOURCE_FIELDS)[number]['key'], source: PopulationSource): readonly string[] {
  const chosen = source[key];
  return chosen ? [chosen] : POPULATION_SOURCE_FIELDS.find((f) => f.key === key)!.aliases;
}

/**
 * (Multi)Polygon features to polygon columns, one feature per kept input feature; features that
 * are not polygons, or have broken coordinates, are skipped and returned by index (1-based).
 * Rings are closed when open.
 */
export function polygonsOf(file: string, fc: GeoJSON.FeatureCollection<GeoJSON.Geometry | null, Props | null>, keep: (props: Props) => boolean = () => true) {
  const coords: number[] = [];
  const ringStarts: number[] = [0];
  const polygonRings: number[] = [0];
  const feature: number[] = [];
  const kept: number[] = [];
  const skipped: number[] = [];
  fc.features.forEach((f, i) => {
    const g = f?.geometry;
    if (!keep(f?.properties ?? {})) return;
    const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : null;
    const ok = Array.isArray(polys) && polys.length > 0 && polys.every((p) => Array.isArray(p) && p.length > 0 && p.every((r) => Array.isArray(r) && r.length >= 3 && r.every((q) => Array.isArray(q) && typeof q[0] === 'number' && typeof q[1] === 'number')));
    if (!ok) {
      skipped.push(i + 1);
      return;
    }
    const k = kept.length;
    for (const poly of polys!) {
      for (const ring of poly) {
        for (const [lon, lat] of ring) {
          const problem = coordinateProblem(lon, lat);
          if (problem) throw new LoadError(file, `feature ${i + 1}: ${problem}`);
          coords.push(lon, lat);
        }
        const [a, b] = [ring[0], ring[ring.length - 1]];
        if (a[0] !== b[0] || a[1] !== b[1]) coords.push(a[0], a[1]);
        ringStarts.push(coords.length / 2);
      }
      polygonRings.push(ringStarts.length - 1);
      feature.push(k);
    }
    kept.push(i);
  });
  const polygons: PolygonColumns = {
    coords: Float64Array.from(coords),
    ringStarts: Uint32Array.from(ringStarts),
    polygonRings: Uint32Array.from(polygonRings),
    feature: Uint32Array.from(feature),
    featureCount: kept.length,
  };
  return { polygons, kept, skipped };
}

/**
 * Building footprints (GeoJSON in WGS84, as readAnyLayer gives any format) with their type
 * (`building=*`), floors (`building:levels`/层数), height, residents and floor-area columns.
 * Column names come from `source` or the aliases in POPULATION_SOURCE_FIELDS.
 */
export function readBuildings(file: string, text: string, source: PopulationSource = { from: 'buildings' }): { table: BuildingTable; warnings: string[] } {
  if (!/^\s*[{[]/.test(text.replace(/^\uFEFF/, '')))
    throw new LoadError(file, { en: 'buildings must be polygons (GeoJSON, GeoJSON Lines or a zipped Shapefile), not a table', zh: '建筑须为面要素（GeoJSON、GeoJSON Lines 或 Shapefile 压缩包），不能是表格' });
  const fc = parseFeatureCollection(file, text, 'building polygons');
  const { polygons, kept, skipped } = polygonsOf(file, fc);
  if (kept.length === 0)
    throw new LoadError(file, { en: `no building polygons: none of the ${fc.features.length} features is a Polygon or MultiPolygon`, zh: `没有建筑面：${fc.features.length} 个要素中没有 Polygon 或 MultiPolygon` });
  const props = kept.map((i) => (fc.features[i].properties ?? {}) as Props);
  const col = (key: Parameters<typeof namesFor>[0]) => Float64Array.from(props, (p) => numberOf(pickProperty(p, namesFor(key, source))));
  const table: BuildingTable = {
    length: kept.length,
    ids: props.map((p, k) => String(pickProperty(p, ID_KEYS) ?? `#${kept[k] + 1}`)),
    polygons,
    kind: props.map((p) => String(pickProperty(p, KIND_KEYS) ?? '').trim().toLowerCase()),
    levels: col('levelsField'),
    heightM: col('heightField'),
    residents: col('residentsField'),
    floorAreaM2: col('floorAreaField'),
  };
  const warnings = skipped.length
    ? [`${file}: skipped ${skipped.length} of ${fc.features.length} features that are not polygons (features ${skipped.slice(0, 8).join(', ')}${skipped.length > 8 ? ', …' : ''})`]
    : [];
  return { table, warnings };
}

/** Residential land-use polygons: OSM `landuse=residential`, or a 用地性质 / land-use code R… / 居住…. */
export function readResidentialLanduse(file: string, text: string): PolygonColumns {
  const fc = parseFeatureCollection(file, text, 'land-use polygons');
  const residential = (p: Props) => {
    const v = String(pickProperty(p, ['landuse', '用地性质', '用地类型', 'land_use']) ?? '').trim();
    return v.toLowerCase() === 'residential' || /^R\d*$/i.test(v) || v.startsWith('居住');
  };
  return polygonsOf(file, fc, residential).polygons;
}
