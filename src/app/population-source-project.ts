import { POPULATION_SOURCE_FIELDS, validatePopulationSource, type PopulationSource } from '../core/population/population-source-spec.ts';

type Base64 = { encode: (b: Uint8Array) => string; decode: (s: string) => Uint8Array };

/** The population form of a layer for the project file: `population_source` and the buildings file (base64). */
export function populationSourceToJson(f: { populationSource?: PopulationSource; buildings?: { name: string; bytes: Uint8Array } }, encode: Base64['encode']) {
  return {
    ...(f.populationSource ? { population_source: f.populationSource } : {}),
    ...(f.buildings ? { buildings: { name: f.buildings.name, bytes_base64: encode(f.buildings.bytes) } } : {}),
  };
}

/** Reads and checks them back (throws a message naming the layer, so a bad file changes nothing). */
export function populationSourceFromJson(layer: string, f: Record<string, unknown>, decode: Base64['decode']): { populationSource?: PopulationSource; buildings?: { name: string; bytes: Uint8Array } } {
  const out: { populationSource?: PopulationSource; buildings?: { name: string; bytes: Uint8Array } } = {};
  const s = f.population_source as Record<string, unknown> | undefined;
  if (s !== undefined) {
    if (!s || typeof s !== 'object' || s.from === undefined) throw new Error(`layer "${layer}": population_source needs "from"`);
    const problems = validatePopulationSource(s);
    for (const field of POPULATION_SOURCE_FIELDS) if (s[field.key] !== undefined && typeof s[field.key] !== 'string') problems.push(`${field.key} must be a column name`);
    if (problems.length) throw new Error(`layer "${layer}": population_source: ${problems.join('; ')}`);
    out.populationSource = s as unknown as PopulationSource;
  }
  const b = f.buildings as { name?: unknown; bytes_base64?: unknown } | undefined;
  if (b !== undefined) {
    if (!b || typeof b.name !== 'string' || typeof b.bytes_base64 !== 'string') throw new Error(`layer "${layer}": buildings needs a name and bytes_base64`);
    try {
      out.buildings = { name: b.name, bytes: decode(b.bytes_base64) };
    } catch {
      throw new Error(`layer "${layer}": buildings.bytes_base64 is not valid base64`);
    }
  }
  return out;
}
