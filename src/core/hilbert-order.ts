/**
 * The order of points along a Hilbert curve over their bounding box (16 bits per axis). Numbering
 * graph nodes in this order puts neighbours close in memory, which speeds up graph searches.
 * `points` are indices into interleaved lon/lat `coords`; returns positions into `points`.
 */
export function hilbertOrder(points: ArrayLike<number>, coords: Float64Array): Uint32Array {
  const n = points.length;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = coords[2 * points[i]], y = coords[2 * points[i] + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.floor((65535 * (coords[2 * points[i]] - minX)) / (maxX - minX || 1));
    let y = Math.floor((65535 * (coords[2 * points[i] + 1] - minY)) / (maxY - minY || 1));
    let d = 0;
    for (let s = 1 << 15; s > 0; s >>= 1) {
      const rx = (x & s) > 0 ? 1 : 0;
      const ry = (y & s) > 0 ? 1 : 0;
      d += s * s * ((3 * rx) ^ ry);
      if (ry === 0) {
        if (rx === 1) {
          x = s - 1 - x;
          y = s - 1 - y;
        }
        const t = x;
        x = y;
        y = t;
      }
    }
    keys[i] = d;
  }
  return Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
}
