import type { NetworkInput } from '../core/network-input.ts';
import { parseCrs } from '../core/crs/parse-crs.ts';
import { toWgs84 } from '../core/crs/to-wgs84.ts';
import { coordinateProblemText } from './check-coordinates.ts';
import { EMPTY_FILE } from './empty-file-message.ts';
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
  if (bytes.length === 0) throw new LoadError(name, EMPTY_FILE);
  checkFileSize(name, bytes.length);
  let from;
  try {
    from = crs ? parseCrs(crs) : undefined;
  } catch (e) {
    throw new LoadError(name, { en: (e as Error).message, zh: `无法识别所选坐标系（${(e as Error).message}）：请改选列表中的坐标系，或填写 EPSG 代码（如 EPSG:4549）` });
  }
  if (isGeoJsonName(name)) {
    const warnings: string[] = [];
    const input = geojsonLinesToNetworkInput(name, decodeText(bytes).text, warnings);
    input.file = name;
    if (from) input.coords = toWgs84(input.coords, from);
    // One bad vertex is enough to tell a projected or swapped file; the message names the flag.
    for (let i = 0; i < input.coords.length; i += 2) {
      const problem = coordinateProblemText(input.coords[i], input.coords[i + 1]);
      if (problem)
        throw new LoadError(name, {
          en: `vertex ${i / 2 + 1}: ${problem.en} (or give its coordinate system, e.g. --network-crs EPSG:4549)`,
          zh: `第 ${i / 2 + 1} 个顶点：${problem.zh}（或指定其坐标系，如 --network-crs EPSG:4549）`,
        });
    }
    return { input, warnings };
  }
  if (from && from.kind !== 'wgs84') throw new LoadError(name, { en: `OSM files are always WGS84 lon/lat; the coordinate system ${from.name} does not apply`, zh: `OSM 文件总是 WGS84 经纬度，所选坐标系 ${from.name} 不适用：请把坐标系改回 WGS84` });
  let result;
  try {
    result = osmToNetworkInput(readOsmFile(name, bytes));
  } catch (e) {
    throw e instanceof LoadError ? e : new LoadError(name, { en: (e as Error).message, zh: `无法读取 OSM 文件（${(e as Error).message}）：文件可能不完整或已损坏，请重新下载或导出 .osm.pbf / .osm` });
  }
  if (result.input.lineTags.length === 0) throw new LoadError(name, { en: 'the OSM file has no highway=* ways, so there is no street network to walk on', zh: 'OSM 文件中没有 highway=* 道路，无法构建步行路网：请导出包含道路的 OSM 数据' });
  const warnings = result.missingNodeRefs
    ? [`${name}: ${result.waysWithMissingNodes} ways reference ${result.missingNodeRefs} nodes outside the extract; their present parts were kept`]
    : [];
  return { input: { ...result.input, file: name }, warnings };
}
