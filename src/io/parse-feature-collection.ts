import { LoadError } from './load-error.ts';

type Fc = GeoJSON.FeatureCollection<GeoJSON.Geometry | null, Record<string, unknown> | null>;

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

/**
 * Parses GeoJSON text (optional UTF-8 BOM) that must be a FeatureCollection, or a single Feature
 * (read as a collection of one); anything else is a LoadError saying what was expected
 * (`expected` names the kind of features, for the message). Entries of `features` that are not
 * objects become features without geometry, for the readers to skip and report.
 */
export function parseFeatureCollection(file: string, text: string, expected = 'features'): Fc {
  let fc: { type?: unknown; features?: unknown };
  try {
    fc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new LoadError(file, {
      en: `not valid JSON (${(e as Error).message}); the file may be cut off (an incomplete download) or not GeoJSON: download or export it again`,
      zh: `不是有效的 JSON（${(e as Error).message}）：文件可能被截断（没有下载完整）或不是 GeoJSON，请重新下载或导出`,
    });
  }
  if (fc?.type === 'Feature') return { type: 'FeatureCollection', features: [fc as Fc['features'][number]] };
  if (typeof fc?.type === 'string' && GEOMETRY_TYPES.includes(fc.type))
    throw new LoadError(file, {
      en: `a GeoJSON ${fc.type} geometry, not a FeatureCollection: ${expected} need features with properties; export the layer as a GeoJSON FeatureCollection`,
      zh: `这是一个单独的 GeoJSON ${fc.type} 几何，不是 FeatureCollection：图层需要带属性的要素，请把图层导出为 GeoJSON FeatureCollection`,
    });
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw new LoadError(file, {
      en: `expected a GeoJSON FeatureCollection of ${expected}${typeof fc?.type === 'string' ? ` (found type "${fc.type}")` : ''}`,
      zh: `需要 GeoJSON FeatureCollection${typeof fc?.type === 'string' ? `（文件的 type 是“${fc.type}”）` : ''}：请把图层导出为 GeoJSON FeatureCollection`,
    });
  const features = fc.features.map((f) => (f && typeof f === 'object' && !Array.isArray(f) ? f : { type: 'Feature', geometry: null, properties: null }));
  return { ...(fc as Fc), features: features as Fc['features'] };
}
