/**
 * Compares Lifecircle's walking distances with CITYACCESSMAP's `acc_*_m` columns (pandana on a
 * ~2022 OSM walk network, computed by L. Nicoletti) on the default area's population cells.
 * Facility sets mirror CITYACCESSMAP's OSM tag filter (dataPreparation/uac_filter.txt in
 * lnicoletti/city-access-map), so the comparison is of routing and data, not of categories.
 * Run: npx tsx scripts/compare-cityaccessmap.ts  (prints a Markdown table for the README)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { prepareNetwork } from '../src/core/area-context.ts';
import { networkFacilityDistances } from '../src/core/network-facility-distances.ts';
import { snapToNetwork } from '../src/core/snap-to-network.ts';
import type { Tags } from '../src/core/osm-data.ts';
import { parseCsv } from '../src/io/parse-csv.ts';
import { readNetwork } from '../src/io/read-network.ts';

const AREA = path.resolve(import.meta.dirname, '../data/nanjing-xinjiekou');

/** CITYACCESSMAP categories (as grouped in its filter file) → OSM tag test. */
export const CITYACCESSMAP_CATEGORIES: Record<string, (t: Tags) => boolean> = {
  education: (t) => ['school', 'childcare', 'child_care', 'kindergarten', 'university', 'college'].includes(t.amenity ?? ''),
  health_wellbeing: (t) => ['clinic', 'dentist', 'doctors', 'hospital', 'pharmacy', 'nursing_home', 'social_facility'].includes(t.amenity ?? ''),
  food_choices: (t) => t.amenity === 'marketplace' || ['bakery', 'butcher', 'cheese', 'convenience', 'deli', 'dairy', 'farm', 'frozen_food', 'greengrocer', 'health_food', 'seafood', 'spices', 'supermarket', 'wholesale'].includes(t.shop ?? ''),
  active_living: (t) => ['fitness_centre', 'fitness_station', 'garden', 'park', 'pitch', 'playground', 'sports_centre', 'swimming_pool', 'track', 'dog_park', 'swimming_area'].includes(t.leisure ?? '') || ['gym', 'fitness_centre', 'sports_centre', 'swimming_pool', 'park', 'playground'].includes(t.amenity ?? ''),
  community_space: (t) => ['social_centre', 'community_centre', 'library', 'townhall', 'public_bookcase', 'fountain', 'place_of_worship'].includes(t.amenity ?? ''),
  mobility: (t) => ['stop_position', 'platform', 'station'].includes(t.public_transport ?? '') || ['subway_entrance', 'tram_stop'].includes(t.railway ?? '') || ['bus_station', 'bicycle_rental', 'car_sharing'].includes(t.amenity ?? ''),
};

export interface Agreement { category: string; facilities: number; cells: number; medianAbsDiffM: number; medianSignedDiffM: number; within100: number }

export function compareWithCityAccessMap(): Agreement[] {
  const net = prepareNetwork(readNetwork('network.osm.pbf', readFileSync(path.join(AREA, 'network.osm.pbf'))).input);
  const pop = parseCsv(readFileSync(path.join(AREA, 'population.csv'), 'utf8'));
  const col = (n: string) => pop.header.indexOf(n);
  const origins = new Float64Array(pop.rows.flatMap((r) => [Number(r[col('lon')]), Number(r[col('lat')])]));
  const pois: GeoJSON.FeatureCollection<GeoJSON.Point, Tags> = JSON.parse(readFileSync(path.join(AREA, 'facilities.geojson'), 'utf8'));
  const snapO = snapToNetwork(net.graph, net.edgeIndex, origins, 250);
  const out: Agreement[] = [];
  for (const [category, test] of Object.entries(CITYACCESSMAP_CATEGORIES)) {
    const members = pois.features.filter((f) => test(f.properties));
    const fc = new Float64Array(members.flatMap((f) => f.geometry.coordinates));
    const ours = networkFacilityDistances(net.graph, snapO, snapToNetwork(net.graph, net.edgeIndex, fc, 250)).distance;
    const diffs: number[] = [];
    pop.rows.forEach((r, i) => {
      const theirs = Number(r[col(`acc_${category}_m`)]);
      // 5000 = none within their cap; Infinity/NaN = none reachable / off-network here.
      if (theirs >= 5000 || !Number.isFinite(ours[i])) return;
      diffs.push(ours[i] - theirs);
    });
    const sorted = (xs: number[]) => xs.slice().sort((a, b) => a - b);
    const median = (xs: number[]) => { const s = sorted(xs); return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN; };
    out.push({
      category,
      facilities: members.length,
      cells: diffs.length,
      medianAbsDiffM: median(diffs.map(Math.abs)),
      medianSignedDiffM: median(diffs),
      within100: diffs.filter((d) => Math.abs(d) <= 100).length / Math.max(1, diffs.length),
    });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = compareWithCityAccessMap();
  console.log('| category | OSM POIs (2021) | cells compared | median abs. difference | median (ours − theirs) | within 100 m |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.category} | ${r.facilities} | ${r.cells} | ${r.medianAbsDiffM.toFixed(0)} m | ${r.medianSignedDiffM.toFixed(0)} m | ${(100 * r.within100).toFixed(0)} % |`);
}
