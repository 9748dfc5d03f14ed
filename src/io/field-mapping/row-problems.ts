import { coordinateProblem } from '../check-coordinates.ts';
import { geometryRepresentativePoint } from '../geometry-representative-point.ts';
import type { FieldMapping } from './field-mapping.ts';
import { cellOf, columnIndex, dropRows, rowCount, rowNumber, type LayerTable } from './layer-table.ts';

/** What can be wrong with one row, in the order the dialog lists them. */
export const ROW_PROBLEM_KINDS = ['no_location', 'out_of_range', 'swapped', 'pop_not_number', 'pop_negative', 'duplicate_id'] as const;
export type RowProblemKind = (typeof ROW_PROBLEM_KINDS)[number];
export type RowAction = 'fix' | 'skip';
/** The planner's answer per kind of problem; kinds without an answer are left to the reader (which skips or stops as before). */
export type RowDecision = Partial<Record<RowProblemKind, RowAction>>;

/**
 * The fixes that make sense: a missing or out-of-range location cannot be guessed, only skipped.
 * pop_not_number → the number without thousands separators, else 0; pop_negative → its absolute
 * value; swapped → lon and lat exchanged; duplicate_id → "-2", "-3", … appended to repeats.
 */
export const FIXABLE: Record<RowProblemKind, boolean> = {
  no_location: false, out_of_range: false, swapped: true, pop_not_number: true, pop_negative: true, duplicate_id: true,
};

export interface RowProblem {
  kind: RowProblemKind;
  /** Row numbers as the readers print them (CSV line, GeoJSON feature number), ascending. */
  rows: number[];
  /** The same rows as 0-based indexes into the table. */
  index: number[];
  /** Up to 5 offending values, for the message ("-5", "abc", "P1", "lon=32.0 lat=118.7"). */
  examples: string[];
  /** The column at fault, when one. */
  column?: string;
}

const isNum = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/**
 * Every problem of the mapped roles, row by row: location (empty cell or geometry, outside
 * WGS84 degrees, lat/lon swapped), population (not a number, negative; the household column
 * when population is derived from it) and repeated ids. Out of range takes precedence over
 * swapped only when swapping would not help.
 */
export function findRowProblems(t: LayerTable, m: FieldMapping): RowProblem[] {
  const found = new Map<RowProblemKind, RowProblem>();
  const add = (kind: RowProblemKind, i: number, example: string, column?: string) => {
    const p = found.get(kind) ?? { kind, rows: [], index: [], examples: [], ...(column ? { column } : {}) };
    p.rows.push(rowNumber(t, i));
    p.index.push(i);
    if (p.examples.length < 5) p.examples.push(example);
    found.set(kind, p);
  };
  const popCol = m.columns.pop ?? m.columns.households;
  const checkPop = popCol && (m.kind === 'population' || m.kind === 'communities');
  const ids = new Map<string, number>();
  const n = rowCount(t);
  for (let i = 0; i < n; i++) {
    // Location
    if (t.format === 'csv') {
      if (m.kind !== 'communities' && m.columns.lon && m.columns.lat) {
        const [x, y] = [cellOf(t, i, m.columns.lon), cellOf(t, i, m.columns.lat)];
        if (!isNum(x) || !isNum(y)) add('no_location', i, `${m.columns.lon}=${x} ${m.columns.lat}=${y}`);
        else locationProblem(Number(x), Number(y), (kind) => add(kind, i, `${m.columns.lon}=${x} ${m.columns.lat}=${y}`));
      }
    } else {
      const g = t.features[i].geometry;
      const positions = g ? positionsOf(g) : [];
      const usable = m.kind === 'communities' ? positions.length > 0 && /Polygon$/.test(g!.type) : !!geometryRepresentativePoint(g);
      if (!g || positions.length === 0 || !usable) add('no_location', i, g ? g.type : 'null');
      else {
        const bad = positions.find((p) => coordinateProblem(p[0], p[1]));
        if (bad) locationProblem(bad[0], bad[1], (kind) => add(kind, i, `lon=${bad[0]} lat=${bad[1]}`));
      }
    }
    // Population
    if (checkPop) {
      const v = cellOf(t, i, popCol!);
      if (!isNum(v)) add('pop_not_number', i, v === '' ? '(empty)' : v, popCol);
      else if (Number(v) < 0) add('pop_negative', i, v, popCol);
    }
    // Ids: the second and later rows with an id are the repeats.
    if (m.columns.id) {
      const id = cellOf(t, i, m.columns.id);
      if (id !== '') {
        if (ids.has(id)) add('duplicate_id', i, `${id} (${t.format === 'csv' ? 'rows' : 'features'} ${rowNumber(t, ids.get(id)!)}, ${rowNumber(t, i)})`, m.columns.id);
        else ids.set(id, i);
      }
    }
  }
  return ROW_PROBLEM_KINDS.filter((k) => found.has(k)).map((k) => found.get(k)!);
}

