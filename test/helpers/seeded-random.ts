/** mulberry32: a seeded 32-bit PRNG returning floats in [0, 1), so random tests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n random lon/lat points in a box, interleaved. */
export function randomPoints(rand: () => number, n: number, [minLon, minLat, maxLon, maxLat]: number[]): Float64Array {
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = minLon + rand() * (maxLon - minLon);
    out[2 * i + 1] = minLat + rand() * (maxLat - minLat);
  }
  return out;
}
