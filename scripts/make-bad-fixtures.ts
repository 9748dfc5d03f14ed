/**
 * Writes test/fixtures/bad/: the bad-input corpus of issue 7 (files planners really send: cut-off
 * downloads, swapped columns, projected metres, GBK/UTF-16 text, zip bombs, HTML in names…) and
 * test/fixtures/bad/cases.json, the manifest the tests read (test/io/bad-input-corpus.test.ts,
 * test/cli/bad-input-cli.test.ts). Every case is small; the whole folder stays well under 2 MB.
 *
 * Huge inputs are simulated, never written:
 * - `com-zip-bomb.zip` is a real, tiny zipped Shapefile whose central directory (and local
 *   headers) declare 2 GiB per entry, so the size check refuses it before anything is inflated;
 * - `pop-1gb.csv` is a small valid CSV whose manifest entry carries `sparseBytes`: the corpus test
 *   feeds that size to checkFileSize(), and the CLI test makes a sparse 1 GiB file (no disk blocks)
 *   with truncate() and runs the CLI on it.
 *
 * Outcomes: `error` (the message must match `match`, and name the file), `loads-with-warning`
 * (some warning matches `match`), `loads`. `check` names an extra assertion the test makes.
 *
 * Run: npx tsx scripts/make-bad-fixtures.ts
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import gcoord from 'gcoord';

const ROOT = path.resolve(import.meta.dirname, '..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const OUT = path.join(ROOT, 'test/fixtures/bad');

type Layer = 'population' | 'facilities' | 'communities' | 'network' | 'candidates' | 'preset' | 'project';
export interface BadCase {
  file: string;
  layer: Layer;
  expect: 'error' | 'loads-with-warning' | 'loads';
  /** Regex (case-insensitive) the error or one warning must match. */
  match?: string;
  /** Regex the Chinese message (LoadError.messageZh, or the localised warning) must match. */
  match_zh?: string;
  note: string;
  /** Extra assertion in the corpus test. */
  check?: 'plain-text' | 'gcj02-offset' | 'off-network' | 'pop-count' | 'size-limit';
  /** Expected number of loaded rows, for `pop-count`. */
  rows?: number;
  /** A simulated file size (bytes) for the size check. */
  sparseBytes?: number;
}

const cases: BadCase[] = [];
const enc = new TextEncoder();
/** Zip entries get a fixed date, so the fixtures are byte-identical on every run. */
const FIXED_TIME = { mtime: new Date('2024-01-01T00:00:00Z') };
function add(file: string, content: string | Uint8Array, c: Omit<BadCase, 'file'>) {
  writeFileSync(path.join(OUT, file), typeof content === 'string' ? content : content);
  cases.push({ file, ...c });
}

