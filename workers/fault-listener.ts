/**
 * The worker's half of src/app/fault-injection.ts: a `{ fault }` message (sent only by a page opened
 * with `?faults=1`) makes this worker fail the way a real crash would, from an event listener, i.e.
 * outside serve-handlers' try/catch, so it reaches the page as the Worker's `error` event.
 */
const held: ArrayBuffer[] = []; // keeps the allocation below from being dropped as dead code by the minifier

export function listenForFaults(scope: { addEventListener(type: 'message', fn: (e: MessageEvent) => void): void }): void {
  scope.addEventListener('message', (e) => {
    const fault = (e.data as { fault?: unknown } | null)?.fault;
    if (fault === 'throw') throw new Error('Injected fault: uncaught exception in the analysis worker');
    // 1 TiB: refused with a RangeError ("Invalid array buffer length" in Chromium, "Array buffer
    // allocation failed" in Node), the error a real oversized allocation gets.
    if (fault === 'oom') held.push(new ArrayBuffer(2 ** 40));
  });
}
