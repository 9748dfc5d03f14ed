import Pbf from 'pbf';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readOsmPbf } from '../../../src/io/osm/read-osm-pbf.ts';
import { readOsmXml } from '../../../src/io/osm/read-osm-xml.ts';
import { expectedCounts, fixtureBytes, fixtureText, nodeIndexById, nodeTags, parseOpl } from './osm-fixtures.ts';

const nanjing = readOsmPbf(fixtureBytes('xinjiekou-2021.osm.pbf'));
const expected = expectedCounts('xinjiekou-2021.expected.json');

describe('readOsmPbf on the real Nanjing Xinjiekou extract', () => {
  it('reads every node and way osmium counts in the Nanjing extract', () => {
    expect(nanjing.nodeIds.length).toBe(expected.osmiumFileinfo.nodes);
    expect(nanjing.nodeCoords.length).toBe(2 * expected.osmiumFileinfo.nodes);
    expect(nanjing.ways.length).toBe(expected.osmiumFileinfo.ways);
  });

  it('keeps exactly the nodes that carry tags as tagged nodes', () => {
    expect(nanjing.taggedNodes.length).toBe(expected.awk.taggedNodes);
    for (const { tags } of nanjing.taggedNodes) expect(Object.keys(tags).length).toBeGreaterThan(0);
  });

  it('places the nodes inside exactly the bounding box osmium reports (lon, lat order)', () => {
    let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < nanjing.nodeIds.length; i++) {
      const lon = nanjing.nodeCoords[2 * i];
      const lat = nanjing.nodeCoords[2 * i + 1];
      [minLon, maxLon] = [Math.min(minLon, lon), Math.max(maxLon, lon)];
      [minLat, maxLat] = [Math.min(minLat, lat), Math.max(maxLat, lat)];
    }
    expect([minLon, minLat, maxLon, maxLat]).toEqual(expected.osmiumFileinfo.bbox);
  });

  it('gives the sample nodes and ways the exact coordinates, refs and tags osmium prints', () => {
    const samples = parseOpl(fixtureText('xinjiekou-2021-samples.opl'));
    const index = nodeIndexById(nanjing);
    const waysById = new Map(nanjing.ways.map((w) => [w.id, w]));
    expect(samples.filter((s) => s.type === 'w').length).toBe(3);
    for (const s of samples) {
      if (s.type === 'n') {
        const i = index.get(s.id);
        expect(i, `node ${s.id}`).toBeDefined();
        expect([nanjing.nodeCoords[2 * i!], nanjing.nodeCoords[2 * i! + 1]]).toEqual([s.lon, s.lat]);
        expect(nodeTags(nanjing, i!)).toEqual(s.tags);
      } else if (s.type === 'w') {
        const way = waysById.get(s.id);
        expect(way, `way ${s.id}`).toBeDefined();
        expect(Array.from(way!.refs)).toEqual(s.refs);
        expect(way!.tags).toEqual(s.tags);
      }
    }
  });

  it('decodes Chinese, Cyrillic and Arabic tag values as UTF-8', () => {
    const index = nodeIndexById(nanjing);
    const xuanwu = nodeTags(nanjing, index.get(244084413)!);
    expect(xuanwu.name).toBe('玄武区');
    expect(xuanwu['name:ru']).toBe('Сюаньу');
    expect(xuanwu['name:ur']).toBe('شوانوو ضلع، نانجنگ');
    expect(nodeTags(nanjing, index.get(1378538480)!)).toEqual({ highway: 'bus_stop', name: '新街口东' });
    expect(nanjing.ways.find((w) => w.id === 27811151)!.tags).toEqual({ highway: 'secondary', name: '北门桥' });
  });
});

describe('readOsmPbf on PBF variants osmium writes', () => {
  const fromXml = readOsmXml(fixtureText('xinjiekou-center.osm'));

  it('reads zlib, uncompressed and plain-node (non-dense) encodings of the same data identically', () => {
    for (const name of ['xinjiekou-center.osm.pbf', 'xinjiekou-center.raw.osm.pbf', 'xinjiekou-center.nodense.osm.pbf']) {
      expect(readOsmPbf(fixtureBytes(name)), name).toEqual(fromXml);
    }
  });

  it('names LZ4 compression in its error instead of returning garbage', () => {
    expect(() => readOsmPbf(fixtureBytes('xinjiekou-center.lz4.osm.pbf'))).toThrow(/LZ4-compressed/);
  });
});

// ---- Hand-built PBF files, to reach cases osmium does not write. ----

/** [4-byte big-endian length][BlobHeader][Blob], as the PBF format frames every block. */
function frame(type: string, blob: Uint8Array): Uint8Array {
  const h = new Pbf();
  h.writeStringField(1, type);
  h.writeVarintField(3, blob.length);
  const header = h.finish();
  const out = new Uint8Array(4 + header.length + blob.length);
  new DataView(out.buffer).setUint32(0, header.length);
  out.set(header, 4);
  out.set(blob, 4 + header.length);
  return out;
}

/** Blob with its data in field `field` (1 raw, 3 zlib, 4 lzma, 7 zstd). */
function blob(field: number, data: Uint8Array, rawSize?: number): Uint8Array {
  const p = new Pbf();
  if (rawSize !== undefined) p.writeVarintField(2, rawSize);
  p.writeBytesField(field, data);
  return p.finish();
}

