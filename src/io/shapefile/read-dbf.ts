import { decodeText, type EncodingChoice, type TextEncodingName } from '../decode-text.ts';
import { LoadError } from '../load-error.ts';

export interface DbfTable {
  fields: { name: string; type: string }[];
  /** One object per record, deleted records left out (their positions hold null, to stay aligned with the .shp). */
  records: (Record<string, string | number | boolean | null> | null)[];
  encoding: TextEncodingName;
}

/**
 * Encoding from a .cpg file ("UTF-8", "GBK", "936", "GB2312", …) or the dBASE language-driver
 * byte (0x4D and 0x7A are code page 936, GBK); null when neither says, and the text decides.
 */
export function dbfEncoding(cpg: string | null, languageDriver: number): TextEncodingName | null {
  const c = (cpg ?? '').trim().toUpperCase().replace(/[-_\s]/g, '');
  if (c === 'UTF8' || c === '65001') return 'utf-8';
  if (c === 'GB18030' || c === '54936') return 'gb18030';
  if (['GBK', 'CP936', '936', 'GB2312', 'ANSI936', 'EUCCN'].includes(c)) return 'gbk';
  if (!c && (languageDriver === 0x4d || languageDriver === 0x7a)) return 'gbk';
  return null;
}

/**
 * dBASE III/IV attribute table (.dbf) as Shapefiles carry it: C text (decoded with `encoding`, or
 * the .cpg/language driver, or detected: UTF-8 if valid else GB18030), N/F numbers (empty or
 * `*` overflow → null), L logical, D dates as YYYY-MM-DD, I 32-bit integers. Memo fields are
 * left out (they live in a .dbt that Shapefiles do not use).
 */
export function readDbf(file: string, bytes: Uint8Array, cpg: string | null, encoding: EncodingChoice = 'auto'): DbfTable {
  if (bytes.length < 33) throw new LoadError(file, { en: 'the .dbf attribute table is truncated (shorter than its header)', zh: '.dbf 属性表被截断（比表头还短）：请重新导出 Shapefile' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const fields: { name: string; type: string; offset: number; length: number; nameBytes: Uint8Array }[] = [];
  let offset = 1; // byte 0 of a record is the deletion flag
  for (let p = 32; p + 32 <= headerLength && bytes[p] !== 0x0d; p += 32) {
    const nameBytes = bytes.subarray(p, p + 11);
    const end = nameBytes.indexOf(0);
    const length = bytes[p + 16];
    fields.push({ name: '', nameBytes: end >= 0 ? nameBytes.subarray(0, end) : nameBytes, type: String.fromCharCode(bytes[p + 11]), offset, length });
    offset += length;
  }
  if (headerLength + count * recordLength > bytes.length)
    throw new LoadError(file, { en: `the .dbf says it has ${count} records but is too short for them; the file is truncated`, zh: `.dbf 声明有 ${count} 条记录，但文件长度不够：文件被截断，请重新导出` });

  const body = bytes.subarray(headerLength, headerLength + count * recordLength);
  const chosen: TextEncodingName =
    encoding !== 'auto' ? encoding : dbfEncoding(cpg, bytes[29]) ?? decodeText(body).encoding;
  const decoder = new TextDecoder(chosen);
  for (const f of fields) f.name = decoder.decode(f.nameBytes).trim();

  const records: DbfTable['records'] = [];
  for (let r = 0; r < count; r++) {
    const start = headerLength + r * recordLength;
    if (bytes[start] === 0x2a) {
      records.push(null); // '*': deleted
      continue;
    }
    const rec: Record<string, string | number | boolean | null> = {};
    for (const f of fields) {
      const raw = bytes.subarray(start + f.offset, start + f.offset + f.length);
      rec[f.name] = value(f.type, raw, decoder, view, start + f.offset);
    }
    records.push(rec);
  }
  return { fields: fields.map(({ name, type }) => ({ name, type })), records, encoding: chosen };
}

const ascii = (raw: Uint8Array) => String.fromCharCode(...raw).trim();

function value(type: string, raw: Uint8Array, decoder: TextDecoder, view: DataView, at: number): string | number | boolean | null {
  switch (type) {
    case 'C':
      return decoder.decode(raw).replace(/[\0\s]+$/, '').replace(/^\s+/, '');
    case 'N':
    case 'F': {
      const s = ascii(raw);
      if (s === '' || s.startsWith('*')) return null;
      const n = Number(s);
      return Number.isFinite(n) ? n : null;
    }
    case 'L': {
      const s = ascii(raw).toUpperCase();
      return 'TY'.includes(s) && s ? true : 'FN'.includes(s) && s ? false : null;
    }
    case 'D': {
      const s = ascii(raw);
      return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : null;
    }
    case 'I':
      return raw.length === 4 ? view.getInt32(at, true) : null;
    default:
      return null; // memo (M), binary, general: not in Shapefile attribute tables
  }
}
