import type { PopulationSource } from '../core/population/population-source-spec.ts';
import type { AreaManifest } from '../io/area-manifest.ts';
import { LoadError } from '../io/load-error.ts';
import type { PopulationSourceFiles, SourceFile } from '../io/read-population-source-files.ts';
import { DEFAULT_AREA_URLS } from './default-area.ts';

const cache = new Map<string, Promise<Uint8Array>>();

/** A file of the default area (served from this origin by Vite), fetched once. */
function defaultAreaFile(name: string): Promise<SourceFile> {
  const url = DEFAULT_AREA_URLS[name];
  if (!url) return Promise.reject(new LoadError(name, 'not a file of the default area'));
  if (!cache.has(name)) {
    cache.set(name, fetch(url).then(async (res) => {
      if (!res.ok) throw new LoadError(name, `HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    }));
    cache.get(name)!.catch(() => cache.delete(name));
  }
  return cache.get(name)!.then((bytes) => ({ name, bytes }));
}

/**
 * The extra files loadPopulation needs for a population given as buildings or community totals:
 * the community layer (a totals table joins to it), the buildings the user loaded with the
 * population form, else the area's own buildings (data/<area>/buildings.geojson) together with its
 * residential land use (which tells the `building=yes` homes apart). Empty for plain units.
 */
export async function populationSourceFiles(
  file: { populationSource?: PopulationSource; buildings?: SourceFile },
  communities: SourceFile | undefined,
  manifest: AreaManifest | undefined,
): Promise<Partial<PopulationSourceFiles>> {
  const s = file.populationSource;
  if (!s || s.from === 'units') return {};
  const overBuildings = s.from === 'community-totals' && (s.spreadOver ?? 'buildings') === 'buildings';
  const own = file.buildings;
  const areaBuildings = overBuildings && !own && manifest?.files.buildings ? await defaultAreaFile(manifest.files.buildings) : undefined;
  const landuse = (areaBuildings || s.from === 'buildings') && !own && manifest?.files.landuse ? await defaultAreaFile(manifest.files.landuse) : undefined;
  return {
    populationSource: s,
    ...(s.from === 'community-totals' && communities ? { communities } : {}),
    ...(overBuildings ? { buildings: own ?? areaBuildings } : {}),
    ...(landuse ? { landuse } : {}),
  };
}
