import { LoadError } from '../load-error.ts';
import { readAnyLayer, type AnyLayer, type LayerOptions } from '../read-any-layer.ts';
import { applyFieldMapping, type FieldMapping, type MappedKind } from './field-mapping.ts';
import { guessFieldMapping, inspectLayerTable, type LayerInspection } from './inspect-layer-table.ts';
import { formatLayerTable, isJsonText, parseLayerTable } from './layer-table.ts';
import { describeRowProblem, findRowProblems, resolveRowProblems, type RowDecision } from './row-problems.ts';

export interface MappingOptions {
  /** The layer the file is read as (for the guess when no mapping is given). */
  kind: MappedKind;
  mapping?: FieldMapping;
  rowDecision?: RowDecision;
  /** Stop with the list of row problems that have no decision (the CLI's default with a mapping). */
  refuseRowProblems?: boolean;
}

/** readAnyLayer options with the mapping's x/y columns, so a table in GCJ-02 or Gauss-Krüger is converted in the right columns. */
const layerOptions = (opts: LayerOptions, m?: FieldMapping): LayerOptions =>
  m?.columns.lon && m.columns.lat ? { ...opts, columns: { lon: m.columns.lon, lat: m.columns.lat } } : opts;

/**
 * readAnyLayer, then the mapping step: row problems resolved as decided (fixed or skipped, the
 * rest left to the reader), columns renamed to the canonical names and type values mapped. The
 * text returned is what readPopulation / readFacilities / readCommunities read. Without a mapping
 * or a decision the layer passes through unchanged.
 */
export async function readMappedLayer(name: string, bytes: Uint8Array, opts: LayerOptions & MappingOptions): Promise<AnyLayer> {
  const { kind, mapping, rowDecision, refuseRowProblems, ...layerOpts } = opts;
  const layer = await readAnyLayer(name, bytes, layerOptions(layerOpts, mapping));
  if (!mapping && !rowDecision && !refuseRowProblems) return layer;
  const t = parseLayerTable(name, layer.text);
  const m = mapping ?? guessFieldMapping(kind, t);
  const problems = findRowProblems(t, m);
  const unit = t.format === 'csv' ? 'rows' : 'features';
  const open = problems.filter((p) => !rowDecision?.[p.kind]);
  if (refuseRowProblems && open.length)
    throw new LoadError(name, `rows with problems: ${open.map((p) => describeRowProblem(p, unit)).join('; ')}. Fix them in the file, or choose to fix or skip them (CLI: --skip-bad-rows)`);
  const warnings = [...layer.warnings];
  const resolved = resolveRowProblems(t, problems, rowDecision ?? {}, m);
  const decided = problems.filter((p) => rowDecision?.[p.kind]);
  if (decided.length)
    warnings.push(`${name}: ${resolved.skipped} ${unit} skipped and ${resolved.fixed} fixed as chosen in the field mapping: ${decided.map((p) => `${rowDecision![p.kind] === 'fix' ? 'fixed' : 'skipped'} ${describeRowProblem(p, unit)}`).join('; ')}`);
  if (!mapping) return { ...layer, text: formatLayerTable(resolved.table), warnings };
  const applied = applyFieldMapping(name, resolved.table, mapping);
  if (applied.notFacility) warnings.push(`${name}: ${applied.notFacility} ${unit} left out: their type value was mapped to "not a facility"`);
  return { ...layer, text: formatLayerTable(applied.table), warnings };
}

/** For the mapping dialog (in a worker): what the file holds and the problems under `mapping` (default: the guess). */
export async function inspectLayerFile(name: string, bytes: Uint8Array, opts: LayerOptions & { kind: MappedKind; mapping?: FieldMapping }): Promise<LayerInspection> {
  const { kind, mapping, ...layerOpts } = opts;
  let layer: AnyLayer;
  try {
    layer = await readAnyLayer(name, bytes, layerOptions(layerOpts, mapping));
  } catch (e) {
    // A table in a chosen CRS whose x/y columns are not found yet: inspect it unconverted, so they can be chosen.
    if (!(e instanceof LoadError) || !layerOpts.crs || !/cannot convert from/.test(e.message)) throw e;
    layer = await readAnyLayer(name, bytes, { ...layerOpts, crs: 'wgs84' });
  }
  // A table is checked on its first INSPECT_ROWS rows: enough to guess and to show problems, fast on a
  // million-row file (the decision chosen still applies to every row at load).
  const text = isJsonText(layer.text) ? layer.text : firstLines(layer.text, INSPECT_ROWS + 1);
  const ins = inspectLayerTable(kind, parseLayerTable(name, text), layer.source, mapping);
  return text.length < layer.text.length ? { ...ins, sampledRows: INSPECT_ROWS } : ins;
}

/** Rows of a table the dialog checks (the rest load with the same mapping and decision). */
export const INSPECT_ROWS = 100_000;

function firstLines(text: string, n: number): string {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return text;
  }
  return text.slice(0, at + 1);
}
