import type { NetworkInput } from '../core/network-input.ts';
import { parseCrs } from '../core/crs/parse-crs.ts';
import { toWgs84 } from '../core/crs/to-wgs84.ts';
import { coordinateProblem } from './check-coordinates.ts';
import { decodeText } from './decode-text.ts';
import { geojsonLinesToNetworkInput } from './geojson-lines-to-network-input.ts';
import { checkFileSize } from './file-size-limit.ts';
import { LoadError } from './load-error.ts';
import { osmToNetworkInput } from './osm/osm-to-network-input.ts';
import { readOsmFile } from './osm/read-osm-file.ts';

const isGeoJsonName = (name: string) => /\.(geo)?json$/i.test(name);

/**
 * Street lines from `.osm.pbf`, `.osm` XML, or GeoJSON LineStrings with OSM tags. The walkable
 * rule is applied later, when the graph is built. `crs` (what parseCrs accepts; default WGS84)
 * applies to GeoJSON only: its vertices are converted to WGS84 lon/lat after the lines are joined,
 * so shared vertices stay shared. OSM files are always WGS84.
 */
export function readNetwork(name: string, bytes: Uint8Array, crs?: string): { input: NetworkInput; warnings: string[] } {
  if (bytes.length === 0) throw new LoadError(name, 'the file is empty (0 bytes)');
  checkFileSize(name, bytes.length);
  let from;
  try {
    from = crs ? parseCrs(crs) : undefined;
  } catch (e) {
    throw new LoadError(name, (e as Error).message);
  }
  if (isGeoJsonName(name)) {
    const warnings: string[] = [];
    const input = geojsonLinesToNetworkInput(name, decodeText(bytes).text, warnings);
    input.file = name;
    if (from) input.coords = toWgs84(input.coords, from);
    // One bad vertex is enough to tell a projected or swapped file; the message names the flag.
    for (let i = 0; i < input.coords.length; i += 2) {
      const problem = coordinateProblem(input.coords[i], input.coords[i + 1]);
      if (problem) throw new LoadError(name, `vertex ${i / 2 + 1}: ${problem} (or give its coordinate system, e.g. --network-crs EPSG:4549)`);
    }
    return { input, warnings };
  }
  if (from && from.kind !== 'wgs84') throw new LoadError(name, `OSM files are always WGS84 lon/lat; the coordinate system ${from.name} does not apply`);
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
  return { input: { ...result.input, file: name }, warnings };
}
