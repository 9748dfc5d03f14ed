import { LoadError } from './load-error.ts';
import { graphStats, type GraphStats } from './graph-stats.ts';
import type { NetworkInput } from './network-input.ts';
import type { FacilityTable, PopulationTable } from './point-tables.ts';
import { buildEdgeIndex, snapToNetwork, type EdgeIndex, type Snaps } from './snap-to-network.ts';
import { buildWalkGraph, type WalkGraph } from './walk-graph.ts';
import { DEFAULT_WALKABLE_RULE, type WalkableRule } from './walkable-rule.ts';

/** A built walk graph with its edge index and statistics. */
export interface PreparedNetwork {
  graph: WalkGraph;
  edgeIndex: EdgeIndex;
  stats: GraphStats;
  /** Connected component per node, 0 = largest. */
  component: Uint32Array;
}

export function prepareNetwork(input: NetworkInput, rule: WalkableRule = DEFAULT_WALKABLE_RULE): PreparedNetwork {
  const graph = buildWalkGraph(input, rule);
  if (graph.edgeCount === 0 && input.lineTags.length > 0) {
    // Otherwise every distance is silently "unreachable": say why and what to load instead.
    const counts = new Map<string, number>();
    for (const t of input.lineTags) counts.set(`highway=${t.highway ?? '(none)'}`, (counts.get(`highway=${t.highway ?? '(none)'}`) ?? 0) + 1);
    const found = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, n]) => `${k} ×${n}`).join(', ');
    throw new LoadError(input.file ?? 'street network', {
      en: `none of the ${input.lineTags.length} lines is walkable under the walkable rule (found ${found}); load a network with footways, residential or other streets people walk on, or change the walkable rule`,
      zh: `按当前的可步行规则，${input.lineTags.length} 条线中没有一条可以步行（其中有 ${found}）：请加载包含人行道、居住区道路等可步行道路的路网，或修改可步行规则`,
    });
  }
  const { component, ...stats } = graphStats(graph);
  return { graph, edgeIndex: buildEdgeIndex(graph), stats, component };
}

/** Everything one analysis needs: layers, and (network mode) the graph with both layers snapped. */
export interface AreaContext {
  population: PopulationTable;
  facilities: FacilityTable;
  network?: PreparedNetwork;
  originSnaps?: Snaps;
  facilitySnaps?: Snaps;
  maxSnapM: number;
}

/** Snaps population units and facilities to the network (if any) once, for every type. */
export function areaContext(population: PopulationTable, facilities: FacilityTable, network: PreparedNetwork | undefined, maxSnapM: number): AreaContext {
  if (!network) return { population, facilities, maxSnapM };
  return {
    population,
    facilities,
    network,
    maxSnapM,
    originSnaps: snapToNetwork(network.graph, network.edgeIndex, population.coords, maxSnapM),
    facilitySnaps: snapToNetwork(network.graph, network.edgeIndex, facilities.coords, maxSnapM),
  };
}

/** Counts of points farther than the snap limit from every walkable edge. */
export function offNetworkCounts(ctx: AreaContext): { origins: number; facilities: number } {
  const count = (s?: Snaps) => (s ? s.edge.reduce((n, e) => n + (e < 0 ? 1 : 0), 0) : 0);
  return { origins: count(ctx.originSnaps), facilities: count(ctx.facilitySnaps) };
}
