import { transferList, type MessageName, type RequestOf, type ResponseOf, type WorkerReply } from './protocol.ts';

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label: string) => void;
  /** Transfer the request's typed arrays instead of copying them (the caller loses them). */
  transfer?: boolean;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: CallOptions['onProgress'] };

/** Something that speaks the worker protocol: a Web Worker, or a Node worker wrapped to match. */
export interface MessageEndpoint {
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: { data: WorkerReply }) => void): void;
  terminate(): void;
}

/** Typed calls into one analysis worker, with progress callbacks and AbortSignal cancel. */
export class AnalysisClient {
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(private readonly worker: MessageEndpoint) {
    worker.addEventListener('message', (e) => this.onReply(e.data));
  }

  call<K extends MessageName>(type: K, payload: RequestOf<K>, options: CallOptions = {}): Promise<ResponseOf<K>> {
    const id = this.nextId++;
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise<ResponseOf<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      signal?.addEventListener('abort', () => {
        if (!this.pending.has(id)) return;
        this.worker.postMessage({ cancel: id });
        this.pending.delete(id);
        reject(abortError());
      }, { once: true });
      this.worker.postMessage({ id, type, payload }, options.transfer ? transferList(payload) : []);
    });
  }

  terminate(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('Worker terminated'));
    this.pending.clear();
  }

  private onReply(r: WorkerReply) {
    const p = this.pending.get(r.id);
    if (!p) return;
    if ('progress' in r) p.onProgress?.(r.progress.done, r.progress.total, r.progress.label);
    else {
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.result);
      else p.reject(Object.assign(new Error(r.error.message), { name: r.error.name }));
    }
  }
}

function abortError() {
  return Object.assign(new Error('Cancelled'), { name: 'AbortError' });
}
