/**
 * Worker of the benchmark pool (loaded through worker-boot.mjs). Receives the walk graph as its
 * CSR typed arrays (not the NetworkInput), the origin snaps and all facility snaps once, then
 * answers one facility type per `run` message with networkFacilityDistances, transferring the
 * result arrays back.
 */
import { parentPort } from 'node:worker_threads';
import type { WalkGraph } from '../src/core/walk-graph.ts';
import type { Snaps } from '../src/core/snap-to-network.ts';
import { networkFacilityDistances } from '../src/core/network-facility-distances.ts';
import { snapsOfType } from './snaps-subset.ts';

export interface InitMessage {
  kind: 'init';
  graph: Omit<WalkGraph, 'edgeLine'>;
  origins: Snaps;
  facilities: Snaps;
  facilityType: Uint16Array;
  limitM: number;
}
export interface RunMessage {
  kind: 'run';
  type: number;
}
export type WorkerReply =
  | { kind: 'ready'; heapUsed: number }
  | { kind: 'result'; type: number; ms: number; distance: Float64Array; nearest: Int32Array }
  | { kind: 'mem'; heapUsed: number; heapTotal: number };

const port = parentPort!;
let graph: WalkGraph | undefined;
let init: InitMessage | undefined;

port.on('message', (msg: InitMessage | RunMessage | { kind: 'mem' }) => {
  if (msg.kind === 'init') {
    init = msg;
    // Rebuild the WalkGraph object around the received arrays (edgeLine is not needed here).
    graph = { ...msg.graph, edgeLine: new Uint32Array(0) };
    port.postMessage({ kind: 'ready', heapUsed: process.memoryUsage().heapUsed } satisfies WorkerReply);
  } else if (msg.kind === 'run') {
    const t0 = performance.now();
    const snaps = snapsOfType(init!.facilities, init!.facilityType, msg.type);
    const r = networkFacilityDistances(graph!, init!.origins, snaps, init!.limitM);
    const ms = performance.now() - t0;
    port.postMessage({ kind: 'result', type: msg.type, ms, distance: r.distance, nearest: r.nearest } satisfies WorkerReply, [
      r.distance.buffer as ArrayBuffer,
      r.nearest.buffer as ArrayBuffer,
    ]);
  } else if (msg.kind === 'mem') {
    const m = process.memoryUsage();
    port.postMessage({ kind: 'mem', heapUsed: m.heapUsed, heapTotal: m.heapTotal } satisfies WorkerReply);
  }
});
