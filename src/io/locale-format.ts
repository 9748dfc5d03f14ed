/**
 * Numbers, units and dates as the UI language writes them, through Intl (the browser's and Node's
 * ICU data, so the app and the CLI's report agree): zh-CN "1,234米", "12.5分钟", "2026年3月4日";
 * en "1,234 m", "12.5 min", "March 4, 2026". Env-neutral (no DOM), so the report writer in src/io
 * and the React UI share it. Missing values (null, undefined, NaN; ±Infinity for units) print as "—".
 */

export type FormatLang = 'zh' | 'en';

/** The BCP 47 tag Intl gets for a UI language. */
export const localeTag = (lang: FormatLang) => (lang === 'zh' ? 'zh-CN' : 'en');

export const MISSING = '—';

// Intl formatters are slow to build and cheap to reuse: one per language and option set.
const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: FormatLang, o: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(o)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(localeTag(lang), o)));
  return f;
}

const missing = (x: number | null | undefined): x is null | undefined => x === null || x === undefined || Number.isNaN(x);
const fixed = (digits: number): Intl.NumberFormatOptions => ({ minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A count or any number with grouping: 12345 → "12,345"; `digits` decimals (default 0, rounded). */
export function fmtNumber(lang: FormatLang, x: number | null | undefined, digits = 0): string {
  return missing(x) ? MISSING : nf(lang, fixed(digits)).format(x);
}

/** A share 0–1 as a percentage: 0.1234 → "12.3%" (both languages write it so). */
export function fmtPercent(lang: FormatLang, share: number | null | undefined, digits = 1): string {
  return missing(share) || !Number.isFinite(share) ? MISSING : nf(lang, { style: 'percent', ...fixed(digits) }).format(share);
}

/** A change in percentage points, signed: 0.0123 (a share) → "+1.2 个百分点" / "+1.2 pp". */
export function fmtPercentPoints(lang: FormatLang, shareChange: number | null | undefined, digits = 1): string {
  if (missing(shareChange) || !Number.isFinite(shareChange)) return MISSING;
  const n = nf(lang, { signDisplay: 'exceptZero', ...fixed(digits) }).format(shareChange * 100);
  return lang === 'zh' ? `${n} 个百分点` : `${n} pp`;
}

function unit(lang: FormatLang, x: number | null | undefined, u: string, digits: number, sign = false): string {
  // Infinity is "beyond the search limit" for a distance: no figure to show.
  if (missing(x) || !Number.isFinite(x)) return MISSING;
  return nf(lang, { style: 'unit', unit: u, unitDisplay: 'short', ...(sign ? { signDisplay: 'exceptZero' } : {}), ...fixed(digits) }).format(x);
}

/** Metres, whole: 1234 → "1,234米" / "1,234 m". `signed` writes "+" on gains (a change). */
export const fmtMetres = (lang: FormatLang, m: number | null | undefined, signed = false) => unit(lang, m, 'meter', 0, signed);

/** Kilometres from metres: 12340 → "12.3公里" / "12.3 km". */
export const fmtKm = (lang: FormatLang, m: number | null | undefined, digits = 1) => unit(lang, missing(m) ? m : m / 1000, 'kilometer', digits);

/** A distance in the unit that reads best: under 1 km in whole metres, else kilometres (1 decimal). */
export const fmtDistance = (lang: FormatLang, m: number | null | undefined) => (!missing(m) && Math.abs(m) >= 1000 ? fmtKm(lang, m) : fmtMetres(lang, m));

/** Hectares from square metres: 15000 → "1.5公顷" / "1.5 ha". */
export const fmtHectares = (lang: FormatLang, m2: number | null | undefined, digits = 1) => unit(lang, missing(m2) ? m2 : m2 / 10_000, 'hectare', digits);

/** Minutes: 12.5 → "12.5分钟" / "12.5 min". */
export const fmtMinutes = (lang: FormatLang, min: number | null | undefined, digits = 1) => unit(lang, min, 'minute', digits);

/** Seconds: 1.25 → "1.25秒" / "1.25 sec". */
export const fmtSeconds = (lang: FormatLang, s: number | null | undefined, digits = 2) => unit(lang, s, 'second', digits);

/** A walking speed: 80 → "80米/分钟" / "80 m/min". */
export const fmtSpeed = (lang: FormatLang, mPerMin: number | null | undefined) => unit(lang, mPerMin, 'meter-per-minute', 0);

/** Persons, rounded to whole people (Intl has no unit for them): "1,234人" / "1,234 persons" ("1 person"). */
export function fmtPersons(lang: FormatLang, n: number | null | undefined): string {
  if (missing(n)) return MISSING;
  const s = fmtNumber(lang, n);
  return lang === 'zh' ? `${s}人` : `${s} ${Math.round(n) === 1 ? 'person' : 'persons'}`;
}

const dtCache = new Map<string, Intl.DateTimeFormat>();
function df(lang: FormatLang, o: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(o)}`;
  let f = dtCache.get(key);
  if (!f) dtCache.set(key, (f = new Intl.DateTimeFormat(localeTag(lang), o)));
  return f;
}

const asDate = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d);

/** Time of day in the local time zone (`timeZone` for tests): "13:05:09" / "1:05:09 PM". */
export function fmtTime(lang: FormatLang, d: Date | string, timeZone?: string): string {
  const x = asDate(d);
  return Number.isNaN(x.getTime()) ? MISSING : df(lang, { timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(x);
}

/**
 * A calendar date "YYYY-MM-DD" (the report's date, a day not an instant, so no time zone shifts
 * it): "2026-03-04" → "2026年3月4日" / "March 4, 2026". Anything else is returned as given.
 */
export function fmtDay(lang: FormatLang, ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  return df(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}
