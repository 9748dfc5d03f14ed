import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { facilityTypeNote } from '../../src/app/facility-type-note.ts';
import { STRING_TABLE, translate } from '../../src/app/i18n.ts';
import { FACILITY_TYPES } from '../../src/core/facility-types.ts';
import { FEATURE_STRINGS } from '../../src/app/strings/index.ts';

/**
 * Every word the UI shows comes from the [zh, en] dictionary (t()/translate), so switching the
 * language switches all of it. The scanner parses each component (rolldown's oxc parser, the one
 * Vite builds with) and reports text that is written into the JSX instead: JSX text, user-facing
 * attributes (title, placeholder, aria-label, alt, label) given a literal, and string literals
 * chosen inside JSX by `?:`/`&&`/`||` or written in a template. Text without letters (numbers,
 * symbols, units like "▲/△") passes; so do the few names below, which no language translates.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const FILES = [
  ...readdirSync(path.join(ROOT, 'src/app/components')).filter((f) => f.endsWith('.tsx')).map((f) => `src/app/components/${f}`),
  'src/app/App.tsx',
];
const WORDS = /[A-Za-z\u3400-\u9fff]/;
/** Proper names and codes, the same in both languages. */
const ALLOWED = new Set(['Lifecircle', 'DuckDB', 'OSM', 'P90', 'EPSG', 'WGS 84']);
const USER_FACING_ATTRS = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label']);

type Node = { type: string; start: number; [k: string]: unknown };

function lineOf(src: string, offset: number): number {
  return src.slice(0, offset).split('\n').length;
}

/** Hard-coded UI text in one source, as "file:line: text". */
function hardCodedText(file: string, src = readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const found: string[] = [];
  const report = (n: Node, text: string) => {
    const s = text.replace(/\s+/g, ' ').trim();
    const words = s.replace(/^[^A-Za-z\u3400-\u9fff]+|[^A-Za-z0-9\u3400-\u9fff]+$/g, '');
    if (WORDS.test(s) && !ALLOWED.has(words)) found.push(`${file}:${lineOf(src, n.start)}: ${s}`);
  };
  /** Literals an expression can evaluate to directly (not call arguments, not comparisons). */
  const shown = (e: Node | null | undefined): void => {
    if (!e) return;
    if (e.type === 'Literal' && typeof e.value === 'string') report(e, e.value);
    else if (e.type === 'TemplateLiteral') {
      for (const q of e.quasis as Node[]) report(q, (q.value as { cooked: string }).cooked ?? '');
      for (const x of e.expressions as Node[]) shown(x);
    } else if (e.type === 'ConditionalExpression') {
      shown(e.consequent as Node);
      shown(e.alternate as Node);
    } else if (e.type === 'LogicalExpression') {
      shown(e.right as Node);
      if (e.operator !== '&&') shown(e.left as Node);
    }
  };
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    const node = n as Node;
    if (node.type === 'JSXText') report(node, node.value as string);
    if (node.type === 'JSXExpressionContainer') {
      const parent = (node as { _inAttr?: boolean })._inAttr;
      if (!parent) shown(node.expression as Node);
    }
    if (node.type === 'JSXAttribute') {
      const name = (node.name as { name: string }).name;
      const v = node.value as Node | null;
      if (USER_FACING_ATTRS.has(name) && v) {
        if (v.type === 'Literal') report(v, String(v.value));
        else if (v.type === 'JSXExpressionContainer') shown(v.expression as Node);
      }
      // Other attributes (className, data-testid, value, accept …) are not shown as text.
      if (v && v.type === 'JSXExpressionContainer') (v as { _inAttr?: boolean })._inAttr = true;
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'start' && k !== 'end') walk(v);
  };
  walk(parseAst(src, { lang: 'tsx' }));
  return found;
}

describe('UI text comes from the dictionary', () => {
  it('finds the hard-coded text it is meant to find, and leaves dictionary text and non-text attributes alone', () => {
    const sample = [
      `export const A = ({ lang, n }) => (`,
      `  <div title="Hello" className="box" data-testid="x" aria-label={t('k')}>`,
      `    {t('title')} ({n} m) ▲/△`,
      `    <span>Persons</span>`,
      `    {lang === 'zh' ? '中文' : 'English'}`,
      `    {n > 1 && 'many'} {\`\${n} 人\`}`,
      `    <input placeholder={lang === 'zh' ? '名称' : 'name'} value="abc" />`,
      `  </div>);`,
    ].join('\n');
    expect(hardCodedText('sample.tsx', sample)).toEqual([
      'sample.tsx:2: Hello',
      'sample.tsx:3: m) ▲/△',
      'sample.tsx:4: Persons',
      'sample.tsx:5: 中文',
      'sample.tsx:5: English',
      'sample.tsx:6: many',
      'sample.tsx:6: 人',
      'sample.tsx:7: 名称',
      'sample.tsx:7: name',
    ]);
    expect(FILES.length).toBeGreaterThan(10);
  });

  it.each(FILES)('%s has no hard-coded words in JSX', (file) => {
    expect(hardCodedText(file)).toEqual([]);
  });
});

describe('the dictionary', () => {
  it('has non-empty Chinese and English for every entry, the Chinese in Chinese', () => {
    const problems: string[] = [];
    for (const [key, [zh, en]] of Object.entries(STRING_TABLE as Record<string, readonly [string, string]>)) {
      if (!zh.trim() || !en.trim()) problems.push(`${key}: empty`);
      // A string without any letter (symbols, placeholders only) needs no Chinese characters.
      const letters = zh.replace(/\{\w+\}/g, '');
      if (/[A-Za-z\u3400-\u9fff]/.test(letters) && !/[\u3400-\u9fff]/.test(letters) && !ZH_MAY_BE_LATIN.has(key)) problems.push(`${key}: "${zh}" has no Chinese`);
    }
    expect(problems).toEqual([]);
    // The feature files are merged in: one of this feature's keys translates.
    expect(Object.keys(FEATURE_STRINGS)).toContain('localeTipGap');
    expect(translate('en', 'localeTipGap', { rank: 3 })).toBe('Service gap #3');
  });
});

describe('facility types', () => {
  it('have their names and the note behind their default radius in both languages', () => {
    for (const ft of FACILITY_TYPES) {
      expect(ft.zh, ft.id).toMatch(/[\u3400-\u9fff]/);
      expect(ft.en, ft.id).toMatch(/^[A-Z]/);
      expect(facilityTypeNote('zh', ft), ft.id).toMatch(/[\u3400-\u9fff]/);
      expect(facilityTypeNote('en', ft), ft.id).toBe(ft.note);
    }
  });
});

/** Entries whose Chinese text is rightly Latin: the language button shows the other language's name. */
const ZH_MAY_BE_LATIN = new Set(['language']);
