import type Pbf from 'pbf';

const utf8 = new TextDecoder('utf-8');

/**
 * The string table of one OSM PBF PrimitiveBlock, decoded lazily.
 * Tag keys/values (and user names, which we never read) are stored once per block and referred
 * to by index; decoding only the entries that are asked for skips user names and unused strings.
 */
export class PbfStringTable {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly cache: (string | undefined)[] = [];

  /** @param buf the decompressed PrimitiveBlock; the table keeps byte ranges into it. */
  constructor(private readonly buf: Uint8Array) {}

  /** Reads the StringTable message at the reader's position (`repeated bytes s = 1`). */
  readFrom(pbf: Pbf): void {
    const end = pbf.readVarint() + pbf.pos;
    if (end > pbf.length) throw new Error('string table runs past the end of its block');
    while (pbf.pos < end) {
      const key = pbf.readVarint();
      if (key >> 3 === 1 && (key & 7) === 2) {
        const len = pbf.readVarint();
        if (pbf.pos + len > end) throw new Error('string runs past the end of the string table');
        this.starts.push(pbf.pos);
        this.ends.push(pbf.pos + len);
        pbf.pos += len;
      } else {
        pbf.skip(key);
      }
    }
  }

  get length(): number {
    return this.starts.length;
  }

  get(index: number): string {
    const cached = this.cache[index];
    if (cached !== undefined) return cached;
    if (!(index >= 0 && index < this.starts.length)) {
      throw new Error(`string index ${index} is outside the block's string table (${this.starts.length} entries)`);
    }
    const start = this.starts[index];
    const end = this.ends[index];
    let s: string;
    if (end - start < 16 && isAscii(this.buf, start, end)) {
      // Most keys and many values are short ASCII: avoid the TextDecoder call overhead.
      s = String.fromCharCode.apply(null, this.buf.subarray(start, end) as unknown as number[]);
    } else {
      s = utf8.decode(this.buf.subarray(start, end));
    }
    this.cache[index] = s;
    return s;
  }
}

function isAscii(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] >= 0x80) return false;
  return true;
}