// ---- source data (small slices of the default area) ----
const popLines = readFileSync(path.join(AREA, 'population.csv'), 'utf8').trim().split('\n');
const popRows = popLines.slice(1, 21).map((l) => l.split(',').slice(0, 4));
const popCsv = (rows: string[][], header = 'id,lon,lat,pop') => [header, ...rows.map((r) => r.join(','))].join('\n') + '\n';
const facFc = JSON.parse(readFileSync(path.join(AREA, 'facilities.geojson'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Point>;
const comFc = JSON.parse(readFileSync(path.join(AREA, 'communities.geojson'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon>;
const streetFc = JSON.parse(readFileSync(path.join(AREA, 'streets.geojson'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.LineString>;
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (lon: unknown, lat: unknown, props: Record<string, unknown>) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: props });
const popPts = popRows.map((r) => pt(Number(r[1]), Number(r[2]), { id: r[0], pop: Number(r[3]) }));
const facSchools = [
  pt(118.7706, 32.0449, { id: 'F1', name: 'A', type: 'primary_school' }),
  pt(118.7801, 32.0502, { id: 'F2', name: 'B', type: 'kindergarten' }),
  pt(118.7755, 32.0480, { id: 'F3', name: 'C', type: 'clinic' }),
];
const streets = streetFc.features.slice(0, 40);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// ================= population =================
add('pop-empty.csv', '', { layer: 'population', expect: 'error', match: 'empty \\(0 bytes\\)', note: '0-byte file' });
add('pop-truncated.geojson', fc(popPts).slice(0, 700), { layer: 'population', expect: 'error', match: 'not valid JSON.*cut off', note: 'download cut off mid-feature' });
add('pop-invalid-json.geojson', fc(popPts.slice(0, 3)).replace(/\]\}$/, ',]}').replace(/"id"/, "'id'"), { layer: 'population', expect: 'error', match: 'not valid JSON', note: 'single quotes and a trailing comma' });
add('pop-bom.csv', '\uFEFF' + popCsv(popRows), { layer: 'population', expect: 'loads', check: 'pop-count', rows: 20, note: 'UTF-8 BOM (Excel "CSV UTF-8")' });
add('pop-mixed-delimiters.csv', popCsv(popRows.slice(0, 5)) + popRows.slice(5, 8).map((r) => r.join(';')).join('\n') + '\n', {
  layer: 'population', expect: 'loads-with-warning', match: 'rows 7, 8, 9 have 1 field.*header has 4.*delimiter', note: 'comma header, some rows separated by semicolons',
});
add('pop-missing-header.csv', popRows.map((r) => r.join(',')).join('\n') + '\n', { layer: 'population', expect: 'error', match: 'first line looks like data.*add a header line', note: 'no header line' });
add('pop-header-only.csv', 'id,lon,lat,pop\n', { layer: 'population', expect: 'error', match: 'no data rows', note: 'empty CSV with only a header' });
add('pop-nonnumeric.csv', popCsv(popRows.map((r, i) => (i === 1 ? [r[0], r[1], r[2], 'abc'] : i === 3 ? [r[0], r[1], r[2], '一百'] : r))), {
  layer: 'population', expect: 'loads-with-warning', match: 'skipped 2 of 20 rows.*rows 3, 5', note: 'non-numeric population in two rows',
});
add('pop-all-nonnumeric.csv', popCsv(popRows.map((r) => [r[0], r[1], r[2], 'n/a'])), { layer: 'population', expect: 'error', match: 'no row has a usable location and a non-negative number in "pop"', note: 'no numeric population at all' });
add('pop-negative.csv', popCsv(popRows.map((r, i) => (i === 2 ? [r[0], r[1], r[2], '-50'] : r))), { layer: 'population', expect: 'loads-with-warning', match: 'skipped 1 of 20 rows.*row.? 4', note: 'negative population' });
add('pop-duplicate-ids.csv', popCsv(popRows.map((r, i) => (i === 4 ? ['P0001', ...r.slice(1)] : r))), { layer: 'population', expect: 'loads-with-warning', match: 'id "P0001".*rows 2 and 6', note: 'duplicate ids' });
add('pop-duplicate-columns.csv', popCsv(popRows.map((r) => [...r, '1']), 'id,lon,lat,pop,pop'), { layer: 'population', expect: 'loads-with-warning', match: 'column "pop" appears 2 times.*first', note: 'duplicate column names' });
add('pop-swapped.csv', popCsv(popRows.map((r) => [r[0], r[2], r[1], r[3]])), { layer: 'population', expect: 'error', match: 'row 2: longitude and latitude look swapped.*swap', note: 'lat/lon columns swapped' });
add('pop-out-of-range.csv', popCsv([['X1', '200.5', '95.1', '10'], ...popRows]), { layer: 'population', expect: 'error', match: 'row 2: .*outside.*-180', note: 'coordinates out of range (lon 200, lat 95)' });
add('pop-projected-metres.csv', popCsv(popRows.map((r) => [r[0], '13224000.5', '3766000.1', r[3]])), { layer: 'population', expect: 'error', match: 'row 2: .*projected metres.*coordinate system', note: 'Web Mercator metres in lon/lat columns' });
add('pop-projected-declared-4326.geojson', JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } }, features: popPts.map((f, i) => ({ ...f, geometry: { type: 'Point', coordinates: [13224000 + 37 * i, 3766000] } })) }), {
  layer: 'population', expect: 'error', match: 'projected metres', note: 'metres declared as degrees (crs member EPSG:4326)',
});
add('pop-empty-coords.csv', popCsv(popRows.map((r, i) => (i === 0 ? [r[0], '', '', r[3]] : r))), { layer: 'population', expect: 'loads-with-warning', match: 'skipped 1 of 20 rows.*row.? 2', note: 'empty lon/lat cells (must not become 0,0)', check: 'pop-count', rows: 19 });
add('pop-nan-infinity.csv', popCsv(popRows.map((r, i) => (i === 0 ? [r[0], 'NaN', r[2], r[3]] : i === 1 ? [r[0], r[1], r[2], 'Infinity'] : i === 2 ? [r[0], r[1], '-Infinity', r[3]] : r))), {
  layer: 'population', expect: 'loads-with-warning', match: 'skipped 3 of 20 rows.*rows 2, 3, 4', note: 'NaN / Infinity strings', check: 'pop-count', rows: 17,
});
add('pop-single-feature.geojson', JSON.stringify(popPts[0], null, 2), { layer: 'population', expect: 'loads', check: 'pop-count', rows: 1, note: 'a single Feature, not a FeatureCollection (pretty-printed)' });
add('pop-bare-geometry.geojson', JSON.stringify({ type: 'Point', coordinates: [118.77, 32.05] }), { layer: 'population', expect: 'error', match: 'a GeoJSON Point geometry, not a FeatureCollection', note: 'a bare geometry' });
add('pop-null-geometries.geojson', fc([...popPts.slice(0, 6), { type: 'Feature', geometry: null, properties: { id: 'N1', pop: 5 } }, { type: 'Feature', geometry: { type: 'Point', coordinates: [] }, properties: { id: 'N2', pop: 5 } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: 'abc' }, properties: { id: 'N3', pop: 5 } }, { type: 'Feature', geometry: { type: 'Polygon', coordinates: [null] }, properties: { id: 'N4', pop: 5 } }, { type: 'Feature', properties: { id: 'N5', pop: 5 } }]), {
  layer: 'population', expect: 'loads-with-warning', match: 'skipped 5 of 11 features.*7, 8, 9, 10, 11', note: 'null, empty and invalid geometries', check: 'pop-count', rows: 6,
});
add('pop-all-null-geometry.geojson', fc(popPts.map((f) => ({ ...f, geometry: null }))), { layer: 'population', expect: 'error', match: 'none of the 20 features has a usable Point or Polygon.*no geometry', note: 'every geometry null' });
add('pop-empty-fc.geojson', fc([]), { layer: 'population', expect: 'error', match: 'no features', note: 'empty FeatureCollection' });
add('pop-binary.geojson', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), { layer: 'population', expect: 'error', match: 'binary file, not text', note: 'binary bytes named .geojson' });
add('pop-png.geojson', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]), { layer: 'population', expect: 'error', match: 'binary file, not text', note: 'a PNG named .geojson' });
add('pop-text-named.geojson', popCsv(popRows), { layer: 'population', expect: 'error', match: 'named .geojson but.*not GeoJSON', note: 'CSV text with a .geojson name' });
const utf16 = (s: string, bom: boolean) => {
  const b = new Uint8Array((bom ? 2 : 0) + 2 * s.length);
  if (bom) b.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) { b[(bom ? 2 : 0) + 2 * i] = s.charCodeAt(i) & 0xff; b[(bom ? 2 : 0) + 2 * i + 1] = s.charCodeAt(i) >> 8; }
  return b;
};
add('pop-utf16le-bom.csv', utf16(popCsv(popRows), true), { layer: 'population', expect: 'loads', check: 'pop-count', rows: 20, note: 'UTF-16 LE with BOM (Excel "Unicode text")' });
add('pop-utf16le-nobom.csv', utf16(popCsv(popRows), false), { layer: 'population', expect: 'error', match: 'NUL bytes.*UTF-16.*UTF-8', note: 'UTF-16 without a BOM' });
// GBK without BOM: 人口 column, Chinese names. GB18030 bytes of 人口=C8CB BFDA, 名称=C3FB B3C6, 社区=C9E7 C7F8.
const gbk = (parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc.encode(p)] : p)));
add('pop-gbk-nobom.csv', gbk(['id,lon,lat,', [0xc8, 0xcb, 0xbf, 0xda], ',', [0xc3, 0xfb, 0xb3, 0xc6], '\n', ...popRows.slice(0, 5).flatMap((r) => [r.join(',') + ',', [0xc9, 0xe7, 0xc7, 0xf8], '\n'])]), {
  layer: 'population', expect: 'loads', check: 'pop-count', rows: 5, note: 'GBK CSV without BOM, 人口 column',
});
add('pop-network-file.osm.pbf', readFileSync(path.join(AREA, 'network.osm.pbf')).subarray(0, 2048), { layer: 'population', expect: 'error', match: 'OSM files .*not as this layer', note: 'wrong layer: a network file given as population' });
add('pop-streets-as-population.geojson', fc(streets.slice(0, 5)), { layer: 'population', expect: 'error', match: 'none of the 5 features has a usable Point or Polygon.*LineString', note: 'wrong layer: street lines given as population' });
add('pop-xss.csv', popCsv([['<script>alert(1)</script>', ...popRows[0].slice(1)], ['<img src=x onerror=alert(2)>', ...popRows[1].slice(1)]]), { layer: 'population', expect: 'loads', check: 'plain-text', note: 'HTML in ids stays plain text' });
add('pop-long-strings.csv', popCsv([['L'.repeat(100_000), ...popRows[0].slice(1)], ...popRows.slice(1, 3)]), { layer: 'population', expect: 'loads', check: 'pop-count', rows: 3, note: 'a 100 000-character id' });
add('pop-deeply-nested.geojson', fc([popPts[0]]).replace('"pop":', `"deep":${'['.repeat(5000)}${']'.repeat(5000)},"pop":`), { layer: 'population', expect: 'loads', check: 'pop-count', rows: 1, note: 'a property nested 5000 deep' });
add('pop-very-deeply-nested.geojson', '{"type":"FeatureCollection","features":[' + '['.repeat(100_000) + ']'.repeat(100_000) + ']}', { layer: 'population', expect: 'error', match: 'none of the 1 features has a usable Point or Polygon', note: 'a feature that is an array nested 100 000 deep' });
add('pop-fake.xlsx', popCsv(popRows), { layer: 'population', expect: 'error', match: 'named .xlsx but not an Excel', note: 'CSV renamed to .xlsx' });
add('pop-old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), { layer: 'population', expect: 'error', match: 'old Excel .xls.*save it as .xlsx or CSV', note: 'Excel 97 .xls' });
add('pop-bad-line.geojsonl', popPts.slice(0, 2).map((f) => JSON.stringify(f)).join('\n') + '\n{"type":"Feature",\n', { layer: 'population', expect: 'error', match: 'line 3 is not valid JSON', note: 'GeoJSON Lines with a broken line' });
add('pop-not-zip.zip', popCsv(popRows), { layer: 'population', expect: 'error', match: 'named .zip but not a zip archive', note: 'text named .zip' });
add('pop-1gb.csv', popCsv(popRows.slice(0, 2)), { layer: 'population', expect: 'error', match: 'is 1024 MB.*up to 512 MB.*clip', note: '1 GB file, simulated: sparseBytes is the size fed to the check (the CLI test makes a sparse file)', check: 'size-limit', sparseBytes: 1024 ** 3 });

// ================= facilities =================
const gcjFeatures = facFc.features.map((f) => ({ ...f, geometry: { type: 'Point', coordinates: gcoord.transform(f.geometry.coordinates as [number, number], gcoord.WGS84, gcoord.GCJ02) } }));
add('fac-gcj02-declared-wgs84.geojson', fc(gcjFeatures), { layer: 'facilities', expect: 'loads', check: 'gcj02-offset', note: 'Amap GCJ-02 points declared WGS84 (~500 m offset): loads; detectChineseOffset suggests gcj02' });
add('fac-all-off-network.geojson', fc(facSchools.map((f, i) => pt(118.60 + 0.001 * i, 31.90, f.properties))), { layer: 'facilities', expect: 'loads', check: 'off-network', note: 'every facility ~20 km from the streets: loads; the analysis counts all as off-network' });
add('fac-no-type.csv', 'id,lon,lat,type\nF1,118.77,32.05,\nF2,118.78,32.05,\n', { layer: 'facilities', expect: 'error', match: 'none of the 2 features has a facility type', note: 'empty type column' });
add('fac-missing-columns.csv', 'name,address\nA,somewhere\n', { layer: 'facilities', expect: 'error', match: 'expected CSV columns id,lon,lat,type', note: 'no coordinate columns' });
add('fac-swapped.geojson', fc(facSchools.map((f) => pt(f.geometry.coordinates[1], f.geometry.coordinates[0], f.properties))), { layer: 'facilities', expect: 'error', match: 'facility F1: longitude and latitude look swapped', note: 'lat/lon swapped' });
add('fac-xss.geojson', fc([pt(118.7706, 32.0449, { id: '<script>alert(1)</script>', name: '<img src=x onerror=alert(1)>', type: 'primary_school' }), ...facSchools.slice(1)]), { layer: 'facilities', expect: 'loads', check: 'plain-text', note: 'HTML in names and ids stays plain text' });
add('fac-empty-coords.csv', 'id,lon,lat,type\nF1,118.77,32.05,clinic\nF2,,,clinic\nF3,abc,32.05,clinic\n', { layer: 'facilities', expect: 'loads-with-warning', match: '2 of 3 rows have no usable location.*F2.*F3', note: 'empty / non-numeric coordinates (must not become 0,0)' });
add('fac-null-geometries.geojson', fc([...facSchools, { type: 'Feature', geometry: null, properties: { id: 'X', type: 'clinic' } }, { type: 'Feature', geometry: { type: 'Point', coordinates: [] }, properties: { id: 'Y', type: 'clinic' } }]), {
  layer: 'facilities', expect: 'loads-with-warning', match: '2 of 5 features have no usable point.*X.*Y', note: 'null and empty geometries',
});
add('fac-streets-as-facilities.geojson', fc(streets.slice(0, 5)), { layer: 'facilities', expect: 'error', match: 'no Point or Polygon features.*LineString', note: 'wrong layer: street lines given as facilities' });
add('fac-empty-fc.geojson', fc([]), { layer: 'facilities', expect: 'error', match: 'no features', note: 'empty FeatureCollection' });
add('fac-header-only.csv', 'id,lon,lat,type\n', { layer: 'facilities', expect: 'error', match: 'no data rows', note: 'CSV with only a header' });
add('fac-binary.geojson', Uint8Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256), { layer: 'facilities', expect: 'error', match: 'binary file, not text', note: 'binary named .geojson' });
add('fac-garbage.osm.pbf', Uint8Array.from({ length: 2048 }, (_, i) => (i * 131 + 3) % 256), { layer: 'facilities', expect: 'error', match: 'fac-garbage.osm.pbf: ', note: 'random bytes named .osm.pbf' });
add('fac-truncated.osm.pbf', readFileSync(path.join(AREA, 'network.osm.pbf')).subarray(0, 40_000), { layer: 'facilities', expect: 'error', match: 'fac-truncated.osm.pbf: ', note: 'PBF cut off at 40 KB' });
add('fac-population-as-facilities.csv', popCsv(popRows), { layer: 'facilities', expect: 'error', match: 'expected CSV columns id,lon,lat,type', note: 'wrong layer: population CSV given as facilities' });

