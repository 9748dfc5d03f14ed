import { bilingualOf, type Bilingual } from '../core/load-error.ts';
import { translate, type Lang } from './i18n.ts';
import { localiseWarning } from '../io/warning-zh.ts';

/**
 * An error banner's text. Kept in both languages (not as the string shown) so that switching the
 * UI language re-renders the banners already on screen; a plain string is one without a
 * translation (shown as is in both).
 */
export type UiError = string | Bilingual;

export function uiErrorText(e: UiError, lang: Lang): string {
  return typeof e === 'string' ? e : e[lang];
}

/**
 * A thrown error (a LoadError, or one rebuilt from a worker reply carrying messageZh) as a banner,
 * with `describe` adding context (e.g. "加载失败 file:") in each language. A cancel becomes the
 * translated "Cancel".
 */
export function uiErrorOf(e: unknown, describe: (why: string, lang: Lang) => string = (w) => w): Bilingual {
  if ((e as Error | null)?.name === 'AbortError') return both((l) => translate(l, 'cancel'));
  const m = bilingualOf(e);
  return { en: describe(m.en, 'en'), zh: describe(m.zh, 'zh') };
}

/** The same text built in each language. */
export function both(text: (lang: Lang) => string): Bilingual {
  return { en: text('en'), zh: text('zh') };
}

/** A load warning in the UI language (warnings are produced in English; see src/io/warning-zh.ts). */
export function warningText(w: string, lang: Lang): string {
  return lang === 'zh' ? localiseWarning(w) : w;
}
