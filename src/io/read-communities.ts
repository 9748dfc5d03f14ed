import type { PolygonColumns } from '../core/polygon-columns.ts';
import { coordinateProblemText } from './check-coordinates.ts';
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

/** Property names tried for the id and the display name (exported for the field-mapping step's guess). */
export const ID_KEYS = ['id', 'code', 'ID', 'CODE', '编号', '代码'];
export const NAME_KEYS = ['name', 'name_zh', 'NAME', '名称', '社区', 'community'];

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
  const skipped: number[] = [];
  const warnings: string[] = [];
  const otherTypes = new Set<string>();
  let derived = false;
  fc.features.forEach((f, i) => {
    const g = f?.geometry;
    const polys: unknown = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : null;
    if (g && g.type !== 'Polygon' && g.type !== 'MultiPolygon') otherTypes.add(String(g.type));
    // Not a polygon, or coordinates that are not lists of rings of [lon, lat] numbers: skipped and listed.
    if (!Array.isArray(polys) || polys.length === 0 || !polys.every((poly) => Array.isArray(poly) && poly.length > 0 && poly.every(isRing))) {
      skipped.push(i + 1);
      return;
    }
    const k = features.length;
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const pick = (keys: string[]) => keys.map((key) => p[key]).find((v) => v !== undefined && v !== null && v !== '');
    const id = String(pick(ID_KEYS) ?? `C${String(k + 1).padStart(2, '0')}`);
    const where = `feature ${i + 1}${pick(ID_KEYS) !== undefined ? ` (${id.slice(0, 40)})` : ''}`;
    const whereZh = `第 ${i + 1} 个要素${pick(ID_KEYS) !== undefined ? `（${id.slice(0, 40)}）` : ''}`;
    const closedPolys: number[][][][] = [];
    for (const poly of polys as number[][][][]) {
      const rings: number[][][] = [];
      for (const given of poly) {
        let ring = given;
        const [first, last] = [ring[0], ring[ring.length - 1]];
        if (first[0] !== last[0] || first[1] !== last[1]) {
          ring = [...ring, first];
          warnings.push(`${file}: ${where}: a ring is not closed (its last position differs from the first); it was closed. Fix the geometry in GIS if the shape looks wrong.`);
        }
        if (ring.length < 4) throw new LoadError(file, { en: `${where}: a polygon ring needs at least 4 positions (the first repeated at the end); fix or delete the feature`, zh: `${whereZh}：多边形的环至少需要 4 个点（首点在末尾重复一次），请修复或删除这个要素` });
        for (const [lon, lat] of ring) {
          const problem = coordinateProblemText(lon, lat);
          if (problem) throw new LoadError(file, { en: `${where}: ${problem.en}`, zh: `${whereZh}：${problem.zh}` });
          coords.push(lon, lat);
        }
        if (crossesItself(ring)) warnings.push(`${file}: ${where}: the boundary crosses itself, so which residents are inside may be wrong; repair it in GIS (e.g. QGIS "Fix geometries")`);
        ringStarts.push(coords.length / 2);
        rings.push(ring);
      }
      polygonRings.push(ringStarts.length - 1);
      feature.push(k);
      closedPolys.push(rings);
    }
    ids.push(id);
    names.push(String(pick(NAME_KEYS) ?? id));
    namesEn.push(String(p.name_en ?? pick(NAME_KEYS) ?? id));
    derived ||= p.derived === true;
    const geometry: GeoJSON.Geometry = g!.type === 'Polygon' ? { type: 'Polygon', coordinates: closedPolys[0] } : { type: 'MultiPolygon', coordinates: closedPolys };
    features.push({ type: 'Feature', geometry, properties: { ...p, id, name: names[k] } });
  });
  if (features.length === 0)
    throw new LoadError(file, {
      en: `no Polygon or MultiPolygon features (found ${fc.features.length} other features${otherTypes.size ? `: ${[...otherTypes].join(', ')}` : ''}); community units need boundary polygons`,
      zh: `没有 Polygon 或 MultiPolygon 要素（只有 ${fc.features.length} 个其他要素${otherTypes.size ? `：${[...otherTypes].join('、')}` : ''}）：社区单元需要边界多边形，请确认为本图层选择了社区边界文件`,
    });
  if (skipped.length)
    warnings.unshift(`${file}: skipped ${skipped.length} of ${fc.features.length} features that are not polygons or have invalid coordinates (features ${skipped.slice(0, 8).join(', ')}${skipped.length > 8 ? ', …' : ''})`);
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

function isRing(ring: unknown): boolean {
  return Array.isArray(ring) && ring.length > 0 && ring.every((p) => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number');
}

/**
 * True when two non-adjacent edges of a closed ring cross or touch (a bow-tie). Brute force over
 * edge pairs with a bounding-box test; rings over 3000 positions are not checked (too slow for a
 * warning, and such rings come from GIS tools that keep them valid).
 */
function crossesItself(ring: number[][]): boolean {
  const n = ring.length - 1;
  if (n < 4 || n > 3000) return false;
  const orient = (a: number[], b: number[], c: number[]) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  for (let i = 0; i < n; i++) {
    const [a, b] = [ring[i], ring[i + 1]];
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing vertex
      const [c, d] = [ring[j], ring[j + 1]];
      if (Math.max(c[0], d[0]) < Math.min(a[0], b[0]) || Math.min(c[0], d[0]) > Math.max(a[0], b[0])) continue;
      if (Math.max(c[1], d[1]) < Math.min(a[1], b[1]) || Math.min(c[1], d[1]) > Math.max(a[1], b[1])) continue;
      const [o1, o2, o3, o4] = [orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)];
      if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true;
    }
  }
  return false;
}
