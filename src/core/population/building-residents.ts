import type { PopulationTable } from '../point-tables.ts';
import { buildingFloors, FloorSource } from './building-floors.ts';
import type { BuildingTable } from './building-table.ts';
import { polygonFeatureAreas } from './polygon-areas.ts';
import { residentialBuildings } from './residential-buildings.ts';
import type { PolygonColumns } from '../polygon-columns.ts';

/** How many buildings took each path (for the method statement and the warnings). */
export interface BuildingResidentsCounts {
  buildings: number;
  residential: number;
  /** Residents read from the residents column. */
  fromResidentsField: number;
  /** Residents = floor-area column ÷ m² per person. */
  fromFloorAreaField: number;
  /** Residents = footprint × floors ÷ m² per person. */
  fromFootprint: number;
  floorsFromLevels: number;
  floorsFromHeight: number;
  floorsDefault: number;
}

export interface BuildingMeasures {
  /** Footprint area, m² (local projection, src/core/population/polygon-areas.ts). */
  footprintM2: Float64Array;
  /** Gross floor area, m²: the floor-area column when given, else footprint × floors. */
  floorAreaM2: Float64Array;
  floors: Float64Array;
  residential: Uint8Array;
  /** Interleaved lon/lat area centroid of each building. */
  centroids: Float64Array;
  counts: BuildingResidentsCounts;
}

/** Footprint, floors, floor area and the residential flag of every building (see residentialBuildings for the rule). */
export function measureBuildings(b: BuildingTable, residentialLanduse?: PolygonColumns): BuildingMeasures {
  const { areaM2: footprintM2, centroids } = polygonFeatureAreas(b.polygons);
  const { floors, source } = buildingFloors(b.levels, b.heightM);
  const residential = residentialBuildings(b.kind, b.residents, centroids, residentialLanduse);
  const floorAreaM2 = new Float64Array(b.length);
  const counts: BuildingResidentsCounts = { buildings: b.length, residential: 0, fromResidentsField: 0, fromFloorAreaField: 0, fromFootprint: 0, floorsFromLevels: 0, floorsFromHeight: 0, floorsDefault: 0 };
  for (let i = 0; i < b.length; i++) {
    const given = b.floorAreaM2[i];
    floorAreaM2[i] = Number.isFinite(given) && given > 0 ? given : footprintM2[i] * floors[i];
    if (!residential[i]) continue;
    counts.residential++;
    if (Number.isFinite(b.residents[i]) && b.residents[i] >= 0) counts.fromResidentsField++;
    else if (Number.isFinite(given) && given > 0) counts.fromFloorAreaField++;
    else {
      counts.fromFootprint++;
      if (source[i] === FloorSource.Levels) counts.floorsFromLevels++;
      else if (source[i] === FloorSource.Height) counts.floorsFromHeight++;
      else counts.floorsDefault++;
    }
  }
  return { footprintM2, floorAreaM2, floors, residential, centroids, counts };
}

/**
 * Residents per building, one population point per home at its centroid:
 * (a) the residents column when it has a number; else (b) gross floor area ÷ m² per person, where
 * floor area is the floor-area column or footprint × floors. Non-residential buildings hold no
 * residents (unless the residents column says otherwise). Ids are `building:<id>`.
 */
export function buildingResidents(b: BuildingTable, m2PerPerson: number, residentialLanduse?: PolygonColumns): { table: PopulationTable; measures: BuildingMeasures } {
  if (!(m2PerPerson > 0)) throw new Error(`m² per person must be a positive number, got ${m2PerPerson}`);
  const measures = measureBuildings(b, residentialLanduse);
  const ids: string[] = [];
  const coords: number[] = [];
  const pop: number[] = [];
  for (let i = 0; i < b.length; i++) {
    if (!measures.residential[i]) continue;
    const r = Number.isFinite(b.residents[i]) && b.residents[i] >= 0 ? b.residents[i] : measures.floorAreaM2[i] / m2PerPerson;
    if (!(r > 0)) continue;
    ids.push(`building:${b.ids[i]}`);
    coords.push(measures.centroids[2 * i], measures.centroids[2 * i + 1]);
    pop.push(r);
  }
  return { table: { length: ids.length, ids, coords: Float64Array.from(coords), pop: Float64Array.from(pop) }, measures };
}
