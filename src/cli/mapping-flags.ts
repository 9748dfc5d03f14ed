import { readFile } from 'node:fs/promises';
import { validateFieldMapping, type FieldMapping, type MappedKind } from '../io/field-mapping/field-mapping.ts';
import { ROW_PROBLEM_KINDS, type RowDecision } from '../io/field-mapping/row-problems.ts';

export const MAPPING_FLAGS_USAGE = `      --population-mapping, --facilities-mapping, --communities-mapping FILE.json: which column is what, as the
      app's field-mapping dialog saves it: {"kind": "facilities", "columns": {"id": "编号", "name": "名称", "type": "类型",
      "lon": "经度", "lat": "纬度"}, "typeValues": {"社区托育": "kindergarten", "宾馆": ""}} ("" = not a facility);
      roles: id, name, pop, households, type, capacity, floor_area, levels, community, lon, lat; "personsPerHousehold"
      (default 2.62) turns households into population. With a mapping, rows with problems (non-numeric or negative
      population, repeated ids, empty or out-of-range coordinates) stop the run with their row numbers, unless
      --skip-bad-rows (which also applies to layers without a mapping) leaves them out.`;

export interface LayerMappingOptions {
  mapping?: FieldMapping;
  rowDecision?: RowDecision;
  refuseRowProblems?: boolean;
}

/**
 * The `--<layer>-mapping FILE.json` flags (checked before any data is read, so a typo fails at
 * once naming the flag) and `--skip-bad-rows`. With a mapping and without the switch, row
 * problems stop the load (they are listed); with the switch every problem row is skipped.
 */
export async function mappingFlags<L extends MappedKind>(flags: Record<string, string>, layers: readonly L[]): Promise<{ options: Partial<Record<L, LayerMappingOptions>>; summary: Record<string, unknown> }> {
  const skip = flags['skip-bad-rows'] === 'true';
  const skipAll: RowDecision = Object.fromEntries(ROW_PROBLEM_KINDS.map((k) => [k, 'skip']));
  const options: Partial<Record<L, LayerMappingOptions>> = {};
  const files: Record<string, string> = {};
  for (const layer of layers) {
    const file = flags[`${layer}-mapping`];
    let mapping: FieldMapping | undefined;
    if (file !== undefined) {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (e) {
        throw new Error(`--${layer}-mapping ${file}: ${(e as Error).message}`);
      }
      try {
        mapping = validateFieldMapping(json, layer);
      } catch (e) {
        throw new Error(`--${layer}-mapping ${file}: ${(e as Error).message}`);
      }
      files[layer] = file;
    }
    if (mapping || skip) options[layer] = { ...(mapping ? { mapping } : {}), ...(skip ? { rowDecision: skipAll } : { refuseRowProblems: true }) };
  }
  if (files.population && ['id-col', 'lon-col', 'lat-col', 'pop-col'].some((k) => flags[k] !== undefined))
    throw new Error('--population-mapping replaces --id-col/--lon-col/--lat-col/--pop-col: give the columns in the mapping file only');
  return { options, summary: { files, mappings: Object.fromEntries(Object.entries(options).map(([k, o]) => [k, (o as LayerMappingOptions).mapping ?? null])), skip_bad_rows: skip } };
}
