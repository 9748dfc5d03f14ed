import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ParamSpec } from '../core/analysis-spec.ts';
import { POPULATION_SOURCE_FIELDS, POPULATION_SOURCE_PARAMS, validatePopulationSource, type PopulationSource } from '../core/population/population-source-spec.ts';
import { checkFileSize } from '../io/file-size-limit.ts';
import type { PopulationSourceFiles, SourceFile } from '../io/read-population-source-files.ts';

/** The `lifecircle analyze` usage lines for the population form, from the spec. */
export const POPULATION_SOURCE_USAGE = `      Population form (--population is then buildings, or a table/polygons of community totals):
${(POPULATION_SOURCE_PARAMS as readonly ParamSpec[]).map((p) => `      --${p.flag.padEnd(16)} ${p.en} (${p.zh}), ${p.unit || p.values?.join('|')}, default ${p.default}. ${p.doc}`).join('\n')}
      --buildings FILE   building footprints to spread community totals over (OSM building=*, building:levels, height).
      --landuse FILE     residential land use (OSM landuse=residential): building=yes inside it counts as residential.
${POPULATION_SOURCE_FIELDS.map((f) => `      --${f.flag.padEnd(16)} column of the ${f.en} (${f.zh}); default: ${f.aliases.slice(0, 4).join(', ')}, …`).join('\n')}`;

async function file(p: string, crs?: string): Promise<SourceFile> {
  checkFileSize(path.basename(p), (await stat(p)).size);
  return { name: path.basename(p), bytes: new Uint8Array(await readFile(p)), ...(crs ? { crs } : {}) };
}

/**
 * The population form flags (--population-from, --spread-over, --m2-per-person, --spread-grid,
 * the column flags, --buildings, --landuse), validated against the spec; undefined for plain units.
 * The community layer (--communities) is passed along for a totals table to join to.
 */
export async function populationSourceFlags(flags: Record<string, string>, communities?: SourceFile): Promise<Partial<PopulationSourceFiles>> {
  const spec: Record<string, unknown> = {};
  for (const p of POPULATION_SOURCE_PARAMS as readonly ParamSpec[]) {
    if (flags[p.flag] === undefined) continue;
    spec[p.key] = p.kind === 'number' ? Number(flags[p.flag]) : flags[p.flag];
  }
  for (const f of POPULATION_SOURCE_FIELDS) if (flags[f.flag]) spec[f.key] = flags[f.flag];
  const problems = validatePopulationSource(spec);
  if (problems.length) throw new Error(problems.map((m) => `--population-from/--spread-over/--m2-per-person: ${m}`).join('\n'));
  const source = { from: 'units', ...spec } as PopulationSource;
  if (source.from === 'units') {
    if (flags.buildings || flags['spread-over']) throw new Error('--buildings and --spread-over need --population-from community-totals (or buildings)');
    return {};
  }
  const overBuildings = source.from === 'community-totals' && (source.spreadOver ?? 'buildings') === 'buildings';
  if (overBuildings && !flags.buildings) throw new Error('--population-from community-totals spreads over buildings by default: give --buildings FILE, or --spread-over area');
  return {
    populationSource: source,
    ...(communities ? { communities } : {}),
    ...(overBuildings ? { buildings: await file(flags.buildings) } : {}),
    ...(flags.landuse ? { landuse: await file(flags.landuse) } : {}),
  };
}
