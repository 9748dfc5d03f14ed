import { unitDiscsLayer } from './dense-point-style.ts';
import { distanceColor, STRAIGHT_ONLY_OUTLINE, UNCOVERED_OUTLINE } from '../coverage-colors.ts';

/**
 * Population cells (~100 m GHS-POP cells) as discs coloured by distance band to the nearest
 * facility; cells beyond the radius get a dark outline, and, when `straight` distances are given,
 * cells within the radius by straight line but not on foot get a thick purple one. Positions come
 * straight from the lon/lat column; colours are a lookup, not analysis.
 */
export function populationLayer(coords: Float64Array, distance: Float64Array | null, radiusM: number, straight: Float64Array | null = null) {
  const n = coords.length / 2;
  const fill = new Uint8Array(4 * n);
  const line = new Uint8Array(4 * n);
  const width = new Float32Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    const d = distance ? distance[i] : NaN;
    fill.set(distance ? distanceColor(d) : [150, 150, 150, 160], 4 * i);
    if (distance && !(d <= radiusM)) line.set(UNCOVERED_OUTLINE, 4 * i);
    if (straight && straight[i] <= radiusM && !(d <= radiusM)) {
      line.set(STRAIGHT_ONLY_OUTLINE, 4 * i);
      width[i] = 3;
    }
  }
  return unitDiscsLayer(coords, fill, line, width);
}
