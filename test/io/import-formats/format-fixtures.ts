import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { haversineMetres } from '../../../src/core/geodesic-distance.ts';

/** Shared by the GeoPackage and Parquet round-trip tests: fixture bytes, the GeoJSON originals, distances and rejections. */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const AREA = path.join(ROOT, 'data/nanjing-xinjiekou');
const FIX = path.join(ROOT, 'test/fixtures/import');

/** A fixture made by scripts/make-import-fixtures.sh (step 8), as bytes. */
export const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIX, name)));

/** The default area's original file the fixture was made from, as text. */
export const original = (name: string) => readFileSync(path.join(AREA, name), 'utf8');

/** Largest haversine distance, metres, between corresponding lon/lat pairs. */
export function maxMetres(a: ArrayLike<number>, b: ArrayLike<number>) {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i += 2) worst = Math.max(worst, haversineMetres(a[i], a[i + 1], b[i], b[i + 1]));
  return worst;
}

/** The error a promise rejects with (a LoadError, with its Chinese message); fails if it resolves. */
export async function rejects(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as Error & { messageZh?: string };
  }
  throw new Error('expected a LoadError');
}
