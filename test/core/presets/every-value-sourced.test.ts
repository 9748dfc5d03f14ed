import { describe, expect, it } from 'vitest';
import { CONFIDENCES } from '../../../src/core/presets/preset.ts';
import { presetDataFiles } from './preset-files.ts';

const isSource = (s: unknown) =>
  typeof s === 'object' && s !== null &&
  typeof (s as Record<string, unknown>).standard === 'string' && (s as Record<string, string>).standard.trim() !== '' &&
  typeof (s as Record<string, unknown>).clause === 'string' && (s as Record<string, string>).clause.trim() !== '';

const isSourced = (o: Record<string, unknown>) =>
  'value' in o && isSource(o.source) && (CONFIDENCES as readonly unknown[]).includes(o.confidence);

/**
 * Paths of the numbers and true/false values in `node` that do not sit inside a
 * `{ value, source: { standard, clause }, confidence }` object. Walks any JSON, whatever its schema,
 * so a value added in a new place without a source is caught too.
 */
function unsourcedValues(node: unknown, path = ''): string[] {
  if (typeof node === 'number' || typeof node === 'boolean') return [path];
  if (Array.isArray(node)) return node.flatMap((x, i) => unsourcedValues(x, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  const o = node as Record<string, unknown>;
  if (isSourced(o)) return [];
  return Object.entries(o).flatMap(([k, v]) => (path === '' && k === 'schema_version' ? [] : unsourcedValues(v, path ? `${path}.${k}` : k)));
}

describe('the source check', () => {
  it('finds a number or a yes/no that has no source, so it can fail', () => {
    expect(unsourcedValues({ facilities: [{ radius_m: 300, required: true }] })).toEqual(['facilities[0].radius_m', 'facilities[0].required']);
    expect(unsourcedValues({ population: { value: { min: 1000, max: 3000 }, confidence: 'uncertain' } })).toEqual([
      'population.value.min', 'population.value.max',
    ]);
    expect(unsourcedValues({ r: { value: 300, source: { standard: 'GB 50180-2018' }, confidence: 'uncertain' } })).toEqual(['r.value']);
    expect(unsourcedValues({ r: { value: 300, source: { standard: 'GB 50180-2018', clause: 'B.0.3' }, confidence: 'sure' } })).toEqual(['r.value']);
  });

  it('accepts a value with a source and a confidence, and the schema version', () => {
    expect(unsourcedValues({
      schema_version: 1,
      r: { value: { min: 800, max: 1000 }, source: { standard: 'GB 50180-2018', clause: '2.0.2' }, confidence: 'confirmed_2_sources' },
    })).toEqual([]);
  });
});

describe('every shipped preset data file', () => {
  it.each(presetDataFiles().map(({ file, json }) => [file, json]))('%s gives every number and yes/no a source and a confidence', (_file, json) => {
    expect(unsourcedValues(json)).toEqual([]);
  });
});
