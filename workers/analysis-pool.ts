import type { TypeDistances } from '../src/io/analysis-tables.ts';
import { AnalysisClient, type CallOptions } from './client.ts';
import type { ComputeRequest, ComputeResponse, MessageName, RequestOf, ResponseOf } from './protocol.ts';

/**
 * A few analysis workers holding the same layers. Loads go to every worker (each builds its own
 * graph: copying a city's input is cheaper than sharing memory, which would need cross-origin
 * isolation); computeDistances splits the facility types across workers and merges.
 */
export class AnalysisPool {
  constructor(readonly clients: AnalysisClient[]) {
    if (clients.length === 0) throw new Error('An analysis pool needs at least one worker.');
  }

  /** Sends a load to every worker; resolves with the first worker's answer. */
  async broadcast<K extends Exclude<MessageName, 'computeDistances'>>(type: K, payload: RequestOf<K>, options: CallOptions = {}): Promise<ResponseOf<K>> {
    const [first] = await Promise.all(this.clients.map((c, i) => c.call(type, payload, i === 0 ? options : { signal: options.signal })));
    return first;
  }

  /** Asks one worker (e.g. a service area, which needs no parallelism). */
  one<K extends MessageName>(type: K, payload: RequestOf<K>, options: CallOptions = {}): Promise<ResponseOf<K>> {
    return this.clients[0].call(type, payload, options);
  }

  async computeDistances(req: ComputeRequest, options: CallOptions = {}): Promise<ComputeResponse> {
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
