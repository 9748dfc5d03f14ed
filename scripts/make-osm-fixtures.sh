#!/usr/bin/env bash
# Regenerates test/fixtures/osm/: OSM files and the numbers the OSM reader tests expect.
#
# Why: the expected values must come from an independent tool, not from the code under test.
# They are computed here with osmium-tool (1.15, libosmium 2.19), jq and awk, once, and committed.
#
# Needs: osmium, jq, awk. Run from anywhere:  bash scripts/make-osm-fixtures.sh
#
# Outputs (all in test/fixtures/osm/):
#   xinjiekou-2021.osm.pbf         the real Nanjing Xinjiekou extract (OSM 2021-06-12), copied unchanged
#   xinjiekou-2021.expected.json   counts for it (see "expected_json" below)
#   xinjiekou-center.osm           small bbox cut of it as OSM XML (osmium extract --strategy simple,
#                                  so ways crossing the bbox edge keep references to nodes left outside)
#   xinjiekou-center.osm.pbf       the same cut as PBF, to compare both readers element by element
#   xinjiekou-center.raw.osm.pbf   the same cut as PBF with uncompressed blocks (Blob.raw)
#   xinjiekou-center.nodense.osm.pbf  the same cut as PBF with plain Node messages instead of DenseNodes
#   xinjiekou-center.lz4.osm.pbf   the same cut as PBF with LZ4 blocks (unsupported: tests the error)
#   xinjiekou-center.expected.json counts for the cut
#   xinjiekou-2021-samples.opl     a few elements (and their nodes) as OPL: exact tags, refs, coordinates
#   xinjiekou-2021-samples.geojson osmium export of the sample closed ways as areas (MultiPolygon),
#                                  for centroid checks
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SRC="${OSM_SOURCE:-/work/shared/data/nanjing-xinjiekou/osm_nanjing_xinjiekou_2021-06-12.osm.pbf}"
OUT="$ROOT/test/fixtures/osm"
CENTER_BBOX="118.776,32.042,118.786,32.050" # minLon,minLat,maxLon,maxLat around 新街口
# Samples: 玄武区 place node (multilingual tags), bus stop 新街口东, a restaurant whose name has '&',
# highway way 北门桥 (secondary), park 总统府 (closed way), 金陵中学 school (closed way).
SAMPLE_IDS="n244084413 n1378538480 n4773051721 w27811151 w62353727 w88780395"
CLOSED_SAMPLE_IDS="w62353727 w88780395"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

mkdir -p "$OUT"
cp "$SRC" "$OUT/xinjiekou-2021.osm.pbf"
chmod 644 "$OUT/xinjiekou-2021.osm.pbf"

# XML and PBF of the same bbox cut. `osmium extract -s simple` keeps every way with a node inside
# the bbox but only the nodes inside it.
osmium extract --overwrite -b "$CENTER_BBOX" -s simple "$SRC" -f osm -o "$OUT/xinjiekou-center.osm"
osmium cat --overwrite "$OUT/xinjiekou-center.osm" -f pbf -o "$OUT/xinjiekou-center.osm.pbf"
osmium cat --overwrite "$OUT/xinjiekou-center.osm" -f pbf,pbf_compression=none -o "$OUT/xinjiekou-center.raw.osm.pbf"
osmium cat --overwrite "$OUT/xinjiekou-center.osm" -f pbf,pbf_dense_nodes=false -o "$OUT/xinjiekou-center.nodense.osm.pbf"
osmium cat --overwrite "$OUT/xinjiekou-center.osm" -f pbf,pbf_compression=lz4 -o "$OUT/xinjiekou-center.lz4.osm.pbf"

# Samples: `getid -r` adds the nodes the sample ways reference.
# shellcheck disable=SC2086
osmium getid --overwrite -r "$SRC" $SAMPLE_IDS -f opl,add_metadata=false -o "$OUT/xinjiekou-2021-samples.opl"
# shellcheck disable=SC2086
osmium getid --overwrite -r "$SRC" $CLOSED_SAMPLE_IDS -f pbf -o "$TMP/closed.osm.pbf"
osmium export --overwrite "$TMP/closed.osm.pbf" --geometry-types=polygon -f geojson -a type,id -o "$OUT/xinjiekou-2021-samples.geojson"

