/** `area.json`: what a data folder holds (see data/README.md). Paths are relative to it. */
export interface AreaManifest {
  id: string;
  name_zh: string;
  name_en: string;
  /** [minLon, minLat, maxLon, maxLat], WGS84. */
  bbox: [number, number, number, number];
  center: [number, number];
  osm_date?: string;
  attribution: string[];
  files: {
    population: string;
    facilities: string;
    communities?: string;
    network?: string;
    streets?: string;
    buildings?: string;
    landuse?: string;
  };
}
