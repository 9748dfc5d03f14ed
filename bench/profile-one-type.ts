/**
 * CPU-profile target: one facility type (the most common) over the 1M-edge city, repeated.
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-one-type.ts [edges] [reps]
 * Then summarise with: npx tsx bench/cpuprofile-summary.ts /tmp/prof/<file>.cpuprofile
 */
import { buildWalkGraph } from '../src/core/walk-graph.ts';
import { buildEdgeIndex, snapToNetwork } from '../src/core/snap-to-network.ts';
import { networkFacilityDistances } from '../src/core/network-facility-distances.ts';
import { generateSyntheticCity } from './synthetic-city.ts';
import { snapsOfType } from './snaps-subset.ts';

const edges = Number(process.argv[2] ?? 1_000_000);
const reps = Number(process.argv[3] ?? 10);
const city = generateSyntheticCity({ targetEdges: edges, seed: 20261125 });
const graph = buildWalkGraph(city.network);
const index = buildEdgeIndex(graph);
const origins = snapToNetwork(graph, index, city.origins, 250);
const all = snapToNetwork(graph, index, city.facilities, 250);
const facilities = snapsOfType(all, city.facilityType, 0);
let sink = 0;
for (let r = 0; r < reps; r++) {
  const t0 = performance.now();
  const res = networkFacilityDistances(graph, origins, facilities, 1200);
  sink += res.distance[r];
  console.log(`rep ${r}: ${(performance.now() - t0).toFixed(0)} ms`);
}
console.log('sink', sink);
