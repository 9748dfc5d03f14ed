/**
 * Core networkFacilityDistances vs the bench prototype (degree-2 contraction + inline lengths +
 * Hilbert-ordered junctions), on the same synthetic city: same answers (to 1e-6 m), and times.
 *   npx tsx bench/compare-prototype.ts [edges=1000000] [reps=5]
 */
import { buildWalkGraph } from '../src/core/walk-graph.ts';
import { buildEdgeIndex, snapToNetwork } from '../src/core/snap-to-network.ts';
import { networkFacilityDistances } from '../src/core/network-facility-distances.ts';
import type { NodeDistances } from '../src/core/multi-source-dijkstra.ts';
import { generateSyntheticCity } from './synthetic-city.ts';
import { snapsOfType } from './snaps-subset.ts';
import { contractGraph, contractedFacilityDistances, makeScratch, toChainSnaps } from './prototype/contracted.ts';
import { hilbertOrder, renumberNodes } from './prototype/reorder.ts';

const edges = Number(process.argv[2] ?? 1_000_000);
const reps = Number(process.argv[3] ?? 5);
const LIMIT = 1200;
const city = generateSyntheticCity({ targetEdges: edges, seed: 20261125 });
const g = buildWalkGraph(city.network);
const index = buildEdgeIndex(g);
const origins = snapToNetwork(g, index, city.origins, 250);
const facAll = snapToNetwork(g, index, city.facilities, 250);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const time = (fn: () => unknown) => {
  fn();
  const ts: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return { median: median(ts), min: Math.min(...ts) };
};

let t0 = performance.now();
const cg = contractGraph(g);
const contractMs = performance.now() - t0;
t0 = performance.now();
const oc = toChainSnaps(g, cg, origins);
const fcAll = toChainSnaps(g, cg, facAll);
const chainSnapMs = performance.now() - t0;
console.log(`graph ${g.nodeCount} nodes / ${g.edgeCount} edges → contracted ${cg.nodeCount} junctions / ${cg.chainCount} chains`);
console.log(`contractGraph ${contractMs.toFixed(0)} ms (once per graph), chain snaps ${chainSnapMs.toFixed(1)} ms (once per dataset)`);

const counts = city.typeIds.map((_, t) => city.facilityType.filter((x) => x === t).length);
const common = counts.indexOf(Math.max(...counts));
const rare = counts.indexOf(Math.min(...counts));
const scratchCore: NodeDistances = { dist: new Float64Array(g.nodeCount), source: new Int32Array(g.nodeCount) };
const scratchP = makeScratch(cg);
const typeSnaps = counts.map((_, t) => snapsOfType(facAll, city.facilityType, t));
const typeChain = typeSnaps.map((s) => toChainSnaps(g, cg, s));

let maxDiff = 0, mismatchInf = 0, nearestDiff = 0;
for (let t = 0; t < counts.length; t++) {
  const a = networkFacilityDistances(g, origins, typeSnaps[t], LIMIT, scratchCore);
  const b = contractedFacilityDistances(cg, oc, typeChain[t], LIMIT, scratchP);
  for (let i = 0; i < a.distance.length; i++) {
    const x = a.distance[i], y = b.distance[i];
    if (Number.isFinite(x) !== Number.isFinite(y) || Number.isNaN(x) !== Number.isNaN(y)) mismatchInf++;
    else if (Number.isFinite(x)) maxDiff = Math.max(maxDiff, Math.abs(x - y));
    if (a.nearest[i] !== b.nearest[i]) nearestDiff++;
  }
}
console.log(`all ${counts.length} types: max |Δdistance| ${maxDiff.toExponential(2)} m, finite/Infinity/NaN mismatches ${mismatchInf}, different nearest (ties) ${nearestDiff}`);

for (const [label, t] of [['common', common], ['rare', rare]] as const) {
  const core = time(() => networkFacilityDistances(g, origins, snapsOfType(facAll, city.facilityType, t), LIMIT));
  const proto = time(() => contractedFacilityDistances(cg, oc, typeChain[t], LIMIT, scratchP));
  console.log(`1 type (${label}, ${counts[t]}): core median ${core.median.toFixed(0)} ms (min ${core.min.toFixed(0)}), prototype median ${proto.median.toFixed(0)} ms (min ${proto.min.toFixed(0)}) → ${(core.median / proto.median).toFixed(1)}×`);
}
// Ablation for the common type: node order alone, and contraction without the Hilbert order.
{
  const gh = renumberNodes(g, hilbertOrder(g));
  const cgN = contractGraph(g, { hilbert: false });
  const sN = makeScratch(cgN);
  const oN = toChainSnaps(g, cgN, origins), fN = toChainSnaps(g, cgN, typeSnaps[common]);
  const a = time(() => networkFacilityDistances(gh, origins, typeSnaps[common], LIMIT));
  const b = time(() => contractedFacilityDistances(cgN, oN, fN, LIMIT, sN));
  console.log(`ablation, common type: core on a Hilbert-renumbered graph median ${a.median.toFixed(0)} ms; contraction without Hilbert order median ${b.median.toFixed(0)} ms`);
}
const coreAll = time(() => counts.forEach((_, t) => networkFacilityDistances(g, origins, snapsOfType(facAll, city.facilityType, t), LIMIT, scratchCore)));
const protoAll = time(() => counts.forEach((_, t) => contractedFacilityDistances(cg, oc, typeChain[t], LIMIT, scratchP)));
console.log(`all ${counts.length} types, 1 thread: core median ${coreAll.median.toFixed(0)} ms, prototype median ${protoAll.median.toFixed(0)} ms (+ ${contractMs.toFixed(0)} ms contraction once) → ${(coreAll.median / protoAll.median).toFixed(1)}×`);