// ================= communities =================
const ring = (cx: number, cy: number, d = 0.002) => [[cx, cy], [cx + d, cy], [cx + d, cy + d], [cx, cy + d], [cx, cy]];
const poly = (coordinates: unknown, props: Record<string, unknown>) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates }, properties: props });
const good = comFc.features.slice(0, 2);
add('com-self-intersecting.geojson', fc([...good, poly([[[118.77, 32.05], [118.775, 32.055], [118.775, 32.05], [118.77, 32.055], [118.77, 32.05]]], { id: 'BOW', name: '蝴蝶' })]), {
  layer: 'communities', expect: 'loads-with-warning', match: 'feature 3 \\(BOW\\).*crosses itself', note: 'bow-tie polygon',
});
add('com-unclosed.geojson', fc([...good, poly([ring(118.77, 32.05).slice(0, 4)], { id: 'OPEN', name: 'open' })]), { layer: 'communities', expect: 'loads-with-warning', match: 'feature 3 \\(OPEN\\).*not closed', note: 'ring whose last position is not the first' });
add('com-short-ring.geojson', fc([poly([[[118.77, 32.05], [118.78, 32.05], [118.77, 32.05]]], { id: 'S' })]), { layer: 'communities', expect: 'error', match: 'feature 1.*at least 4 positions.*fix or delete', note: 'ring with 3 positions' });
add('com-bad-structure.geojson', fc([poly(5, { id: 'A' }), poly([null], { id: 'B' }), poly([[null, [1, 2]]], { id: 'C' }), ...good]), { layer: 'communities', expect: 'loads-with-warning', match: 'skipped 3 of 5 features .*invalid coordinates.*features 1, 2, 3', note: 'coordinates that are not arrays of positions (TypeError before)' });
add('com-points.geojson', fc(facSchools), { layer: 'communities', expect: 'error', match: 'no Polygon or MultiPolygon features.*Point', note: 'wrong layer: points given as communities' });
add('com-mixed-null.geojson', fc([...good, { type: 'Feature', geometry: null, properties: { id: 'Z' } }]), { layer: 'communities', expect: 'loads-with-warning', match: 'skipped 1 of 3 features that are not polygons.*features 3', note: 'a null geometry among polygons' });
add('com-swapped.geojson', fc(good.map((f) => ({ ...f, geometry: { type: 'Polygon', coordinates: f.geometry.coordinates.map((r) => r.map(([x, y]) => [y, x])) } }))), { layer: 'communities', expect: 'error', match: 'feature 1.*look swapped', note: 'lat/lon swapped' });
add('com-xss.geojson', fc([{ ...good[0], properties: { id: 'X1', name: '<script>alert(1)</script>' } }, { ...good[1], properties: { id: 'X2', name: '<img src=x onerror=alert(1)>' } }]), { layer: 'communities', expect: 'loads', check: 'plain-text', note: 'HTML in names stays plain text' });
add('com-projected-declared-wgs84.geojson', fc([poly([[[13224000, 3766000], [13225000, 3766000], [13225000, 3767000], [13224000, 3766000]]], { id: 'M' })]), { layer: 'communities', expect: 'error', match: 'projected metres', note: 'metres in a GeoJSON without crs' });
// Zip bomb: a real tiny zip whose headers declare 2 GiB per entry (nothing huge is written or inflated).
const smallShpZip = zipSync({ 'bomb.shp': new Uint8Array(100), 'bomb.dbf': new Uint8Array(100), 'bomb.prj': enc.encode('GEOGCS["WGS 84"]') }, FIXED_TIME);
const bomb = smallShpZip.slice();
const dv = new DataView(bomb.buffer);
for (let i = 0; i + 4 <= bomb.length; i++) {
  const sig = dv.getUint32(i, true);
  if (sig === 0x04034b50) dv.setUint32(i + 22, 0x7fffffff, true); // local header: uncompressed size
  if (sig === 0x02014b50) dv.setUint32(i + 24, 0x7fffffff, true); // central directory: uncompressed size
}
add('com-zip-bomb.zip', bomb, { layer: 'communities', expect: 'error', match: 'would unpack to more than 1024 MB', note: 'zip-bomb-like Shapefile zip: central directory declares 3 × 2 GiB' });
add('com-zip-no-shp.zip', zipSync({ 'readme.txt': enc.encode('hello') }, FIXED_TIME), { layer: 'communities', expect: 'error', match: 'the zip holds no .shp file.*readme.txt', note: 'zip without a .shp' });
add('com-corrupt.zip', Uint8Array.from([0x50, 0x4b, 3, 4, ...Array.from({ length: 200 }, (_, i) => (i * 17) % 256)]), { layer: 'communities', expect: 'error', match: 'not a readable zip archive', note: 'zip signature then garbage' });
add('com-truncated.geojson', JSON.stringify(comFc).slice(0, 3000), { layer: 'communities', expect: 'error', match: 'not valid JSON', note: 'cut-off download' });

