import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedClient } from '../workers/connected-client.ts';
import { createHandlers, type Task } from '../../workers/analysis-handlers.ts';
import { uiErrorOf, uiErrorText } from '../../src/app/ui-error.ts';
import { cliErrorMessage, cliMessageLang } from '../../src/cli/message-lang.ts';
import { LoadError, messageZhOf } from '../../src/io/load-error.ts';

/**
 * The corpus's Chinese messages survive the way to the user: through the worker's reply (a real
 * MessageChannel, so the structured clone is the browser's), into the UI's banner in either
 * language, and onto the CLI's stderr with --lang zh.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const BAD = path.join(ROOT, 'test/fixtures/bad');
interface BadCase { file: string; layer: string; expect: string; sparseBytes?: number }
const { cases } = JSON.parse(readFileSync(path.join(BAD, 'cases.json'), 'utf8')) as { cases: BadCase[] };
const WORKER_LAYERS = { population: 'loadPopulation', facilities: 'loadFacilities', network: 'loadNetwork' } as const;
const workerErrors = cases.filter((c) => c.expect === 'error' && c.layer in WORKER_LAYERS && !c.sparseBytes);
const noTask: Task = { progress: () => {}, checkpoint: async () => {} };


describe('localised load errors on their way to the user', () => {
  it('a LoadError says the same in Chinese, after the file name', () => {
    const e = new LoadError('a.csv', { en: 'row 5: not a number', zh: '第 5 行不是数字' });
    expect(e.message).toBe('a.csv: row 5: not a number');
    expect(e.messageZh).toBe('a.csv：第 5 行不是数字');
    // Without a translation, both languages show the English (nothing breaks).
    expect(messageZhOf(new LoadError('b.csv', 'oops'))).toBe('b.csv：oops');
    expect(messageZhOf(new Error('plain'))).toBe('plain');
  });

  it(`keeps the Chinese message across the worker boundary (${workerErrors.length} corpus errors)`, async () => {
    expect(workerErrors.length).toBeGreaterThan(30);
    const client = connectedClient();
    const local = createHandlers();
    for (const c of workerErrors) {
      const payload = { name: c.file, bytes: new Uint8Array(readFileSync(path.join(BAD, c.file))) };
      const type = WORKER_LAYERS[c.layer as keyof typeof WORKER_LAYERS];
      const direct = await Promise.resolve().then(() => (local[type] as (p: unknown, t: Task) => unknown)(payload, noTask)).then(() => null, (e: LoadError) => e);
      const remote = await client.call(type, payload).then(() => null, (e: Error) => e);
      expect(direct, c.file).toBeInstanceOf(LoadError);
      expect(remote?.message, c.file).toBe(direct!.message);
      expect(messageZhOf(remote), c.file).toBe(direct!.messageZh);
      expect(messageZhOf(remote), c.file).not.toBe(remote!.message);
    }
    client.terminate();
  });

  it('shows a banner in the UI language, and the other one after a switch', () => {
    const e = Object.assign(new Error('pop.csv: row 3: not a number'), { messageZh: 'pop.csv：第 3 行不是数字' });
    const banner = uiErrorOf(e, (why, lang) => `${lang === 'zh' ? '无法加载' : 'Could not load'} ${why}`);
    expect(uiErrorText(banner, 'zh')).toBe('无法加载 pop.csv：第 3 行不是数字');
    expect(uiErrorText(banner, 'en')).toBe('Could not load pop.csv: row 3: not a number');
    expect(uiErrorText(uiErrorOf(Object.assign(new Error('x'), { name: 'AbortError' })), 'zh')).toBe('取消');
    expect(uiErrorText('as is', 'zh')).toBe('as is');
  });

  it('prints the CLI message in Chinese with --lang zh, in English by default', () => {
    const e = new LoadError('a.csv', { en: 'bad', zh: '坏了' });
    expect(cliMessageLang(['analyze', '--lang', 'zh'])).toBe('zh');
    expect(cliMessageLang(['analyze', '--lang=zh'])).toBe('zh');
    expect(cliMessageLang(['analyze', '--lang', 'en'])).toBe('en');
    expect(cliMessageLang(['analyze'])).toBe('en');
    expect(cliErrorMessage(e, 'zh')).toBe('a.csv：坏了');
    expect(cliErrorMessage(e, 'en')).toBe('a.csv: bad');
  });
});
