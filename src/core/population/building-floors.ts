/** Storey height assumed when only a building's height is known (metres per floor). */
export const STOREY_HEIGHT_M = 3;

/** Where a building's floor count came from. */
export const FloorSource = { Levels: 0, Height: 1, Default: 2 } as const;

/**
 * Floors above ground: the levels value when it is a positive number; else height ÷ 3 m rounded
 * (at least 1); else 1 floor (a declared default, so a footprint without data still counts once).
 */
export function buildingFloors(levels: Float64Array, heightM: Float64Array): { floors: Float64Array; source: Uint8Array } {
  const n = levels.length;
  const floors = new Float64Array(n);
  const source = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(levels[i]) && levels[i] > 0) {
      floors[i] = levels[i];
      source[i] = FloorSource.Levels;
    } else if (Number.isFinite(heightM[i]) && heightM[i] > 0) {
      floors[i] = Math.max(1, Math.round(heightM[i] / STOREY_HEIGHT_M));
      source[i] = FloorSource.Height;
    } else {
      floors[i] = 1;
      source[i] = FloorSource.Default;
    }
  }
  return { floors, source };
}