# awk over OPL (nodes come before ways in osmium's sorted output). Implements the rules of
# osmToNetworkInput and osmPointsOfInterest in a different language as the reference:
#  - taggedNodes: nodes with ≥ 1 tag
#  - poiNodes: tagged nodes with a POI key, highway=bus_stop, or any landuse
#  - poiClosedWays: closed ways (≥ 4 refs, first = last), no highway tag, all nodes present,
#    with a POI key or landuse=village_green|recreation_ground
#  - network*: highway ways split at missing nodes, back-to-back repeated nodes collapsed, pieces of
#    ≥ 2 nodes kept; lines = pieces, vertices = distinct nodes in kept pieces
AWK_RULES='
function parse_tags(field,   n, i, parts, eq) {
  split("", T); ntags = 0
  if (field == "") return
  n = split(field, parts, ",")
  for (i = 1; i <= n; i++) { eq = index(parts[i], "="); T[substr(parts[i], 1, eq - 1)] = substr(parts[i], eq + 1); ntags++ }
}
function has_poi_key(   i) {
  for (i = 1; i <= npk; i++) if (PK[i] in T) return 1
  return 0
}
function end_run(   i) {
  if (runlen >= 2) {
    lines++; linevertices += runlen
    for (i = 1; i <= runlen; i++) if (!(RUN[i] in USED)) { USED[RUN[i]] = 1; vertices++ }
  }
  runlen = 0
}
BEGIN {
  npk = split("amenity shop leisure healthcare social_facility tourism office sport railway public_transport", PK, " ")
}
{
  tags = ""; refs = ""; hasrefs = 0
  for (f = 2; f <= NF; f++) {
    c = substr($f, 1, 1)
    if (c == "T") tags = substr($f, 2)
    else if (c == "N") { refs = substr($f, 2); hasrefs = 1 }
  }
  parse_tags(tags)
}
/^n/ {
  NODE[substr($1, 2)] = 1
  if (ntags > 0) {
    tagged++
    if (has_poi_key() || T["highway"] == "bus_stop" || ("landuse" in T)) poinodes++
  }
}
/^w/ {
  nr = (refs == "") ? 0 : split(refs, R, ",")
  for (i = 1; i <= nr; i++) R[i] = substr(R[i], 2)
  if ("highway" in T) {
    hw++; runlen = 0; wmissing = 0
    for (i = 1; i <= nr; i++) {
      if (!(R[i] in NODE)) { missing++; wmissing = 1; end_run() }
      else if (runlen == 0 || RUN[runlen] != R[i]) RUN[++runlen] = R[i]
    }
    end_run()
    if (wmissing) wayswithmissing++
  } else if (nr >= 4 && R[1] == R[nr] && (has_poi_key() || T["landuse"] == "village_green" || T["landuse"] == "recreation_ground")) {
    complete = 1
    for (i = 1; i <= nr; i++) if (!(R[i] in NODE)) complete = 0
    if (complete) poiways++
  }
}
END {
  printf "{\"taggedNodes\": %d, \"poiNodes\": %d, \"poiClosedWays\": %d, \"highwayWays\": %d, \"networkLines\": %d, \"networkVertices\": %d, \"networkLineVertices\": %d, \"highwayMissingNodeRefs\": %d, \"highwayWaysWithMissingNodes\": %d}\n", tagged, poinodes, poiways, hw, lines, vertices, linevertices, missing, wayswithmissing
}'

expected_json() { # $1 = OSM file; prints the expected-values JSON on stdout
  local f="$1"
  osmium fileinfo -e -j "$f" >"$TMP/info.json"
  # check-refs prints its summary on stderr and exits 1 when references are missing.
  osmium check-refs "$f" 2>"$TMP/refs.txt" || true
  osmium check-refs -i "$f" >"$TMP/refs-ids.txt" 2>/dev/null || true
  local missing_ids missing_refs highway_ways highway_nodes
  missing_ids=$(sed -n 's/^Nodes in ways missing: //p' "$TMP/refs.txt")
  missing_refs=$(grep -c ' in w' "$TMP/refs-ids.txt" || true)
  highway_ways=$(osmium tags-filter -R "$f" w/highway -f opl -o - | grep -c '^w' || true)
  # Without -R, tags-filter adds the (present) nodes the matching ways reference.
  highway_nodes=$(osmium tags-filter "$f" w/highway -f opl -o - | grep -c '^n' || true)
  osmium cat "$f" -f opl,add_metadata=false -o - | awk "$AWK_RULES" >"$TMP/awk.json"
  jq -n \
    --arg file "$(basename "$f")" \
    --slurpfile info "$TMP/info.json" \
    --slurpfile awk "$TMP/awk.json" \
    --argjson missingIds "${missing_ids:-0}" \
    --argjson missingRefs "$missing_refs" \
    --argjson highwayWays "$highway_ways" \
    --argjson highwayNodes "$highway_nodes" \
    '{
      file: $file,
      osmiumFileinfo: {
        nodes: $info[0].data.count.nodes,
        ways: $info[0].data.count.ways,
        relations: $info[0].data.count.relations,
        bbox: $info[0].data.bbox
      },
      osmiumCheckRefs: { missingNodeIds: $missingIds, missingNodeRefs: $missingRefs },
      osmiumTagsFilter: { highwayWays: $highwayWays, highwayWayNodes: $highwayNodes },
      awk: $awk[0]
    }'
}

expected_json "$OUT/xinjiekou-2021.osm.pbf" >"$OUT/xinjiekou-2021.expected.json"
expected_json "$OUT/xinjiekou-center.osm" >"$OUT/xinjiekou-center.expected.json"
ls -l "$OUT"
