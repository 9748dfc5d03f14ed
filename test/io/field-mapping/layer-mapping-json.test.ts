import { describe, expect, it } from 'vitest';
import { layerMappingFromJson, layerMappingToJson } from '../../../src/io/field-mapping/layer-mapping-json.ts';

describe('a layer’s mapping in a project file', () => {
  it('comes back as it was saved', () => {
    const f = { mapping: { kind: 'facilities' as const, columns: { type: '类型', lon: '经度', lat: '纬度' }, typeValues: { 社区托育: 'kindergarten', 宾馆: '' } }, rowDecision: { duplicate_id: 'fix' as const, no_location: 'skip' as const } };
    expect(layerMappingFromJson('facilities', JSON.parse(JSON.stringify(layerMappingToJson(f))))).toEqual(f);
  });

  it('is absent for a layer loaded without one', () => {
    expect(layerMappingToJson({})).toEqual({});
    expect(layerMappingFromJson('population', {})).toEqual({});
  });

  it('refuses a broken mapping or decision, naming the layer', () => {
    expect(() => layerMappingFromJson('population', { mapping: { kind: 'population', columns: { people: 'x' } } })).toThrow(/layer "population": field mapping: unknown role "people"/);
    expect(() => layerMappingFromJson('population', { row_decision: { swapped: 'ignore' } })).toThrow(/layer "population": row_decision/);
  });
});
