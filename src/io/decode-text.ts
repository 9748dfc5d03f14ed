/** What a text file can be decoded as. `gbk` and `gb18030` share one decoder (GB18030 is a superset). */
export type TextEncodingName = 'utf-8' | 'gbk' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type EncodingChoice = 'auto' | TextEncodingName;

/**
 * Bytes to text, without a byte-order mark. `auto`: a UTF-16 BOM decides UTF-16; otherwise UTF-8
 * if the bytes are valid UTF-8, else GB18030, the encoding of Chinese Excel and WPS exports (ANSI
 * code page 936 = GBK, which GB18030 extends; WHATWG decoders treat both labels alike). Valid
 * UTF-8 is almost never also GBK text by accident, because UTF-8 multi-byte sequences have a
 * strict lead/continuation-byte pattern. The chosen encoding is returned so a UI can show it and
 * let the user override it (a forced encoding decodes leniently, with U+FFFD for bad bytes).
 */
export function decodeText(bytes: Uint8Array, encoding: EncodingChoice = 'auto'): { text: string; encoding: TextEncodingName } {
  let chosen: TextEncodingName;
  if (encoding !== 'auto') chosen = encoding;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) chosen = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) chosen = 'utf-16be';
  else {
    try {
      return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
    } catch {
      chosen = 'gb18030';
    }
  }
  // TextDecoder drops a BOM of its own encoding; a UTF-8 BOM in a file forced to GBK is skipped here.
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = utf8Bom && chosen !== 'utf-8' ? bytes.subarray(3) : bytes;
  return { text: stripBom(new TextDecoder(chosen).decode(body)), encoding: chosen };
}

function stripBom(text: string) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
