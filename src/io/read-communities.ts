import type { PolygonColumns } from '../core/polygon-columns.ts';
import { coordinateProblem } from './check-coordinates.ts';
import { LoadError } from './load-error.ts';
import { parseFeatureCollection } from './parse-feature-collection.ts';

/** Community units: any polygon layer, with display names; GeoJSON is kept for drawing. */
export interface CommunityLayer {
  polygons: PolygonColumns;
  ids: string[];
  names: string[];
  namesEn: string[];
  /** True when the units are derived stand-ins, not official 社区 boundaries. */
  derived: boolean;
  geojson: GeoJSON.FeatureCollection;
}

const ID_KEYS = ['id', 'code', 'ID', 'CODE', '编号', '代码'];
const NAME_KEYS = ['name', 'name_zh', 'NAME', '名称', '社区', 'community'];

/** Reads (Multi)Polygon features; other geometries are reported and skipped. */
export function readCommunities(file: string, text: string): { table: CommunityLayer; warnings: string[] } {
  const fc = parseFeatureCollection(file, text, 'polygons');
  const coords: number[] = [];
  const ringStarts: number[] = [0];
  const polygonRings: number[] = [0];
  const feature: number[] = [];
  const features: GeoJSON.Feature[] = [];
  const ids: string[] = [];
  const names: string[] = [];
  const namesEn: string[] = [];
  let skipped = 0;
  let derived = false;
  for (const f of fc.features) {
    const g = f?.geometry;
    const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : null;
    if (!polys || polys.length === 0) {
      skipped++;
      continue;
    }
    const k = features.length;
    for (const poly of polys) {
      for (const ring of poly) {
        if (ring.length < 4) throw new LoadError(file, `feature ${k + 1}: a polygon ring needs at least 4 positions`);
        for (const [lon, lat] of ring) {
          const problem = coordinateProblem(lon, lat);
          if (problem) throw new LoadError(file, `feature ${k + 1}: ${problem}`);
          coords.push(lon, lat);
        }
        ringStarts.push(coords.length / 2);
      }
      polygonRings.push(ringStarts.length - 1);
      feature.push(k);
    }
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const pick = (keys: string[]) => keys.map((key) => p[key]).find((v) => v !== undefined && v !== null && v !== '');
    const id = String(pick(ID_KEYS) ?? `C${String(k + 1).padStart(2, '0')}`);
    ids.push(id);
    names.push(String(pick(NAME_KEYS) ?? id));
    namesEn.push(String(p.name_en ?? pick(NAME_KEYS) ?? id));
    derived ||= p.derived === true;
    features.push({ type: 'Feature', geometry: g!, properties: { ...p, id, name: names[k] } });
  }
  if (features.length === 0) throw new LoadError(file, `no Polygon or MultiPolygon features (found ${fc.features.length} other features)`);
  const warnings = skipped ? [`${file}: ${skipped} features are not polygons and were skipped`] : [];
  return {
    table: {
      polygons: {
        coords: new Float64Array(coords),
        ringStarts: Uint32Array.from(ringStarts),
        polygonRings: Uint32Array.from(polygonRings),
        feature: Uint32Array.from(feature),
        featureCount: features.length,
      },
      ids,
      names,
      namesEn,
      derived,
      geojson: { type: 'FeatureCollection', features },
    },
    warnings,
  };
}
