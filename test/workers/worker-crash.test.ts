import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../workers/analysis-handlers.ts';
import { AnalysisPool } from '../../workers/analysis-pool.ts';
import { AnalysisClient, isWorkerCrash, type MessageEndpoint } from '../../workers/client.ts';
import type { WorkerRequest } from '../../workers/protocol.ts';
import { serveHandlers } from '../../workers/serve-handlers.ts';

const AREA = path.resolve(import.meta.dirname, '../../data/nanjing-xinjiekou');
const file = (f: string) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(AREA, f))) });
const REQUEST = { types: ['market', 'primary_school'], modes: ['network', 'straight'] as ('network' | 'straight')[], limitM: 2000, maxSnapM: 250 };

/**
 * The real handlers behind a MessageChannel, shaped like a browser Worker: it has `onerror`, which
 * `die()` fires the way a browser does when the worker throws uncaught or runs out of memory.
 */
function workerLike() {
  const { port1, port2 } = new MessageChannel();
  serveHandlers(createHandlers(), {
    postMessage: (m, t) => port2.postMessage(m, t),
    onMessage: (fn) => port2.on('message', (m: WorkerRequest) => fn(m)),
  });
  let terminated = false;
  const endpoint: MessageEndpoint = {
    postMessage: (m, t) => port1.postMessage(m, t as never),
    addEventListener: (_type, fn) => port1.on('message', (data) => fn({ data })),
    terminate: () => { terminated = true; port1.close(); port2.close(); },
    onerror: null,
    onmessageerror: null,
  };
  const die = (message: string) => endpoint.onerror!({ message, preventDefault: () => {} } as ErrorEvent);
  return { client: new AnalysisClient(endpoint), die, terminated: () => terminated };
}

async function loaded(client: AnalysisClient) {
  await client.call('loadPopulation', file('population.csv'));
  await client.call('loadFacilities', file('facilities.geojson'));
  await client.call('loadNetwork', file('network.osm.pbf'));
}

describe('a crashed analysis worker', () => {
  it('fails its pending calls with a bilingual WorkerCrashed error, ends the worker and refuses later calls', async () => {
    const w = workerLike();
    await loaded(w.client);
    const pending = w.client.call('computeDistances', REQUEST);
    w.die('Uncaught RangeError: Array buffer allocation failed');
    const err = await pending.catch((e: Error) => e);
    expect(isWorkerCrash(err)).toBe(true);
    expect((err as Error).message).toMatch(/^计算进程意外终止（可能内存不足）\/ The analysis worker stopped unexpectedly \(possibly out of memory\): Uncaught RangeError/);
    expect(w.terminated()).toBe(true);
    expect(w.client.dead).toBe(true);
    await expect(w.client.call('computeDistances', REQUEST)).rejects.toMatchObject({ name: 'WorkerCrashed' });
  });

  it('is replaced by the pool with a fresh worker given the layers again, which gives the same distances', async () => {
    const workers = [workerLike(), workerLike()];
    const pool = new AnalysisPool(workers.map((w) => w.client));
    let spawned = 0;
    pool.revive = { spawn: () => (spawned++, workerLike().client), restore: loaded };
    for (const w of workers) await loaded(w.client);
    const before = await pool.computeDistances(REQUEST);
    const run = pool.computeDistances(REQUEST);
    workers[0].die('Uncaught Error: boom');
    await expect(run).rejects.toMatchObject({ name: 'WorkerCrashed' });
    const after = await pool.computeDistances(REQUEST);
    expect(spawned).toBe(1);
    expect(pool.clients[0]).not.toBe(workers[0].client);
    expect(pool.clients[1]).toBe(workers[1].client);
    expect(after.results.map((r) => `${r.type}|${r.mode}`)).toEqual(before.results.map((r) => `${r.type}|${r.mode}`));
    after.results.forEach((r, k) => {
      expect(r.distance).toEqual(before.results[k].distance);
      expect(r.facility).toEqual(before.results[k].facility);
    });
    pool.terminate();
  });
});
