#!/usr/bin/env bash
# Regenerates test/fixtures/import/: the default area's layers in the formats, encodings and
# coordinate systems planners' own data arrives in, for the import round-trip tests.
#
# Why: the files and the expected numbers must come from tools independent of the code under
# test. GDAL (ogr2ogr/gdaltransform 3.6) writes the Shapefile, the .xlsx, the GeoJSON Lines and the
# projected control values; GCJ-02/BD-09 coordinates come from the published formulas written
# again in Python below (not from gcoord, which the app uses), so the tests are not circular.
# Only the facility *types* come from the app's own OSM tag rules (readFacilities): they are
# not what these fixtures test.
#
# Needs: gdal-bin (ogr2ogr, gdaltransform, gdalsrsinfo), python3, node + tsx (npm ci).
# Run from anywhere:  bash scripts/make-import-fixtures.sh
#
# Outputs (all in test/fixtures/import/, each well under 200 KB):
#   communities-gk-cm120.zip    communities.geojson as a zipped Shapefile (.shp .shx .dbf .prj .cpg)
#                               in EPSG:4549 = CGCS2000 / 3-degree Gauss-Krüger CM 120E (Nanjing,
#                               118.78°E, lies in 3° zone 40 = 118.5–121.5°E; 4549 is that zone
#                               without the "40" easting prefix, EPSG:4528 with it), .dbf text in GBK
#   communities.geojsonl        communities.geojson as GeoJSON Lines (GDAL GeoJSONSeq), WGS84
#   facilities-gcj02.csv        the typed facilities as id,lon,lat,type,name in GCJ-02 (Amap), GB18030
#   facilities-bd09.tsv         the same in BD-09 (Baidu), tab-separated, UTF-8
#   population.xlsx             population.csv as an Excel workbook (GDAL XLSX driver, numeric cells)
#   communities-head-epsg4528.geojson  the first 10 communities in EPSG:4528 (3° zone 40, with the
#                               "40" easting prefix), with the `crs` member GDAL writes
#   streets-head.geojson        the first 60 street lines of streets.geojson (WGS84), and
#   streets-head-gk-cm120.geojson  the same lines in EPSG:4549, for --network-crs
#   crs-expected.json           gdaltransform results (WGS84 lon/lat → x/y) for the supported EPSG
#                               families, each system's WKT as gdalsrsinfo writes it (WKT1, ESRI,
#                               WKT2), and `gdalsrsinfo -o proj4` for every generated code, for
#                               test/core/crs.test.ts
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
AREA="$ROOT/data/nanjing-xinjiekou"
OUT="$ROOT/test/fixtures/import"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

# 1. Shapefile in CGCS2000 3° GK CM 120E with a GBK attribute table, zipped with fixed timestamps.
ogr2ogr -f "ESRI Shapefile" -s_srs EPSG:4326 -t_srs EPSG:4549 -lco ENCODING=GBK \
  "$TMP/communities-gk-cm120.shp" "$AREA/communities.geojson" 2>/dev/null
