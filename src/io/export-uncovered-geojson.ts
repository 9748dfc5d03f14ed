import type { PopulationTable } from '../core/point-tables.ts';

/**
 * RFC 7946 FeatureCollection (WGS84 lon/lat, no crs member) of the population units NOT within
 * `radiusM` of a facility of `type`: one Point per unit with its population (persons) and the
 * distance to the nearest facility (metres; null when off-network or beyond the search limit).
 */
export function uncoveredGeojson(
  population: PopulationTable,
  distance: Float64Array,
  facility: Int32Array,
  facilityIds: string[],
  meta: { type: string; mode: string; radiusM: number },
): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const features: GeoJSON.Feature<GeoJSON.Point>[] = [];
  for (let i = 0; i < population.length; i++) {
    const d = distance[i];
    if (d <= meta.radiusM) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round(population.coords[2 * i]), round(population.coords[2 * i + 1])] },
      properties: {
        id: population.ids[i],
        pop: population.pop[i],
        nearest_distance_m: Number.isFinite(d) ? Math.round(d * 10) / 10 : null,
        nearest_facility: facility[i] >= 0 ? facilityIds[facility[i]] : null,
        status: Number.isNaN(d) ? 'off_network' : Number.isFinite(d) ? 'beyond_radius' : 'beyond_search_limit',
        facility_type: meta.type,
        mode: meta.mode,
        radius_m: meta.radiusM,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

// 7 decimals ≈ 1 cm: RFC 7946 §11.2 advises against needless precision.
const round = (x: number) => Math.round(x * 1e7) / 1e7;
