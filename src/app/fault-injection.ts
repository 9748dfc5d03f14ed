import { AnalysisClient } from '../../workers/client.ts';
import type { MessageName } from '../../workers/protocol.ts';

/**
 * Fault injection for the e2e tests, OFF in normal use: only a page opened with `?faults=1` honours
 * `window.__lifecircleFault`, once, on the next long run (distances or siting):
 *   'throw'     the worker throws outside any handler's try/catch (workers/fault-listener.ts)
 *   'oom'       the worker fails an allocation (RangeError from `new ArrayBuffer(2 ** 40)`, uncaught).
 *               A real V8 out-of-memory in a dedicated worker kills Chromium's whole renderer, so it
 *               cannot be provoked in a test that must observe the page afterwards.
 *   'terminate' the page terminates the worker mid-run (a terminated worker sends no event, so the
 *               client itself is the only one that can do it, through crash()).
 */
export type FaultKind = 'throw' | 'oom' | 'terminate';

declare global {
  interface Window {
    __lifecircleFault?: FaultKind | null;
  }
}

const LONG_RUNS: ReadonlySet<MessageName> = new Set<MessageName>(['computeDistances', 'site']);

export function installFaultInjection(): void {
  if (typeof location === 'undefined' || new URLSearchParams(location.search).get('faults') !== '1') return;
  AnalysisClient.beforeCall = (client, type) => {
    const kind = window.__lifecircleFault;
    if (!kind || !LONG_RUNS.has(type)) return;
    window.__lifecircleFault = null;
    // Posted before the request, so the worker fails while the call is pending.
    if (kind === 'terminate') queueMicrotask(() => client.crash('terminated'));
    else client.endpoint.postMessage({ fault: kind });
  };
}