function headerBlock(...requiredFeatures: string[]): Uint8Array {
  const p = new Pbf();
  for (const f of requiredFeatures) p.writeStringField(4, f);
  return p.finish();
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

const osmHeader = frame('OSMHeader', blob(1, headerBlock('OsmSchema-V0.6', 'DenseNodes')));

describe('readOsmPbf on hand-built blocks', () => {
  it('applies granularity and lat/lon offsets even when they come after the groups', () => {
    // Strings: 0 = "" (by convention), 1 = "amenity", 2 = "café & bar".
    const block = new Pbf();
    block.writeMessage(1, (_: null, p: Pbf) => ['', 'amenity', 'café & bar'].forEach((s) => p.writeStringField(1, s)), null);
    block.writeMessage(2, (_: null, g: Pbf) => {
      g.writeMessage(1, (_: null, n: Pbf) => {
        n.writeSVarintField(1, 42);
        n.writeBytesField(2, Uint8Array.of(1)); // packed keys
        n.writeBytesField(3, Uint8Array.of(2)); // packed vals
        n.writeSVarintField(8, 32_000); // lat units
        n.writeSVarintField(9, -1_000); // lon units
      }, null);
    }, null);
    block.writeVarintField(17, 1000); // granularity: 1000 nanodegrees
    block.writeVarintField(19, 32_000_000_000); // lat_offset: 32°
    block.writeVarintField(20, 118_000_000_000); // lon_offset: 118°
    const file = concat(osmHeader, frame('OSMData', blob(3, zlibSync(block.finish()), block.length)));
    const osm = readOsmPbf(file);
    expect(Array.from(osm.nodeIds)).toEqual([42]);
    // lat = (32e9 + 1000 × 32000) / 1e9 = 32.032; lon = (118e9 − 1000 × 1000) / 1e9 = 117.999
    expect(Array.from(osm.nodeCoords)).toEqual([117.999, 32.032]);
    expect(osm.taggedNodes).toEqual([{ index: 0, tags: { amenity: 'café & bar' } }]);
  });

  it('skips block types it does not know, as the format requires', () => {
    const file = concat(osmHeader, frame('Sidecar', Uint8Array.of(1, 2, 3)));
    expect(readOsmPbf(file).nodeIds.length).toBe(0);
  });

  it('names zstd and LZMA compression in its error', () => {
    expect(() => readOsmPbf(concat(osmHeader, frame('OSMData', blob(7, Uint8Array.of(1, 2)))))).toThrow(/Zstandard \(zstd\)-compressed/);
    expect(() => readOsmPbf(concat(osmHeader, frame('OSMData', blob(4, Uint8Array.of(1, 2)))))).toThrow(/LZMA-compressed/);
  });

  it('refuses history files and unknown required features by name', () => {
    const history = frame('OSMHeader', blob(1, headerBlock('OsmSchema-V0.6', 'HistoricalInformation')));
    expect(() => readOsmPbf(history)).toThrow(/history file/);
    const future = frame('OSMHeader', blob(1, headerBlock('OsmSchema-V0.6', 'Teleportation')));
    expect(() => readOsmPbf(future)).toThrow(/"Teleportation" feature/);
  });

  it('reports zlib data that does not decompress to its declared size as a corrupt block', () => {
    const file = concat(osmHeader, frame('OSMData', blob(3, Uint8Array.of(0x78, 0x9c, 1, 2, 3, 4), 100)));
    expect(() => readOsmPbf(file)).toThrow(/Corrupt OSM PBF file \(block 1\): zlib data decompresses to \d+ bytes, not the 100/);
  });
});

describe('readOsmPbf on input that is not a whole PBF file', () => {
  const real = fixtureBytes('xinjiekou-2021.osm.pbf');

  it('says an empty file is empty', () => {
    expect(() => readOsmPbf(new Uint8Array(0))).toThrow(/empty/);
  });

  it('says XML or random text is not an OSM PBF file', () => {
    expect(() => readOsmPbf(fixtureBytes('xinjiekou-center.osm'))).toThrow(/^Not an OSM PBF file/);
    expect(() => readOsmPbf(new TextEncoder().encode('hello world, not a map'))).toThrow(/^Not an OSM PBF file/);
  });

  it('says a file that starts with a data block instead of the header is not an OSM PBF file', () => {
    expect(() => readOsmPbf(frame('OSMData', blob(1, new Uint8Array(0))))).toThrow(/should start with an "OSMHeader" block/);
  });

  it('says a file cut short is truncated, wherever it was cut', () => {
    for (const keep of [20, 100, real.length / 2, real.length - 1]) {
      expect(() => readOsmPbf(real.subarray(0, Math.floor(keep))), `cut at ${keep}`).toThrow(/Truncated/);
    }
  });

  it('reports flipped bytes inside a block as corruption, not as a crash', () => {
    const damaged = real.slice();
    // Inside the first data block's compressed bytes (header block is ~70 bytes).
    for (let i = 200; i < 260; i++) damaged[i] ^= 0x5a;
    expect(() => readOsmPbf(damaged)).toThrow(/Corrupt OSM PBF file/);
  });

  it('never hangs or fails with an unexplained error on randomly damaged uncompressed blocks', () => {
    const raw = fixtureBytes('xinjiekou-center.raw.osm.pbf');
    let seed = 12345;
    const random = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed % n);
    for (let trial = 0; trial < 300; trial++) {
      const damaged = raw.slice();
      for (let k = 0; k < 3; k++) damaged[random(damaged.length)] = random(256);
      try {
        readOsmPbf(damaged); // damage inside a string or coordinate can still be a valid file
      } catch (err) {
        expect(err).toBeInstanceOf(Error);
        expect((err as Error).message).toMatch(/^(Corrupt|Truncated|Not an OSM PBF|Unsupported|This)/);
      }
    }
  });
});
