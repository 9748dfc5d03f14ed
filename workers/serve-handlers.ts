import type { Handlers, Task } from './analysis-handlers.ts';
import { transferList, type WorkerReply, type WorkerRequest } from './protocol.ts';

class Cancelled extends Error {
  override name = 'AbortError';
}

/**
 * Runs handlers behind a message port (a Web Worker's `self`, or a Node worker's parentPort
 * adapted to the same shape). Tasks run one at a time, in order; a cancel for a queued task drops
 * it, a cancel for the running task is seen at its next checkpoint.
 */
export function serveHandlers(
  handlers: Handlers,
  port: { postMessage(msg: unknown, transfer: ArrayBuffer[]): void; onMessage(fn: (msg: WorkerRequest) => void): void },
): void {
  const cancelled = new Set<number>();
  let chain = Promise.resolve();
  port.onMessage((msg) => {
    if ('cancel' in msg) {
      cancelled.add(msg.cancel);
      return;
    }
    chain = chain.then(() => run(msg.id, msg.type, msg.payload));
  });

  async function run(id: number, type: keyof Handlers, payload: unknown) {
    const reply = (r: WorkerReply) => port.postMessage(r, 'result' in r ? transferList(r.result) : []);
    const task: Task = {
      progress: (done, total, label) => reply({ id, progress: { done, total, label } }),
      checkpoint: async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (cancelled.has(id)) throw new Cancelled('Cancelled');
      },
    };
    try {
      if (cancelled.has(id)) throw new Cancelled('Cancelled');
      const result = await (handlers[type] as (p: unknown, t: Task) => unknown)(payload, task);
      reply({ id, ok: true, result });
    } catch (e) {
      const err = e as Error;
      const messageZh = (err as { messageZh?: unknown }).messageZh;
      reply({ id, ok: false, error: { name: err.name ?? 'Error', message: err.message ?? String(e), ...(typeof messageZh === 'string' ? { messageZh } : {}) } });
    } finally {
      cancelled.delete(id);
    }
  }
}
