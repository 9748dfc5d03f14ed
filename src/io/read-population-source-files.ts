import type { PopulationSource } from '../core/population/population-source-spec.ts';
import type { EncodingChoice } from './decode-text.ts';
import { readAnyLayer, type LayerSource } from './read-any-layer.ts';
import { readResidentialLanduse } from './read-buildings.ts';
import { readCommunities } from './read-communities.ts';
import { readPopulationSource, type PopulationSourceResult } from './read-population-source.ts';

/** A file as the worker protocol carries it (workers/protocol.ts FilePayload). */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
  crs?: string;
  encoding?: EncodingChoice;
}

/** What loadPopulation needs when the population is buildings or community totals. */
export interface PopulationSourceFiles {
  populationSource: PopulationSource;
  /** The community layer (joined to a totals table). */
  communities?: SourceFile;
  /** Building footprints (the area's default buildings when the user loaded none). */
  buildings?: SourceFile;
  /** Residential land use, to tell which `building=yes` are homes. */
  landuse?: SourceFile;
}

/**
 * Reads every file of a population source in any format readAnyLayer knows (converted to WGS84),
 * then readPopulationSource. Used by the worker's loadPopulation and so by the CLI.
 */
export async function readPopulationSourceFiles(file: SourceFile & PopulationSourceFiles): Promise<PopulationSourceResult & { source: LayerSource }> {
  const main = await readAnyLayer(file.name, file.bytes, { crs: file.crs, encoding: file.encoding });
  const text = async (f?: SourceFile) => (f ? { name: f.name, ...(await readAnyLayer(f.name, f.bytes, { crs: f.crs, encoding: f.encoding })) } : undefined);
  const { from, spreadOver = 'buildings' } = file.populationSource;
  const overBuildings = from === 'buildings' || (from === 'community-totals' && spreadOver === 'buildings');
  const [com, bld, lu] = await Promise.all([
    from === 'community-totals' ? text(file.communities) : undefined,
    from === 'community-totals' && spreadOver === 'buildings' ? text(file.buildings) : undefined,
    overBuildings ? text(file.landuse) : undefined,
  ]);
  const communities = com ? readCommunities(com.name, com.text).table : undefined;
  const r = readPopulationSource(file.name, main.text, file.populationSource, {
    communities,
    buildings: bld ? { name: bld.name, text: bld.text } : undefined,
    landuse: lu ? readResidentialLanduse(lu.name, lu.text) : undefined,
  });
  return { ...r, warnings: [...main.warnings, ...r.warnings], source: main.source };
}
