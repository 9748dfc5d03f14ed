/**
 * Sums of the largest values, for bounds of the form "f(S) + the best k marginal gains".
 * `values[0 .. count)` is sorted in place (ascending), so pass a scratch array.
 */

/** Σ of the k largest of values[0 .. count) (all of them when k ≥ count). */
export function sumOfLargest(values: Float64Array, count: number, k: number): number {
  const v = values.subarray(0, count).sort();
  let sum = 0;
  for (let t = count - 1; t >= 0 && t >= count - k; t--) sum += v[t];
  return sum;
}

/** The fewest of values[0 .. count) whose sum reaches `need` (largest first); Infinity if all of them do not. */
export function fewestLargestReaching(values: Float64Array, count: number, need: number): number {
  if (need <= 0) return 0;
  const v = values.subarray(0, count).sort();
  let sum = 0;
  for (let t = count - 1; t >= 0; t--) {
    sum += v[t];
    if (sum >= need) return count - t;
  }
  return Infinity;
}
