import { offNetworkCounts, prepareNetwork } from '../src/core/area-context.ts';
import { distancesToType } from '../src/core/distances-to-type.ts';
import { pointsInPolygons } from '../src/core/points-in-polygons.ts';
import { serviceArea } from '../src/core/service-area.ts';
import { serviceAreaOutline } from '../src/core/service-area-outline.ts';
import type { MilpSolver } from '../src/core/siting/milp-models.ts';
import { gapsInArea, siteInArea } from '../src/core/siting/site-in-area.ts';
import { snapToNetwork } from '../src/core/snap-to-network.ts';
import type { TypeDistances } from '../src/io/analysis-tables.ts';
import { inspectLayerFile, readMappedLayer } from '../src/io/field-mapping/read-mapped-layer.ts';
import { readFacilitiesFile } from '../src/io/read-facilities-file.ts';
import { readNetwork } from '../src/io/read-network.ts';
import { checkPopulationUnits } from '../src/io/population-unit-limit.ts';
import { readPopulation } from '../src/io/read-population.ts';
import { readPopulationSourceFiles } from '../src/io/read-population-source-files.ts';
import { AnalysisState } from './analysis-state.ts';
import { networkSummary } from './network-summary.ts';
import type { MessageName, RequestOf, ResponseOf } from './protocol.ts';

/** Lets a long handler report progress and notice a cancel between steps. */
export interface Task {
  progress(done: number, total: number, label: string): void;
  /** Yields to the event loop (so a cancel message can arrive) and throws if cancelled. */
  checkpoint(): Promise<void>;
}

export type Handlers = { [K in MessageName]: (req: RequestOf<K>, task: Task) => ResponseOf<K> | Promise<ResponseOf<K>> };

/** What handlers need from their host: the MILP solver is wasm, loaded differently in browsers and Node. */
export interface HandlerDeps {
  loadSolver?: () => Promise<MilpSolver>;
}

/** One handler per message, each a thin call into src/io (parsing) or src/core (analysis). */
export function createHandlers(state = new AnalysisState(), deps: HandlerDeps = {}): Handlers {
  return {
    // Any format and CRS readAnyLayer knows (CSV/TSV, GeoJSON(L), .xlsx, zipped Shapefile), converted to WGS84 first.
    loadPopulation: async ({ name, bytes, fields, crs, encoding, ...more }) => {
      if (more.populationSource && more.populationSource.from !== 'units') {
        const r = await readPopulationSourceFiles({ name, bytes, crs, encoding, ...more, populationSource: more.populationSource });
        checkPopulationUnits(name, r.table.length);
        return { ...keep(state, 'population', r), source: r.source, method: r.method };
      }
      const layer = await readMappedLayer(name, bytes, { crs, encoding, columns: fields, kind: 'population', mapping: more.mapping, rowDecision: more.rowDecision, refuseRowProblems: more.refuseRowProblems });
      const r = readPopulation(name, layer.text, fields);
      checkPopulationUnits(name, r.table.length);
      return { ...keep(state, 'population', { table: r.table, warnings: [...layer.warnings, ...r.warnings] }), source: layer.source };
    },
    loadFacilities: async ({ name, bytes, crs, encoding, mapping, rowDecision, refuseRowProblems }) => {
      const r = await readFacilitiesFile(name, bytes, { crs, encoding, mapping, rowDecision, refuseRowProblems });
      return { ...keep(state, 'facilities', r), source: r.source };
    },
    loadNetwork: ({ name, bytes, rule, crs }) => {
      const { input, warnings } = readNetwork(name, bytes, crs);
      state.set({ network: prepareNetwork(input, rule) });
      return networkSummary(state.network!, warnings);
    },
    readLayer: ({ name, bytes, crs, encoding, mapping, rowDecision, refuseRowProblems }) =>
      readMappedLayer(name, bytes, { crs, encoding, kind: mapping?.kind ?? 'communities', mapping, rowDecision, refuseRowProblems }),
    inspectLayer: ({ name, bytes, crs, encoding, kind, mapping }) => inspectLayerFile(name, bytes, { crs, encoding, kind, mapping }),
    assignCommunities: ({ polygons }) => ({ community: pointsInPolygons(requirePopulation(state).coords, polygons) }),
    computeDistances: async ({ types, modes, limitM, maxSnapM }, task) => {
      const ctx = state.context(maxSnapM);
      const results: TypeDistances[] = [];
      const jobs = types.flatMap((type) => modes.filter((m) => m === 'straight' || ctx.network).map((mode) => ({ type, mode })));
      for (const [k, { type, mode }] of jobs.entries()) {
        task.progress(k, jobs.length, `${type} (${mode})`);
        await task.checkpoint();
        results.push({ type, mode, ...distancesToType(ctx, type, mode, limitM) });
      }
      task.progress(jobs.length, jobs.length, 'done');
      return { results, offNetwork: offNetworkCounts(ctx), originSnapM: ctx.originSnaps ? ctx.originSnaps.legM.slice() : null };
    },
    serviceArea: ({ facility, levelsM, maxSnapM }) => {
      const net = state.network;
      const f = state.facilities;
      if (!net || !f) throw new Error('A service area needs a street network and facilities.');
      const snap = snapToNetwork(net.graph, net.edgeIndex, f.coords.slice(2 * facility, 2 * facility + 2), maxSnapM);
      const limit = Math.max(...levelsM);
      if (snap.edge[0] < 0) return { segments: new Float64Array(0), startM: new Float64Array(0), endM: new Float64Array(0), outlines: [], snapped: false };
      const area = serviceArea(net.graph, snap.edge[0], snap.t[0], snap.legM[0], limit);
      return { ...area, outlines: levelsM.map((l) => serviceAreaOutline(area, l)), snapped: true };
    },
    serviceGaps: (req) => ({ gaps: gapsInArea(state.context(req.maxSnapM), req).gaps }),
    site: async (req, task) => {
      const solver = req.params.method !== 'heuristic' && deps.loadSolver ? await deps.loadSolver() : undefined;
      return siteInArea(state.context(req.maxSnapM), req, solver, (f, label) => task.progress(Math.round(f * 100), 100, label));
    },
  };
}

function keep<K extends 'population' | 'facilities'>(state: AnalysisState, key: K, read: { table: NonNullable<AnalysisState[K]>; warnings: string[] }) {
  state.set({ [key]: read.table });
  // The caller gets a copy: transferring the state's own buffers would empty them here.
  return { table: structuredClone(read.table), warnings: read.warnings };
}

function requirePopulation(state: AnalysisState) {
  if (!state.population) throw new Error('Load a population layer before community units.');
  return state.population;
}
