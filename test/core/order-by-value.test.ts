import { describe, expect, it } from 'vitest';
import { orderByValue } from '../../src/core/order-by-value.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';

describe('orderByValue', () => {
  it('orders a hand-worked example, ties kept in their given order', () => {
    const values = [5, 1, 3, 1, Infinity, 0, 3];
    expect([...orderByValue([0, 1, 2, 3, 4, 5, 6], values)]).toEqual([5, 1, 3, 2, 6, 0, 4]);
    expect([...orderByValue([6, 2, 0], values)]).toEqual([6, 2, 0]);
    expect([...orderByValue([], values)]).toEqual([]);
  });

  it('gives the same order as a stable comparator sort on 20,000 seeded values with many ties', () => {
    const rand = seededRandom(3);
    const values = Float64Array.from({ length: 30_000 }, () => Math.round(rand() * 500) / 4);
    const indices = Array.from({ length: 20_000 }, () => Math.floor(rand() * 30_000));
    const expected = [...indices].sort((a, b) => values[a] - values[b]);
    expect([...orderByValue(indices, values)]).toEqual(expected);
  });
});
