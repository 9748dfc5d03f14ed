import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ANALYSIS_PARAMS, validateParams, type ParamSpec } from '../core/analysis-spec.ts';
import { prepareNetwork } from '../core/area-context.ts';
import { facilityTypeById } from '../core/facility-types.ts';
import { serviceGaps } from '../core/gap-polygons.ts';
import { networkFacilityDistances } from '../core/network-facility-distances.ts';
import { generateCandidates } from '../core/siting/generate-candidates.ts';
import { DEFAULT_SITING_PARAMS, SITING_PARAMS, type SitingParams } from '../core/siting/siting-params.ts';
import { SITE_KIND, runSitingScenario, type SitingInput } from '../core/siting/siting-scenario.ts';
import { snapToNetwork } from '../core/snap-to-network.ts';
import { formatCsv } from '../io/format-csv.ts';
import { gapsGeojson } from '../io/gaps-geojson.ts';
import { loadNodeMilpSolver } from '../io/highs-node.ts';
import { PROPOSAL_CSV_HEADER, proposalsCsvRows, proposalsGeojson } from '../io/proposals-geojson.ts';
import { readFacilitiesFile } from '../io/read-facilities-file.ts';
import { readNetwork } from '../io/read-network.ts';
import { readOdMatrix } from '../io/read-od-matrix.ts';
import { readPopulation } from '../io/read-population.ts';
import { readSitePoints, type SitePoints } from '../io/read-site-points.ts';
import { decodeText } from '../io/decode-text.ts';
import { parseCrs } from '../core/crs/parse-crs.ts';
import type { LayerSource } from '../io/read-any-layer.ts';
import { CRS_FLAGS_USAGE, crsFlags, crsSummary, readLayerFile } from './crs-flags.ts';

export const SITE_USAGE = `  lifecircle site --model mclp|lscp|pmedian --demand FILE --candidates FILE|generated
                  [--existing FILE [--existing-type TYPE]] [--network FILE | --od FILE]
                  [--radius M] [--p N] [--target-coverage PCT] [--capacity N] [--time-limit S]
                  [--exact|--heuristic] [--type TYPE] --out DIR
      Location-allocation: where to add facilities. Writes DIR/summary.json, DIR/proposals.geojson
      (RFC 7946) and DIR/proposals.csv; with --candidates generated also DIR/gaps.geojson and
      DIR/candidates.csv. Exit code 2 when the problem is infeasible (the message says why).
      demand: CSV id,weight,lon,lat or GeoJSON (--demand-id, --demand-weight rename the columns);
      candidates: CSV id,lon,lat or GeoJSON points/parcels (--candidate-id), or "generated":
      street nodes in and next to service gaps, --spacing apart (needs --network);
      existing: facilities kept open (CSV id,lon,lat, GeoJSON or OSM; --existing-type keeps one type);
      --network FILE: walking distances (.osm.pbf, .osm, GeoJSON lines); --od FILE: a cost table
      from,to,cost in metres (--od-from/--od-to/--od-cost) with demand ids in "from" and candidate
      or existing ids in "to"; neither: straight-line distances.
      --demand-crs, --candidates-crs, --existing-crs, --network-crs CRS:
${CRS_FLAGS_USAGE}
`;

