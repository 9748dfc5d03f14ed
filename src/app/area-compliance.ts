import type { AnalysisParams } from '../core/analysis-spec.ts';
import { communityCompliance, type CommunityCompliance } from '../core/compliance/community-compliance.ts';
import { completenessHistogram, completenessIndex, type AppTypeDistances, type CompletenessIndex } from '../core/compliance/completeness-index.ts';
import { floorAreaCompliance } from '../core/compliance/floor-area-compliance.ts';
import type { Preset } from '../core/presets/preset.ts';
import { shippedFloorAreaRules } from '../core/presets/preset-catalog.ts';
import type { CommunityNames } from '../io/compliance-csv.ts';
import { reportHtml } from '../io/report-html.ts';
import { distanceKey, type AreaSnapshot } from './area-session.ts';
import { editedTargets } from './custom-presets.ts';
import { translate, type Lang } from './i18n.ts';

/**
 * The loaded area checked against a preset, in the main thread from the distances the workers
 * already computed (a few milliseconds: no new distances, only sums per community and type).
 * Wired like `lifecircle analyze --preset` (src/cli/compliance-outputs.ts), so the app's matrix and
 * the CLI's compliance.csv agree on the same files.
 */
export interface AreaCompliance {
  compliance: CommunityCompliance;
  completeness: CompletenessIndex;
  /** Residents (persons) by number of required types reached, 0 … completeness.assessed.length. */
  histogram: Float64Array;
  communities: CommunityNames;
  /** Community index per population unit (all 0 when the area has no community units). */
  community: Int32Array;
}

/**
 * A scenario's change to one type's distances: after siting, each unit's distance is the smaller of
 * the existing facilities' (from the workers) and the nearest new site's (`distance`, metres; the
 * siting matrix only holds pairs up to the siting radius, so a new site's reach counts up to that).
 */
export interface DistanceOverride {
  type: string;
  distance: Float64Array;
  addedFacilities: number;
}

export function areaCompliance(snap: AreaSnapshot, preset: Preset, mode: 'network' | 'straight', lang: Lang, override?: DistanceOverride): AreaCompliance {
  const units = snap.population.length;
  const counts = new Map<string, number>();
  for (let i = 0; i < snap.facilities.length; i++) {
    const t = snap.facilities.types[snap.facilities.typeIndex[i]];
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  // Types missing from `snap.distances` have no facility in the data: nobody reaches them.
  const distances = new Map<string, AppTypeDistances>();
  for (const type of snap.facilities.types) {
    const d = snap.distances.get(distanceKey(type, mode));
    if (d) distances.set(type, { distance: d.distance, facilities: counts.get(type) ?? 0 });
  }
  if (override) {
    const before = distances.get(override.type);
    const merged = Float64Array.from(override.distance, (x, i) => {
      const b = before ? before.distance[i] : Infinity;
      return Number.isNaN(b) && !Number.isFinite(x) ? b : Math.min(Number.isNaN(b) ? Infinity : b, x);
    });
    distances.set(override.type, { distance: merged, facilities: (before?.facilities ?? 0) + override.addedFacilities });
  }
  // Without community units the whole area is checked as one unit, as the CLI does.
  const c = snap.communities;
  const communities: CommunityNames = c
    ? { ids: c.ids, names: c.names, namesEn: c.namesEn }
    : { ids: ['all'], names: [translate(lang, 'localeWholeArea', { area: lang === 'zh' ? snap.manifest.name_zh : snap.manifest.name_en })] };
  const community = c ? snap.community : new Int32Array(units);
  const compliance = communityCompliance({
    preset, distances, pop: snap.population.pop, community, communityCount: communities.ids.length, targets: editedTargets(preset),
  });
  const completeness = completenessIndex(preset, distances, units);
  const histogram = completenessHistogram(completeness.count, completeness.assessed.length, snap.population.pop);
  return { compliance, completeness, histogram, communities, community };
}

/** The printable report of the current check (src/io/report-html.ts escapes every data string). */
export function areaReportHtml(snap: AreaSnapshot, preset: Preset, ac: AreaCompliance, o: {
  lang: Lang; mode: 'network' | 'straight'; params: AnalysisParams; mapImage?: string;
}): string {
  // Floor areas: the app's facility readers carry none, so the report says the national norm could
  // not be checked (as the CLI's does) rather than leaving the section out silently.
  const rules = shippedFloorAreaRules();
  const pop = new Float64Array(ac.communities.ids.length);
  for (let i = 0; i < ac.community.length; i++) if (ac.community[i] >= 0) pop[ac.community[i]] += snap.population.pop[i];
  const floorArea = floorAreaCompliance({
    rule: rules.rules[0],
    householdSize: rules.household_size.value,
    facilities: Array.from({ length: snap.facilities.length }, (_, i) => ({ type: snap.facilities.types[snap.facilities.typeIndex[i]], community: -1 })),
    communities: Array.from(pop, (population) => ({ population })),
  });
  return reportHtml({
    lang: o.lang,
    areaName: o.lang === 'zh' ? snap.manifest.name_zh : snap.manifest.name_en,
    date: localDay(new Date()),
    preset,
    method: { mode: o.mode, maxSnapM: o.params.maxSnapM, limitM: o.params.limitM, speedMPerMin: o.params.speedMPerMin },
    compliance: ac.compliance,
    communities: ac.communities,
    completeness: { index: ac.completeness, pop: snap.population.pop },
    floorArea,
    sources: snap.manifest.attribution,
    inputs: Object.values(snap.fileNames).filter((x): x is string => !!x),
    ...(o.mapImage ? { mapImage: o.mapImage } : {}),
    ...(snap.populationMethod ? { populationMethod: snap.populationMethod } : {}),
  });
}

/** The calendar day where the planner is (toISOString would give the UTC day: before 08:00 in China, yesterday). */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
