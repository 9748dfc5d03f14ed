import type { TypeDistances } from '../src/io/analysis-tables.ts';
import { AnalysisClient, type CallOptions } from './client.ts';
import type { ComputeRequest, ComputeResponse, MessageName, RequestOf, ResponseOf } from './protocol.ts';

/**
 * A few analysis workers holding the same layers. Loads go to every worker (each builds its own
 * graph: copying a city's input is cheaper than sharing memory, which would need cross-origin
 * isolation); computeDistances splits the facility types across workers and merges.
 */
export class AnalysisPool {
  /**
   * How to replace a crashed worker (see AnalysisClient.crash): a fresh client, given the current
   * layers by `restore`. Without it a dead worker keeps failing every call.
   */
  revive?: { spawn: () => AnalysisClient; restore: (client: AnalysisClient) => Promise<void> };
  private healing?: Promise<void>;

  constructor(readonly clients: AnalysisClient[]) {
    if (clients.length === 0) throw new Error('An analysis pool needs at least one worker.');
  }

  /** Replaces dead workers before a call (one replacement at a time, shared by concurrent calls). */
  private heal(): Promise<void> {
    const revive = this.revive;
    if (!revive || !this.clients.some((c) => c.dead)) return Promise.resolve();
    if (this.healing) return this.healing;
    const run = (async () => {
      for (const [i, c] of this.clients.entries()) {
        if (!c.dead) continue;
        const fresh = revive.spawn();
        // A fresh worker that fails its restore is dropped; the dead one stays to be replaced next time.
        await revive.restore(fresh).catch((e) => {
          fresh.terminate();
          throw e;
        });
        this.clients[i] = fresh;
      }
    })();
    this.healing = run;
    run.then(() => undefined, () => undefined).then(() => {
      if (this.healing === run) this.healing = undefined;
    });
    return this.healing;
  }

  /** Sends a load to every worker; resolves with the first worker's answer. */
  async broadcast<K extends Exclude<MessageName, 'computeDistances'>>(type: K, payload: RequestOf<K>, options: CallOptions = {}): Promise<ResponseOf<K>> {
    await this.heal();
    const [first] = await Promise.all(this.clients.map((c, i) => c.call(type, payload, i === 0 ? options : { signal: options.signal })));
    return first;
  }

  /** Asks one worker (e.g. a service area, which needs no parallelism). */
  async one<K extends MessageName>(type: K, payload: RequestOf<K>, options: CallOptions = {}): Promise<ResponseOf<K>> {
    await this.heal();
    return this.clients[0].call(type, payload, options);
  }

  async computeDistances(req: ComputeRequest, options: CallOptions = {}): Promise<ComputeResponse> {
    await this.heal();
    const parts = this.clients.map((_, w) => req.types.filter((_, k) => k % this.clients.length === w));
    const done = new Array(this.clients.length).fill(0);
    const total = req.types.length * req.modes.length;
    const answers = await Promise.all(
      this.clients.map((c, w) =>
        parts[w].length === 0
          ? null
          : c.call('computeDistances', { ...req, types: parts[w] }, {
              signal: options.signal,
              onProgress: (d, _t, label) => {
                done[w] = d;
                options.onProgress?.(done.reduce((a, b) => a + b, 0), total, label);
              },
            }),
      ),
    );
    const present = answers.filter((a): a is ComputeResponse => a !== null);
    const results: TypeDistances[] = present.flatMap((a) => a.results);
    return { results, offNetwork: present[0]?.offNetwork ?? { origins: 0, facilities: 0 }, originSnapM: present[0]?.originSnapM ?? null };
  }

  terminate(): void {
    for (const c of this.clients) c.terminate();
  }
}
