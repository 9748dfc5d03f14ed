import { LoadError } from './load-error.ts';

/**
 * Parses GeoJSON text (optional UTF-8 BOM) that must be a FeatureCollection; anything else is a
 * LoadError saying what was expected (`expected` names the kind of features, for the message).
 */
export function parseFeatureCollection(file: string, text: string, expected = 'features'): GeoJSON.FeatureCollection<GeoJSON.Geometry | null, Record<string, unknown> | null> {
  let fc: { type?: unknown; features?: unknown };
  try {
    fc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new LoadError(file, `not valid JSON (${(e as Error).message})`);
  }
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new LoadError(file, `expected a GeoJSON FeatureCollection of ${expected}`);
  return fc as GeoJSON.FeatureCollection<GeoJSON.Geometry | null, Record<string, unknown> | null>;
}
