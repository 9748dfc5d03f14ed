import type { FacilityTable } from '../core/point-tables.ts';
import { checkFileSize } from './file-size-limit.ts';
import { EMPTY_FILE } from './empty-file-message.ts';
import { LoadError } from './load-error.ts';
import { osmPointsOfInterest } from './osm/osm-points-of-interest.ts';
import { readOsmFile } from './osm/read-osm-file.ts';
import { WGS84 } from '../core/crs/crs.ts';
import { type LayerOptions, type LayerSource } from './read-any-layer.ts';
import { readMappedLayer, type MappingOptions } from './field-mapping/read-mapped-layer.ts';
import { facilitiesFromCandidates, readFacilities } from './read-facilities.ts';
import type { ReadResult } from './read-population.ts';

const OSM_SOURCE: LayerSource = { format: 'osm', encoding: null, crs: WGS84.id, crsName: WGS84.name, crsFrom: 'default' };

/**
 * Facilities from an OSM file (`.osm.pbf` / `.osm`, typed from tags; always WGS84) or any format
 * readAnyLayer reads (GeoJSON, GeoJSON Lines, CSV/TSV, .xlsx, zipped Shapefile, in any supported
 * CRS and text encoding). `source` says what was detected.
 */
export async function readFacilitiesFile(name: string, bytes: Uint8Array, opts: LayerOptions & Partial<MappingOptions> = {}): Promise<ReadResult<FacilityTable> & { source: LayerSource }> {
  if (/\.(osm|pbf)$/i.test(name)) {
    if (bytes.length === 0) throw new LoadError(name, EMPTY_FILE);
    checkFileSize(name, bytes.length);
    const crs = typeof opts.crs === 'string' ? opts.crs : opts.crs?.id;
    if (crs && crs.toLowerCase() !== 'wgs84' && crs.toUpperCase() !== 'EPSG:4326') throw new LoadError(name, { en: `OSM files are always WGS84 lon/lat; the coordinate system "${crs}" does not apply`, zh: `OSM 文件总是 WGS84 经纬度，所选坐标系“${crs}”不适用：请把坐标系改回 WGS84` });
    let pois;
    try {
      pois = osmPointsOfInterest(readOsmFile(name, bytes));
    } catch (e) {
      throw e instanceof LoadError ? e : new LoadError(name, { en: (e as Error).message, zh: `无法读取 OSM 文件（${(e as Error).message}）：文件可能不完整或已损坏，请重新下载或导出 .osm.pbf / .osm` });
    }
    return { ...facilitiesFromCandidates(name, pois.map((p) => ({ id: p.id, lon: p.lon, lat: p.lat, name: p.tags.name ?? null, tags: p.tags }))), source: OSM_SOURCE };
  }
  // The field mapping (if any) renames columns and maps type values before the reader sees them.
  const layer = await readMappedLayer(name, bytes, { ...opts, kind: 'facilities' });
  const r = readFacilities(name, layer.text);
  return { table: r.table, warnings: [...layer.warnings, ...r.warnings], source: layer.source };
}