python3 - "$TMP" "$OUT/communities-gk-cm120.zip" <<'PY'
import sys, zipfile
tmp, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for ext in ['shp', 'shx', 'dbf', 'prj', 'cpg']:
        info = zipfile.ZipInfo(f'communities-gk-cm120.{ext}', date_time=(2021, 6, 12, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, open(f'{tmp}/communities-gk-cm120.{ext}', 'rb').read())
PY

# 2. GeoJSON Lines (one Feature per line) in WGS84.
rm -f "$OUT/communities.geojsonl"
ogr2ogr -f GeoJSONSeq "$OUT/communities.geojsonl" "$AREA/communities.geojson"

# 3. Facilities typed by the app's tag rules, as a WGS84 table (coordinates untouched).
(cd "$ROOT" && npx tsx -e "
import { readFileSync, writeFileSync } from 'node:fs';
import { readFacilities } from './src/io/read-facilities.ts';
const t = readFacilities('facilities.geojson', readFileSync('$AREA/facilities.geojson', 'utf8')).table;
const rows = t.ids.map((id, i) => ({ id, lon: t.coords[2 * i], lat: t.coords[2 * i + 1], type: t.types[t.typeIndex[i]], name: t.names[i] ?? '' }));
writeFileSync('$TMP/facilities-wgs84.json', JSON.stringify(rows));
")

# 4. GCJ-02 (GB18030 CSV) and BD-09 (UTF-8 TSV) from the published formulas, written again here.
python3 - "$TMP/facilities-wgs84.json" "$OUT" <<'PY'
import csv, json, math, sys
rows, out = json.load(open(sys.argv[1])), sys.argv[2]
A, EE = 6378245.0, 0.00669342162296594323  # Krasovsky 1940 semi-major axis, eccentricity²

def _lat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r

def _lon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r

def wgs84_to_gcj02(lon, lat):
    dlat, dlon = _lat(lon - 105.0, lat - 35.0), _lon(lon - 105.0, lat - 35.0)
    rad = lat / 180.0 * math.pi
    magic = 1 - EE * math.sin(rad) ** 2
    sq = math.sqrt(magic)
    dlat = dlat * 180.0 / ((A * (1 - EE)) / (magic * sq) * math.pi)
    dlon = dlon * 180.0 / (A / sq * math.cos(rad) * math.pi)
    return lon + dlon, lat + dlat

X_PI = math.pi * 3000.0 / 180.0
def gcj02_to_bd09(lon, lat):
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * X_PI)
    t = math.atan2(lat, lon) + 0.000003 * math.cos(lon * X_PI)
    return z * math.cos(t) + 0.0065, z * math.sin(t) + 0.006

with open(f'{out}/facilities-gcj02.csv', 'w', encoding='gb18030', newline='') as f:
    w = csv.writer(f, lineterminator='\r\n')
    w.writerow(['id', 'lon', 'lat', 'type', 'name'])
    for r in rows:
        g = wgs84_to_gcj02(r['lon'], r['lat'])
        w.writerow([r['id'], repr(g[0]), repr(g[1]), r['type'], r['name']])
with open(f'{out}/facilities-bd09.tsv', 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, delimiter='\t', lineterminator='\n')
    w.writerow(['id', 'lng', 'lat', 'type', 'name'])
    for r in rows:
        b = gcj02_to_bd09(*wgs84_to_gcj02(r['lon'], r['lat']))
        w.writerow([r['id'], repr(b[0]), repr(b[1]), r['type'], r['name']])
PY

# 5. Population as an Excel workbook with numeric cells.
rm -f "$OUT/population.xlsx"
ogr2ogr -f XLSX -oo AUTODETECT_TYPE=YES -nln population "$OUT/population.xlsx" "$AREA/population.csv"

# 6. Projected GeoJSON: a `crs` member, and a street network in metres.
rm -f "$OUT/communities-head-epsg4528.geojson" "$OUT/streets-head.geojson" "$OUT/streets-head-gk-cm120.geojson"
ogr2ogr -f GeoJSON -t_srs EPSG:4528 -limit 10 "$OUT/communities-head-epsg4528.geojson" "$AREA/communities.geojson"
ogr2ogr -f GeoJSON -limit 60 "$OUT/streets-head.geojson" "$AREA/streets.geojson"
ogr2ogr -f GeoJSON -t_srs EPSG:4549 "$OUT/streets-head-gk-cm120.geojson" "$OUT/streets-head.geojson"

# 7. Control values for the projected systems: gdaltransform (PROJ) from WGS84 lon/lat.
python3 - "$OUT/crs-expected.json" <<'PY'
import json, subprocess, sys
# (name, lon, lat): the default area's corners and centre, and a city in each other zone family.
NANJING = [('Xinjiekou', 118.7784, 32.0433), ('SW corner', 118.7600, 32.0300), ('NE corner', 118.7980, 32.0560)]
OTHER = {'Urumqi': (87.6168, 43.8256), 'Guangzhou': (113.2644, 23.1291), 'Harbin': (126.5350, 45.8038)}
def city(n): return (n, *OTHER[n])
SYSTEMS = {  # EPSG code: points inside its zone (GK and UTM are only meant for ±1.5–3° around the CM)
    4490: NANJING, 3857: NANJING + [city('Harbin')],
    4528: NANJING, 4549: NANJING,                      # 3° zone 40 / CM 120E (Nanjing)
    4517: [city('Urumqi')], 4538: [city('Urumqi')],    # 3° zone 29 / CM 87E
    4526: [city('Guangzhou')], 4547: [city('Guangzhou')],  # 3° zone 38 / CM 114E
    4498: NANJING, 4509: NANJING,                      # 6° zone 20 / CM 117E
    4500: [city('Harbin')], 4511: [city('Harbin')],    # 6° zone 22 / CM 129E
    32649: [city('Guangzhou')], 32650: NANJING, 32652: [city('Harbin')],
}
def run(*args, stdin=None):
    return subprocess.run(args, input=stdin, capture_output=True, text=True, check=True).stdout
out = {'generated_by': run('gdaltransform', '--version').strip() + ' (gdaltransform -s_srs EPSG:4326 -t_srs EPSG:<code> -output_xy; gdalsrsinfo -o wkt1|wkt_esri|wkt2)',
       'systems': []}
for code, pts in SYSTEMS.items():
    res = run('gdaltransform', '-s_srs', 'EPSG:4326', '-t_srs', f'EPSG:{code}', '-output_xy',
              stdin=''.join(f'{lon!r} {lat!r}\n' for _, lon, lat in pts)).split('\n')
    xy = [[float(v) for v in line.split()] for line in res if line.strip()]
    wkt = {fmt: run('gdalsrsinfo', '--single-line', '-o', fmt, f'EPSG:{code}').strip() for fmt in ['wkt1', 'wkt_esri', 'wkt2']}
    out['systems'].append({'epsg': code, 'points': [{'name': n, 'lon': lon, 'lat': lat, 'x': p[0], 'y': p[1]} for (n, lon, lat), p in zip(pts, xy)], 'wkt': wkt})
# Every code the app defines programmatically, as PROJ itself defines it, to check the generator.
codes = [4490, 3857, *range(4491, 4555), 32601, 32649, 32650, 32651, 32660, 32750]
out['proj4'] = {str(c): run('gdalsrsinfo', '-o', 'proj4', f'EPSG:{c}').strip() for c in codes}
json.dump(out, open(sys.argv[1], 'w'), ensure_ascii=False, indent=1)
PY

# 8. GeoPackage and (Geo)Parquet (see test/io/import-formats/).
#   facilities-gk-cm120.gpkg   facilities.geojson as a GeoPackage in EPSG:4549 (GDAL GPKG driver, with its
#                              R-tree index), table "facilities"
#   two-layers.gpkg            two feature tables in WGS84: "communities" (first 10) then "facilities" (first 20)
#   attributes-only.gpkg       a GeoPackage with only an attributes (non-spatial) table
#   not-a-geopackage.gpkg      a plain SQLite database (Python sqlite3) named .gpkg
#   communities-gk-cm120.parquet  communities.geojson as GeoParquet 1.0 in EPSG:4549, snappy: the WKB is
#                              GDAL's (ogr2ogr -f SQLite stores plain WKB), the attributes Python's json, and
#                              the Parquet file and its "geo" metadata (PROJJSON from gdalsrsinfo) are written
#                              by DuckDB's native C++ Parquet writer (@duckdb/node-api, installed in a temp dir
#                              only for this script); GDAL 3.6 in Debian has no Parquet driver and pyarrow
#                              is not packaged, so DuckDB is the independent writer here
#   population.parquet         population.csv as a plain Parquet table (no geometry), zstd, written by DuckDB
rm -f "$OUT"/*.gpkg "$OUT"/*.parquet
ogr2ogr -f GPKG -s_srs EPSG:4326 -t_srs EPSG:4549 -nln facilities "$OUT/facilities-gk-cm120.gpkg" "$AREA/facilities.geojson"
ogr2ogr -f GPKG -nln communities -limit 10 "$OUT/two-layers.gpkg" "$AREA/communities.geojson"
ogr2ogr -f GPKG -update -nln facilities -limit 20 "$OUT/two-layers.gpkg" "$AREA/facilities.geojson"
ogr2ogr -f GPKG -nln population -limit 5 "$OUT/attributes-only.gpkg" "$AREA/population.csv"
python3 - "$OUT/not-a-geopackage.gpkg" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute('CREATE TABLE places (id TEXT, lon REAL, lat REAL)')
db.execute("INSERT INTO places VALUES ('A', 118.78, 32.04)")
db.commit()
PY
ogr2ogr -f SQLite -s_srs EPSG:4326 -t_srs EPSG:4549 -nln communities "$TMP/communities-4549.sqlite" "$AREA/communities.geojson"
python3 - "$TMP/communities-4549.sqlite" "$AREA/communities.geojson" "$TMP/communities-4549.ndjson" <<'PY'
import json, sqlite3, sys
wkb = [r[0] for r in sqlite3.connect(sys.argv[1]).execute('SELECT GEOMETRY FROM communities ORDER BY ogc_fid')]
features = json.load(open(sys.argv[2]))['features']
assert len(wkb) == len(features)
with open(sys.argv[3], 'w') as f:
    for g, feat in zip(wkb, features):
        f.write(json.dumps({**feat['properties'], 'wkb': g.hex()}, ensure_ascii=False) + '\n')
PY
gdalsrsinfo -o PROJJSON EPSG:4549 > "$TMP/4549.projjson"
(cd "$TMP" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund @duckdb/node-api@1.5.6-r.1)
node - "$TMP" "$OUT" "$AREA" <<'JS'
const [tmp, out, area] = process.argv.slice(2);
const { DuckDBInstance } = require(`${tmp}/node_modules/@duckdb/node-api`);
const projjson = JSON.parse(require('fs').readFileSync(`${tmp}/4549.projjson`, 'utf8'));
const geo = { version: '1.0.0', primary_column: 'geometry', columns: { geometry: { encoding: 'WKB', geometry_types: ['Polygon'], crs: projjson } } };
const lit = (s) => `'${s.replace(/'/g, "''")}'`;
(async () => {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  await db.run(`COPY (SELECT id, name, name_en, area_ha, derived, streets_complete, from_hex(wkb) AS geometry
      FROM read_json(${lit(`${tmp}/communities-4549.ndjson`)}, format = 'newline_delimited', columns = {id: 'VARCHAR', name: 'VARCHAR', name_en: 'VARCHAR', area_ha: 'DOUBLE', derived: 'BOOLEAN', streets_complete: 'BOOLEAN', wkb: 'VARCHAR'}))
    TO ${lit(`${out}/communities-gk-cm120.parquet`)} (FORMAT parquet, COMPRESSION snappy, KV_METADATA {geo: ${lit(JSON.stringify(geo))}})`);
  await db.run(`COPY (SELECT * FROM read_csv(${lit(`${area}/population.csv`)})) TO ${lit(`${out}/population.parquet`)} (FORMAT parquet, COMPRESSION zstd)`);
})();
JS

ls -l "$OUT"
