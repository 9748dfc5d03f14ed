import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../../../src/io/load-error.ts';
import { readOsmFile } from '../../../src/io/osm/read-osm-file.ts';
import { readOsmPbf } from '../../../src/io/osm/read-osm-pbf.ts';
import { expectedCounts, fixtureBytes } from './osm-fixtures.ts';

const pbfBytes = fixtureBytes('xinjiekou-center.osm.pbf');
const xmlBytes = fixtureBytes('xinjiekou-center.osm');
const expected = expectedCounts('xinjiekou-center.expected.json');
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('readOsmFile', () => {
  it('reads PBF and XML files by their content, whatever they are named', () => {
    const fromPbf = readOsmFile('center.osm.pbf', pbfBytes);
    expect(fromPbf.nodeIds.length).toBe(expected.osmiumFileinfo.nodes);
    expect(readOsmFile('center.osm', xmlBytes)).toEqual(fromPbf);
    expect(readOsmFile('map.osm', pbfBytes)).toEqual(fromPbf); // PBF saved as .osm
    expect(readOsmFile('export.pbf', xmlBytes)).toEqual(fromPbf); // XML saved as .pbf
    expect(readOsmFile('download', xmlBytes)).toEqual(fromPbf); // no extension at all
  });

  it('recognizes XML after a byte-order mark and whitespace, with or without an <?xml?> declaration', () => {
    const data = readOsmFile('x', encode('\uFEFF \n\t<osm version="0.6"><node id="7" lat="1" lon="2"/></osm>'));
    expect(Array.from(data.nodeIds)).toEqual([7]);
  });

  it('unpacks gzip-compressed files (.osm.gz) first', () => {
    expect(readOsmFile('center.osm.gz', gzipSync(xmlBytes))).toEqual(readOsmPbf(pbfBytes));
  });

  it('falls back to the extension for unrecognized content, so the reader explains what is wrong', () => {
    expect(() => readOsmFile('broken.osm.pbf', encode('garbage'))).toThrow(/^broken.osm.pbf: Not an OSM PBF file/);
    expect(() => readOsmFile('broken.osm', encode('garbage'))).toThrow(/^broken.osm: Not OSM XML/);
  });

  it('throws a LoadError that names the file', () => {
    const err = (() => {
      try {
        readOsmFile('center.osm.pbf', pbfBytes.subarray(0, 5000));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).file).toBe('center.osm.pbf');
    expect((err as LoadError).message).toMatch(/^center.osm.pbf: Truncated OSM PBF file/);
  });

  it('says which formats it reads when neither content nor extension fits', () => {
    expect(() => readOsmFile('roads.geojson', encode('{"type":"FeatureCollection"}'))).toThrow(
      /^roads.geojson: this is neither an OSM PBF file \(\.osm\.pbf\) nor OSM XML \(\.osm\)/,
    );
  });

  it('says bzip2 files must be decompressed first', () => {
    expect(() => readOsmFile('china.osm.bz2', encode('BZh91AY&SY'))).toThrow(/^china.osm.bz2: bzip2-compressed files are not supported/);
  });
});
