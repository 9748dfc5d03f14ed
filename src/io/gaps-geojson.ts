import type { GapPolygon } from '../core/gap-polygons.ts';

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/**
 * Service gaps as an RFC 7946 FeatureCollection: one Polygon per gap (outer ring counter-
 * clockwise, holes clockwise, as §3.1.6 asks), ranked by uncovered residents.
 */
export function gapsGeojson(gaps: GapPolygon[], meta: { facility_type: string; mode: string; radius_m: number; cell_m: number }) {
  return {
    type: 'FeatureCollection' as const,
    features: gaps.map((g) => ({
      type: 'Feature' as const,
      geometry: { type: 'Polygon' as const, coordinates: g.rings.map((r) => Array.from({ length: r.length / 2 }, (_, k) => [round7(r[2 * k]), round7(r[2 * k + 1])])) },
      properties: {
        rank: g.rank,
        uncovered_population: Math.round(g.population * 10) / 10,
        demand_points: g.demandCount,
        area_m2: Math.round(g.areaM2),
        ...meta,
      },
    })),
  };
}
