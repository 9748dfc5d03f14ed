import type { OsmData, Tags } from '../../core/osm-data.ts';
import { OsmDataBuilder } from './osm-data-builder.ts';
import { decodeXmlAttribute } from './xml-entities.ts';

/**
 * Reads OpenStreetMap XML (`.osm`, as written by osmium, JOSM, Overpass, the OSM API):
 * `<node id lat lon>` (self-closing or with `<tag k v/>` children) and `<way id>` with
 * `<nd ref/>` and `<tag/>` children. Relations, bounds, meta, note, changesets are skipped.
 * A purpose-built tokenizer rather than DOMParser: it runs in Web Workers (no DOM) and in Node,
 * and never builds a document tree. Attribute order and '…' / "…" quoting may vary.
 * Elements marked `action="delete"` (JOSM) or `visible="false"` are left out.
 */
export function readOsmXml(text: string): OsmData {
  return new OsmXmlReader(text).read();
}

/** Where the reader is: top level, inside a node, inside a way, or inside some other element
 * (relation, changeset, note, …) whose `<tag>` children are ignored. Plain constants, not an
 * enum, so the file stays erasable TypeScript. */
const Context = { None: 0, Node: 1, Way: 2, Other: 3 } as const;
type Context = (typeof Context)[keyof typeof Context];

class OsmXmlReader {
  private pos = 0;
  // Attributes of the element being read, reused across elements; values are raw (undecoded).
  private attrCount = 0;
  private readonly attrNames: string[] = [];
  private readonly attrValues: string[] = [];

  private readonly out: OsmDataBuilder;
  private context: Context = Context.None;
  private otherName = '';
  private skipElement = false;
  private id = 0;
  private lon = 0;
  private lat = 0;
  private tags: Tags | undefined;
  private refs: number[] = [];

  constructor(private readonly text: string) {
    // A node line is ~60–80 characters; the typed arrays grow if this guess is short.
    this.out = new OsmDataBuilder(text.length / 80);
  }

