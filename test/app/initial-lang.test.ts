import { describe, expect, it } from 'vitest';
import { initialLang, langTag } from '../../src/app/i18n.ts';

describe('the language the UI starts in', () => {
  it('is the choice stored with the button, whatever the browser prefers', () => {
    expect(initialLang('en', ['zh-CN'])).toBe('en');
    expect(initialLang('zh', ['en-US'])).toBe('zh');
  });

  it('else the first Chinese or English entry of the browser’s list, else English', () => {
    expect(initialLang(null, ['zh-CN', 'en'])).toBe('zh');
    expect(initialLang(null, ['zh-TW'])).toBe('zh');
    expect(initialLang(null, ['zh'])).toBe('zh');
    expect(initialLang(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(initialLang(null, ['de-DE', 'zh-HK', 'en'])).toBe('zh');
    expect(initialLang(null, ['fr', 'de'])).toBe('en');
    expect(initialLang(null, [])).toBe('en');
  });

  it('ignores a stored value that is not a language of the UI', () => {
    expect(initialLang('fr', ['zh-CN'])).toBe('zh');
    expect(initialLang('', ['en-GB'])).toBe('en');
  });

  it('is written zh-CN / en in <html lang> and for Intl', () => {
    expect(langTag('zh')).toBe('zh-CN');
    expect(langTag('en')).toBe('en');
  });
});
