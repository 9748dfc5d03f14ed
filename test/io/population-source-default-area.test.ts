import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, featureCollection, point, pointsWithinPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { readCommunities } from '../../src/io/read-communities.ts';
import { readResidentialLanduse } from '../../src/io/read-buildings.ts';
import { readPopulationSource } from '../../src/io/read-population-source.ts';

const dir = 'data/nanjing-xinjiekou';
const read = (f: string) => readFileSync(`${dir}/${f}`, 'utf8');

describe('community totals on the default area (Nanjing 新街口)', () => {
  const communitiesFc = JSON.parse(read('communities.geojson')) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
  const cells = read('population.csv').trim().split('\n').slice(1).map((l) => l.split(','));
  const cellPoints = featureCollection(cells.map(([, lon, lat, pop]) => point([Number(lon), Number(lat)], { pop: Number(pop) })));
  // Totals per community from the GHS-POP cells, by turf (independent of the code under test).
  const totals = communitiesFc.features.map((f) => pointsWithinPolygon(cellPoints, f).features.reduce((s, p) => s + (p.properties!.pop as number), 0));
  const table = `id,pop\n${communitiesFc.features.map((f, k) => `${f.properties!.id},${totals[k]}`).join('\n')}\n`;
  const communities = readCommunities('communities.geojson', read('communities.geojson')).table;
  const r = readPopulationSource('totals.csv', table, { from: 'community-totals', spreadOver: 'buildings' }, {
    communities,
    buildings: { name: 'buildings.geojson', text: read('buildings.geojson') },
    landuse: readResidentialLanduse('landuse.geojson', read('landuse.geojson')),
  });

  it('spreads the cells summed per community back over buildings with the same total per community', () => {
    const spread = new Float64Array(communitiesFc.features.length);
    let outside = 0;
    for (let i = 0; i < r.table.length; i++) {
      const p = [r.table.coords[2 * i], r.table.coords[2 * i + 1]];
      // The first containing community, as the assignment of population to communities does.
      const k = communitiesFc.features.findIndex((f) => booleanPointInPolygon(p, f));
      if (k < 0) outside += r.table.pop[i];
      else spread[k] += r.table.pop[i];
    }
    expect(outside).toBeLessThan(1e-6);
    communitiesFc.features.forEach((_, k) => expect(spread[k]).toBeCloseTo(totals[k], 6));
  });

  it('keeps the grand total', () => {
    const want = totals.reduce((s, x) => s + x, 0);
    expect(r.table.pop.reduce((s, x) => s + x, 0)).toBeCloseTo(want, 4);
    expect(want).toBeGreaterThan(100_000);
  });

  it('says how many communities had no residential building and fell back to their area', () => {
    const m = /(\d+) communities have no residential building inside/.exec(r.warnings.join('\n'));
    const fellBack = m ? Number(m[1]) : 0;
    expect(r.method.zh).toContain(fellBack ? `${fellBack} 个社区内无住宅建筑` : '人口按社区总数分摊到住宅建筑');
    expect(r.table.ids.some((id) => id.includes('/building:'))).toBe(true);
  });
});
