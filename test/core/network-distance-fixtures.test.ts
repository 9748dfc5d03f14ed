import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareNetwork } from '../../src/core/area-context.ts';
import { EARTH_RADIUS_M } from '../../src/core/geodesic-distance.ts';
import { networkFacilityDistances } from '../../src/core/network-facility-distances.ts';
import { snapToNetwork } from '../../src/core/snap-to-network.ts';
import { geojsonLinesToNetworkInput } from '../../src/io/geojson-lines-to-network-input.ts';

/** The fixtures' unit: 0.001° on the equator, where streets along axes have exact lengths. */
const U = (EARTH_RADIUS_M * Math.PI) / 180 * 0.001;
const DIR = path.resolve(import.meta.dirname, '../fixtures/network-distances');

type FC = GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, unknown>>;
const points = (fc: FC, role: string) => fc.features.filter((f) => f.properties.role === role);
const coords = (fs: GeoJSON.Feature[]) => new Float64Array(fs.flatMap((f) => (f.geometry as GeoJSON.Point).coordinates));

describe('walking distance to the nearest facility on hand-worked networks', () => {
  for (const file of readdirSync(path.join(DIR, 'in')).filter((f) => f.endsWith('.geojson'))) {
    const input: FC = JSON.parse(readFileSync(path.join(DIR, 'in', file), 'utf8'));
    const expected: FC = JSON.parse(readFileSync(path.join(DIR, 'out', file), 'utf8'));
    it(`matches the hand-worked distances in ${file}`, () => {
      const streets: FC = { type: 'FeatureCollection', features: input.features.filter((f) => f.properties.role === 'street') };
      const net = prepareNetwork(geojsonLinesToNetworkInput(file, JSON.stringify(streets)));
      const origins = points(input, 'origin');
      const facilities = points(input, 'facility');
      const snapO = snapToNetwork(net.graph, net.edgeIndex, coords(origins), 250);
      const snapF = snapToNetwork(net.graph, net.edgeIndex, coords(facilities), 250);
      const r = networkFacilityDistances(net.graph, snapO, snapF);
      for (const want of expected.features) {
        const i = origins.findIndex((o) => o.properties.id === want.properties.id);
        const d = r.distance[i];
        if (want.properties.status === 'off_network') expect(d, String(want.properties.id)).toBeNaN();
        else if (want.properties.status === 'unreachable') expect(d, String(want.properties.id)).toBe(Infinity);
        else {
          expect(d / U, `${want.properties.id}: ${want.properties.why}`).toBeCloseTo(want.properties.expected_u as number, 6);
          expect(facilities[r.nearest[i]].properties.id).toBe(want.properties.nearest);
        }
      }
    });
  }
});
