import { messageZhOf } from '../io/load-error.ts';
import { localiseWarning } from '../io/warning-zh.ts';

/**
 * The language of the CLI's error and warning messages: Chinese with `--lang zh` (or `--lang=zh`),
 * else English. English stays the default even though the report's default is zh: messages go to
 * logs and scripts that match on them. Read from argv directly so that an error in parsing the
 * other flags is still printed in the chosen language.
 */
export function cliMessageLang(argv: string[]): 'zh' | 'en' {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'en';
  return (argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]) === 'zh' ? 'zh' : 'en';
}

/** An error's message in the CLI's message language. */
export function cliErrorMessage(e: unknown, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? messageZhOf(e) : e instanceof Error ? e.message : String(e);
}

/** A load warning in the CLI's message language. */
export function cliWarning(w: string, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? localiseWarning(w) : w;
}
