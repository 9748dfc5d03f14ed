import { LoadError } from './load-error.ts';

/**
 * GeoJSON Lines / newline-delimited GeoJSON (`.geojsonl`, `.ndjson`, GDAL's GeoJSONSeq, with or
 * without the RFC 8142 record separator U+001E): one Feature per line, gathered into a
 * FeatureCollection. A bad line is a LoadError with its line number; blank lines are skipped.
 */
export function readGeojsonLines(file: string, text: string): GeoJSON.FeatureCollection<GeoJSON.Geometry | null, Record<string, unknown> | null> {
  const features: GeoJSON.Feature<GeoJSON.Geometry | null, Record<string, unknown> | null>[] = [];
  const lines = text.split(/\r?\n|\u001e/);
  lines.forEach((line, i) => {
    const s = line.trim();
    if (!s) return;
    let f: { type?: unknown };
    try {
      f = JSON.parse(s);
    } catch (e) {
      throw new LoadError(file, { en: `line ${i + 1} is not valid JSON (${(e as Error).message}); GeoJSON Lines needs one Feature per line`, zh: `第 ${i + 1} 行不是有效的 JSON（${(e as Error).message}）：GeoJSON Lines 每行必须是一个完整的 Feature，请修正或删除这一行` });
    }
    if (f?.type !== 'Feature') throw new LoadError(file, { en: `line ${i + 1} is not a GeoJSON Feature (type "${String(f?.type)}")`, zh: `第 ${i + 1} 行不是 GeoJSON Feature（type 为“${String(f?.type)}”）：请修正或删除这一行` });
    features.push(f as GeoJSON.Feature<GeoJSON.Geometry | null, Record<string, unknown> | null>);
  });
  if (!features.length) throw new LoadError(file, { en: 'no features: the file has no non-empty lines', zh: '没有要素：文件中没有非空行' });
  return { type: 'FeatureCollection', features };
}
