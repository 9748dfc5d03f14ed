import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ANALYSIS_PARAMS, DEFAULT_PARAMS, validateParams, type AnalysisParams, type ParamSpec } from '../core/analysis-spec.ts';
import { facilityTypeById } from '../core/facility-types.ts';
import type { AreaManifest } from '../io/area-manifest.ts';
import { communityCoverage, coverageTotals } from '../io/community-coverage.ts';
import { openNodeDuckDb } from '../io/duckdb-node.ts';
import type { SqlDatabase } from '../io/sql-database.ts';
import { communityTableCsv, type CommunityTableBlock } from '../io/community-table-csv.ts';
import { checkFileSize } from '../io/file-size-limit.ts';
import { cliErrorMessage, cliMessageLang, cliWarning } from './message-lang.ts';
import { formatCsv } from '../io/format-csv.ts';
import { readFacilitiesFile } from '../io/read-facilities-file.ts';
import type { PopulationFields } from '../io/read-population.ts';
import { DEFAULT_WALKABLE_RULE, type WalkableRule } from '../core/walkable-rule.ts';
import { analyseArea, resolveTypeId, type AreaFiles } from './area-analysis.ts';
import { loadPresetArg, presetMaxRadiusM, PRESET_USAGE, reportLang, writeComplianceOutputs } from './compliance-outputs.ts';
import { SITE_USAGE, siteCommand } from './site-command.ts';
import { CRS_FLAGS_USAGE, crsFlags, crsSummary } from './crs-flags.ts';
import { SITING_PARAMS } from '../core/siting/siting-params.ts';
import { POPULATION_SOURCE_USAGE, populationSourceFlags } from './population-source-flags.ts';
import { MAPPING_FLAGS_USAGE, mappingFlags } from './mapping-flags.ts';

const USAGE = `lifecircle — 15-minute life-circle coverage (15分钟社区生活圈), headless

  lifecircle coverage --type TYPE [--radius M] --data DIR [--mode network|straight]
      Prints JSON totals for one facility type on a data folder with an area.json
      (e.g. data/nanjing-xinjiekou), exactly as the app computes them.

  lifecircle analyze --network FILE --population FILE --facilities FILE [--communities FILE]
                     [--mode network|straight] [--speed 80] [--max-snap 250] [--preset ID|FILE.json] [--lang zh|en] --out DIR
      Writes DIR/units.csv, DIR/communities.csv and DIR/summary.json (with --preset also compliance.csv and report.html).
      --lang zh also prints load errors and warnings in Chinese (default: English).
      network: .osm.pbf, .osm or GeoJSON lines; population: CSV id,lon,lat,pop or GeoJSON;
      facilities: CSV id,lon,lat,type, GeoJSON (type property or OSM tags) or an OSM file.
      --id-col/--lon-col/--lat-col/--pop-col rename the population columns.
      --population-crs, --facilities-crs, --communities-crs, --network-crs (GeoJSON networks) CRS:
${CRS_FLAGS_USAGE}
      --walkable-rule FILE.json replaces lists of the walkable rule, e.g. {"excludedHighways": ["motorway", "trunk"]}
      (keys: excludedHighways, footDenied, accessDenied, footAllowed; see docs/analysis-flow.md).
${PRESET_USAGE}
${POPULATION_SOURCE_USAGE}
${MAPPING_FLAGS_USAGE}

${SITE_USAGE}
Parameters:
${(ANALYSIS_PARAMS as readonly ParamSpec[]).map((p) => `  --${p.flag.padEnd(9)} ${p.en} (${p.zh}), ${p.unit || p.values?.join('|')}, default ${p.default}. ${p.doc}`).join('\n')}

Siting parameters (lifecircle site):
${(SITING_PARAMS as readonly ParamSpec[]).map((p) => `  --${p.flag.padEnd(15)} ${p.en} (${p.zh}), ${p.unit || p.values?.join('|')}, default ${p.default}. ${p.doc}`).join('\n')}
`;

const SWITCHES = new Set(['exact', 'heuristic', 'skip-bad-rows']);

