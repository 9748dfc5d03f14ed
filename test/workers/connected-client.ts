import { MessageChannel } from 'node:worker_threads';
import { createHandlers } from '../../workers/analysis-handlers.ts';
import { AnalysisClient, type MessageEndpoint } from '../../workers/client.ts';
import type { WorkerRequest } from '../../workers/protocol.ts';
import { serveHandlers } from '../../workers/serve-handlers.ts';

/** The worker's handlers behind a real MessageChannel: the same messages, cloning and transfers as a Web Worker. */
export function connectedClient() {
  const { port1, port2 } = new MessageChannel();
  serveHandlers(createHandlers(), {
    postMessage: (m, t) => port2.postMessage(m, t),
    onMessage: (fn) => port2.on('message', (m: WorkerRequest) => fn(m)),
  });
  const endpoint: MessageEndpoint = {
    postMessage: (m, t) => port1.postMessage(m, t as never),
    addEventListener: (_type, fn) => port1.on('message', (data) => fn({ data })),
    terminate: () => { port1.close(); port2.close(); },
  };
  return new AnalysisClient(endpoint);
}
