import { ScatterplotLayer } from '@deck.gl/layers';
import { distanceColor, UNCOVERED_OUTLINE } from '../coverage-colors.ts';

/**
 * Population cells (~100 m GHS-POP cells) as discs coloured by distance band to the nearest
 * facility; cells beyond the radius get a dark outline. Positions come straight from the
 * lon/lat column; colours are a lookup, not analysis.
 */
export function populationLayer(coords: Float64Array, distance: Float64Array | null, radiusM: number) {
  const n = coords.length / 2;
  const fill = new Uint8Array(4 * n);
  const line = new Uint8Array(4 * n);
  for (let i = 0; i < n; i++) {
    const d = distance ? distance[i] : NaN;
    fill.set(distance ? distanceColor(d) : [150, 150, 150, 160], 4 * i);
    if (distance && !(d <= radiusM)) line.set(UNCOVERED_OUTLINE, 4 * i);
  }
  return new ScatterplotLayer({
    id: 'population',
    data: { length: n, attributes: { getPosition: { value: coords, size: 2 }, getFillColor: { value: fill, size: 4, normalized: true }, getLineColor: { value: line, size: 4, normalized: true } } },
    radiusUnits: 'meters',
    getRadius: 32,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
    pickable: true,
    autoHighlight: true,
    highlightColor: [0, 0, 0, 80],
  });
}
