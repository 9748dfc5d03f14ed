import { ScatterplotLayer } from '@deck.gl/layers';

/**
 * Preview of a suggested GCJ-02/BD-09 → WGS84 conversion: where the conversion would put the
 * points, as green rings, drawn over the points as loaded (the facility or population layer).
 * `after` is interleaved lon/lat.
 */
export function offsetPreviewLayers(after: Float64Array) {
  return [
    new ScatterplotLayer({
      id: 'offset-preview-after',
      data: { length: after.length / 2, attributes: { getPosition: { value: after, size: 2 } } },
      radiusUnits: 'pixels',
      getRadius: 5,
      filled: false,
      stroked: true,
      getLineColor: [20, 150, 60, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
    }),
  ];
}
