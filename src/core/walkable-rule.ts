import type { Tags } from './osm-data.ts';

/**
 * Which OSM ways a pedestrian may use. Documented in docs/analysis-flow.md; editable by passing
 * another rule to buildWalkGraph (the CLI takes it as JSON).
 */
export interface WalkableRule {
  /** highway=* values that are never walkable. */
  excludedHighways: string[];
  /** foot=* values that forbid walking whatever else is tagged. */
  footDenied: string[];
  /** access=* values that forbid walking unless foot=* is in footAllowed. */
  accessDenied: string[];
  footAllowed: string[];
}

export const DEFAULT_WALKABLE_RULE: WalkableRule = {
  excludedHighways: ['motorway', 'motorway_link', 'construction', 'proposed', 'raceway', 'bus_guideway'],
  footDenied: ['no'],
  accessDenied: ['no', 'private'],
  footAllowed: ['yes', 'designated'],
};

/** True when a way with these tags is part of the walk graph (it must have a highway tag). */
export function isWalkable(tags: Tags, rule: WalkableRule = DEFAULT_WALKABLE_RULE): boolean {
  const highway = tags.highway;
  if (!highway || rule.excludedHighways.includes(highway)) return false;
  const foot = tags.foot ?? '';
  if (rule.footDenied.includes(foot)) return false;
  if (rule.accessDenied.includes(tags.access ?? '') && !rule.footAllowed.includes(foot)) return false;
  return true;
}
