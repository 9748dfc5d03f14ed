import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectChineseOffset } from '../../src/core/crs/detect-chinese-offset.ts';
import { readFacilities } from '../../src/io/read-facilities.ts';
import { readFacilitiesFile } from '../../src/io/read-facilities-file.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');

/** Street segments [lon0, lat0, lon1, lat1] of the default area's streets.geojson. */
function streetSegments() {
  const fc = JSON.parse(readFileSync(path.join(AREA, 'streets.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
  const out: number[] = [];
  for (const f of fc.features) {
    const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [];
    for (const l of lines) for (let i = 1; i < l.length; i++) out.push(l[i - 1][0], l[i - 1][1], l[i][0], l[i][1]);
  }
  return new Float64Array(out);
}

describe('detectChineseOffset', () => {
  const segments = streetSegments();

  it('suggests GCJ-02 for the Amap-coordinate facilities fixture, with the medians before and after', async () => {
    const r = await readFacilitiesFile('facilities-gcj02.csv', new Uint8Array(readFileSync(path.join(ROOT, 'test/fixtures/import/facilities-gcj02.csv'))));
    const check = detectChineseOffset(r.table.coords, segments);
    expect(check.suggestion).toBe('gcj02');
    expect(check.medianM.asLoaded).toBeGreaterThan(20);
    expect(check.medianM.gcj02).toBeLessThan(check.medianM.asLoaded * 0.7);
    expect(check.closerShare.gcj02).toBeGreaterThan(0.6);
    expect(check.medianM.asLoaded - check.medianM.gcj02).toBeGreaterThan(8);
    expect(check.sampled).toBe(r.table.coords.length / 2);
  });

  it('suggests BD-09 for the Baidu fixture and nothing for the WGS84 original', async () => {
    const bd = await readFacilitiesFile('facilities-bd09.tsv', new Uint8Array(readFileSync(path.join(ROOT, 'test/fixtures/import/facilities-bd09.tsv'))));
    expect(detectChineseOffset(bd.table.coords, segments).suggestion).toBe('bd09');
    const wgs = readFacilities('facilities.geojson', readFileSync(path.join(AREA, 'facilities.geojson'), 'utf8')).table;
    const check = detectChineseOffset(wgs.coords, segments);
    expect(check.suggestion).toBeNull();
    expect(check.medianM.asLoaded).toBeLessThan(check.medianM.gcj02);
  });

  it('reports NaN medians and no suggestion without streets or points', () => {
    expect(detectChineseOffset([118.78, 32.04], []).suggestion).toBeNull();
    expect(detectChineseOffset([], [118.78, 32.04, 118.79, 32.05]).medianM.asLoaded).toBeNaN();
  });
});
