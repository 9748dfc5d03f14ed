const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

/**
 * Turns a raw XML attribute value into its text: literal tabs/newlines become spaces (XML
 * attribute-value normalization), then the five predefined entities and numeric character
 * references (`&#10;`, `&#x4E2D;`) are decoded. Unknown entities are left as written.
 */
export function decodeXmlAttribute(raw: string): string {
  let s = raw;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, ' ');
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (whole, name: string) => {
    if (name.charCodeAt(0) !== 35 /* # */) return NAMED[name];
    const code = name.charCodeAt(1) === 120 /* x */ ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
