import type { FacilityTable, PopulationTable } from '../core/point-tables.ts';
import { DEFAULT_WALKABLE_RULE, type WalkableRule } from '../core/walkable-rule.ts';
import { loadAnalysisTables, type TypeDistances } from '../io/analysis-tables.ts';
import type { AreaManifest } from '../io/area-manifest.ts';
import type { PopulationMethod } from '../core/population/population-method.ts';
import type { PopulationSource } from '../core/population/population-source-spec.ts';
import { populationSourceFiles } from './population-source-request.ts';
import { openBrowserDuckDb } from '../io/duckdb-browser.ts';
import { LoadError } from '../io/load-error.ts';
import type { EncodingChoice } from '../io/decode-text.ts';
import type { LayerSource } from '../io/read-any-layer.ts';
import { readCommunities, type CommunityLayer } from '../io/read-communities.ts';
import type { FieldMapping, MappedKind } from '../io/field-mapping/field-mapping.ts';
import type { LayerInspection } from '../io/field-mapping/inspect-layer-table.ts';
import type { RowDecision } from '../io/field-mapping/row-problems.ts';
import type { SqlDatabase } from '../io/sql-database.ts';
import { AnalysisClient } from '../../workers/client.ts';
import { AnalysisPool } from '../../workers/analysis-pool.ts';
import type { NetworkSummary } from '../../workers/protocol.ts';
import type { GapPolygon } from '../core/gap-polygons.ts';
import type { AreaSitingRequest, AreaSitingResponse, GapRequest } from '../core/siting/site-in-area.ts';

export type LayerKind = 'population' | 'facilities' | 'communities' | 'network';

/** A layer's file as the user gave it, with the coordinate system and encoding chosen for it (unset = detect). */
export interface LayerFile {
  name: string;
  bytes: Uint8Array;
  crs?: string;
  encoding?: EncodingChoice;
  /** Population only: the file is buildings or community totals (src/core/population/population-source-spec.ts). */
  populationSource?: PopulationSource;
  /** Population only: buildings to spread community totals over (default: the area's buildings.geojson). */
  buildings?: { name: string; bytes: Uint8Array };
  /** Which column is what and how rows with problems were resolved (the field-mapping dialog); saved with the project. */
  mapping?: FieldMapping;
  rowDecision?: RowDecision;
}

export interface Progress {
  label: string;
  done: number;
  total: number;
}

/** What the UI draws from; replaced as a whole on every change. */
export interface AreaSnapshot {
  manifest: AreaManifest;
  population: PopulationTable;
  facilities: FacilityTable;
  communities?: CommunityLayer;
  community: Int32Array;
  network?: NetworkSummary;
  distances: Map<string, TypeDistances>;
  offNetwork: { origins: number; facilities: number };
  dbVersion: string;
  /** The file behind each layer, for the loader panel. */
  fileNames: Partial<Record<LayerKind, string>>;
  /** What was detected (format, encoding, CRS) for each layer read through readAnyLayer. */
  sources: Partial<Record<LayerKind, LayerSource>>;
  /** How the population file became population points (undefined: units as given). */
  populationMethod?: PopulationMethod;
}

/** One analysis worker (module worker from this origin: it runs under its own, header-given CSP, see README). */
const spawnAnalysisClient = () => new AnalysisClient(new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }));

export const distanceKey = (type: string, mode: string) => `${type}|${mode}`;

/**
 * The app's data session: DuckDB-WASM (own worker) for tables and SQL, a pool of analysis
 * workers (one per core) for parsing and distances. A failed load throws a LoadError and leaves
 * the previous layers in place: workers only keep a layer that parsed.
 */
export class AreaSession {
  private files: Partial<Record<LayerKind, LayerFile>> = {};
  private sources: Partial<Record<LayerKind, LayerSource>> = {};

  /** The layers' files and choices (for saving the project). */
  layerFiles(): Partial<Record<LayerKind, LayerFile>> {
    return { ...this.files };
  }
  snapshot?: AreaSnapshot;

