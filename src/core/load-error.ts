/** A message in both UI languages: English and Chinese (简体中文). */
export interface Bilingual {
  en: string;
  zh: string;
}

/**
 * A file that cannot be loaded. `message` says what is wrong and what to do, in terms a planner
 * knows (column names, row numbers, coordinate systems); `messageZh` says the same in Chinese. Both
 * start with the file name. The app shows the one in the current language (and keeps both, so a
 * language switch re-renders it) and keeps every layer that was already loaded.
 *
 * A plain string is still accepted (then both languages show it) so that a message added without
 * a translation never breaks a load; the corpus test (test/io/bad-input-corpus.test.ts) requires
 * Chinese text for every case it knows.
 */
export class LoadError extends Error {
  readonly messageZh: string;
  constructor(
    readonly file: string,
    message: string | Bilingual,
  ) {
    const m = typeof message === 'string' ? { en: message, zh: message } : message;
    super(`${file}: ${m.en}`);
    this.messageZh = `${file}：${m.zh}`;
    this.name = 'LoadError';
  }
}

/** The Chinese message of an error when it has one (a LoadError, or one rebuilt from a worker reply), else its English message. */
export function messageZhOf(e: unknown): string {
  const zh = (e as { messageZh?: unknown } | null)?.messageZh;
  return typeof zh === 'string' ? zh : e instanceof Error ? e.message : String(e);
}

/** An error's message in both languages (the English one twice when it has no translation). */
export function bilingualOf(e: unknown): Bilingual {
  return { en: e instanceof Error ? e.message : String(e), zh: messageZhOf(e) };
}