function locationProblem(lon: number, lat: number, add: (kind: RowProblemKind) => void) {
  const why = coordinateProblem(lon, lat);
  if (!why) return;
  add(/swapped/.test(why) ? 'swapped' : 'out_of_range');
}

function positionsOf(g: GeoJSON.Geometry): number[][] {
  const out: number[][] = [];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      if (c.length >= 2 && typeof c[1] === 'number') out.push(c as number[]);
    } else c.forEach(walk);
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => out.push(...positionsOf(x)));
  else walk((g as { coordinates?: unknown }).coordinates);
  return out;
}

/**
 * Applies the planner's decision: fixes in place on a copy, then drops the rows to skip.
 * Returns the new table and how many rows were fixed and skipped (a row is counted once).
 */
export function resolveRowProblems(t: LayerTable, problems: RowProblem[], decision: RowDecision, m: FieldMapping): { table: LayerTable; fixed: number; skipped: number } {
  const out: LayerTable = t.format === 'csv' ? { ...t, rows: t.rows.map((r) => r.slice()) } : { ...t, features: t.features.map((f) => ({ ...f, properties: { ...(f.properties ?? {}) } })) };
  const drop = new Set<number>();
  const fixedRows = new Set<number>();
  const set = (i: number, column: string, value: string) => {
    if (out.format === 'csv') {
      const k = columnIndex(out.header, column);
      if (k >= 0) out.rows[i][k] = value;
    } else {
      const props = out.features[i].properties!;
      const key = Object.keys(props).find((p) => p.toLowerCase() === column.toLowerCase()) ?? column;
      props[key] = typeof props[key] === 'number' || (isNum(value) && key !== m.columns.id) ? Number(value) : value;
    }
  };
  for (const p of problems) {
    const action = decision[p.kind];
    if (!action) continue;
    if (action === 'skip' || !FIXABLE[p.kind]) {
      p.index.forEach((i) => drop.add(i));
      continue;
    }
    if (p.kind === 'pop_not_number' || p.kind === 'pop_negative') {
      for (const i of p.index) {
        const v = cellOf(out, i, p.column!);
        // "1,234" and "1 234" are numbers with thousands separators; anything else unreadable counts as nobody.
        const cleaned = v.replace(/[,，\s]/g, '');
        set(i, p.column!, p.kind === 'pop_negative' ? String(Math.abs(Number(v))) : isNum(cleaned) ? String(Math.abs(Number(cleaned))) : '0');
        fixedRows.add(i);
      }
    } else if (p.kind === 'swapped') {
      for (const i of p.index) {
        if (out.format === 'csv') {
          const [x, y] = [cellOf(out, i, m.columns.lon!), cellOf(out, i, m.columns.lat!)];
          set(i, m.columns.lon!, y);
          set(i, m.columns.lat!, x);
        } else {
          const g = structuredClone(out.features[i].geometry!);
          for (const pos of positionsOf(g)) [pos[0], pos[1]] = [pos[1], pos[0]];
          out.features[i] = { ...out.features[i], geometry: g };
        }
        fixedRows.add(i);
      }
    } else if (p.kind === 'duplicate_id') {
      const taken = new Set<string>();
      for (let i = 0; i < rowCount(out); i++) taken.add(cellOf(out, i, p.column!));
      const next = new Map<string, number>();
      for (const i of p.index) {
        const id = cellOf(out, i, p.column!);
        let k = next.get(id) ?? 2;
        while (taken.has(`${id}-${k}`)) k++;
        set(i, p.column!, `${id}-${k}`);
        taken.add(`${id}-${k}`);
        next.set(id, k + 1);
        fixedRows.add(i);
      }
    }
  }
  for (const i of drop) fixedRows.delete(i);
  return { table: dropRows(out, drop), fixed: fixedRows.size, skipped: drop.size };
}

const KIND_TEXT: Record<RowProblemKind, string> = {
  no_location: 'no location (empty coordinate cells or geometry)',
  out_of_range: 'coordinates outside WGS84 degrees (|lon| > 180 or |lat| > 90)',
  swapped: 'longitude and latitude look swapped',
  pop_not_number: 'population is not a number',
  pop_negative: 'population is negative',
  duplicate_id: 'id repeats an earlier row',
};

/** "population is negative: rows 3, 7 (-5, -1)" — for LoadErrors, warnings and the CLI. */
export function describeRowProblem(p: RowProblem, unit: 'rows' | 'features' = 'rows'): string {
  const list = `${p.rows.slice(0, 12).join(', ')}${p.rows.length > 12 ? `, … (${p.rows.length} in all)` : ''}`;
  return `${KIND_TEXT[p.kind]}${p.column ? ` (column "${p.column}")` : ''}: ${unit} ${list} (e.g. ${p.examples.slice(0, 3).join('; ')})`;
}
