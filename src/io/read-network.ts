import type { NetworkInput } from '../core/network-input.ts';
import { geojsonLinesToNetworkInput } from './geojson-lines-to-network-input.ts';
import { LoadError } from './load-error.ts';
import { osmToNetworkInput } from './osm/osm-to-network-input.ts';
import { readOsmFile } from './osm/read-osm-file.ts';

const isGeoJsonName = (name: string) => /\.(geo)?json$/i.test(name);

/**
 * Street lines from `.osm.pbf`, `.osm` XML, or GeoJSON LineStrings with OSM tags. The walkable
 * rule is applied later, when the graph is built.
 */
export function readNetwork(name: string, bytes: Uint8Array): { input: NetworkInput; warnings: string[] } {
  if (isGeoJsonName(name)) return { input: geojsonLinesToNetworkInput(name, new TextDecoder().decode(bytes)), warnings: [] };
  let result;
  try {
    result = osmToNetworkInput(readOsmFile(name, bytes));
  } catch (e) {
    throw e instanceof LoadError ? e : new LoadError(name, (e as Error).message);
  }
  if (result.input.lineTags.length === 0) throw new LoadError(name, 'the OSM file has no highway=* ways, so there is no street network to walk on');
  const warnings = result.missingNodeRefs
    ? [`${name}: ${result.waysWithMissingNodes} ways reference ${result.missingNodeRefs} nodes outside the extract; their present parts were kept`]
    : [];
  return { input: result.input, warnings };
}
