import { describe, expect, it } from 'vitest';
import { readOsmPbf } from '../../../src/io/osm/read-osm-pbf.ts';
import { readOsmXml } from '../../../src/io/osm/read-osm-xml.ts';
import { expectedCounts, fixtureBytes, fixtureText } from './osm-fixtures.ts';

describe('readOsmXml on the osmium XML cut of the Nanjing extract', () => {
  const xml = readOsmXml(fixtureText('xinjiekou-center.osm'));
  const pbf = readOsmPbf(fixtureBytes('xinjiekou-center.osm.pbf'));
  const expected = expectedCounts('xinjiekou-center.expected.json');

  it('reads every node and way osmium counts in the cut', () => {
    expect(xml.nodeIds.length).toBe(expected.osmiumFileinfo.nodes);
    expect(xml.ways.length).toBe(expected.osmiumFileinfo.ways);
    expect(xml.taggedNodes.length).toBe(expected.awk.taggedNodes);
  });

  it('reads the same nodes, coordinates, ways and tags as readOsmPbf reads from the PBF twin', () => {
    expect(Array.from(xml.nodeIds)).toEqual(Array.from(pbf.nodeIds));
    expect(Array.from(xml.nodeCoords)).toEqual(Array.from(pbf.nodeCoords));
    expect(xml.taggedNodes).toEqual(pbf.taggedNodes);
    expect(xml.ways.length).toBe(pbf.ways.length);
    xml.ways.forEach((way, i) => expect(way, `way ${way.id}`).toEqual(pbf.ways[i]));
  });

  it('decodes &amp; in tag values', () => {
    const names = xml.taggedNodes.map((t) => t.tags.name);
    expect(names).toContain('Momentum Burger & Lobster & Cocktail');
    expect(names).toContain('Tiffany & Co.');
  });
});

/** Wraps elements in an <osm> document, as every OSM tool writes it. */
const osm = (body: string): string => `<?xml version='1.0' encoding='UTF-8'?>\n<osm version="0.6">\n${body}\n</osm>\n`;

