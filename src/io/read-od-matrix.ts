import { costMatrixFromTriples, type CostMatrix } from '../core/siting/cost-matrix.ts';
import { LoadError } from './load-error.ts';
import { parseCsv } from './parse-csv.ts';
import type { ReadResult } from './read-population.ts';

export interface OdColumns {
  from: string;
  to: string;
  cost: string;
}

/**
 * A long-format origin–destination cost table (`from,to,cost`, metres; column names renamable)
 * as a siting cost matrix: `from` holds demand ids, `to` site ids (existing facilities and
 * candidates). Rows naming an unknown id are skipped and counted; a negative or non-numeric cost is
 * an error with its row number. Pairs above `limitM` are dropped; a missing pair means "not reachable".
 */
export function readOdMatrix(file: string, text: string, demandIds: string[], siteIds: string[], limitM: number, columns: Partial<OdColumns> = {}): ReadResult<CostMatrix> {
  const cols: OdColumns = { from: 'from', to: 'to', cost: 'cost', ...columns };
  const { header, rows } = parseCsv(text.replace(/^\uFEFF/, ''));
  const lower = header.map((h) => h.toLowerCase());
  const at = (name: string) => lower.indexOf(name.toLowerCase());
  const [f, t, c] = [at(cols.from), at(cols.to), at(cols.cost)];
  const missing = [f < 0 && cols.from, t < 0 && cols.to, c < 0 && cols.cost].filter(Boolean);
  if (missing.length) throw new LoadError(file, { en: `missing column ${missing.join(', ')}; found: ${header.join(', ')}. Use --od-from/--od-to/--od-cost to rename.`, zh: `缺少列 ${missing.join('、')}，文件中的列是：${header.join('、')}。可用 --od-from/--od-to/--od-cost 指定列名` });
  const demandIndex = new Map(demandIds.map((id, i) => [id, i]));
  const siteIndex = new Map(siteIds.map((id, j) => [id, j]));
  const d: number[] = [], s: number[] = [], cost: number[] = [];
  let unknownFrom = 0, unknownTo = 0;
  rows.forEach((r, k) => {
    const i = demandIndex.get(r[f]);
    const j = siteIndex.get(r[t]);
    const v = r[c] === '' ? NaN : Number(r[c]);
    if (!Number.isFinite(v) || v < 0) throw new LoadError(file, { en: `row ${k + 2}: cost "${r[c]}" is not a non-negative number of metres`, zh: `第 ${k + 2} 行：成本“${r[c]}”不是非负的米数，请改为数字` });
    if (i === undefined) unknownFrom++;
    else if (j === undefined) unknownTo++;
    else {
      d.push(i);
      s.push(j);
      cost.push(v);
    }
  });
  if (d.length === 0) throw new LoadError(file, { en: `no row links a demand id (e.g. "${demandIds[0]}") to a site id (e.g. "${siteIds[0]}")`, zh: `没有一行把需求点编号（如“${demandIds[0]}”）和选址点编号（如“${siteIds[0]}”）对应起来：请检查两边的编号是否一致` });
  const warnings: string[] = [];
  if (unknownFrom) warnings.push(`${file}: ${unknownFrom} rows have a "${cols.from}" id that is not in the demand file; skipped.`);
  if (unknownTo) warnings.push(`${file}: ${unknownTo} rows have a "${cols.to}" id that is not a candidate or existing site; skipped.`);
  return { table: costMatrixFromTriples(demandIds.length, siteIds.length, d, s, cost, limitM), warnings };
}