/** `lifecircle site`: returns the exit code (0 solved, 2 infeasible). */
export async function siteCommand(flags: Record<string, string>): Promise<number> {
  for (const f of ['demand', 'candidates', 'out']) if (!flags[f]) throw new Error(`site needs --${f}`);
  if (flags.network && flags.od) throw new Error('site takes --network or --od, not both');
  const params = sitingParamsFrom(flags);
  const analysis = analysisParamsFrom(flags);
  const typeId = flags['existing-type'] ?? flags.type ?? 'facility';
  const radiusM = flags.radius !== undefined ? analysis.radiusM : facilityTypeById(typeId)?.radiusM ?? analysis.radiusM;
  const limitM = Math.max(analysis.limitM, radiusM);
  const text = async (p: string) => decodeText(new Uint8Array(await readFile(p))).text;
  const warnings: string[] = [];
  const crs = await crsFlags(flags, ['demand', 'candidates', 'existing', 'network'] as const);
  const sources: Record<string, LayerSource> = {};
  const layer = async (key: 'demand' | 'candidates', file: string) => {
    const l = await readLayerFile(file, { crs: crs[key] });
    warnings.push(...l.warnings);
    sources[key] = l.source;
    return l.text;
  };

  const demand = readPopulation(path.basename(flags.demand), await layer('demand', flags.demand), {
    ...(flags['demand-id'] ? { id: flags['demand-id'] } : {}),
    ...(flags['demand-weight'] ? { pop: flags['demand-weight'] } : {}),
  });
  warnings.push(...demand.warnings);
  const existing = flags.existing ? await readExisting(flags.existing, flags['existing-type'], warnings, crs.existing, sources) : { ids: [], coords: new Float64Array(0) };

  const network = flags.network ? prepareNetwork(readNetwork(path.basename(flags.network), new Uint8Array(await readFile(flags.network)), crs.network).input) : undefined;
  const demandSnaps = network ? snapToNetwork(network.graph, network.edgeIndex, demand.table.coords, analysis.maxSnapM) : undefined;

  const out = flags.out;
  await mkdir(out, { recursive: true });
  let candidates: SitePoints;
  let kind: number;
  if (flags.candidates === 'generated') {
    if (!network || !demandSnaps) throw new Error('--candidates generated needs --network (candidates are street nodes)');
    const existingSnaps = snapToNetwork(network.graph, network.edgeIndex, existing.coords, analysis.maxSnapM);
    const dist = networkFacilityDistances(network.graph, demandSnaps, existingSnaps, limitM).distance;
    const uncovered = Uint8Array.from(dist, (d) => (d <= radiusM ? 0 : 1));
    const gaps = serviceGaps(demand.table.coords, demand.table.pop, uncovered, params.gapCellM);
    const coords = generateCandidates(network.graph, gaps.grid, params.spacingM);
    candidates = { coords, ids: Array.from({ length: coords.length / 2 }, (_, k) => `G${String(k + 1).padStart(4, '0')}`) };
    kind = SITE_KIND.generated;
    await writeFile(path.join(out, 'gaps.geojson'), JSON.stringify(gapsGeojson(gaps.gaps, { facility_type: typeId, mode: 'network', radius_m: radiusM, cell_m: params.gapCellM })));
    await writeFile(path.join(out, 'candidates.csv'), formatCsv(['id', 'lon', 'lat'], candidates.ids.map((id, k) => [id, coords[2 * k], coords[2 * k + 1]])));
  } else {
    const read = readSitePoints(path.basename(flags.candidates), await layer('candidates', flags.candidates), flags['candidate-id'] ?? 'id');
    candidates = read.table;
    warnings.push(...read.warnings);
    kind = SITE_KIND.user;
  }

  let costs: SitingInput['costs'];
  if (flags.od) {
    const od = readOdMatrix(path.basename(flags.od), await text(flags.od), demand.table.ids, [...existing.ids, ...candidates.ids], params.model === 'pmedian' ? limitM : radiusM, {
      ...(flags['od-from'] ? { from: flags['od-from'] } : {}),
      ...(flags['od-to'] ? { to: flags['od-to'] } : {}),
      ...(flags['od-cost'] ? { cost: flags['od-cost'] } : {}),
    });
    warnings.push(...od.warnings);
    costs = { mode: 'od', matrix: od.table };
  } else if (network && demandSnaps) costs = { mode: 'network', network, demandSnaps, maxSnapM: analysis.maxSnapM };
  else costs = { mode: 'straight' };

  const solver = params.method === 'heuristic' ? undefined : await loadNodeMilpSolver();
  const outcome = runSitingScenario(
    {
      demand: { coords: demand.table.coords, weight: demand.table.pop },
      existing,
      candidates: { ...candidates, kind: new Uint8Array(candidates.ids.length).fill(kind) },
      costs,
      params: { ...params, radiusM, limitM },
    },
    solver,
  );
  warnings.push(...outcome.warnings);
  const r = outcome.result;
  const parameters = { ...params, radius_m: radiusM, limit_m: limitM, max_snap_m: analysis.maxSnapM, distance: costs.mode };
  const summary = {
    model: r.model,
    method: r.method,
    algorithm: r.algorithm,
    status: r.status,
    message: r.message ?? null,
    selected: outcome.proposals.map((p) => p.candidateId),
    objective: r.objective,
    bound: r.bound,
    gap: r.gap,
    covered_weight: r.coveredWeight,
    uncovered_count: r.uncoveredCount,
    mean_cost: r.meanCost,
    marginal_gain: Array.from(r.marginalGain),
    before: outcome.before,
    after: outcome.after,
    sites: outcome.siteCount,
    parameters,
    elapsed_ms: Math.round(r.elapsedMs),
    crs: { ...crsSummary(sources), ...(flags.network ? { network: parseCrs(crs.network ?? 'wgs84').id } : {}) },
    warnings,
  };
  await writeFile(path.join(out, 'summary.json'), JSON.stringify(summary, null, 2));
  const meta = {
    facility_type: typeId,
    model: r.model,
    parameters,
    preset: 'GB 50180-2018 radii (src/core/facility-types.ts)',
    data_sources: [flags.demand, flags.candidates, flags.existing, flags.network ?? flags.od].filter((x): x is string => !!x).map((p) => path.basename(p)),
    generated_by: 'lifecircle site',
    generated_at: new Date().toISOString(),
  };
  await writeFile(path.join(out, 'proposals.geojson'), JSON.stringify(proposalsGeojson(outcome, meta), null, 1));
  await writeFile(path.join(out, 'proposals.csv'), formatCsv(PROPOSAL_CSV_HEADER, proposalsCsvRows(outcome, meta), { bom: true }));
  if (r.status === 'infeasible') {
    console.error(`lifecircle site: infeasible: ${r.message ?? 'no site set satisfies the model'}`);
    return 2;
  }
  console.log(`${r.model} ${r.method} ${r.status}: ${outcome.proposals.length} sites [${summary.selected.join(', ')}], objective ${round(r.objective)}, bound ${round(r.bound)}, gap ${(r.gap * 100).toFixed(2)} %; covered ${round(outcome.before.covered)} → ${round(outcome.after.covered)} of ${round(outcome.after.total)}. Wrote ${out}/summary.json, proposals.geojson, proposals.csv`);
  return 0;
}

