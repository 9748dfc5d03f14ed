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
    throw new LoadError(file, `not valid JSON (${(e as Error).message}); the file may be cut off (an incomplete download) or not GeoJSON: download or export it again`);
  }
  if (fc?.type === 'Feature') return { type: 'FeatureCollection', features: [fc as Fc['features'][number]] };
  if (typeof fc?.type === 'string' && GEOMETRY_TYPES.includes(fc.type))
    throw new LoadError(file, `a GeoJSON ${fc.type} geometry, not a FeatureCollection: ${expected} need features with properties; export the layer as a GeoJSON FeatureCollection`);
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw new LoadError(file, `expected a GeoJSON FeatureCollection of ${expected}${typeof fc?.type === 'string' ? ` (found type "${fc.type}")` : ''}`);
  const features = fc.features.map((f) => (f && typeof f === 'object' && !Array.isArray(f) ? f : { type: 'Feature', geometry: null, properties: null }));
  return { ...(fc as Fc), features: features as Fc['features'] };
}
