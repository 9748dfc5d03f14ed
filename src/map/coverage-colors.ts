/** RGBA colours shared by the map layers and the legend, so the two cannot disagree. */
export type RGBA = [number, number, number, number];

/** Population cells by walking/straight distance to the nearest facility of the selected type. */
export const DISTANCE_BANDS: { maxM: number; color: RGBA; zh: string; en: string }[] = [
  { maxM: 300, color: [0, 104, 55, 210], zh: '≤300 米（5分钟）', en: '≤300 m (5 min)' },
  { maxM: 500, color: [49, 163, 84, 200], zh: '300–500 米（10分钟）', en: '300–500 m (10 min)' },
  { maxM: 1000, color: [254, 196, 79, 200], zh: '500–1000 米（15分钟）', en: '500–1000 m (15 min)' },
  { maxM: Infinity, color: [215, 48, 39, 210], zh: '>1000 米或不可达', en: '>1000 m or unreachable' },
];
export const OFF_NETWORK_COLOR: RGBA = [120, 120, 120, 200];
/** Outline drawn around cells that are NOT covered at the chosen radius. */
export const UNCOVERED_OUTLINE: RGBA = [120, 0, 0, 255];
/** Outline of cells within the radius by straight line but not on foot (the buffer method's overstatement). */
export const STRAIGHT_ONLY_OUTLINE: RGBA = [123, 50, 148, 255];

export function distanceColor(d: number): RGBA {
  if (Number.isNaN(d)) return OFF_NETWORK_COLOR;
  for (const b of DISTANCE_BANDS) if (d <= b.maxM) return b.color;
  return DISTANCE_BANDS[DISTANCE_BANDS.length - 1].color;
}

/** Community units by covered population share (0–1): five classes, red (low) to green (high). */
export const SHARE_CLASSES: { min: number; color: RGBA; label: string }[] = [
  { min: 0.8, color: [26, 152, 80, 120], label: '80–100%' },
  { min: 0.6, color: [145, 207, 96, 120], label: '60–80%' },
  { min: 0.4, color: [254, 224, 139, 120], label: '40–60%' },
  { min: 0.2, color: [252, 141, 89, 120], label: '20–40%' },
  { min: 0, color: [215, 48, 39, 120], label: '0–20%' },
];
export const NO_POPULATION_COLOR: RGBA = [200, 200, 200, 60];

export function shareColor(share: number | null | undefined): RGBA {
  if (share === null || share === undefined || !Number.isFinite(share)) return NO_POPULATION_COLOR;
  return (SHARE_CLASSES.find((c) => share >= c.min) ?? SHARE_CLASSES[SHARE_CLASSES.length - 1]).color;
}

/** Streets reached from one facility, by walking distance band (blues, to stand out from cells). */
export const REACH_BANDS: { maxM: number; color: RGBA }[] = [
  { maxM: 300, color: [8, 48, 107, 255] },
  { maxM: 500, color: [33, 113, 181, 255] },
  { maxM: Infinity, color: [107, 174, 214, 255] },
];
