/// <reference lib="webworker" />
import { AnalysisState } from './analysis-state.ts';
import { createHandlers } from './analysis-handlers.ts';
import { loadBrowserMilpSolver } from './highs-browser.ts';
import { serveHandlers } from './serve-handlers.ts';
import { listenForFaults } from './fault-listener.ts';
import type { WorkerRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
listenForFaults(scope);
serveHandlers(createHandlers(new AnalysisState(), { loadSolver: loadBrowserMilpSolver }), {
  postMessage: (msg, transfer) => scope.postMessage(msg, transfer),
  onMessage: (fn) => scope.addEventListener('message', (e: MessageEvent<WorkerRequest>) => fn(e.data)),
});
