import Pbf from 'pbf';
import { unzlibSync } from 'fflate';
import type { OsmData } from '../../core/osm-data.ts';
import { OsmDataBuilder } from './osm-data-builder.ts';
import { decodePrimitiveBlock } from './pbf-primitive-block.ts';

/**
 * Reads an OpenStreetMap `.osm.pbf` file: nodes (plain and dense) and ways; relations are skipped.
 * Runs unchanged in Node and in a Web Worker (pbf + fflate only, no Node built-ins, no DOM).
 *
 * File layout (https://wiki.openstreetmap.org/wiki/PBF_Format): repeated
 * [4-byte big-endian BlobHeader length][BlobHeader][Blob]. The first blob is an `OSMHeader`,
 * then `OSMData` blobs each hold one PrimitiveBlock. Blobs are raw or zlib-compressed.
 * Throws an Error with a human-readable message on anything else.
 */
export function readOsmPbf(bytes: Uint8Array): OsmData {
  if (bytes.length === 0) throw new Error('Not an OSM PBF file: the file is empty.');
  // ~8–16 compressed bytes per node in typical extracts; the arrays grow if this is short.
  const out = new OsmDataBuilder(bytes.length / 16);
  let pos = 0;
  let blockNumber = 0;
  while (pos < bytes.length) {
    const frame = readFrame(bytes, pos, blockNumber);
    if (blockNumber === 0 && frame.type !== 'OSMHeader') {
      throw new Error(
        `Not an OSM PBF file: it should start with an "OSMHeader" block${frame.type ? ` but starts with "${frame.type}"` : ''}.`,
      );
    }
    if (frame.type === 'OSMHeader' || frame.type === 'OSMData') {
      const data = decompress(bytes.subarray(frame.blobStart, frame.blobEnd), blockNumber);
      try {
        if (frame.type === 'OSMHeader') checkRequiredFeatures(data);
        else decodePrimitiveBlock(data, out);
      } catch (err) {
        throw corrupt(blockNumber, frame.blobStart, err);
      }
    } // Unknown blob types must be skipped, says the spec.
    pos = frame.blobEnd;
    blockNumber++;
  }
  return out.finish();
}

interface Frame {
  type: string;
  blobStart: number;
  blobEnd: number;
}

/** The spec caps a BlobHeader at 64 KiB and a Blob at 32 MiB; larger sizes mean this isn't PBF. */
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_BLOB_BYTES = 32 * 1024 * 1024;

function readFrame(bytes: Uint8Array, pos: number, blockNumber: number): Frame {
  const what = blockNumber === 0 ? 'Not an OSM PBF file' : `Truncated or corrupt OSM PBF file (block ${blockNumber})`;
  if (pos + 4 > bytes.length) throw new Error(`${what}: ${bytes.length - pos} stray bytes at the end of the file.`);
  const headerLength = ((bytes[pos] << 24) | (bytes[pos + 1] << 16) | (bytes[pos + 2] << 8) | bytes[pos + 3]) >>> 0;
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) {
    throw new Error(`${what}: block header length ${headerLength} at byte ${pos} is not plausible.`);
  }
  const headerStart = pos + 4;
  const headerEnd = headerStart + headerLength;
  if (headerEnd > bytes.length) {
    throw new Error(`Truncated OSM PBF file: block ${blockNumber} header ends at byte ${headerEnd} but the file has ${bytes.length} bytes.`);
  }
  let type = '';
  let dataSize = -1;
  try {
    const pbf = new Pbf(bytes.subarray(headerStart, headerEnd));
    while (pbf.pos < pbf.length) {
      const key = pbf.readVarint();
      if (key === 0x0a) type = pbf.readString(); // 1: string type
      else if (key === 0x18) dataSize = pbf.readVarint(); // 3: int32 datasize
      else pbf.skip(key); // 2: indexdata
    }
    if (pbf.pos !== pbf.length) dataSize = -1;
  } catch {
    dataSize = -1;
  }
  if (dataSize < 0 || dataSize > MAX_BLOB_BYTES) {
    if (blockNumber === 0) throw new Error(`Not an OSM PBF file: the first bytes are not a PBF block header.`);
    throw new Error(`Corrupt OSM PBF file: block ${blockNumber} at byte ${pos} has an unreadable header.`);
  }
  const blobEnd = headerEnd + dataSize;
  if (blobEnd > bytes.length) {
    if (blockNumber === 0 && type !== 'OSMHeader') throw new Error('Not an OSM PBF file: the first bytes are not a PBF block header.');
    throw new Error(
      `Truncated OSM PBF file: block ${blockNumber} needs ${dataSize} bytes from byte ${headerEnd} but the file ends at byte ${bytes.length}.`,
    );
  }
  return { type, blobStart: headerEnd, blobEnd };
}

