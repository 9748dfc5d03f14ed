import Pbf from 'pbf';
import type { Tags } from '../../core/osm-data.ts';
import type { OsmDataBuilder } from './osm-data-builder.ts';
import { PbfStringTable } from './pbf-string-table.ts';

/**
 * Decodes one OSM PBF `PrimitiveBlock` (already decompressed) into the builder.
 * Schema: https://wiki.openstreetmap.org/wiki/PBF_Format (osmformat.proto).
 * Relations, changesets and metadata (Info/DenseInfo, hence date_granularity) are skipped:
 * nothing downstream needs them.
 */

/** Block-wide coordinate encoding: degrees = (offset + granularity * value) / 1e9. */
interface Encoding {
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

const WIRE_BYTES = 2;

export function decodePrimitiveBlock(buf: Uint8Array, out: OsmDataBuilder): void {
  const pbf = new Pbf(buf);
  const strings = new PbfStringTable(buf);
  const enc: Encoding = { granularity: 100, latOffset: 0, lonOffset: 0 };
  // Groups may precede granularity/offsets in the byte stream (writers put them last), so
  // remember where the groups are and decode them once the whole block header is known.
  const groups: number[] = [];
  while (pbf.pos < pbf.length) {
    const key = pbf.readVarint();
    const field = key >> 3;
    if (field === 1 && (key & 7) === WIRE_BYTES) {
      strings.readFrom(pbf);
    } else if (field === 2 && (key & 7) === WIRE_BYTES) {
      const len = pbf.readVarint();
      groups.push(pbf.pos, pbf.pos + len);
      pbf.pos += len;
    } else if (field === 17) {
      enc.granularity = pbf.readVarint(true);
    } else if (field === 19) {
      enc.latOffset = pbf.readVarint(true);
    } else if (field === 20) {
      enc.lonOffset = pbf.readVarint(true);
    } else {
      pbf.skip(key); // 18 date_granularity: only used by metadata, which we skip
    }
  }
  if (pbf.pos > pbf.length) throw new Error('block runs past its end');
  for (let g = 0; g < groups.length; g += 2) {
    if (groups[g + 1] > buf.length) throw new Error('primitive group runs past the end of its block');
    decodeGroup(pbf, groups[g], groups[g + 1], strings, enc, out);
  }
}

function decodeGroup(
  pbf: Pbf,
  start: number,
  end: number,
  strings: PbfStringTable,
  enc: Encoding,
  out: OsmDataBuilder,
): void {
  pbf.pos = start;
  while (pbf.pos < end) {
    const key = pbf.readVarint();
    const field = key >> 3;
    if ((key & 7) !== WIRE_BYTES) {
      pbf.skip(key);
      continue;
    }
    const len = pbf.readVarint();
    const msgEnd = pbf.pos + len;
    if (msgEnd > end) throw new Error('element runs past the end of its primitive group');
    if (field === 1) decodeNode(pbf, msgEnd, strings, enc, out);
    else if (field === 2) decodeDenseNodes(pbf, msgEnd, strings, enc, out);
    else if (field === 3) decodeWay(pbf, msgEnd, strings, out);
    // 4 relations, 5 changesets: not needed.
    pbf.pos = msgEnd;
  }
}

/** Plain `Node`: id sint64 = 1, keys = 2, vals = 3 (packed string indices), lat = 8, lon = 9 (sint64). */
function decodeNode(pbf: Pbf, end: number, strings: PbfStringTable, enc: Encoding, out: OsmDataBuilder): void {
  let id = 0;
  let lat = 0;
  let lon = 0;
  let keys: number[] = [];
  let vals: number[] = [];
  while (pbf.pos < end) {
    const key = pbf.readVarint();
    const field = key >> 3;
    pbf.type = key & 7;
    if (field === 1) id = pbf.readSVarint();
    else if (field === 2) keys = pbf.readPackedVarint(keys);
    else if (field === 3) vals = pbf.readPackedVarint(vals);
    else if (field === 8) lat = pbf.readSVarint();
    else if (field === 9) lon = pbf.readSVarint();
    else pbf.skip(key);
  }
  const tags = keys.length > 0 ? tagsFrom(keys, vals, strings) : undefined;
  out.addNode(id, toDegrees(enc.lonOffset, enc.granularity, lon), toDegrees(enc.latOffset, enc.granularity, lat), tags);
}

/**
 * `DenseNodes`: id = 1, lat = 8, lon = 9 are packed sint64 deltas; keys_vals = 10 is packed int32
 * "k v k v 0 k v 0 0 …" (one 0-terminated run per node). The four arrays are walked in lockstep
 * with one cursor each, so no intermediate arrays are built.
 */
function decodeDenseNodes(pbf: Pbf, end: number, strings: PbfStringTable, enc: Encoding, out: OsmDataBuilder): void {
  let idStart = -1, idEnd = -1, latStart = -1, latEnd = -1, lonStart = -1, lonEnd = -1, kvStart = -1, kvEnd = -1;
  while (pbf.pos < end) {
    const key = pbf.readVarint();
    const field = key >> 3;
    if ((key & 7) !== WIRE_BYTES || (field !== 1 && field !== 8 && field !== 9 && field !== 10)) {
      pbf.skip(key); // 5 denseinfo
      continue;
    }
    const len = pbf.readVarint();
    const s = pbf.pos;
    const e = s + len;
    if (e > end) throw new Error('dense node array runs past the end of its DenseNodes message');
    if (field === 1) (idStart = s), (idEnd = e);
    else if (field === 8) (latStart = s), (latEnd = e);
    else if (field === 9) (lonStart = s), (lonEnd = e);
    else (kvStart = s), (kvEnd = e);
    pbf.pos = e;
  }
  if (idStart < 0) return;
  if (latStart < 0 || lonStart < 0) throw new Error('dense nodes without coordinates');
  const ids = new Pbf(pbf.buf);
  const lats = new Pbf(pbf.buf);
  const lons = new Pbf(pbf.buf);
  const kvs = new Pbf(pbf.buf);
  ids.pos = idStart;
  lats.pos = latStart;
  lons.pos = lonStart;
  kvs.pos = kvStart;
  let id = 0;
  let lat = 0;
  let lon = 0;
  while (ids.pos < idEnd) {
    if (lats.pos >= latEnd || lons.pos >= lonEnd) throw new Error('dense nodes have fewer coordinates than ids');
    id += ids.readSVarint();
    lat += lats.readSVarint();
    lon += lons.readSVarint();
    let tags: Tags | undefined;
    if (kvStart >= 0) {
      while (kvs.pos < kvEnd) {
        const k = kvs.readVarint();
        if (k === 0) break;
        if (kvs.pos >= kvEnd) throw new Error('dense node tag key without a value');
        const v = kvs.readVarint();
        (tags ??= {})[strings.get(k)] = strings.get(v);
      }
    }
    out.addNode(id, toDegrees(enc.lonOffset, enc.granularity, lon), toDegrees(enc.latOffset, enc.granularity, lat), tags);
  }
}

/** `Way`: id int64 = 1, keys = 2, vals = 3, refs = 8 (packed sint64 deltas of node ids). */
function decodeWay(pbf: Pbf, end: number, strings: PbfStringTable, out: OsmDataBuilder): void {
  let id = 0;
  let keys: number[] = [];
  let vals: number[] = [];
  let refs: Float64Array = new Float64Array(0);
  while (pbf.pos < end) {
    const key = pbf.readVarint();
    const field = key >> 3;
    pbf.type = key & 7;
    if (field === 1) id = pbf.readVarint(true);
    else if (field === 2) keys = pbf.readPackedVarint(keys);
    else if (field === 3) vals = pbf.readPackedVarint(vals);
    else if (field === 8 && pbf.type === WIRE_BYTES) refs = readDeltaRefs(pbf);
    else pbf.skip(key); // 4 info; 9/10 lat/lon of LocationsOnWays files (nodes are read anyway)
  }
  out.addWay(id, refs, tagsFrom(keys, vals, strings));
}

function readDeltaRefs(pbf: Pbf): Float64Array {
  const end = pbf.readVarint() + pbf.pos;
  if (end > pbf.length) throw new Error('way refs run past the end of their block');
  // Every varint takes at least one byte, so the byte length bounds the count.
  const refs = new Float64Array(end - pbf.pos);
  let n = 0;
  let ref = 0;
  while (pbf.pos < end) {
    ref += pbf.readSVarint();
    refs[n++] = ref;
  }
  return n === refs.length ? refs : refs.slice(0, n);
}

function tagsFrom(keys: number[], vals: number[], strings: PbfStringTable): Tags {
  if (keys.length !== vals.length) throw new Error(`element has ${keys.length} tag keys but ${vals.length} values`);
  const tags: Tags = {};
  for (let i = 0; i < keys.length; i++) tags[strings.get(keys[i])] = strings.get(vals[i]);
  return tags;
}

/**
 * Nanodegrees → degrees. Dividing the exact integer by 1e9 (rather than multiplying by 1e-9) is
 * correctly rounded, so the result equals parsing the decimal that osmium prints for the same node.
 */
function toDegrees(offset: number, granularity: number, value: number): number {
  return (offset + granularity * value) / 1e9;
}
