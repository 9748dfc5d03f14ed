/**
 * A short, stable name for a file's structure: the layer, the format and the column names
 * (sorted, lower case), hashed with 32-bit FNV-1a. Two exports of the same table (another month,
 * other rows) share it, so a mapping made once is offered again; a file with another column set
 * does not. Example: "facilities-csv-3f2a91c0".
 */
export function fileSignature(kind: string, format: string, columns: string[]): string {
  const text = [...new Set(columns.map((c) => c.trim().toLowerCase()))].sort().join('\u0001');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${kind}-${format}-${h.toString(16).padStart(8, '0')}`;
}
