import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectedClient } from './connected-client.ts';
import { transferList } from '../../workers/protocol.ts';

const AREA = path.resolve(import.meta.dirname, '../../data/nanjing-xinjiekou');
const file = (f: string) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(AREA, f))) });


describe('the worker protocol', () => {
  it('collects every typed-array buffer of a nested payload for transfer', () => {
    const a = new Float64Array(2), b = new Int32Array(3);
    expect(transferList({ x: { a, list: [b, a] }, s: 'text' })).toEqual([a.buffer, b.buffer]);
  });

  it('loads layers, reports progress and returns distances as typed arrays', async () => {
    const client = connectedClient();
    await client.call('loadPopulation', file('population.csv'));
    await client.call('loadFacilities', file('facilities.geojson'));
    const net = await client.call('loadNetwork', file('network.osm.pbf'));
    expect(net.stats.edges).toBeGreaterThan(1000);
    const progress: number[] = [];
    const r = await client.call('computeDistances', { types: ['market', 'primary_school'], modes: ['network', 'straight'], limitM: 2000, maxSnapM: 250 }, { onProgress: (d) => progress.push(d) });
    expect(r.results).toHaveLength(4);
    expect(r.results[0].distance).toBeInstanceOf(Float64Array);
    expect(progress).toEqual([0, 1, 2, 3, 4]);
    client.terminate();
  });

  it('cancels a running computation through an AbortSignal', async () => {
    const client = connectedClient();
    await client.call('loadPopulation', file('population.csv'));
    await client.call('loadFacilities', file('facilities.geojson'));
    const ac = new AbortController();
    const run = client.call('computeDistances', { types: Array(50).fill('market'), modes: ['straight'], limitM: 2000, maxSnapM: 250 }, { signal: ac.signal, onProgress: (d) => d === 2 && ac.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    // The worker is still usable afterwards.
    const after = await client.call('computeDistances', { types: ['market'], modes: ['straight'], limitM: 2000, maxSnapM: 250 });
    expect(after.results).toHaveLength(1);
    client.terminate();
  });

  it('answers a bad file with a readable error and keeps the layer it had', async () => {
    const client = connectedClient();
    const ok = await client.call('loadPopulation', file('population.csv'));
    await expect(client.call('loadPopulation', { name: 'bad.csv', bytes: new TextEncoder().encode('a,b\n1,2\n') })).rejects.toThrow(/bad\.csv/);
    await client.call('loadFacilities', file('facilities.geojson'));
    const r = await client.call('computeDistances', { types: ['market'], modes: ['straight'], limitM: 2000, maxSnapM: 250 });
    expect(r.results[0].distance.length).toBe(ok.table.length);
    client.terminate();
  });
});

describe('a bad street network file', () => {
  it('is refused with its name and the worker keeps walking on the network it had', async () => {
    const client = connectedClient();
    await client.call('loadPopulation', file('population.csv'));
    await client.call('loadFacilities', file('facilities.geojson'));
    const good = await client.call('loadNetwork', file('network.osm.pbf'));
    await expect(client.call('loadNetwork', { name: 'streets.osm.pbf', bytes: new Uint8Array([0, 0, 0, 5, 1, 2, 3, 4, 5]) })).rejects.toThrow(/streets\.osm\.pbf/);
    const r = await client.call('computeDistances', { types: ['market'], modes: ['network'], limitM: 2000, maxSnapM: 250 });
    expect(r.results[0].mode).toBe('network');
    expect(r.results[0].distance.some((d) => Number.isFinite(d))).toBe(true);
    expect(good.stats.edges).toBeGreaterThan(0);
    client.terminate();
  });
});
