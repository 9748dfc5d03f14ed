import { describe, expect, it } from 'vitest';
import { editPreset } from '../../src/app/custom-presets.ts';
import { PROJECT_FORMAT_VERSION, projectFromJson, projectToJson, type Project, type SavedSiting } from '../../src/app/project-file.ts';
import { DEFAULT_PRESET_ID, shippedPreset } from '../../src/core/presets/preset-catalog.ts';
import { DEFAULT_SITING_PARAMS } from '../../src/core/siting/siting-params.ts';

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
    expect(text.startsWith('{"format_version":2')).toBe(true);
    expect(projectFromJson(text)).toEqual(project());
  });

  it('refuses a newer format_version, broken JSON, bad base64 and missing layers with a reason', () => {
    const json = JSON.parse(projectToJson(project()));
    expect(() => projectFromJson(JSON.stringify({ ...json, format_version: 3 }))).toThrow(/newer Lifecircle \(format_version 3\)/);
    expect(() => projectFromJson(projectToJson(project()).slice(0, 100))).toThrow(/not valid JSON/);
    expect(() => projectFromJson(JSON.stringify({ ...json, layers: { ...json.layers, population: { name: 'p.csv', bytes_base64: '%%%' } } }))).toThrow(/base64/);
    expect(() => projectFromJson(JSON.stringify({ ...json, layers: { population: json.layers.population } }))).toThrow(/no facilities/);
    expect(() => projectFromJson(JSON.stringify({ ...json, layers: { ...json.layers, roads: json.layers.population } }))).toThrow(/unknown layer "roads"/);
    expect(() => projectFromJson('{"layers":{}}')).toThrow(/format_version/);
  });

  it('still reads a version-1 file (no preset, no siting)', () => {
    const json = JSON.parse(projectToJson(project()));
    const v1 = projectFromJson(JSON.stringify({ ...json, format_version: 1 }));
    expect(v1.format_version).toBe(1);
    expect(v1.presetId).toBe('gb50180-2018');
    expect(v1.preset).toBeUndefined();
    expect(v1.siting).toBeUndefined();
  });

  it('round-trips a custom preset and the last siting run, Infinity and typed arrays included', () => {
    // The planner raised the middle school radius from the standard's 1000 m to 1200 m.
    const preset = editPreset(shippedPreset(DEFAULT_PRESET_ID), 'middle_school', 'radius_m', 1200, []);
    const p: Project = { ...project(), presetId: preset.id, preset, siting: siting() };
    const back = projectFromJson(projectToJson(p));
    expect(back).toEqual(p);
    expect(back.preset!.facilities.find((f) => f.id === 'middle_school')!.radius_m!.value).toBe(1200);
    expect(back.siting!.outcome.nearestAfterM).toBeInstanceOf(Float64Array);
    expect(Array.from(back.siting!.outcome.nearestAfterM)).toEqual([120, Infinity, 480.5]);
    expect(back.siting!.outcome.proposals.map((x) => x.candidateId)).toEqual(['G0002']);
    expect(back.siting!.outcome.result.bound).toBe(Infinity);
  });

  it('refuses a project whose preset or siting run is broken, naming which', () => {
    const json = JSON.parse(projectToJson({ ...project(), siting: siting() }));
    expect(() => projectFromJson(JSON.stringify({ ...json, preset: { id: 'x' } }))).toThrow(/preset is not valid/);
    const noDistances = { ...json.siting, outcome: { ...json.siting.outcome, nearestAfterM: undefined } };
    expect(() => projectFromJson(JSON.stringify({ ...json, siting: noDistances }))).toThrow(/siting: the saved siting run is incomplete/);
    const badArray = { ...json.siting, outcome: { ...json.siting.outcome, nearestAfterM: { $typed: 'Float64Array', base64: 'AAAA' } } };
    expect(() => projectFromJson(JSON.stringify({ ...json, siting: badArray }))).toThrow(/siting: a Float64Array of 3 bytes/);
  });
});

/** A small siting run as the worker returns it: 3 population units, 2 candidates, one chosen. */
function siting(): SavedSiting {
  return {
    key: 'primary_school|network|500|2000|250',
    params: { ...DEFAULT_SITING_PARAMS, p: 1 },
    existingIds: ['node/1'],
    candidates: { ids: ['G0001', 'G0002'], coords: new Float64Array([118.78, 32.04, 118.79, 32.05]), kind: new Uint8Array([2, 2]) },
    outcome: {
      result: {
        model: 'mclp', method: 'heuristic', algorithm: 'lazy-greedy+swap', status: 'feasible', selected: new Int32Array([2]), marginalGain: new Float64Array([40]),
        objective: 140, bound: Infinity, gap: 0, coveredWeight: 140, uncoveredCount: 1, meanCost: 210.25, assignment: new Int32Array([0, -1, 2]), elapsedMs: 12,
      },
      proposals: [{ rank: 1, site: 2, candidateId: 'G0002', kind: 'generated', lon: 118.79, lat: 32.05, addedPopulationCovered: 40, marginalGain: 40, populationServed: 40, nearestExistingM: null }],
      before: { covered: 100, total: 160, uncoveredCount: 2, meanNearestM: 120 },
      after: { covered: 140, total: 160, uncoveredCount: 1, meanNearestM: 300.25 },
      nearestBeforeM: new Float64Array([120, Infinity, Infinity]),
      nearestAfterM: new Float64Array([120, Infinity, 480.5]),
      siteCount: { existing: 1, candidates: 2, offNetwork: 0 },
      warnings: [],
    },
  };
}