// ================= network =================
const streetsWith = (props: Record<string, unknown>) => fc(streets.map((f) => ({ ...f, properties: { ...f.properties, ...props } })));
add('net-no-walkable.geojson', streetsWith({ highway: 'motorway' }), { layer: 'network', expect: 'error', match: 'none of the 40 lines is walkable.*motorway', note: 'only motorways: no walkable ways' });
add('net-empty.geojson', fc([]), { layer: 'network', expect: 'error', match: 'no LineString features', note: 'empty FeatureCollection' });
add('net-points.geojson', fc(facSchools), { layer: 'network', expect: 'error', match: 'no LineString features.*Point', note: 'wrong layer: facility points given as the network' });
add('net-truncated.geojson', fc(streets).slice(0, 2000), { layer: 'network', expect: 'error', match: 'not valid JSON', note: 'cut-off download' });
add('net-garbage.osm.pbf', Uint8Array.from({ length: 4096 }, (_, i) => (i * 257 + 11) % 256), { layer: 'network', expect: 'error', match: 'net-garbage.osm.pbf: ', note: 'random bytes named .osm.pbf' });
add('net-empty.osm.pbf', '', { layer: 'network', expect: 'error', match: 'empty \\(0 bytes\\)', note: '0-byte PBF' });
add('net-swapped.geojson', fc(streets.map((f) => ({ ...f, geometry: { type: 'LineString', coordinates: f.geometry.coordinates.map(([x, y]) => [y, x]) } }))), { layer: 'network', expect: 'error', match: 'vertex 1: longitude and latitude look swapped', note: 'lat/lon swapped' });
add('net-population.csv', popCsv(popRows), { layer: 'network', expect: 'error', match: 'neither an OSM PBF file', note: 'wrong layer: population CSV given as the network' });
add('net-bad-coords.geojson', fc([...streets.slice(0, 5), { type: 'Feature', geometry: { type: 'LineString', coordinates: [null, [1, 2]] }, properties: {} }, { type: 'Feature', geometry: { type: 'LineString', coordinates: 7 }, properties: {} }]), {
  layer: 'network', expect: 'loads-with-warning', match: '2 features have invalid coordinates.*6, 7', note: 'LineString coordinates that are not positions (TypeError before)',
});
add('net-utf16.geojson', utf16(fc(streets), true), { layer: 'network', expect: 'loads', note: 'UTF-16 LE GeoJSON with BOM' });