  private constructor(
    readonly db: SqlDatabase & { version: string },
    readonly pool: AnalysisPool,
    public settings: { limitM: number; maxSnapM: number },
  ) {
    // A crashed analysis worker is replaced on the next call and given the current layers again.
    pool.revive = { spawn: spawnAnalysisClient, restore: (c) => this.loadInto(c) };
  }

  /** Sends the current layer files to one fresh worker (a replaced pool worker, the siting worker). */
  private async loadInto(client: AnalysisClient, signal?: AbortSignal): Promise<void> {
    const f = this.files;
    if (f.population) await client.call('loadPopulation', await this.populationPayload(f.population), { signal });
    if (f.facilities) await client.call('loadFacilities', f.facilities, { signal });
    if (f.network) await client.call('loadNetwork', { ...f.network, rule: this.rule }, { signal });
  }

  static async open(settings: { limitM: number; maxSnapM: number }): Promise<AreaSession> {
    // One analysis worker per core (capped at 8: beyond that the per-worker graph copies cost more than they save).
    const cores = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
    const clients = Array.from({ length: cores }, spawnAnalysisClient);
    const db = await openBrowserDuckDb();
    return new AreaSession(db, new AnalysisPool(clients), settings);
  }

  /** Loads an area folder (manifest + files fetched from this origin), replacing everything. */
  async loadArea(manifest: AreaManifest, fileUrls: Record<string, string>, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<AreaSnapshot> {
    const kinds: LayerKind[] = ['population', 'facilities', 'network', 'communities'];
    for (const [k, kind] of kinds.entries()) {
      const name = manifest.files[kind];
      if (!name) continue;
      onProgress({ label: name, done: k, total: kinds.length + 2 });
      const res = await fetch(fileUrls[name], { signal });
      if (!res.ok) throw new LoadError(name, { en: `HTTP ${res.status}`, zh: `下载失败（HTTP ${res.status}）：请刷新页面重试` });
      this.files[kind] = { name, bytes: new Uint8Array(await res.arrayBuffer()) };
    }
    return this.rebuild(manifest, onProgress, signal);
  }

  /** Replaces one layer with a user's file (any format readAnyLayer knows); on any error the previous snapshot stays. */
  async replaceLayer(kind: LayerKind, file: LayerFile, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<AreaSnapshot> {
    return this.replaceLayers({ [kind]: file }, onProgress, signal);
  }

  /**
   * Replaces several layers at once (a restored or imported project); all or nothing: on any error
   * the previous files are sent back to the workers and the previous snapshot stays.
   */
  async replaceLayers(next: Partial<Record<LayerKind, LayerFile>>, onProgress: (p: Progress) => void, signal?: AbortSignal, manifest = this.snapshot?.manifest): Promise<AreaSnapshot> {
    return this.swap({ files: { ...this.files, ...next }, only: Object.keys(next) as LayerKind[] }, manifest, onProgress, signal);
  }

  /**
   * Opens a whole project (restored from storage or imported): its layers replace all current
   * ones, with its walkable rule and limits. All or nothing, like replaceLayer.
   */
  async openProject(p: { files: Partial<Record<LayerKind, LayerFile>>; rule?: WalkableRule; settings?: { limitM: number; maxSnapM: number } }, manifest: AreaManifest, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<AreaSnapshot> {
    return this.swap({ files: { ...p.files }, rule: p.rule, settings: p.settings }, manifest, onProgress, signal);
  }

  private async swap(next: { files: Partial<Record<LayerKind, LayerFile>>; only?: LayerKind[]; rule?: WalkableRule; settings?: { limitM: number; maxSnapM: number } }, manifest: AreaManifest | undefined, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<AreaSnapshot> {
    if (!manifest) throw new Error('no area loaded');
    const previous = { files: { ...this.files }, sources: { ...this.sources }, rule: this.rule, settings: this.settings, populationMethod: this.populationMethod };
    // Validate communities before touching the workers' state.
    if (next.files.communities && (!next.only || next.only.includes('communities'))) await this.readCommunitiesFile(next.files.communities);
    this.files = next.files;
    if (!next.only) this.sources = {};
    if (next.rule) this.rule = next.rule;
    if (next.settings) this.settings = next.settings;
    try {
      return await this.rebuild(manifest, onProgress, signal, next.only?.length === 1 ? next.only[0] : undefined);
    } catch (e) {
      Object.assign(this, previous);
      // Workers keep only a layer that parsed, but a multi-layer swap may have replaced some before failing.
      if (this.snapshot) {
        for (const kind of next.only ?? (['population', 'facilities', 'network'] as const)) {
          const f = previous.files[kind];
          if (f && kind !== 'communities') await this.sendLayer(kind, f).catch(() => {});
        }
      }
      throw e;
    }
  }

  /** For the field-mapping dialog: columns, samples, the guessed mapping and row problems, read in a worker (big files stay off the main thread). */
  inspectLayer(f: LayerFile, kind: MappedKind, mapping?: FieldMapping, signal?: AbortSignal): Promise<LayerInspection> {
    return this.pool.one('inspectLayer', { name: f.name, bytes: f.bytes, crs: f.crs, encoding: f.encoding, kind, mapping }, { signal });
  }

  private async readCommunitiesFile(f: LayerFile) {
    const layer = await this.pool.one('readLayer', f);
    const r = readCommunities(f.name, layer.text);
    return { ...r, warnings: [...layer.warnings, ...r.warnings], source: layer.source };
  }

  private async sendLayer(kind: Exclude<LayerKind, 'communities'>, file: LayerFile) {
    if (kind === 'population') return (await this.pool.broadcast('loadPopulation', await this.populationPayload(file))) as unknown;
    if (kind === 'facilities') return (await this.pool.broadcast('loadFacilities', file)) as unknown;
    return (await this.pool.broadcast('loadNetwork', { ...file, rule: this.rule })) as unknown;
  }

  /** Rebuilds the walk graph with another walkable rule, then every distance. */
  async setWalkableRule(rule: WalkableRule, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<AreaSnapshot> {
    const previous = this.rule;
    this.rule = rule;
    try {
      return await this.rebuild(this.snapshot!.manifest, onProgress, signal, 'network');
    } catch (e) {
      this.rule = previous;
      if (this.files.network) await this.sendLayer('network', this.files.network).catch(() => {});
      throw e;
    }
  }

  /** Recomputes distances with new limits (search limit, max snap), keeping every layer. */
  async recompute(settings: { limitM: number; maxSnapM: number }, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<AreaSnapshot> {
    const previous = this.settings;
    this.settings = settings;
    try {
      return await this.rebuild(this.snapshot!.manifest, onProgress, signal, 'distances');
    } catch (e) {
      this.settings = previous;
      throw e;
    }
  }

  private async rebuild(manifest: AreaManifest, onProgress: (p: Progress) => void, signal?: AbortSignal, only?: LayerKind | 'distances'): Promise<AreaSnapshot> {
    const prev = this.snapshot;
    const warnings: string[] = [];
    const step = (label: string, done: number) => onProgress({ label, done, total: 6 });
    // Requests are structured-cloned to each worker (not transferred), so the session's bytes stay usable.
    const get = <K extends LayerKind>(k: K) => {
      const f = this.files[k];
      if (!f) throw new LoadError(k, { en: 'no file loaded', zh: '尚未加载文件' });
      return f;
    };

    let population = prev?.population;
    this.manifest = manifest;
    // Community totals are spread over the community units: new units re-place them.
    if (!only || only === 'population' || (only === 'communities' && this.files.population?.populationSource?.from === 'community-totals')) {
      const f = get('population');
      step(f.name, 1);
      const r = await this.pool.broadcast('loadPopulation', await this.populationPayload(f), { signal });
      population = r.table;
      this.populationMethod = r.method;
      if (r.source) this.sources.population = r.source;
      warnings.push(...r.warnings);
    }
    let facilities = prev?.facilities;
    if (!only || only === 'facilities') {
      const f = get('facilities');
      step(f.name, 2);
      const r = await this.pool.broadcast('loadFacilities', f, { signal });
      facilities = r.table;
      if (r.source) this.sources.facilities = r.source;
      warnings.push(...r.warnings);
    }
    let network = prev?.network;
    if ((!only || only === 'network') && this.files.network) {
      step(this.files.network.name, 3);
      network = await this.pool.broadcast('loadNetwork', { ...get('network'), rule: this.rule }, { signal });
      warnings.push(...network.warnings);
    }
    let communities = prev?.communities;
    if ((!only || only === 'communities') && this.files.communities) {
      const r = await this.readCommunitiesFile(this.files.communities);
      communities = r.table;
      this.sources.communities = r.source;
      warnings.push(...r.warnings);
    }
    const community = only === 'distances' && prev
      ? prev.community
      : communities
      ? (await this.pool.one('assignCommunities', { polygons: communities.polygons }, { signal })).community
      : new Int32Array(population!.length).fill(-1);

    step('distances', 4);
    const computed = await this.pool.computeDistances(
      { types: facilities!.types, modes: network ? ['network', 'straight'] : ['straight'], ...this.settings },
      { signal, onProgress: (d, t, label) => onProgress({ label, done: 4 + d / Math.max(1, t), total: 6 }) },
    );
    step('DuckDB', 5);
    // In chunks (a million units would hold the main thread for seconds as one Arrow table), swapped in together.
    await loadAnalysisTables(this.db, { population: { table: population!, community }, facilities: facilities!, communities: communities ?? { ids: [], names: [], namesEn: [] } }, computed.results,
      { signal, onProgress: (d, t) => onProgress({ label: 'DuckDB', done: 5 + d / Math.max(1, t), total: 6 }) });
    step('done', 6);
    this.snapshot = {
      manifest,
      population: population!,
      facilities: facilities!,
      communities,
      community,
      network,
      distances: new Map(computed.results.map((r) => [distanceKey(r.type, r.mode), r])),
      offNetwork: computed.offNetwork,
      dbVersion: this.db.version,
      fileNames: Object.fromEntries(Object.entries(this.files).map(([k, f]) => [k, f?.name])),
      sources: { ...this.sources },
      populationMethod: this.populationMethod,
    };
    this.lastWarnings = warnings;
    this.layerVersion++;
    return this.snapshot;
  }

  /** Service gaps of one type (fast: the pool's first worker). */
  async gaps(req: GapRequest, signal?: AbortSignal): Promise<GapPolygon[]> {
    return (await this.pool.one('serviceGaps', req, { signal })).gaps;
  }

  /**
   * Siting runs in its own worker, loaded with the current layers: a MILP solve blocks its thread,
   * so cancelling terminates that worker (nothing half-written survives) while the pool keeps
   * serving the map. The worker is reused while the layers stay the same.
   */
  async site(req: AreaSitingRequest, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<AreaSitingResponse> {
    if (!this.siting || this.siting.version !== this.layerVersion || this.siting.client.dead) {
      this.siting?.client.terminate();
      this.siting = undefined;
      const client = spawnAnalysisClient();
      const version = this.layerVersion;
      onProgress({ label: 'layers', done: 0, total: 100 });
      // Kept only once every layer is in: a cancelled or crashed load leaves no half-loaded worker.
      await this.loadInto(client, signal).catch((e) => {
        client.terminate();
        throw e;
      });
      this.siting = { client, version };
    }
    const worker = this.siting;
    const stop = () => {
      worker.client.terminate();
      if (this.siting === worker) this.siting = undefined;
    };
    signal?.addEventListener('abort', stop, { once: true });
    try {
      return await worker.client.call('site', req, { signal, onProgress: (done, total, label) => onProgress({ label, done, total }) });
    } catch (e) {
      // Cancelling terminates the worker, which rejects the call as "terminated": report the cancel.
      if (signal?.aborted) throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
      // A worker that failed mid-solve (e.g. out of memory) is not reused.
      stop();
      throw e;
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }

  private siting?: { client: AnalysisClient; version: number };
  private manifest?: AreaManifest;
  private populationMethod?: PopulationMethod;
  /** The population file with the files its form needs (communities, buildings, land use). */
  private async populationPayload(f: LayerFile) {
    return { ...f, ...(await populationSourceFiles(f, this.files.communities, this.manifest)) };
  }
  private layerVersion = 0;
  lastWarnings: string[] = [];
  /** Which OSM ways are walkable (editable in the panel). */
  rule: WalkableRule = DEFAULT_WALKABLE_RULE;
}