const round = (x: number) => Math.round(x * 10) / 10;

async function readExisting(file: string, type: string | undefined, warnings: string[], crs: string | undefined, sources: Record<string, LayerSource>): Promise<SitePoints> {
  const bytes = new Uint8Array(await readFile(file));
  if (!type) {
    const l = await readLayerFile(file, { crs });
    const r = readSitePoints(path.basename(file), l.text);
    warnings.push(...l.warnings, ...r.warnings);
    sources.existing = l.source;
    return r.table;
  }
  const r = await readFacilitiesFile(path.basename(file), bytes, { crs });
  warnings.push(...r.warnings);
  sources.existing = r.source;
  const t = r.table.types.indexOf(type);
  if (t < 0) throw new Error(`--existing-type "${type}" is not in ${path.basename(file)}; types there: ${r.table.types.join(', ')}`);
  const ids: string[] = [];
  const coords: number[] = [];
  for (let i = 0; i < r.table.length; i++) {
    if (r.table.typeIndex[i] !== t) continue;
    ids.push(r.table.ids[i]);
    coords.push(r.table.coords[2 * i], r.table.coords[2 * i + 1]);
  }
  return { ids, coords: Float64Array.from(coords) };
}

function sitingParamsFrom(flags: Record<string, string>): SitingParams {
  const p: Record<string, unknown> = { ...DEFAULT_SITING_PARAMS };
  for (const s of SITING_PARAMS as readonly ParamSpec[]) if (flags[s.flag] !== undefined) p[s.key] = s.kind === 'number' ? Number(flags[s.flag]) : flags[s.flag];
  if (flags.exact !== undefined) p.method = 'exact';
  if (flags.heuristic !== undefined) p.method = 'heuristic';
  if (flags.exact !== undefined && flags.heuristic !== undefined) throw new Error('--exact and --heuristic exclude each other');
  const problems = validateParams(p, SITING_PARAMS);
  if (problems.length) throw new Error(problems.join('\n'));
  return p as SitingParams;
}

function analysisParamsFrom(flags: Record<string, string>) {
  const p: Record<string, unknown> = Object.fromEntries(ANALYSIS_PARAMS.map((s) => [s.key, s.default]));
  for (const s of ANALYSIS_PARAMS as readonly ParamSpec[]) if (flags[s.flag] !== undefined) p[s.key] = s.kind === 'number' ? Number(flags[s.flag]) : flags[s.flag];
  const problems = validateParams(p);
  if (problems.length) throw new Error(problems.join('\n'));
  return p as { radiusM: number; limitM: number; maxSnapM: number };
}

