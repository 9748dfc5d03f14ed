/**
 * Columnar point layers. Point `i` sits at `coords[2*i]` = lon, `coords[2*i+1]` = lat (WGS84).
 */
export interface PopulationTable {
  length: number;
  ids: string[];
  coords: Float64Array;
  /** Residents per unit (persons). */
  pop: Float64Array;
}

export interface FacilityTable {
  length: number;
  ids: string[];
  coords: Float64Array;
  names: (string | null)[];
  /** Distinct facility type ids present; `typeIndex[i]` indexes into it. */
  types: string[];
  typeIndex: Uint16Array;
}

/** Interleaved lon/lat of the facilities of one type, with their indices in the full table. */
export function facilitiesOfType(table: FacilityTable, typeId: string): { coords: Float64Array; index: Uint32Array } {
  const t = table.types.indexOf(typeId);
  let n = 0;
  for (let i = 0; i < table.length; i++) if (table.typeIndex[i] === t) n++;
  const coords = new Float64Array(2 * n);
  const index = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < table.length && t >= 0; i++) {
    if (table.typeIndex[i] !== t) continue;
    coords[2 * k] = table.coords[2 * i];
    coords[2 * k + 1] = table.coords[2 * i + 1];
    index[k++] = i;
  }
  return { coords, index };
}
