import { describe, expect, it } from 'vitest';
import { LoadError } from '../../src/io/load-error.ts';
import { checkPopulationUnits, MAX_POPULATION_UNITS } from '../../src/io/population-unit-limit.ts';

describe('the population unit limit', () => {
  it('accepts a layer of exactly the limit', () => {
    expect(() => checkPopulationUnits('grid.csv', MAX_POPULATION_UNITS)).not.toThrow();
  });

  it('refuses one unit more with a LoadError naming the file, the count and what to do', () => {
    let err: unknown;
    try {
      checkPopulationUnits('province.csv', 2_000_001);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LoadError);
    expect((err as Error).message).toContain('province.csv');
    expect((err as Error).message).toContain('2,000,001 population units');
    expect((err as Error).message).toMatch(/grid cells|clip/);
  });
});
