import readXlsxFile from 'read-excel-file/universal';
import { LoadError } from './load-error.ts';
import { listZip } from './unzip-limited.ts';

export interface XlsxTable {
  header: string[];
  rows: string[][];
  /** The sheet read, and how many the workbook has. */
  sheet: string;
  sheetCount: number;
  warnings: string[];
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(v).trim();
}

/**
 * The first non-empty sheet of an Excel .xlsx workbook (or the one named/numbered by `sheet`) as a
 * table of text cells: the first non-empty row is the header. Numbers are kept exactly as stored
 * in the file (the workbook's own decimal text, so coordinates lose no digits); dates become
 * YYYY-MM-DD. Read with read-excel-file's universal build (pure JS: fflate + a SAX parser), which
 * runs the same in Node and a Web Worker, where DOMParser is missing.
 */
export async function readXlsx(name: string, bytes: Uint8Array, sheet?: string | number): Promise<XlsxTable> {
  listZip(name, bytes); // zip-bomb limits before read-excel-file inflates anything
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(bytes.slice().buffer as ArrayBuffer, { parseNumber: (s: string) => s })) as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    throw new LoadError(name, { en: `not a readable Excel .xlsx workbook (${(e as Error).message}); save it again as .xlsx or export the sheet as CSV`, zh: `无法读取这个 Excel .xlsx 工作簿（${(e as Error).message}）：请重新另存为 .xlsx，或把工作表导出为 CSV` });
  }
  const nonEmpty = (d: unknown[][]) => d.some((r) => r.some((c) => cellText(c) !== ''));
  const chosen =
    sheet === undefined
      ? sheets.find((s) => nonEmpty(s.data))
      : typeof sheet === 'number'
        ? sheets[sheet]
        : sheets.find((s) => s.sheet === sheet);
  if (!chosen) {
    if (sheet !== undefined) throw new LoadError(name, { en: `no sheet "${sheet}"; sheets: ${sheets.map((s) => s.sheet).join(', ')}`, zh: `没有名为“${sheet}”的工作表，现有工作表：${sheets.map((s) => s.sheet).join('、')}` });
    throw new LoadError(name, { en: 'every sheet of the workbook is empty', zh: '工作簿的所有工作表都是空的：请确认数据所在的工作表' });
  }
  const rows = chosen.data.map((r) => r.map(cellText)).filter((r) => r.some((c) => c !== ''));
  const header = rows.shift() ?? [];
  const warnings =
    sheets.length > 1 ? [`${name}: read sheet "${chosen.sheet}", the ${sheet === undefined ? 'first non-empty' : 'chosen'} one of ${sheets.length} (${sheets.map((s) => s.sheet).join(', ')})`] : [];
  return { header, rows, sheet: chosen.sheet, sheetCount: sheets.length, warnings };
}
