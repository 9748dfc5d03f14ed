import { describe, expect, it } from 'vitest';
import { PROJECT_FORMAT_VERSION, projectFromJson, projectToJson, type Project } from '../../src/app/project-file.ts';

const project = (): Project => ({
  format_version: PROJECT_FORMAT_VERSION,
  saved_at: '2026-11-25T00:00:00.000Z',
  layers: {
    population: { name: 'pop.csv', bytes: new Uint8Array([105, 100, 10, 0, 255, 128]) },
    facilities: { name: '设施.csv', bytes: new Uint8Array(70_000).map((_, i) => i % 251), crs: 'gcj02', encoding: 'gb18030' },
  },
  offsetChoices: { facilities: { suggested: 'gcj02', choice: 'applied', beforeM: 29, afterM: 17, file: '设施.csv' } },
  walkableRule: { excludedHighways: ['motorway'], footDenied: ['no'], accessDenied: ['no'], footAllowed: ['yes'] },
  params: { limitM: 2000, maxSnapM: 250 },
  typeId: 'primary_school',
  radii: { market: 800 },
  presetId: 'gb50180-2018',
});

describe('project file', () => {
  it('round-trips layers byte for byte, with the choices, format_version first', () => {
    const text = projectToJson(project());
    expect(text.startsWith('{"format_version":1')).toBe(true);
    expect(projectFromJson(text)).toEqual(project());
  });

  it('refuses a newer format_version, broken JSON, bad base64 and missing layers with a reason', () => {
    const json = JSON.parse(projectToJson(project()));
    expect(() => projectFromJson(JSON.stringify({ ...json, format_version: 2 }))).toThrow(/newer Lifecircle \(format_version 2\)/);
    expect(() => projectFromJson(projectToJson(project()).slice(0, 100))).toThrow(/not valid JSON/);
    expect(() => projectFromJson(JSON.stringify({ ...json, layers: { ...json.layers, population: { name: 'p.csv', bytes_base64: '%%%' } } }))).toThrow(/base64/);
    expect(() => projectFromJson(JSON.stringify({ ...json, layers: { population: json.layers.population } }))).toThrow(/no facilities/);
    expect(() => projectFromJson(JSON.stringify({ ...json, layers: { ...json.layers, roads: json.layers.population } }))).toThrow(/unknown layer "roads"/);
    expect(() => projectFromJson('{"layers":{}}')).toThrow(/format_version/);
  });
});
