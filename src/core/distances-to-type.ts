import type { AreaContext } from './area-context.ts';
import { nearestFacilityDistances } from './nearest-facility-distances.ts';
import { networkFacilityDistances } from './network-facility-distances.ts';
import type { Snaps } from './snap-to-network.ts';

export type DistanceMode = 'network' | 'straight';

/**
 * Distance in metres from every population unit to the nearest facility of `typeId`, and that
 * facility's index in the full facility table (-1 if none).
 * network: walking distance (see networkFacilityDistances), Infinity beyond `limitM`, NaN when
 * the unit is off-network. straight: geodesic straight line, never limited.
 */
export function distancesToType(ctx: AreaContext, typeId: string, mode: DistanceMode, limitM: number): { distance: Float64Array; facility: Int32Array } {
  const t = ctx.facilities.types.indexOf(typeId);
  const members: number[] = [];
  for (let i = 0; i < ctx.facilities.length; i++) if (ctx.facilities.typeIndex[i] === t) members.push(i);

  let result: { distance: Float64Array; nearest: Int32Array };
  if (mode === 'straight') {
    const coords = new Float64Array(members.length * 2);
    members.forEach((f, k) => {
      coords[2 * k] = ctx.facilities.coords[2 * f];
      coords[2 * k + 1] = ctx.facilities.coords[2 * f + 1];
    });
    result = nearestFacilityDistances(ctx.population.coords, coords);
  } else {
    if (!ctx.network || !ctx.originSnaps || !ctx.facilitySnaps) throw new Error('Network mode needs a street network: load one, or switch to straight-line mode.');
    result = networkFacilityDistances(ctx.network.graph, ctx.originSnaps, subsetSnaps(ctx.facilitySnaps, members), limitM);
  }
  const facility = new Int32Array(result.nearest.length);
  for (let i = 0; i < facility.length; i++) facility[i] = result.nearest[i] >= 0 ? members[result.nearest[i]] : -1;
  return { distance: result.distance, facility };
}

function subsetSnaps(s: Snaps, members: number[]): Snaps {
  return {
    edge: Int32Array.from(members, (i) => s.edge[i]),
    t: Float64Array.from(members, (i) => s.t[i]),
    legM: Float64Array.from(members, (i) => s.legM[i]),
    foot: Float64Array.from(members.flatMap((i) => [s.foot[2 * i], s.foot[2 * i + 1]])),
  };
}
