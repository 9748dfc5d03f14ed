import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AnalysisParams } from '../core/analysis-spec.ts';
import { communityCompliance, rankedFailures } from '../core/compliance/community-compliance.ts';
import { completenessIndex, type AppTypeDistances } from '../core/compliance/completeness-index.ts';
import { floorAreaCompliance } from '../core/compliance/floor-area-compliance.ts';
import { effectiveRadiusM, type Preset } from '../core/presets/preset.ts';
import { PRESET_CATALOG, shippedFloorAreaRules, shippedPreset } from '../core/presets/preset-catalog.ts';
import { validatePreset } from '../core/presets/validate-preset.ts';
import type { AreaManifest } from '../io/area-manifest.ts';
import { complianceCsv, type CommunityNames } from '../io/compliance-csv.ts';
import { reportHtml, type ReportLang } from '../io/report-html.ts';
import type { AreaAnalysis } from './area-analysis.ts';

/**
 * `lifecircle analyze --preset …`: checks the analysis against a life-circle standard and writes
 * DIR/compliance.csv and DIR/report.html. Kept out of main.ts so the command stays a list of steps.
 */

export const PRESET_USAGE = `      --preset ${PRESET_CATALOG.map((p) => p.id).join('|')}|FILE.json also writes DIR/compliance.csv
      (per community × facility type of the standard: covered share, target, pass, shortfall in persons) and
      DIR/report.html (printable A4 report). FILE is a custom preset (see data/presets/README.md).
      --lang zh|en is the report language (default zh). Without --communities the whole area is one unit.`;

/** A shipped preset id, or a preset JSON file validated like an imported one (errors name their paths). */
export async function loadPresetArg(arg: string): Promise<Preset> {
  if (PRESET_CATALOG.some((p) => p.id === arg)) return shippedPreset(arg);
  let text: string;
  try {
    text = await readFile(arg, 'utf8');
  } catch {
    const ids = PRESET_CATALOG.map((p) => p.id).join(', ');
    throw bilingualError(`--preset: "${arg}" is neither a shipped preset (${ids}) nor a readable file`, `--preset：“${arg}”既不是内置预设（${ids}），也不是可读取的文件`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw bilingualError(`--preset ${arg}: not valid JSON (${(e as Error).message})`, `--preset ${arg}：不是有效的 JSON（${(e as Error).message}），文件可能不完整：请重新导出预设`);
  }
  const r = validatePreset(json);
  if (!r.ok) throw bilingualError(`--preset ${arg} is not a valid preset:\n  ${r.errors.join('\n  ')}`, `--preset ${arg} 不是有效的预设（问题所在的字段路径保留英文原文）：\n  ${r.errors.join('\n  ')}`);
  return r.preset;
}

/** An Error whose Chinese text the CLI prints with --lang zh (messageZh, as LoadError carries it). */
function bilingualError(en: string, zh: string): Error {
  return Object.assign(new Error(en), { messageZh: zh });
}

export function reportLang(flag: string | undefined): ReportLang {
  if (flag === undefined || flag === 'zh' || flag === 'en') return flag ?? 'zh';
  throw new Error(`--lang must be zh or en, got "${flag}"`);
}

/** Largest service radius of the preset (metres): the network search must reach at least this far. */
export function presetMaxRadiusM(preset: Preset): number {
  return Math.max(0, ...preset.facilities.map((f) => effectiveRadiusM(preset, f) ?? 0));
}

export interface ComplianceOutputOptions {
  out: string;
  preset: Preset;
  lang: ReportLang;
  analysis: AreaAnalysis;
  params: AnalysisParams;
  /** Paths of the input files as given on the command line. */
  inputs: { population: string; facilities: string; network?: string; communities?: string };
}

/** Writes DIR/compliance.csv and DIR/report.html; returns a one-line description for the console. */
export async function writeComplianceOutputs(o: ComplianceOutputOptions): Promise<string> {
  const a = o.analysis;
  const units = a.population.length;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.facilities.length; i++) {
    const t = a.facilities.types[a.facilities.typeIndex[i]];
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const distances = new Map<string, AppTypeDistances>(
    a.distances.results.filter((r) => r.mode === o.params.mode).map((r) => [r.type, { distance: r.distance, facilities: counts.get(r.type) ?? 0 }]),
  );
  const area = await areaManifestNear(o.inputs.population);
  const areaName = area ? (o.lang === 'zh' ? area.name_zh : area.name_en) : path.basename(path.dirname(path.resolve(o.inputs.population)));
  // Without community units the whole study area is checked as one unit.
  const communities: CommunityNames = a.communities
    ? { ids: a.communities.ids, names: a.communities.names, namesEn: a.communities.namesEn }
    : { ids: ['all'], names: [o.lang === 'zh' ? `${areaName}（全域）` : `${areaName} (whole area)`] };
  const community = a.communities ? a.community : new Int32Array(units);

  const compliance = communityCompliance({
    preset: o.preset, distances, pop: a.population.pop, community, communityCount: communities.ids.length,
  });
  await writeFile(path.join(o.out, 'compliance.csv'), complianceCsv(compliance, communities, o.preset));

  // Floor areas: the CLI's facility readers carry none, so this reports "no floor-area data" under
  // the national rule until a reader passes them through.
  const rules = shippedFloorAreaRules();
  const popByCommunity = new Float64Array(communities.ids.length);
  for (let i = 0; i < units; i++) if (community[i] >= 0) popByCommunity[community[i]] += a.population.pop[i];
  const floorArea = floorAreaCompliance({
    rule: rules.rules[0],
    householdSize: rules.household_size.value,
    facilities: Array.from({ length: a.facilities.length }, (_, i) => ({ type: a.facilities.types[a.facilities.typeIndex[i]], community: -1 })),
    communities: Array.from(popByCommunity, (population) => ({ population })),
  });

  const html = reportHtml({
    lang: o.lang,
    areaName,
    date: new Date().toISOString().slice(0, 10),
    preset: o.preset,
    method: { mode: o.params.mode, maxSnapM: o.params.maxSnapM, limitM: Math.max(o.params.limitM, presetMaxRadiusM(o.preset)), speedMPerMin: o.params.speedMPerMin },
    compliance,
    communities,
    completeness: { index: completenessIndex(o.preset, distances, units), pop: a.population.pop },
    floorArea,
    sources: area?.attribution ?? [o.lang === 'zh' ? '输入数据的来源与许可未记录（无 area.json）：请自行核对。' : 'Sources and licences of the input data are not recorded (no area.json): check them.'],
    inputs: Object.values(o.inputs).filter((p): p is string => !!p).map((p) => path.basename(p)),
    populationMethod: a.populationMethod,
  });
  await writeFile(path.join(o.out, 'report.html'), html);
  const failures = rankedFailures(compliance.rows).length;
  return `compliance.csv (${communities.ids.length} communities × ${compliance.types.length} types of ${o.preset.id}, ${failures} failing; ${compliance.notAssessable.length} types not assessable), report.html (${o.lang})`;
}

/** The area.json of a prepared data folder holding the population file, if there is one. */
async function areaManifestNear(populationPath: string): Promise<AreaManifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(path.dirname(populationPath), 'area.json'), 'utf8')) as AreaManifest;
  } catch {
    return undefined;
  }
}
