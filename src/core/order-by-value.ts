/**
 * `indices` ordered by `values[index]` ascending, ties in their given order: the same order as
 * `indices.sort((a, b) => values[a] - values[b])` for values without NaN, several times faster
 * for millions of indices. The values are sorted natively (Float64Array.sort takes no comparator
 * call per step); each index is then placed at the first slot of its value's run, counting the
 * slots already taken in that run.
 */
export function orderByValue(indices: ArrayLike<number>, values: ArrayLike<number>): Int32Array {
  const n = indices.length;
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) sorted[k] = values[indices[k]];
  sorted.sort();
  const taken = new Int32Array(n);
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const v = values[indices[k]];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    out[lo + taken[lo]++] = indices[k];
  }
  return out;
}
