import { describe, expect, it } from 'vitest';
import { projectFromJson, projectToJson, type Project } from '../../src/app/project-file.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('a project with a population given as community totals', () => {
  const project = {
    layers: {
      population: { name: 'totals.csv', bytes: bytes('社区,人口\nA,1000\n'), populationSource: { from: 'community-totals', spreadOver: 'buildings', gridM: 50 }, buildings: { name: 'b.geojson', bytes: bytes('{"type":"FeatureCollection","features":[]}') } },
      facilities: { name: 'f.csv', bytes: bytes('id,lon,lat,type\n1,118,32,school\n') },
    },
  } as unknown as Project;

  it('keeps the population form and the buildings file through the project file', () => {
    const json = JSON.parse(projectToJson({ ...project, format_version: 2 } as Project));
    expect(json.layers.population.population_source).toEqual({ from: 'community-totals', spreadOver: 'buildings', gridM: 50 });
    const back = projectFromJson(JSON.stringify(json));
    expect(back.layers.population!.populationSource).toEqual({ from: 'community-totals', spreadOver: 'buildings', gridM: 50 });
    expect(new TextDecoder().decode(back.layers.population!.buildings!.bytes)).toBe('{"type":"FeatureCollection","features":[]}');
  });

  it('refuses a project whose population form is unknown, naming the layer', () => {
    const json = JSON.parse(projectToJson({ ...project, format_version: 2 } as Project));
    json.layers.population.population_source.from = 'census';
    expect(() => projectFromJson(JSON.stringify(json))).toThrow(/layer "population": population_source: .*units, buildings, community-totals/);
  });
});
