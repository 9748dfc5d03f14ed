import { ScatterplotLayer } from '@deck.gl/layers';
import type { GetPickingInfoParams, PickingInfo } from '@deck.gl/core';

/**
 * Point layers above this many points are drawn as small dots. A million 32 m discs with outlines
 * cover the screen many times over: without a GPU (software WebGL, as in headless Chromium) one
 * frame of them took 15–20 s and held the page, because the compositor waits for the canvas
 * (measured 2026-11-25, bench/large-file.ts). Dots of at most 3 px cost far fewer fragments and
 * still show where the people are; colours keep their meaning.
 */
export const DENSE_POINT_COUNT = 100_000;

/**
 * At most this many points are drawn; a larger layer draws every k-th point (an even sample).
 * Even 3 px dots took 15 s per frame at 300,000 points in software WebGL on a busy 2-core machine,
 * so the map of a million-unit layer is a sample. Figures, tables and exports use every unit.
 */
export const MAX_DRAWN_POINTS = 50_000;

/** ScatterplotLayer props for `n` points: unchanged below DENSE_POINT_COUNT, else small unoutlined dots. */
export function densePointStyle(n: number): { radiusMaxPixels?: number; stroked?: boolean } {
  return n > DENSE_POINT_COUNT ? { radiusMaxPixels: 3, stroked: false } : {};
}

type Attribute = { value: ArrayLike<number> & { constructor: unknown; length: number }; size: number; normalized?: boolean };

/**
 * The binary data of `n` points, thinned to every k-th point when n > MAX_DRAWN_POINTS; `index`
 * maps a drawn point back to its unit (null when all are drawn).
 */
export function thinPoints<A extends Record<string, Attribute>>(n: number, attributes: A): { data: { length: number; attributes: A }; index: Int32Array | null } {
  if (n <= MAX_DRAWN_POINTS) return { data: { length: n, attributes }, index: null };
  const step = Math.ceil(n / MAX_DRAWN_POINTS);
  const m = Math.ceil(n / step);
  const index = new Int32Array(m);
  for (let k = 0; k < m; k++) index[k] = k * step;
  const thinned = Object.fromEntries(Object.entries(attributes).map(([key, a]) => {
    const out = new (a.value.constructor as new (len: number) => { [i: number]: number })(m * a.size);
    for (let k = 0; k < m; k++) for (let j = 0; j < a.size; j++) out[k * a.size + j] = a.value[index[k] * a.size + j];
    return [key, { ...a, value: out }];
  })) as A;
  return { data: { length: m, attributes: thinned }, index };
}

/** A ScatterplotLayer over thinned points whose picked index is the unit's, not the drawn point's. */
export class ThinnedScatterplotLayer extends ScatterplotLayer<unknown, { pointIndex: Int32Array | null }> {
  static override layerName = 'ThinnedScatterplotLayer';
  static override defaultProps = { ...ScatterplotLayer.defaultProps, pointIndex: { type: 'object', value: null, compare: false } } as typeof ScatterplotLayer.defaultProps;

  override getPickingInfo(params: GetPickingInfoParams): PickingInfo {
    const info = super.getPickingInfo(params);
    const map = this.props.pointIndex;
    if (map && info.index >= 0) info.index = map[info.index] ?? -1;
    return info;
  }
}

/**
 * The population units as discs (32 m, outlined, pickable as layer id `population`) from per-unit
 * colours and outline widths: the coverage and the completeness colourings both draw through this,
 * so swapping one for the other keeps the same attributes and deck.gl only swaps buffers.
 */
export function unitDiscsLayer(coords: Float64Array, fill: Uint8Array, line: Uint8Array, width: Float32Array) {
  const n = coords.length / 2;
  const thin = thinPoints(n, { getPosition: { value: coords, size: 2 }, getFillColor: { value: fill, size: 4, normalized: true }, getLineColor: { value: line, size: 4, normalized: true }, getLineWidth: { value: width, size: 1 } });
  return new ThinnedScatterplotLayer({
    id: 'population',
    data: thin.data,
    pointIndex: thin.index,
    radiusUnits: 'meters',
    getRadius: 32,
    stroked: true,
    lineWidthUnits: 'pixels',
    pickable: true,
    autoHighlight: true,
    highlightColor: [0, 0, 0, 80],
    ...densePointStyle(n),
  });
}
