import type { Snaps } from '../src/core/snap-to-network.ts';

/** The snaps of the facilities whose type is `type` (in facility order), as the app does per type. */
export function snapsOfType(all: Snaps, facilityType: Uint16Array, type: number): Snaps {
  let n = 0;
  for (let i = 0; i < facilityType.length; i++) if (facilityType[i] === type) n++;
  const edge = new Int32Array(n);
  const t = new Float64Array(n);
  const legM = new Float64Array(n);
  const foot = new Float64Array(2 * n);
  let k = 0;
  for (let i = 0; i < facilityType.length; i++) {
    if (facilityType[i] !== type) continue;
    edge[k] = all.edge[i];
    t[k] = all.t[i];
    legM[k] = all.legM[i];
    foot[2 * k] = all.foot[2 * i];
    foot[2 * k + 1] = all.foot[2 * i + 1];
    k++;
  }
  return { edge, t, legM, foot };
}

/** Interleaved lon/lat of the facilities of one type. */
export function coordsOfType(coords: Float64Array, facilityType: Uint16Array, type: number): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < facilityType.length; i++) if (facilityType[i] === type) out.push(coords[2 * i], coords[2 * i + 1]);
  return Float64Array.from(out);
}
