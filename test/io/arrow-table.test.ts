import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { tableFromColumns } from '../../src/io/arrow-table.ts';

const columns = () => ({ idx: Int32Array.from([0, 1, 2]), id: ['a', '社区', 'a'], dist: Float64Array.from([1.5, Infinity, NaN]) });
const realFunction = globalThis.Function;

describe('tableFromColumns (Arrow tables under a CSP without eval)', () => {
  afterEach(() => {
    globalThis.Function = realFunction;
  });

  it('builds the same columns and types as apache-arrow’s tableFromArrays', () => {
    const ours = tableFromIPC(tableToIPC(tableFromColumns(columns()), 'stream'));
    const arrows = tableFromArrays(columns());
    expect(ours.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(arrows.schema.fields.map((f) => `${f.name}:${f.type}`));
    expect([...ours.getChild('id')!]).toEqual(['a', '社区', 'a']);
    expect([...ours.getChild('idx')!]).toEqual([0, 1, 2]);
    expect([...ours.getChild('dist')!]).toEqual([1.5, Infinity, NaN]);
  });

  it('never compiles code from a string (what a Content-Security-Policy without unsafe-eval blocks)', () => {
    // The page's CSP makes `Function('x', body)` throw an EvalError; Node does the same with this stand-in.
    globalThis.Function = new Proxy(realFunction, {
      apply: () => { throw new EvalError('eval is blocked'); },
      construct: () => { throw new EvalError('eval is blocked'); },
    });
    expect(() => tableFromArrays({ id: ['a', 'b'] })).toThrow(EvalError);
    expect(() => tableFromColumns({ id: ['a', 'b'] })).not.toThrow();
  });
});
