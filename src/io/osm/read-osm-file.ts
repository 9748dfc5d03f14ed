import { gunzipSync } from 'fflate';
import type { OsmData } from '../../core/osm-data.ts';
import { LoadError } from '../load-error.ts';
import { readOsmPbf } from './read-osm-pbf.ts';
import { readOsmXml } from './read-osm-xml.ts';

/**
 * Reads an OSM file of either format, deciding by content first (file names lie: `map.osm`
 * downloads are sometimes PBF and vice versa), then by extension.
 * `.osm.gz` (gzip) is unpacked first; bzip2 is named in the error since it isn't supported.
 * Every failure is a LoadError naming the file (`name`, also used for the extension fallback),
 * with the reader's message saying what is wrong.
 */
export function readOsmFile(name: string, bytes: Uint8Array): OsmData {
  try {
    return readByContent(name, bytes);
  } catch (err) {
    if (err instanceof LoadError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new LoadError(name, { en: why, zh: (err as { messageZh?: string }).messageZh ?? `无法读取 OSM 文件（${why}）：文件可能不完整或已损坏，请重新下载或导出 .osm.pbf / .osm` });
  }
}

function readByContent(name: string, bytes: Uint8Array): OsmData {
  if (isGzip(bytes)) {
    let inner: Uint8Array;
    try {
      inner = gunzipSync(bytes);
    } catch (err) {
      throw Object.assign(new Error(`the file looks gzip-compressed but does not decompress (${String(err)}).`), { messageZh: `文件看起来是 gzip 压缩的，但无法解压（${String(err)}）：请重新下载` });
    }
    return readByContent(name.replace(/\.gz$/i, ''), inner);
  }
  if (bytes[0] === 0x42 && bytes[1] === 0x5a && bytes[2] === 0x68) {
    throw Object.assign(new Error('bzip2-compressed files are not supported; decompress it first (e.g. bunzip2).'), { messageZh: '不支持 bzip2 压缩文件：请先解压（如 bunzip2）' });
  }
  if (startsLikePbf(bytes)) return readOsmPbf(bytes);
  if (startsLikeXml(bytes)) return readOsmXml(decodeUtf8(bytes));
  const lower = name.toLowerCase();
  if (lower.endsWith('.pbf')) return readOsmPbf(bytes);
  if (lower.endsWith('.osm') || lower.endsWith('.xml')) return readOsmXml(decodeUtf8(bytes));
  throw Object.assign(new Error('this is neither an OSM PBF file (.osm.pbf) nor OSM XML (.osm); export OpenStreetMap data in one of those formats.'), {
    messageZh: '这既不是 OSM PBF 文件（.osm.pbf），也不是 OSM XML（.osm）：请把 OpenStreetMap 数据导出为这两种格式之一',
  });
}

const OSM_HEADER = [0x4f, 0x53, 0x4d, 0x48, 0x65, 0x61, 0x64, 0x65, 0x72]; // "OSMHeader"

/** [4-byte big-endian length][BlobHeader: field 1 (0x0a), length 9, "OSMHeader" …]. */
function startsLikePbf(bytes: Uint8Array): boolean {
  if (bytes.length < 4 + 2 + OSM_HEADER.length) return false;
  if (bytes[0] !== 0 || bytes[1] !== 0) return false; // header length < 64 KiB
  if (bytes[4] !== 0x0a || bytes[5] !== OSM_HEADER.length) return false;
  return OSM_HEADER.every((b, i) => bytes[6 + i] === b);
}

/** `<?xml` or `<osm` after an optional UTF-8 byte-order mark and whitespace. */
function startsLikeXml(bytes: Uint8Array): boolean {
  let p = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (p < bytes.length && (bytes[p] === 0x20 || bytes[p] === 0x09 || bytes[p] === 0x0a || bytes[p] === 0x0d)) p++;
  const head = String.fromCharCode(...bytes.subarray(p, p + 5));
  return head === '<?xml' || head.startsWith('<osm');
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes); // drops a leading BOM
}