/** Blob fields that hold the block's bytes, by field number, with the name we report. */
const UNSUPPORTED_COMPRESSION: Record<number, string> = { 4: 'LZMA', 5: 'bzip2', 6: 'LZ4', 7: 'Zstandard (zstd)' };

function decompress(blob: Uint8Array, blockNumber: number): Uint8Array {
  let raw: Uint8Array | undefined;
  let zlib: Uint8Array | undefined;
  let rawSize = -1;
  let unsupported = '';
  try {
    const pbf = new Pbf(blob);
    while (pbf.pos < pbf.length) {
      const key = pbf.readVarint();
      const field = key >> 3;
      if (field === 1 && (key & 7) === 2) raw = pbf.readBytes();
      else if (field === 2) rawSize = pbf.readVarint();
      else if (field === 3 && (key & 7) === 2) zlib = pbf.readBytes();
      else if (UNSUPPORTED_COMPRESSION[field] && (key & 7) === 2) {
        unsupported = UNSUPPORTED_COMPRESSION[field];
        pbf.skip(key);
      } else pbf.skip(key);
    }
    if (pbf.pos !== pbf.length) throw new Error('blob fields run past the end of the blob');
  } catch (err) {
    throw corrupt(blockNumber, -1, err);
  }
  if (raw) return raw;
  if (zlib) {
    let data: Uint8Array;
    try {
      // One spare byte beyond the declared size: fflate silently stops at the end of `out`, so
      // only a result of exactly raw_size proves the stream matched its header.
      const sized = rawSize >= 0 && rawSize <= MAX_BLOB_BYTES;
      data = sized ? unzlibSync(zlib, { out: new Uint8Array(rawSize + 1) }) : unzlibSync(zlib);
    } catch (err) {
      throw corrupt(blockNumber, -1, new Error(`zlib data does not decompress (${errorText(err)})`));
    }
    if (rawSize >= 0 && data.length !== rawSize) {
      throw corrupt(blockNumber, -1, new Error(`zlib data decompresses to ${data.length} bytes, not the ${rawSize} its header declares`));
    }
    return data;
  }
  if (unsupported) {
    throw new Error(
      `Unsupported OSM PBF compression: block ${blockNumber} is ${unsupported}-compressed; only uncompressed and zlib blocks ` +
        'can be read. Re-encode the file with zlib, e.g. `osmium cat input.osm.pbf -o output.osm.pbf`.',
    );
  }
  throw corrupt(blockNumber, -1, new Error('the block has no data'));
}

/** Features a reader must understand (HeaderBlock.required_features = 4) that this reader does. */
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);

function checkRequiredFeatures(header: Uint8Array): void {
  const pbf = new Pbf(header);
  while (pbf.pos < pbf.length) {
    const key = pbf.readVarint();
    if (key === 0x22) {
      const feature = pbf.readString();
      if (feature === 'HistoricalInformation') {
        throw new Error('This is an OSM history file (several versions per element); only current-data extracts can be read.');
      }
      if (!SUPPORTED_FEATURES.has(feature)) {
        throw new Error(`This OSM PBF file needs the "${feature}" feature, which this reader does not support.`);
      }
    } else pbf.skip(key);
  }
}

function corrupt(blockNumber: number, byte: number, err: unknown): Error {
  // Messages we wrote ourselves for the header block are already user-facing: keep them as they are.
  if (err instanceof Error && /^This (is an|OSM PBF)/.test(err.message)) return err;
  const where = byte >= 0 ? ` (block ${blockNumber}, byte ${byte})` : ` (block ${blockNumber})`;
  return new Error(`Corrupt OSM PBF file${where}: ${errorText(err)}.`, { cause: err });
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
