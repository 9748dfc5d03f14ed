/// <reference lib="webworker" />
import { createHandlers } from './analysis-handlers.ts';
import { serveHandlers } from './serve-handlers.ts';
import type { WorkerRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
serveHandlers(createHandlers(), {
  postMessage: (msg, transfer) => scope.postMessage(msg, transfer),
  onMessage: (fn) => scope.addEventListener('message', (e: MessageEvent<WorkerRequest>) => fn(e.data)),
});
