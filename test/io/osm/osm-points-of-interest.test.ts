import { centerOfMass, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { osmPointsOfInterest } from '../../../src/io/osm/osm-points-of-interest.ts';
import { readOsmPbf } from '../../../src/io/osm/read-osm-pbf.ts';
import { readOsmXml } from '../../../src/io/osm/read-osm-xml.ts';
import { expectedCounts, fixtureBytes, fixtureText } from './osm-fixtures.ts';

const tagXml = (tags: Record<string, string>): string =>
  Object.entries(tags)
    .map(([k, v]) => `<tag k="${k}" v="${v}"/>`)
    .join('');
const node = (id: number, lon: number, lat: number, tags: Record<string, string> = {}): string =>
  `<node id="${id}" lat="${lat}" lon="${lon}">${tagXml(tags)}</node>`;
const way = (id: number, refs: number[], tags: Record<string, string>): string =>
  `<way id="${id}">${refs.map((r) => `<nd ref="${r}"/>`).join('')}${tagXml(tags)}</way>`;

describe('osmPointsOfInterest on hand-written OSM', () => {
  // Corners of a 2 × 1 rectangle and an L-shaped outline (lon, lat).
  const xml = `<osm version="0.6">
    ${node(1, 0, 0)} ${node(2, 2, 0)} ${node(3, 2, 1)} ${node(4, 0, 1)}
    ${node(11, 10, 10)} ${node(12, 13, 10)} ${node(13, 13, 11)} ${node(14, 11, 11)} ${node(15, 11, 13)} ${node(16, 10, 13)}
    ${node(21, 5, 5, { amenity: 'pharmacy', name: '药店' })}
    ${node(22, 5, 6, { highway: 'bus_stop' })}
    ${node(23, 5, 7, { highway: 'crossing' })}
    ${node(24, 5, 8, { railway: 'subway_entrance' })}
    ${node(25, 5, 9, { name: 'just a name' })}
    ${node(26, 5, 10, { landuse: 'grass' })}
    ${way(31, [1, 2, 3, 4, 1], { leisure: 'park' })}
    ${way(32, [11, 12, 13, 14, 15, 16, 11], { amenity: 'school' })}
    ${way(33, [1, 2, 3, 4, 1], { landuse: 'residential' })}
    ${way(34, [1, 2, 3, 4, 1], { landuse: 'recreation_ground' })}
    ${way(35, [1, 2, 3, 4, 1], { highway: 'pedestrian', area: 'yes', amenity: 'marketplace' })}
    ${way(36, [1, 2, 3, 4], { amenity: 'parking' })}
    ${way(37, [1, 2, 1], { shop: 'kiosk' })}
  </osm>`;
  const pois = osmPointsOfInterest(readOsmXml(xml));
  const byId = new Map(pois.map((p) => [p.id, p]));

  it('takes tagged nodes with a facility key or highway=bus_stop, ids n<id>', () => {
    expect(pois.filter((p) => p.id.startsWith('n')).map((p) => p.id)).toEqual(['n21', 'n22', 'n24', 'n26']);
    expect(byId.get('n21')).toEqual({ id: 'n21', lon: 5, lat: 5, tags: { amenity: 'pharmacy', name: '药店' } });
  });

  it('takes closed ways without a highway tag, ids w<id>, and only park-like landuse', () => {
    expect(pois.filter((p) => p.id.startsWith('w')).map((p) => p.id)).toEqual(['w31', 'w32', 'w34']);
  });

  it('places a rectangle at its centre', () => {
    expect([byId.get('w31')!.lon, byId.get('w31')!.lat]).toEqual([1, 0.5]);
  });

  it('places an L-shape at its area-weighted centroid, not the mean of its corners', () => {
    // Split into 3×1 at (11.5, 10.5) and 1×2 at (10.5, 12): area-weighted (3·11.5 + 2·10.5)/5 = 11.1,
    // (3·10.5 + 2·12)/5 = 11.1. The corner mean would be (11.333…, 11.333…).
    const l = byId.get('w32')!;
    expect(l.lon).toBeCloseTo(11.1, 12);
    expect(l.lat).toBeCloseTo(11.1, 12);
  });
});

describe('osmPointsOfInterest on the real Nanjing extract', () => {
  const osm = readOsmPbf(fixtureBytes('xinjiekou-2021.osm.pbf'));
  const expected = expectedCounts('xinjiekou-2021.expected.json');
  const pois = osmPointsOfInterest(osm);

  it('finds as many POI nodes and closed POI ways as the awk reference over osmium OPL', () => {
    expect(pois.filter((p) => p.id.startsWith('n')).length).toBe(expected.awk.poiNodes);
    expect(pois.filter((p) => p.id.startsWith('w')).length).toBe(expected.awk.poiClosedWays);
  });

  it('places the 总统府 park and 金陵中学 where turf centerOfMass puts the areas osmium exports', () => {
    const exported = JSON.parse(fixtureText('xinjiekou-2021-samples.geojson')) as {
      features: { geometry: { coordinates: number[][][][] }; properties: Record<string, string | number> }[];
    };
    expect(exported.features.length).toBe(2);
    for (const f of exported.features) {
      const poi = pois.find((p) => p.id === `w${f.properties['@id']}`)!;
      expect(poi.tags.name).toBe(f.properties.name);
      const [lon, lat] = centerOfMass(polygon(f.geometry.coordinates[0])).geometry.coordinates;
      expect(poi.lon).toBeCloseTo(lon, 9); // 1e-9° ≈ 0.1 mm
      expect(poi.lat).toBeCloseTo(lat, 9);
    }
  });
});

describe('osmPointsOfInterest on a bbox cut', () => {
  it('leaves out closed ways that lost nodes to the cut, as the awk reference does', () => {
    const expected = expectedCounts('xinjiekou-center.expected.json');
    const pois = osmPointsOfInterest(readOsmXml(fixtureText('xinjiekou-center.osm')));
    expect(pois.filter((p) => p.id.startsWith('w')).length).toBe(expected.awk.poiClosedWays);
    expect(pois.filter((p) => p.id.startsWith('n')).length).toBe(expected.awk.poiNodes);
  });
});