function parseArgs(argv: string[]): { command: string; flags: Record<string, string> } {
  const [command = 'help', ...rest] = argv;
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument "${a}"`);
    const [k, inline] = a.slice(2).split('=', 2);
    // Switches take no value; every other flag takes the next argument.
    flags[k] = SWITCHES.has(k) ? (inline ?? 'true') : (inline ?? rest[++i] ?? '');
  }
  return { command, flags };
}

function paramsFrom(flags: Record<string, string>): AnalysisParams {
  const params: Record<string, unknown> = { ...DEFAULT_PARAMS };
  for (const p of ANALYSIS_PARAMS as readonly ParamSpec[]) {
    if (flags[p.flag] === undefined) continue;
    params[p.key] = p.kind === 'number' ? Number(flags[p.flag]) : flags[p.flag];
  }
  const problems = validateParams(params);
  if (problems.length) throw new Error(problems.join('\n'));
  return params as AnalysisParams;
}

/** --id-col/--lon-col/--lat-col/--pop-col rename the population columns (CSV) or properties (GeoJSON). */
function populationFields(flags: Record<string, string>): Partial<PopulationFields> {
  const fields: Partial<PopulationFields> = {};
  for (const k of ['id', 'lon', 'lat', 'pop'] as const) if (flags[`${k}-col`]) fields[k] = flags[`${k}-col`];
  return fields;
}

/** A JSON file with any of the WalkableRule lists; missing lists keep their defaults. */
async function readWalkableRule(p: string): Promise<WalkableRule> {
  const json = JSON.parse(await readFile(p, 'utf8')) as Partial<WalkableRule>;
  for (const [k, v] of Object.entries(json)) {
    if (!(k in DEFAULT_WALKABLE_RULE) || !Array.isArray(v)) throw new Error(`--walkable-rule: "${k}" must be one of ${Object.keys(DEFAULT_WALKABLE_RULE).join(', ')}, each a list of OSM values`);
  }
  return { ...DEFAULT_WALKABLE_RULE, ...json };
}

async function file(p: string) {
  // From the size alone, before reading: a 1 GB file fails at once with a message.
  checkFileSize(path.basename(p), (await stat(p)).size);
  return { name: path.basename(p), bytes: new Uint8Array(await readFile(p)) };
}

async function coverage(flags: Record<string, string>) {
  if (!flags.data || !flags.type) throw new Error('coverage needs --type and --data');
  const params = paramsFrom(flags);
  const manifest: AreaManifest = JSON.parse(await readFile(path.join(flags.data, 'area.json'), 'utf8'));
  const at = (f?: string) => (f ? file(path.join(flags.data, f)) : undefined);
  const files: AreaFiles = {
    population: (await at(manifest.files.population))!,
    facilities: (await at(manifest.files.facilities))!,
    network: params.mode === 'network' ? await at(manifest.files.network) : undefined,
  };
  const type = resolveTypeId(flags.type, (await readFacilitiesFile(files.facilities.name, files.facilities.bytes)).table.types);
  const db = await openNodeDuckDb();
  const radiusM = flags.radius ? params.radiusM : facilityTypeById(type)?.radiusM ?? params.radiusM;
  await analyseArea(db, files, { modes: [params.mode], limitM: Math.max(params.limitM, radiusM), maxSnapM: params.maxSnapM, types: [type] });
  const t = await coverageTotals(db, type, params.mode, radiusM);
  console.log(JSON.stringify({ area: manifest.id, type, mode: params.mode, radius_m: radiusM, population: t.pop, covered: t.covered, share: t.share, facilities: t.facilities, off_network_units: t.off_network_units, unreachable_units: t.unreachable_units }, null, 2));
  await db.close();
}

async function analyze(flags: Record<string, string>) {
  for (const f of ['network', 'population', 'facilities', 'out']) if (!flags[f] && !(f === 'network' && flags.mode === 'straight')) throw new Error(`analyze needs --${f}`);
  const params = paramsFrom(flags);
  // Checked before the analysis, so a broken preset file fails in a second, not after it.
  const preset = flags.preset !== undefined ? await loadPresetArg(flags.preset) : undefined;
  const lang = reportLang(flags.lang);
  const crs = await crsFlags(flags, ['population', 'facilities', 'communities', 'network'] as const);
  const maps = await mappingFlags(flags, ['population', 'facilities', 'communities'] as const);
  const files: AreaFiles = {
    population: {
      ...(await file(flags.population)), fields: populationFields(flags), crs: crs.population, ...maps.options.population,
      ...(await populationSourceFlags(flags, flags.communities ? { ...(await file(flags.communities)), crs: crs.communities } : undefined)),
    },
    facilities: { ...(await file(flags.facilities)), crs: crs.facilities, ...maps.options.facilities },
    network: flags.network ? { ...(await file(flags.network)), crs: crs.network } : undefined,
    communities: flags.communities ? { ...(await file(flags.communities)), crs: crs.communities, ...maps.options.communities } : undefined,
  };
  const t0 = performance.now();
  const rule = flags['walkable-rule'] ? await readWalkableRule(flags['walkable-rule']) : undefined;
  const limitM = preset ? Math.max(params.limitM, presetMaxRadiusM(preset)) : params.limitM;
  // DuckDB is opened once the layers have loaded, so a bad file fails without waiting for it.
  const opened: SqlDatabase[] = [];
  const openDb = async () => {
    opened.push(await openNodeDuckDb());
    return opened[0];
  };
  const a = await analyseArea(openDb, files, { modes: [params.mode], limitM, maxSnapM: params.maxSnapM, rule });
  const db = opened[0];
  const types = a.facilities.types;
  // Also in summary.json; printed so that a problem that did not stop the run is seen.
  for (const w of a.warnings) console.error(`lifecircle: warning: ${cliWarning(w, cliMessageLang(['--lang', flags.lang]))}`);
  await mkdir(flags.out, { recursive: true });

  const byType = new Map(a.distances.results.map((r) => [r.type, r]));
  const snap = a.distances.originSnapM;
  const unitRows = Array.from({ length: a.population.length }, (_, i) => [
    a.population.ids[i], a.population.coords[2 * i], a.population.coords[2 * i + 1], a.population.pop[i],
    snap ? snap[i] : '', ...types.map((t) => byType.get(t)!.distance[i]),
  ]);
  await writeFile(path.join(flags.out, 'units.csv'), formatCsv(['id', 'lon', 'lat', 'pop', 'snap_m', ...types.map((t) => `dist_${t}`)], unitRows));

  const blocks: CommunityTableBlock[] = [];
  const totals: Record<string, unknown> = {};
  for (const type of types) {
    const radiusM = flags.radius ? params.radiusM : facilityTypeById(type)?.radiusM ?? params.radiusM;
    blocks.push({ type, mode: params.mode, radiusM, rows: await communityCoverage(db, type, params.mode, radiusM) });
    totals[type] = { radius_m: radiusM, ...(await coverageTotals(db, type, params.mode, radiusM)) };
  }
  await writeFile(path.join(flags.out, 'communities.csv'), communityTableCsv(blocks));

  const unreachable = Object.fromEntries(a.distances.results.map((r) => [r.type, r.distance.reduce((n, d) => n + (d === Infinity ? 1 : 0), 0)]));
  const summary = {
    mode: params.mode,
    params,
    graph: a.network?.stats ?? null,
    counts: {
      population_units: a.population.length,
      population: a.population.pop.reduce((s, p) => s + p, 0),
      facilities: a.facilities.length,
      facility_types: types,
      communities: a.communities?.ids.length ?? 0,
      off_network_units: a.distances.offNetwork.origins,
      off_network_facilities: a.distances.offNetwork.facilities,
      unreachable_units_by_type: unreachable,
    },
    totals,
    // The coordinate system each layer was converted from, and what was detected about each file.
    // How the population file became population points (units as given, buildings, community totals spread).
    population_method: a.populationMethod ?? { from: 'units' },
    crs: crsSummary(a.sources),
    layer_sources: a.sources,
    // The --<layer>-mapping files and mappings used, and whether rows with problems were skipped.
    field_mapping: maps.summary,
    warnings: a.warnings,
    timings_ms: { ...a.timingsMs, total: Math.round(performance.now() - t0) },
  };
  await writeFile(path.join(flags.out, 'summary.json'), JSON.stringify(summary, null, 2));
  console.log(`Wrote ${flags.out}/units.csv (${a.population.length} units × ${types.length} types), communities.csv, summary.json`);
  if (preset) {
    const inputs = { population: flags.population, facilities: flags.facilities, network: flags.network, communities: flags.communities };
    console.log(`Wrote ${flags.out}/${await writeComplianceOutputs({ out: flags.out, preset, lang, analysis: a, params, inputs })}`);
  }
  await db.close();
}

export async function main(argv: string[]): Promise<number> {
  try {
    const { command, flags } = parseArgs(argv);
    if (command === 'coverage') await coverage(flags);
    else if (command === 'analyze') await analyze(flags);
    else if (command === 'site') return await siteCommand(flags);
    else {
      console.log(USAGE);
      return command === 'help' || command === '--help' ? 0 : 2;
    }
    return 0;
  } catch (e) {
    console.error(`lifecircle: ${cliErrorMessage(e, cliMessageLang(argv))}`);
    return 1;
  }
}
