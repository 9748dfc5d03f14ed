import { booleanPointInPolygon, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { prepareNetwork } from '../../src/core/area-context.ts';
import { EARTH_RADIUS_M } from '../../src/core/geodesic-distance.ts';
import { serviceArea } from '../../src/core/service-area.ts';
import { serviceAreaOutline } from '../../src/core/service-area-outline.ts';
import { snapToNetwork } from '../../src/core/snap-to-network.ts';
import { geojsonLinesToNetworkInput } from '../../src/io/geojson-lines-to-network-input.ts';

const U = (EARTH_RADIUS_M * Math.PI) / 180 * 0.001;
const line = (coords: number[][]) => ({ type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: coords } });
/** A 4u × 4u grid of streets at the equator, nodes every 1u. */
const grid = () => {
  const features = [];
  for (let k = 0; k <= 4; k++) {
    features.push(line([0, 1, 2, 3, 4].map((x) => [x * 0.001, k * 0.001])));
    features.push(line([0, 1, 2, 3, 4].map((y) => [k * 0.001, y * 0.001])));
  }
  return prepareNetwork(geojsonLinesToNetworkInput('grid.geojson', JSON.stringify({ type: 'FeatureCollection', features })));
};

describe('serviceArea', () => {
  it('reaches 1.5u each way along a street from a facility in its middle, cutting the last edges', () => {
    const net = prepareNetwork(geojsonLinesToNetworkInput('l.geojson', JSON.stringify({ type: 'FeatureCollection', features: [line([0, 1, 2, 3, 4].map((x) => [x * 0.001, 0]))] })));
    const s = snapToNetwork(net.graph, net.edgeIndex, new Float64Array([0.002, 0]), 250);
    const a = serviceArea(net.graph, s.edge[0], s.t[0], s.legM[0], 1.5 * U);
    const xs = Array.from({ length: a.startM.length }, (_, k) => [a.segments[4 * k], a.segments[4 * k + 2]]).flat();
    expect(Math.min(...xs)).toBeCloseTo(0.0005, 9);
    expect(Math.max(...xs)).toBeCloseTo(0.0035, 9);
    expect(Math.max(...a.endM) / U).toBeCloseTo(1.5, 9);
    const reached = Array.from(a.startM, (s0, k) => Math.abs(a.endM[k] - s0)).reduce((x, y) => x + y, 0);
    expect(reached / U).toBeCloseTo(3, 9); // 1.5u each way
  });

  it('outlines the reached streets of a grid with a closed ring around the facility', () => {
    const net = grid();
    const s = snapToNetwork(net.graph, net.edgeIndex, new Float64Array([0.002, 0.002]), 250);
    const a = serviceArea(net.graph, s.edge[0], s.t[0], s.legM[0], 2 * U);
    const ring = serviceAreaOutline(a, 2 * U);
    expect(ring.length / 2).toBeGreaterThanOrEqual(4);
    const coords = Array.from({ length: ring.length / 2 }, (_, i) => [ring[2 * i], ring[2 * i + 1]]);
    expect(coords[0]).toEqual(coords[coords.length - 1]);
    const poly = polygon([coords]);
    expect(booleanPointInPolygon([0.002, 0.002], poly)).toBe(true);
    // Everything within 2u on foot lies within the 2u diamond; nothing far outside it is covered.
    expect(booleanPointInPolygon([0.0039, 0.0039], poly)).toBe(false);
  });
});