describe('readOsmXml on hand-written OSM XML', () => {
  it('reads self-closing nodes and nodes with tag children, in either quote style and any attribute order', () => {
    const data = readOsmXml(
      osm(`
  <node id="1" lat="32.05" lon="118.78"/>
  <node lon='118.79' id='2' lat='32.06' version='3'>
    <tag k='amenity' v='school'/>
    <tag k="name" v='金陵中学'/>
  </node>
  <node
     id = "3"
     lat = "-0.5e-1" lon="-118"  />`),
    );
    expect(Array.from(data.nodeIds)).toEqual([1, 2, 3]);
    expect(Array.from(data.nodeCoords)).toEqual([118.78, 32.05, 118.79, 32.06, -118, -0.05]);
    expect(data.taggedNodes).toEqual([{ index: 1, tags: { amenity: 'school', name: '金陵中学' } }]);
  });

  it('decodes the five XML entities and numeric character references in keys and values', () => {
    const data = readOsmXml(
      osm(`<node id="1" lat="0" lon="0">
    <tag k="note" v="a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;"/>
    <tag k="name" v="&#26032;&#x8857;&#x53E3;"/>
    <tag k="emoji&#58;flag" v="&#x1F1E8;&#x1F1F3;"/>
    <tag k="multi" v="line1&#10;line2"/>
    <tag k="literal" v="tab	and
newline"/>
    <tag k="gt" v="a > b"/>
  </node>`),
    );
    expect(data.taggedNodes[0].tags).toEqual({
      note: `a & b <c> "d" 'e'`,
      name: '新街口',
      'emoji:flag': '🇨🇳',
      multi: 'line1\nline2',
      literal: 'tab and newline', // XML normalizes literal whitespace in attribute values
      gt: 'a > b',
    });
  });

  it('reads ways with nd refs and tags, and a way without tags', () => {
    const data = readOsmXml(
      osm(`<way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way>
  <way id='11'>
    <nd ref='2'/>
    <nd ref='3'/>
  </way>`),
    );
    expect(data.ways.map((w) => ({ id: w.id, refs: Array.from(w.refs), tags: w.tags }))).toEqual([
      { id: 10, refs: [1, 2], tags: { highway: 'footway' } },
      { id: 11, refs: [2, 3], tags: {} },
    ]);
  });

  it('skips relations (and their tags), bounds, meta, note, comments and DOCTYPE', () => {
    const data = readOsmXml(`\uFEFF<?xml version="1.0"?>
<!-- exported by hand -->
<!DOCTYPE osm>
<osm version="0.6" generator="Overpass API">
  <note>The data included in this document is from www.openstreetmap.org.</note>
  <meta osm_base="2021-06-12T07:41:41Z"/>
  <bounds minlat="32" minlon="118" maxlat="33" maxlon="119"/>
  <node id="1" lat="32.1" lon="118.1"/>
  <!-- <node id="99" lat="0" lon="0"/> -->
  <relation id="5">
    <member type="node" ref="1" role=""/>
    <tag k="type" v="route"/>
  </relation>
  <node id="2" lat="32.2" lon="118.2"><tag k="shop" v="bakery"/></node>
</osm>`);
    expect(Array.from(data.nodeIds)).toEqual([1, 2]);
    expect(data.taggedNodes).toEqual([{ index: 1, tags: { shop: 'bakery' } }]);
    expect(data.ways).toEqual([]);
  });

  it('reads an empty <osm/> document as no data', () => {
    const data = readOsmXml('<?xml version="1.0"?>\n<osm version="0.6" generator="test"/>\n');
    expect(data).toEqual({ nodeIds: new Float64Array(0), nodeCoords: new Float64Array(0), taggedNodes: [], ways: [] });
  });

  it('leaves out elements JOSM marks action="delete" and history marks visible="false"', () => {
    const data = readOsmXml(
      osm(`<node id="1" lat="1" lon="1" action='delete'/>
  <node id="2" lat="2" lon="2" visible="false"><tag k="amenity" v="cafe"/></node>
  <node id="-3" lat="3" lon="3" action="modify"/>
  <way id="4" action="delete"><nd ref="1"/><nd ref="-3"/></way>`),
    );
    expect(Array.from(data.nodeIds)).toEqual([-3]);
    expect(data.taggedNodes).toEqual([]);
    expect(data.ways).toEqual([]);
  });
});

describe('readOsmXml on text that is not OSM XML', () => {
  it('says empty text has no <osm> root', () => {
    expect(() => readOsmXml('')).toThrow(/^Not OSM XML: the text is empty/);
    expect(() => readOsmXml('  \n ')).toThrow(/^Not OSM XML/);
  });

  it('names the root element of other XML documents', () => {
    expect(() => readOsmXml('<?xml version="1.0"?><gpx version="1.1"><trk/></gpx>')).toThrow(
      'Not OSM XML: the root element is <gpx>, expected <osm>.',
    );
    expect(() => readOsmXml('<osmChange version="0.6"></osmChange>')).toThrow(/root element is <osmChange>/);
  });

  it('says JSON or binary text does not start with an XML tag', () => {
    expect(() => readOsmXml('{"version": 0.6, "elements": []}')).toThrow('Not OSM XML: the text does not start with an XML tag.');
  });

  it('says a file cut short is truncated, wherever it was cut', () => {
    const text = fixtureText('xinjiekou-center.osm');
    const mid = Math.floor(text.length / 2);
    // Every cut point across a few elements (inside names, attributes, values, between tags), plus near the end.
    const cuts = [200, text.length - 10, text.length - 2];
    for (let cut = mid; cut < mid + 400; cut++) cuts.push(cut);
    for (const cut of cuts) {
      expect(() => readOsmXml(text.slice(0, cut)), `cut at ${cut}`).toThrow(/^Truncated OSM XML/);
    }
  });

  it('points at the line of a node without coordinates or with a bad number', () => {
    expect(() => readOsmXml(osm('<node id="1" lat="1" lon="1"/>\n<node id="2" lat="1"/>'))).toThrow(
      'Malformed OSM XML at line 4: <node> has no lon.',
    );
    expect(() => readOsmXml(osm('<node id="1" lat="north" lon="1"/>'))).toThrow(/line 3: <node> has lat="north", not a number/);
  });
});
