import { unitDiscsLayer } from './dense-point-style.ts';
import type { RGBA } from '../coverage-colors.ts';

/**
 * Completeness classes (share of the preset's required types reached within their radius), shared
 * with the legend. "All" gets its own class: it is the standard's goal, and 90% is not it.
 */
export const COMPLETENESS_CLASSES: { min: number; color: RGBA; label: string }[] = [
  { min: 1, color: [0, 104, 55, 220], label: '100%' },
  { min: 0.75, color: [102, 189, 99, 210], label: '75–99%' },
  { min: 0.5, color: [254, 224, 139, 210], label: '50–74%' },
  { min: 0.25, color: [252, 141, 89, 210], label: '25–49%' },
  { min: 0, color: [215, 48, 39, 220], label: '0–24%' },
];
/** No required type of the preset can be assessed with this data (share NaN). */
export const NO_COMPLETENESS_COLOR: RGBA = [150, 150, 150, 160];

const CELL_OUTLINE: RGBA = [60, 60, 60, 120];

export function completenessColor(share: number): RGBA {
  if (Number.isNaN(share)) return NO_COMPLETENESS_COLOR;
  return (COMPLETENESS_CLASSES.find((c) => share >= c.min) ?? COMPLETENESS_CLASSES[COMPLETENESS_CLASSES.length - 1]).color;
}

/**
 * Population cells coloured by completeness index (`completenessIndex(...).share`), drawn in place
 * of the coverage colouring. It keeps the layer id `population` so hovering a cell still shows its
 * tooltip (population, nearest facility of the selected type).
 */
export function completenessLayer(coords: Float64Array, share: Float64Array) {
  const n = coords.length / 2;
  const fill = new Uint8Array(4 * n);
  const line = new Uint8Array(4 * n);
  for (let i = 0; i < n; i++) {
    fill.set(completenessColor(share[i]), 4 * i);
    line.set(CELL_OUTLINE, 4 * i);
  }
  return unitDiscsLayer(coords, fill, line, new Float32Array(n).fill(1));
}