// ================= candidates =================
add('cand-duplicate-ids.csv', 'id,lon,lat\nA,118.77,32.05\nB,118.78,32.05\nA,118.79,32.05\n', { layer: 'candidates', expect: 'error', match: 'rows 2 and 4 have the same id "A"', note: 'duplicate candidate ids' });
add('cand-missing-columns.csv', 'id,x_coord,y_coord\nA,1,2\n', { layer: 'candidates', expect: 'error', match: 'expected columns "id,lon,lat"', note: 'no lon/lat columns' });
add('cand-empty.csv', '', { layer: 'candidates', expect: 'error', match: 'empty \\(0 bytes\\)', note: '0-byte file' });
add('cand-xss.geojson', fc([pt(118.77, 32.05, { id: '<script>alert(1)</script>' })]), { layer: 'candidates', expect: 'loads', check: 'plain-text', note: 'HTML in ids stays plain text' });

// ================= preset =================
const preset = JSON.parse(readFileSync(path.join(ROOT, 'data/presets/gb50180-2018.json'), 'utf8'));
const { title_en: _drop, ...noTitle } = preset;
add('preset-missing-field.json', JSON.stringify(noTitle, null, 1), { layer: 'preset', expect: 'error', match: 'not a valid preset.*title_en', note: 'required field removed' });
add('preset-truncated.json', JSON.stringify(preset).slice(0, 500), { layer: 'preset', expect: 'error', match: 'not valid JSON', note: 'cut-off file' });
add('preset-future.json', JSON.stringify({ ...preset, schema_version: 99 }), { layer: 'preset', expect: 'error', match: 'newer Lifecircle', note: 'schema_version from the future' });
add('preset-xss.json', JSON.stringify({ ...preset, id: 'xss', title_en: '<script>alert(1)</script>', title_zh: '<img src=x onerror=alert(1)>' }), { layer: 'preset', expect: 'loads', check: 'plain-text', note: 'HTML in titles stays plain text' });

