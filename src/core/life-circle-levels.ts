import type { LevelId } from './facility-types.ts';

export interface LifeCircleLevel {
  id: LevelId;
  minutes: number;
  /** Walking distance threshold in metres (GB 50180-2018 2.0.2–2.0.4; the 15-minute tier is 800–1000 m). */
  distanceM: number;
  zh: string;
  en: string;
}

/**
 * GB 50180-2018 defines the tiers by walking distance, not speed: 300 m / 500 m / 800–1000 m.
 * The 15-minute default is the upper bound 1000 m ("不宜大于"); users can set 800 m instead.
 */
export const LIFE_CIRCLE_LEVELS: readonly LifeCircleLevel[] = [
  { id: 'l5', minutes: 5, distanceM: 300, zh: '5分钟生活圈', en: '5-minute' },
  { id: 'l10', minutes: 10, distanceM: 500, zh: '10分钟生活圈', en: '10-minute' },
  { id: 'l15', minutes: 15, distanceM: 1000, zh: '15分钟生活圈', en: '15-minute' },
];
