/**
 * 1 where `distance[i] <= radiusM` (metres), else 0. NaN (off-network) and Infinity
 * (unreachable) are never covered.
 */
export function coverageFlags(distance: ArrayLike<number>, radiusM: number): Uint8Array {
  const out = new Uint8Array(distance.length);
  for (let i = 0; i < distance.length; i++) out[i] = distance[i] <= radiusM ? 1 : 0;
  return out;
}

/** Σ pop over covered units and over all units (persons). */
export function coveredPopulation(pop: ArrayLike<number>, covered: ArrayLike<number>): { covered: number; total: number } {
  let c = 0;
  let t = 0;
  for (let i = 0; i < pop.length; i++) {
    t += pop[i];
    if (covered[i]) c += pop[i];
  }
  return { covered: c, total: t };
}
