import type { StringKey } from './i18n.ts';
import type { Formatters } from './locale-format.ts';

/**
 * The street network's line in the layer list, like the other layers' "format · encoding · CRS":
 * the format from the file name (what readNetwork goes by), the coordinate system (OSM files are
 * always WGS 84; GeoJSON is WGS 84 unless one was chosen) and the walk graph's size.
 */
export function networkSourceLine(name: string, crs: string | undefined, stats: { nodes: number; edges: number } | undefined,
  t: (k: StringKey, v?: Record<string, string | number>) => string, f: Formatters): string {
  const format = /\.pbf$/i.test(name) ? 'OSM PBF' : /\.osm$/i.test(name) ? 'OSM XML' : /\.(geojsonl|geojsons|ndjson|jsonl)$/i.test(name) ? 'GeoJSON lines' : 'GeoJSON';
  const system = format.startsWith('OSM') || !crs ? 'WGS 84' : crs;
  return [format, system, ...(stats ? [t('localeNetworkSource', { nodes: f.num(stats.nodes), edges: f.num(stats.edges) })] : [])].join(' · ');
}
