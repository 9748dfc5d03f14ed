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
  /**
   * A browser Worker has these: `error` fires on an uncaught exception or when the worker runs out
   * of memory, `messageerror` when a reply cannot be deserialised. An endpoint without them (a Node
   * MessageChannel in tests) simply never reports a crash.
   */
  onerror?: ((e: ErrorEvent) => unknown) | null;
  onmessageerror?: ((e: MessageEvent) => unknown) | null;
}

/** The worker died (uncaught exception, out of memory, terminated): its pending calls fail with this; retrying on a fresh worker may work. */
export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashed';
  constructor(readonly detail: string) {
    super(`计算进程意外终止（可能内存不足）/ The analysis worker stopped unexpectedly (possibly out of memory): ${detail}`);
  }
}

export const isWorkerCrash = (e: unknown): e is WorkerCrashedError => (e as Error | null)?.name === 'WorkerCrashed';

/** Typed calls into one analysis worker, with progress callbacks and AbortSignal cancel. */
export class AnalysisClient {
  /** Test-only hook, set by src/app/fault-injection.ts when the page URL has `?faults=1`; unset in normal use. */
  static beforeCall?: (client: AnalysisClient, type: MessageName) => void;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** Set once the worker has crashed or was terminated: every later call fails at once (the pool replaces a dead client). */
  dead = false;

  constructor(private readonly worker: MessageEndpoint) {
    worker.addEventListener('message', (e) => this.onReply(e.data));
    if ('onerror' in worker) {
      worker.onerror = (e) => {
        e.preventDefault(); // handled here: the pending calls are told, the page is not
        this.crash(e.message || 'uncaught error');
      };
      worker.onmessageerror = () => this.crash('a reply could not be read');
    }
  }

  /** Ends the worker and fails every pending call with WorkerCrashedError (its state is unknown now). */
  crash(detail: string): void {
    if (this.dead) return;
    this.dead = true;
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new WorkerCrashedError(detail));
    this.pending.clear();
  }

  /** The raw endpoint, for fault injection in tests (src/app/fault-injection.ts). */
  get endpoint(): MessageEndpoint {
    return this.worker;
  }

  call<K extends MessageName>(type: K, payload: RequestOf<K>, options: CallOptions = {}): Promise<ResponseOf<K>> {
    const id = this.nextId++;
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    if (this.dead) return Promise.reject(new WorkerCrashedError('the worker was already stopped'));
    return new Promise<ResponseOf<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      signal?.addEventListener('abort', () => {
        if (!this.pending.has(id)) return;
        this.worker.postMessage({ cancel: id });
        this.pending.delete(id);
        reject(abortError());
      }, { once: true });
      AnalysisClient.beforeCall?.(this, type);
      this.worker.postMessage({ id, type, payload }, options.transfer ? transferList(payload) : []);
    });
  }

  terminate(): void {
    this.dead = true;
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
      else p.reject(Object.assign(new Error(r.error.message), { name: r.error.name }, r.error.messageZh ? { messageZh: r.error.messageZh } : {}));
    }
  }
}

function abortError() {
  return Object.assign(new Error('Cancelled'), { name: 'AbortError' });
}
