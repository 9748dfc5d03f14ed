import { describe, expect, it } from 'vitest';
import { MAX_DRAWN_POINTS, thinPoints } from '../../src/map/layers/dense-point-style.ts';

describe('thinPoints', () => {
  it('keeps a layer at the limit whole', () => {
    const coords = new Float64Array(2 * MAX_DRAWN_POINTS);
    const t = thinPoints(MAX_DRAWN_POINTS, { getPosition: { value: coords, size: 2 } });
    expect(t.index).toBeNull();
    expect(t.data.attributes.getPosition.value).toBe(coords);
  });

  it('draws every k-th point of a larger layer, with each attribute thinned alike and the units named', () => {
    const n = 3 * MAX_DRAWN_POINTS + 1; // step 4 (ceil(n / limit)), so points 0, 4, 8, …
    const coords = Float64Array.from({ length: 2 * n }, (_, i) => i);
    const color = Uint8Array.from({ length: 4 * n }, (_, i) => i % 251);
    const t = thinPoints(n, { getPosition: { value: coords, size: 2 }, getFillColor: { value: color, size: 4, normalized: true } });
    expect(t.data.length).toBe(Math.ceil(n / 4));
    expect(t.data.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS);
    expect([...t.index!.subarray(0, 3)]).toEqual([0, 4, 8]);
    const k = 1000; // drawn point 1000 is unit 4000
    expect(t.index![k]).toBe(4000);
    expect([...(t.data.attributes.getPosition.value as Float64Array).subarray(2 * k, 2 * k + 2)]).toEqual([8000, 8001]);
    expect([...(t.data.attributes.getFillColor.value as Uint8Array).subarray(4 * k, 4 * k + 4)]).toEqual([0, 1, 2, 3].map((j) => (16000 + j) % 251));
    expect(t.data.attributes.getFillColor.value).toBeInstanceOf(Uint8Array);
    expect(t.data.attributes.getFillColor.normalized).toBe(true);
  });
});