  read(): OsmData {
    const text = this.text;
    if (this.findRoot()) return this.out.finish(); // <osm/>: valid, holds nothing
    for (;;) {
      const lt = text.indexOf('<', this.pos);
      if (lt < 0) {
        const where = this.context === Context.None ? 'no closing </osm>' : 'the file ends inside an element';
        throw this.error(where, text.length, 'Truncated OSM XML');
      }
      const c = text.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        const name = this.readName(lt + 2);
        const gt = text.indexOf('>', this.pos);
        if (gt < 0) throw this.error('unterminated end tag', lt, 'Truncated OSM XML');
        this.pos = gt + 1;
        if (this.endElement(name)) return this.out.finish();
      } else if (c === 33 /* ! */ || c === 63 /* ? */) {
        this.skipMarkup(lt);
      } else {
        const name = this.readName(lt + 1);
        const selfClosing = this.readAttributes(lt);
        this.startElement(name, selfClosing, lt);
      }
    }
  }

  /**
   * Skips the prolog (BOM, `<?xml …?>`, comments, DOCTYPE) and checks the root is `<osm>`.
   * Returns true when the root is an empty `<osm …/>`.
   */
  private findRoot(): boolean {
    const text = this.text;
    let p = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (;;) {
      while (p < text.length && isSpace(text.charCodeAt(p))) p++;
      if (p >= text.length) throw new Error('Not OSM XML: the text is empty or has no <osm> root element.');
      if (text.charCodeAt(p) !== 60 /* < */) throw new Error('Not OSM XML: the text does not start with an XML tag.');
      const c = text.charCodeAt(p + 1);
      if (c === 33 || c === 63) {
        this.skipMarkup(p);
        p = this.pos;
        continue;
      }
      const name = this.readName(p + 1);
      if (this.pos >= text.length) throw this.error('the file ends inside the first tag', p, 'Truncated OSM XML');
      if (name !== 'osm') {
        const shown = name ? `<${name}>` : 'not an element';
        throw new Error(`Not OSM XML: the root element is ${shown}, expected <osm>.`);
      }
      return this.readAttributes(p);
    }
  }

  private skipMarkup(lt: number): void {
    const text = this.text;
    let close: string;
    if (text.startsWith('<!--', lt)) close = '-->';
    else if (text.startsWith('<![CDATA[', lt)) close = ']]>';
    else if (text.charCodeAt(lt + 1) === 63) close = '?>';
    else close = '>'; // <!DOCTYPE …> (internal subsets are not used by OSM tools)
    const end = text.indexOf(close, lt + 2);
    if (end < 0) throw this.error('unterminated markup', lt, 'Truncated OSM XML');
    this.pos = end + close.length;
  }

  /** Reads an element name starting at `p`; leaves `pos` just after it. */
  private readName(p: number): string {
    const text = this.text;
    let e = p;
    for (;;) {
      const c = text.charCodeAt(e);
      if (c !== c || isSpace(c) || c === 62 /* > */ || c === 47 /* / */) break; // c !== c: NaN at end
      e++;
    }
    this.pos = e;
    return text.slice(p, e);
  }

  /** Reads `name="value"` / `name='value'` pairs up to `>` or `/>`; returns true for `/>`. */
  private readAttributes(lt: number): boolean {
    const text = this.text;
    let p = this.pos;
    this.attrCount = 0;
    for (;;) {
      let c = text.charCodeAt(p);
      while (isSpace(c)) c = text.charCodeAt(++p);
      if (c === 62 /* > */) {
        this.pos = p + 1;
        return false;
      }
      if (c === 47 /* / */ && text.charCodeAt(p + 1) === 62) {
        this.pos = p + 2;
        return true;
      }
      if (c !== c || (c === 47 && p + 1 === text.length)) {
        throw this.error('the file ends inside a tag', lt, 'Truncated OSM XML');
      }
      const nameStart = p;
      while (c === c && c !== 61 /* = */ && !isSpace(c) && c !== 62 && c !== 47) c = text.charCodeAt(++p);
      const name = text.slice(nameStart, p);
      while (isSpace(c)) c = text.charCodeAt(++p);
      if (c === 61 /* = */) {
        c = text.charCodeAt(++p);
        while (isSpace(c)) c = text.charCodeAt(++p);
      } else if (c === c || name.length === 0) throw this.error('malformed attribute', lt);
      if (c !== c) throw this.error('the file ends inside a tag', lt, 'Truncated OSM XML');
      if (c !== 34 /* " */ && c !== 39 /* ' */) throw this.error(`attribute ${name} has no quoted value`, lt);
      const valueEnd = text.indexOf(c === 34 ? '"' : "'", p + 1);
      if (valueEnd < 0) throw this.error('the file ends inside an attribute value', lt, 'Truncated OSM XML');
      this.attrNames[this.attrCount] = name;
      this.attrValues[this.attrCount] = text.slice(p + 1, valueEnd);
      this.attrCount++;
      p = valueEnd + 1;
    }
  }

  /** Raw value of attribute `name` of the current element, or undefined. */
  private attr(name: string): string | undefined {
    for (let i = 0; i < this.attrCount; i++) if (this.attrNames[i] === name) return this.attrValues[i];
    return undefined;
  }

  private numberAttr(name: string, element: string, lt: number): number {
    const raw = this.attr(name);
    const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(value)) {
      throw this.error(raw === undefined ? `<${element}> has no ${name}` : `<${element}> has ${name}="${raw}", not a number`, lt);
    }
    return value;
  }

  /** JOSM keeps deleted elements with action="delete"; history/API output marks them visible="false". */
  private isDeleted(): boolean {
    return this.attr('action') === 'delete' || this.attr('visible') === 'false';
  }

  private startElement(name: string, selfClosing: boolean, lt: number): void {
    const ctx = this.context;
    if (name === 'tag') {
      if ((ctx === Context.Node || ctx === Context.Way) && !this.skipElement) {
        const k = this.attr('k');
        const v = this.attr('v');
        if (k === undefined || v === undefined) throw this.error('<tag> needs both k and v', lt);
        (this.tags ??= {})[decodeXmlAttribute(k)] = decodeXmlAttribute(v);
      }
    } else if (name === 'nd') {
      if (ctx === Context.Way && !this.skipElement) this.refs.push(this.numberAttr('ref', 'nd', lt));
    } else if (ctx !== Context.None) {
      // Children of relations etc. (member, …): nothing to do.
    } else if (name === 'node') {
      this.skipElement = this.isDeleted();
      this.tags = undefined;
      if (!this.skipElement) {
        this.id = this.numberAttr('id', 'node', lt);
        this.lat = this.numberAttr('lat', 'node', lt);
        this.lon = this.numberAttr('lon', 'node', lt);
      }
      if (selfClosing) this.endNode();
      else this.context = Context.Node;
    } else if (name === 'way') {
      this.skipElement = this.isDeleted();
      this.tags = undefined;
      this.refs.length = 0;
      if (!this.skipElement) this.id = this.numberAttr('id', 'way', lt);
      if (selfClosing) this.endWay();
      else this.context = Context.Way;
    } else if (!selfClosing) {
      this.context = Context.Other;
      this.otherName = name;
    }
  }

  /** Handles `</name>`; returns true at `</osm>`. */
  private endElement(name: string): boolean {
    const ctx = this.context;
    if (ctx === Context.Node && name === 'node') this.endNode();
    else if (ctx === Context.Way && name === 'way') this.endWay();
    else if (ctx === Context.Other && name === this.otherName) this.context = Context.None;
    else if (ctx === Context.None && name === 'osm') return true;
    return false;
  }

  private endNode(): void {
    if (!this.skipElement) this.out.addNode(this.id, this.lon, this.lat, this.tags);
    this.context = Context.None;
  }

  private endWay(): void {
    if (!this.skipElement) this.out.addWay(this.id, Float64Array.from(this.refs), this.tags ?? {});
    this.context = Context.None;
  }

  private error(message: string, at: number, kind = 'Malformed OSM XML'): Error {
    return new Error(`${kind} at line ${lineAt(this.text, at)}: ${message}.`);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** 1-based line number of character offset `at` (only computed for error messages). */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
