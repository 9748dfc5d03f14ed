/** A UTF-8 byte-order mark: Excel needs it to open Chinese text in a CSV correctly. */
export const UTF8_BOM = '\uFEFF';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * RFC 4180 CSV with CRLF line ends. Numbers keep at most 6 decimals; NaN, ±Infinity, null and
 * undefined are written as empty cells (off-network / unreachable / not applicable).
 */
export function formatCsv(header: string[], rows: unknown[][], { bom = false } = {}): string {
  const lines = [header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))];
  return (bom ? UTF8_BOM : '') + lines.join('\r\n') + '\r\n';
}