// ================= project =================
const b64 = (s: string) => Buffer.from(s).toString('base64');
const project = (v: number) => JSON.stringify({ format_version: v, saved_at: '2030-01-01T00:00:00Z', layers: { population: { name: 'population.csv', bytes_base64: b64(popCsv(popRows)) }, facilities: { name: 'f.geojson', bytes_base64: b64(fc(facSchools)) } }, params: {}, radii: {}, typeId: '', presetId: '' });
add('project-future-version.json', project(99), { layer: 'project', expect: 'error', match: 'newer Lifecircle \\(format_version 99\\).*Update Lifecircle', note: 'project file from a future version' });
add('project-truncated.json', project(1).slice(0, 120), { layer: 'project', expect: 'error', match: 'not a Lifecircle project file', note: 'cut-off project' });
add('project-no-version.json', JSON.stringify({ layers: {} }), { layer: 'project', expect: 'error', match: 'no format_version', note: 'JSON without format_version' });
add('project-ok.json', project(1), { layer: 'project', expect: 'loads', note: 'control: a valid version-1 project' });

// The Chinese message of a sample of cases (the corpus test also checks every error for Chinese
// text, the file name and the same row/feature numbers as the English).
const MATCH_ZH: Record<string, string> = {
  'pop-empty.csv': '文件是空的（0 字节）',
  'pop-truncated.geojson': '不是有效的 JSON.*截断',
  'pop-missing-header.csv': '第一行像是数据.*加一行表头',
  'pop-nonnumeric.csv': '跳过了 20 行中.*2 行（第 3、5 行）',
  'pop-negative.csv': '跳过了 20 行中.*1 行（第 4 行）',
  'pop-mixed-delimiters.csv': '第 7、8、9 行有 1 个字段，但表头有 4 个.*分隔符',
  'pop-duplicate-ids.csv': '编号“P0001”出现在第 2 和第 6 行',
  'pop-swapped.csv': '第 2 行：经度和纬度似乎填反了.*交换',
  'pop-projected-metres.csv': '第 2 行：.*投影坐标（米）.*坐标系',
  'pop-null-geometries.geojson': '第 7、8、9、10、11 个要素',
  'pop-utf16le-nobom.csv': 'UTF-16.*另存为 UTF-8',
  'pop-old.xls': '旧版 Excel .xls.*另存为 .xlsx 或 CSV',
  'pop-bad-line.geojsonl': '第 3 行不是有效的 JSON',
  'pop-1gb.csv': '文件有 1024 MB.*最多读取 512 MB.*裁剪',
  'fac-swapped.geojson': '设施 F1：经度和纬度似乎填反了',
  'fac-empty-coords.csv': '3 行中有 2 行没有可用的位置.*F2、F3',
  'fac-garbage.osm.pbf': '无法读取 OSM 文件',
  'com-short-ring.geojson': '第 1 个要素（S）：.*至少需要 4 个点.*修复或删除',
  'com-self-intersecting.geojson': '第 3 个要素（BOW）：边界自相交',
  'com-bad-structure.geojson': '跳过了 5 个要素中.*3 个（第 1、2、3 个要素）',
  'com-zip-bomb.zip': '解压后会超过 1024 MB',
  'net-no-walkable.geojson': '40 条线中没有一条可以步行.*motorway',
  'net-swapped.geojson': '第 1 个顶点：经度和纬度似乎填反了',
  'net-bad-coords.geojson': '2 个要素的坐标无效.*第 6、7 个要素',
  'cand-duplicate-ids.csv': '第 2 行和第 4 行的编号相同（“A”）',
};
for (const c of cases) if (MATCH_ZH[c.file]) c.match_zh = MATCH_ZH[c.file];
if (Object.keys(MATCH_ZH).some((f) => !cases.some((c) => c.file === f))) throw new Error('MATCH_ZH names a file that is not a case');

writeFileSync(path.join(OUT, 'cases.json'), JSON.stringify({ generatedBy: 'scripts/make-bad-fixtures.ts', cases }, null, 1) + '\n');
console.log(`${cases.length} cases written to ${path.relative(ROOT, OUT)}`);
