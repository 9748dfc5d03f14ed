import type { FacilityTable } from '../core/point-tables.ts';
import { checkFileSize } from './file-size-limit.ts';
import { LoadError } from './load-error.ts';
import { osmPointsOfInterest } from './osm/osm-points-of-interest.ts';
import { readOsmFile } from './osm/read-osm-file.ts';
import { WGS84 } from '../core/crs/crs.ts';
import { readAnyLayer, type LayerOptions, type LayerSource } from './read-any-layer.ts';
import { facilitiesFromCandidates, readFacilities } from './read-facilities.ts';
import type { ReadResult } from './read-population.ts';

const OSM_SOURCE: LayerSource = { format: 'osm', encoding: null, crs: WGS84.id, crsName: WGS84.name, crsFrom: 'default' };

/**
 * Facilities from an OSM file (`.osm.pbf` / `.osm`, typed from tags; always WGS84) or any format
 * readAnyLayer reads (GeoJSON, GeoJSON Lines, CSV/TSV, .xlsx, zipped Shapefile, in any supported
 * CRS and text encoding). `source` says what was detected.
 */
export async function readFacilitiesFile(name: string, bytes: Uint8Array, opts: LayerOptions = {}): Promise<ReadResult<FacilityTable> & { source: LayerSource }> {
  if (/\.(osm|pbf)$/i.test(name)) {
    if (bytes.length === 0) throw new LoadError(name, 'the file is empty (0 bytes)');
    checkFileSize(name, bytes.length);
    const crs = typeof opts.crs === 'string' ? opts.crs : opts.crs?.id;
    if (crs && crs.toLowerCase() !== 'wgs84' && crs.toUpperCase() !== 'EPSG:4326') throw new LoadError(name, `OSM files are always WGS84 lon/lat; the coordinate system "${crs}" does not apply`);
    let pois;
    try {
      pois = osmPointsOfInterest(readOsmFile(name, bytes));
    } catch (e) {
      throw e instanceof LoadError ? e : new LoadError(name, (e as Error).message);
    }
    return { ...facilitiesFromCandidates(name, pois.map((p) => ({ id: p.id, lon: p.lon, lat: p.lat, name: p.tags.name ?? null, tags: p.tags }))), source: OSM_SOURCE };
  }
  const layer = await readAnyLayer(name, bytes, opts);
  const r = readFacilities(name, layer.text);
  return { table: r.table, warnings: [...layer.warnings, ...r.warnings], source: layer.source };
}
