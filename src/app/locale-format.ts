import { useContext, useMemo } from 'react';
import * as F from '../io/locale-format.ts';
import type { ParamSpec } from '../core/analysis-spec.ts';
import { LangContext, translate, type Lang, type StringKey } from './i18n.ts';

/**
 * The locale formatters (src/io/locale-format.ts) bound to one UI language, so a component writes
 * `f.persons(n)` and the language comes from LangContext. Table cells whose header carries the unit
 * use `f.num`/`f.pct`; running text uses the unit formatters ("1,234米" / "1,234 m").
 */
export function formatters(lang: Lang) {
  return {
    lang,
    num: (x: number | null | undefined, digits = 0) => F.fmtNumber(lang, x, digits),
    pct: (share: number | null | undefined, digits = 1) => F.fmtPercent(lang, share, digits),
    pp: (shareChange: number | null | undefined, digits = 1) => F.fmtPercentPoints(lang, shareChange, digits),
    m: (metres: number | null | undefined, signed = false) => F.fmtMetres(lang, metres, signed),
    km: (metres: number | null | undefined, digits = 1) => F.fmtKm(lang, metres, digits),
    dist: (metres: number | null | undefined) => F.fmtDistance(lang, metres),
    ha: (m2: number | null | undefined, digits = 1) => F.fmtHectares(lang, m2, digits),
    min: (minutes: number | null | undefined, digits = 1) => F.fmtMinutes(lang, minutes, digits),
    sec: (seconds: number | null | undefined, digits = 2) => F.fmtSeconds(lang, seconds, digits),
    speed: (mPerMin: number | null | undefined) => F.fmtSpeed(lang, mPerMin),
    persons: (n: number | null | undefined) => F.fmtPersons(lang, n),
    time: (d: Date | string) => F.fmtTime(lang, d),
    day: (ymd: string) => F.fmtDay(lang, ymd),
  };
}

export type Formatters = ReturnType<typeof formatters>;

/** `formatters` for the language in LangContext (memoised per language). */
export function useFormat(): Formatters {
  const lang = useContext(LangContext);
  return useMemo(() => formatters(lang), [lang]);
}

const UNIT_KEYS: Record<string, StringKey> = { m: 'localeUnitM', 'm/min': 'localeUnitMPerMin', s: 'localeUnitS', sites: 'localeUnitSites', persons: 'localeUnitPersons' };

/** A parameter spec's unit ("m", "m/min", "sites" …) in the UI language; unknown units as written. */
export const unitLabel = (lang: Lang, unit: string) => (UNIT_KEYS[unit] ? translate(lang, UNIT_KEYS[unit]) : unit);

/**
 * The UI-language message for a value the spec refuses (validateParams' own messages are English,
 * for the CLI): "步行速度须为 20–200 米/分钟之间的数值". Null when the value is acceptable.
 */
export function paramProblem(lang: Lang, spec: ParamSpec, problems: readonly string[]): string | null {
  if (!problems.length) return null;
  if (spec.kind !== 'number' || spec.min === undefined || spec.max === undefined) return problems[0];
  const unit = spec.unit ? ` ${unitLabel(lang, spec.unit)}` : '';
  return translate(lang, 'localeParamRange', { name: lang === 'zh' ? spec.zh : spec.en, min: formatters(lang).num(spec.min), max: formatters(lang).num(spec.max), unit });
}
