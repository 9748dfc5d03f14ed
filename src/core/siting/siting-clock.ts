/**
 * Milliseconds for timing a solve: the monotonic `performance.now()` where the runtime has one
 * (browsers, workers, Node), else wall time. Read through globalThis because core is compiled
 * without DOM or Node types.
 */
export function sitingNow(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : Date.now();
}
