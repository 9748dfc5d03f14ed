import type { NetworkInput } from '../core/network-input.ts';
import type { Tags } from '../core/osm-data.ts';
import { LoadError } from './load-error.ts';
import { parseFeatureCollection } from './parse-feature-collection.ts';

/**
 * Street lines from GeoJSON LineStrings / MultiLineStrings with OSM tags as properties. Lines
 * share a vertex where they have exactly the same coordinate (as OSM-derived GeoJSON does at
 * shared nodes); crossings without a shared coordinate (bridges) stay unconnected, as in OSM.
 */
export function geojsonLinesToNetworkInput(file: string, text: string, warnings: string[] = []): NetworkInput {
  const fc = parseFeatureCollection(file, text, 'LineStrings');
  const vertexOf = new Map<string, number>();
  const coords: number[] = [];
  const lineOffsets: number[] = [0];
  const lineVertices: number[] = [];
  const lineTags: Tags[] = [];
  const lineIds: string[] = [];
  const invalid: number[] = [];
  const otherTypes = new Set<string>();
  fc.features.forEach((f, i) => {
    const g = f?.geometry;
    const parts: unknown = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
    if (g && g.type !== 'LineString' && g.type !== 'MultiLineString') otherTypes.add(String(g.type));
    // Coordinates that are not lists of [lon, lat] numbers: the feature is skipped and listed.
    if (!Array.isArray(parts) || !parts.every((p) => Array.isArray(p) && p.every(isPosition))) {
      invalid.push(i + 1);
      return;
    }
    const tags: Tags = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) if (v !== null && v !== undefined) tags[k] = String(v);
    if (!tags.highway) tags.highway = 'footway'; // untagged lines in a "streets" file are walkable paths
    for (const part of parts as number[][][]) {
      if (part.length < 2) continue;
      for (const [lon, lat] of part) {
        const key = `${lon},${lat}`;
        let v = vertexOf.get(key);
        if (v === undefined) {
          v = coords.length / 2;
          vertexOf.set(key, v);
          coords.push(lon, lat);
        }
        lineVertices.push(v);
      }
      lineOffsets.push(lineVertices.length);
      lineTags.push(tags);
      lineIds.push(String(f.properties?.osm_id ?? f.id ?? `#${i + 1}`));
    }
  });
  if (invalid.length) warnings.push(`${file}: ${invalid.length} features have invalid coordinates (not lists of [lon, lat] numbers) and were skipped (features ${invalid.slice(0, 8).join(', ')}${invalid.length > 8 ? ', …' : ''})`);
  if (lineTags.length === 0)
    throw new LoadError(file, {
      en: `no LineString features${otherTypes.size ? ` (found ${[...otherTypes].join(', ')})` : ''}: a street network needs lines; check that the street file was chosen for this layer`,
      zh: `没有 LineString 线要素${otherTypes.size ? `（只有 ${[...otherTypes].join('、')}）` : ''}：路网需要线要素，请确认为本图层选择了道路文件`,
    });
  return {
    coords: new Float64Array(coords),
    lineOffsets: Uint32Array.from(lineOffsets),
    lineVertices: Uint32Array.from(lineVertices),
    lineTags,
    lineIds,
  };
}

function isPosition(p: unknown): boolean {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
}
