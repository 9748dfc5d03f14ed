import { Dictionary, Int32, makeBuilder, makeVector, Table, Utf8, type Vector } from 'apache-arrow';

type Column = Int32Array | Float64Array | Uint8Array | Uint32Array | Float32Array | readonly string[];

/**
 * An Arrow table from typed arrays and string arrays, like apache-arrow's tableFromArrays but
 * without eval: tableFromArrays builds string columns through a Builder whose null test is compiled
 * with `new Function` (apache-arrow builder/valid.ts), which the app's Content-Security-Policy
 * (no 'unsafe-eval') forbids on the main thread. A builder given an empty `nullValues` list takes
 * Arrow's eval-free path; the columns here have no nulls. Strings stay dictionary-encoded
 * (Dictionary<Utf8, Int32>, the type tableFromArrays infers), so the SQL tables are unchanged.
 */
export function tableFromColumns(columns: Record<string, Column>): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, values] of Object.entries(columns)) {
    if (ArrayBuffer.isView(values)) {
      vectors[name] = makeVector(values);
      continue;
    }
    const builder = makeBuilder({ type: new Dictionary(new Utf8(), new Int32()), nullValues: [] });
    for (const v of values) builder.append(v);
    vectors[name] = builder.finish().toVector();
  }
  return new Table(vectors);
}
