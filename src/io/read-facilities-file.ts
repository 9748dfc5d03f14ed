import type { FacilityTable } from '../core/point-tables.ts';
import { LoadError } from './load-error.ts';
import { osmPointsOfInterest } from './osm/osm-points-of-interest.ts';
import { readOsmFile } from './osm/read-osm-file.ts';
import { facilitiesFromCandidates, readFacilities } from './read-facilities.ts';
import type { ReadResult } from './read-population.ts';

/** Facilities from GeoJSON, CSV, or an OSM file (`.osm.pbf` / `.osm`, typed from tags). */
export function readFacilitiesFile(name: string, bytes: Uint8Array): ReadResult<FacilityTable> {
  if (/\.(osm|pbf)$/i.test(name)) {
    let pois;
    try {
      pois = osmPointsOfInterest(readOsmFile(name, bytes));
    } catch (e) {
      throw e instanceof LoadError ? e : new LoadError(name, (e as Error).message);
    }
    return facilitiesFromCandidates(name, pois.map((p) => ({ id: p.id, lon: p.lon, lat: p.lat, name: p.tags.name ?? null, tags: p.tags })));
  }
  return readFacilities(name, new TextDecoder().decode(bytes));
}
