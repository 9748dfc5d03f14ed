import type { Layer, PickingInfo } from '@deck.gl/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_PARAMS, validateParams, type AnalysisParams } from '../core/analysis-spec.ts';
import { detectChineseOffset } from '../core/crs/detect-chinese-offset.ts';
import { bd09ToGcj02, gcj02ToWgs84 } from '../core/crs/gcj02-bd09.ts';
import { offsetPreviewLayers } from '../map/layers/offset-preview-layer.ts';
import { DEFAULT_WALKABLE_RULE } from '../core/walkable-rule.ts';
import { DropZone } from './components/DropZone.tsx';
import { FieldMappingNotes, mappingApplies, useFieldMappingStep } from './components/FieldMappingDialog.tsx';
import { isShippedId, loadCustomPresets } from './custom-presets.ts';
import { PROJECT_FORMAT_VERSION, projectFromJson, projectToJson, type OffsetChoice, type Project } from './project-file.ts';
import { clearProject, isQuotaError, loadProject, saveProject } from './project-store.ts';
import type { WalkableRule } from '../core/walkable-rule.ts';
import { FACILITY_TYPES, facilityTypeById } from '../core/facility-types.ts';
import { LIFE_CIRCLE_LEVELS } from '../core/life-circle-levels.ts';
import { communityCoverage, coverageTotals, straightOnlyPopulation, type CommunityCoverageRow, type CoverageTotals } from '../io/community-coverage.ts';
import { uncoveredGeojson } from '../io/export-uncovered-geojson.ts';
import { communityTableCsv } from '../io/community-table-csv.ts';
import { basemapStyle } from '../map/basemap-style.ts';
import { communityLayer } from '../map/layers/community-layer.ts';
import { facilityLayer, serviceRadiusLayer } from '../map/layers/facility-layers.ts';
import { isolatedNetworkLayer, serviceAreaLayers } from '../map/layers/network-layers.ts';
import { populationLayer } from '../map/layers/population-layer.ts';
import { candidateLayer, gapLayer, proposalLayers } from '../map/layers/siting-layers.ts';
import type { GapPolygon } from '../core/gap-polygons.ts';
import type { AreaSitingResponse } from '../core/siting/site-in-area.ts';
import { DEFAULT_SITING_PARAMS, type SitingParams } from '../core/siting/siting-params.ts';
import { formatCsv } from '../io/format-csv.ts';
import { gapsGeojson } from '../io/gaps-geojson.ts';
import { PROPOSAL_CSV_HEADER, proposalsCsvRows, proposalsGeojson } from '../io/proposals-geojson.ts';
import { SitingPanel, type SitingRun } from './components/SitingPanel.tsx';
import { sitingTooltipLines } from './siting-tooltip-lines.ts';
import type { ServiceAreaResponse } from '../../workers/protocol.ts';
import { readFileWithProgress } from './read-file-with-progress.ts';
import { AreaSession, distanceKey, type AreaSnapshot, type LayerFile, type LayerKind, type Progress } from './area-session.ts';
import { CommunityTable } from './components/CommunityTable.tsx';
import { CoverageSummary } from './components/CoverageSummary.tsx';
import { Legend } from './components/Legend.tsx';
import { LayerLoader } from './components/LayerLoader.tsx';
import { PopulationSourceInput } from './components/PopulationSourceInput.tsx';
import type { PopulationSource } from '../core/population/population-source-spec.ts';
import { ParamInputs } from './components/ParamInputs.tsx';
import { RadiusInput } from './components/RadiusInput.tsx';
import { WalkableRuleInput } from './components/WalkableRuleInput.tsx';
import { StandardsPanel } from './components/StandardsPanel.tsx';
import { CompletenessHistogram } from './components/CompletenessHistogram.tsx';
import { ComplianceMatrix } from './components/ComplianceMatrix.tsx';
import { FailureList } from './components/FailureList.tsx';
import { areaCompliance, areaReportHtml } from './area-compliance.ts';
import { presetRadiusM } from './preset-radius-m.ts';
import type { AssessedType } from '../core/compliance/completeness-index.ts';
import type { Preset } from '../core/presets/preset.ts';
import { DEFAULT_PRESET_ID, shippedPreset } from '../core/presets/preset-catalog.ts';
import { complianceCsv } from '../io/compliance-csv.ts';
import { completenessLayer } from '../map/layers/completeness-layer.ts';
import { MapView } from './components/MapView.tsx';
import { DEFAULT_AREA_URLS, fetchDefaultManifest } from './default-area.ts';
import { downloadText } from './download.ts';
import { LangContext, translate, useLangState, type StringKey } from './i18n.ts';
import { isWorkerCrash } from '../../workers/client.ts';
import { installFaultInjection } from './fault-injection.ts';
import { FaultBanner, StorageFullNotice } from './components/FaultBanner.tsx';

installFaultInjection(); // test-only, active only with ?faults=1
import { formatters } from './locale-format.ts';
import { projectExtras, restoreSiting } from './project-extras.ts';
import { networkSourceLine } from './network-source.ts';
import { facilityTypeNote } from './facility-type-note.ts';
import { tooltipLines } from './tooltip-lines.ts';
import { uiErrorOf, uiErrorText, warningText, type UiError } from './ui-error.ts';
import { checkFileSize } from '../io/file-size-limit.ts';
import type { Lang } from './i18n.ts';

type Status = 'loading' | 'ready' | 'error';
type PointKind = 'population' | 'facilities';
/** A pending GCJ-02/BD-09 question, with the points as loaded and as converted for the map preview. */
type OffsetNotice = Omit<OffsetChoice, 'choice'> & { kind: PointKind; preview: { before: Float64Array; after: Float64Array } };

/** A preset by id: shipped, else one of this browser's custom presets; null when neither has it. */
function presetById(id: string): Preset | null {
  if (!id) return null;
  if (isShippedId(id)) return shippedPreset(id);
  return loadCustomPresets().presets.find((p) => p.id === id) ?? null;
}

/** The saved walkable rule if it has the right shape, else the default. */
function ruleOf(json: unknown): WalkableRule {
  const r = json as Partial<Record<keyof WalkableRule, unknown>> | null;
  const ok = r && (['excludedHighways', 'footDenied', 'accessDenied', 'footAllowed'] as const).every((k) => Array.isArray(r[k]) && (r[k] as unknown[]).every((x) => typeof x === 'string'));
  return ok ? (r as WalkableRule) : DEFAULT_WALKABLE_RULE;
}

/** The saved analysis parameters that are valid, over the defaults. */
function paramsOf(json: Record<string, unknown>): AnalysisParams {
  const out: Record<string, unknown> = { ...DEFAULT_PARAMS };
  for (const k of Object.keys(DEFAULT_PARAMS)) if (json[k] !== undefined && !validateParams({ [k]: json[k] }).length) out[k] = json[k];
  return out as unknown as AnalysisParams;
}

export function App() {
  const [lang, setLang] = useLangState();
  const t = useCallback((k: StringKey, v?: Record<string, string | number>) => translate(lang, k, v), [lang]);
  const fmt = useMemo(() => formatters(lang), [lang]);
  const session = useRef<AreaSession | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [snap, setSnap] = useState<AreaSnapshot | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<UiError[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [typeId, setTypeId] = useState('primary_school');
  const [radii, setRadii] = useState<Record<string, number>>({});
  const [params, setParams] = useState<AnalysisParams>(DEFAULT_PARAMS);
  const [totals, setTotals] = useState<CoverageTotals | null>(null);
  const [rows, setRows] = useState<CommunityCoverageRow[]>([]);
  const [straightOnly, setStraightOnly] = useState<number | null>(null);
  const [otherShare, setOtherShare] = useState<number | null>(null);
  const [showStraightOnly, setShowStraightOnly] = useState(true);
  const [selected, setSelected] = useState<number | null>(null);
  const [focus, setFocus] = useState<{ bbox: [number, number, number, number]; key: number } | null>(null);
  const [selectedFacility, setSelectedFacility] = useState<number | null>(null);
  const [serviceArea, setServiceArea] = useState<ServiceAreaResponse | null>(null);
  const [hover, setHover] = useState<{ x: number; y: number; lines: string[] } | null>(null);
  const [gaps, setGaps] = useState<GapPolygon[] | null>(null);
  const [gapCellM, setGapCellM] = useState(DEFAULT_SITING_PARAMS.gapCellM);
  const [siting, setSiting] = useState<(AreaSitingResponse & { params: SitingParams; key: string }) | null>(null);
  const [sitingRunning, setSitingRunning] = useState(false);
  const [showGaps, setShowGaps] = useState(true);
  const [showAfter, setShowAfter] = useState(false);
  const [selectedGap, setSelectedGap] = useState<number | null>(null);
  const [manifestStyle, setManifestStyle] = useState<{ bbox: [number, number, number, number]; attribution: string[] } | null>(null);
  // The national standard is active from the start: a planner sees GB 50180-2018 without configuring anything.
  const [preset, setPreset] = useState<Preset>(() => shippedPreset(DEFAULT_PRESET_ID));
  const [showCompleteness, setShowCompleteness] = useState(false);
  const [offsetChoices, setOffsetChoices] = useState<Project['offsetChoices']>({});
  const [offsetNotice, setOffsetNotice] = useState<OffsetNotice | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [storageFull, setStorageFull] = useState(false);
  // A worker crashed during an action: the banner's Retry runs the same action again.
  const [fault, setFault] = useState<{ retry: () => unknown } | null>(null);
  // The population form (人口形式) for the next population file, and buildings to spread totals over.
  const [popSource, setPopSource] = useState<PopulationSource>({ from: 'units' });
  const [popBuildings, setPopBuildings] = useState<{ name: string; bytes: Uint8Array } | undefined>();
  // The field-mapping step between choosing a file and loading it (src/app/components/FieldMappingDialog.tsx).
  const mappingStep = useFieldMappingStep();
  const popExtras = () => (popSource.from === 'units' ? {} : { populationSource: popSource, ...(popBuildings ? { buildings: popBuildings } : {}) });
  // A restored project's population form becomes the control's value.
  useEffect(() => { const f = session.current?.layerFiles().population; if (f?.populationSource) setPopSource(f.populationSource); }, [snap?.fileNames.population]);
  const [restored, setRestored] = useState(false);
  // Autosave starts once the saved project (or the default area) is open, never before.
  const [projectOpen, setProjectOpen] = useState(false);
  const resetting = useRef(false);

  const typeInfo = facilityTypeById(typeId);
  // Radius of the single-type view: the planner's typed value, else the active preset's radius for
  // the type (presetRadiusM), else the Lifecircle default. Choosing or editing a preset clears the
  // typed values (choosePreset), so the field follows the standard being checked; typing a radius
  // there explores one type and never edits the preset (the Standards panel does that).
  const radiusM = radii[typeId] ?? presetRadiusM(preset, typeId) ?? typeInfo?.radiusM ?? params.radiusM;
  const mode = snap?.network ? params.mode : 'straight';
  const choosePreset = useCallback((p: Preset) => {
    setPreset(p);
    setRadii({});
  }, []);
  // Compliance with the preset from the distances already computed (ms in the main thread).
  const ac = useMemo(() => (snap ? areaCompliance(snap, preset, mode, lang) : null), [snap, preset, mode, lang]);
  useEffect(() => {
    if (ac) document.body.dataset.complianceKey = `${preset.id}|${mode}|${ac.communities.ids.length}|${ac.compliance.types.reduce((n, x) => n + x.failing, 0)}`;
  }, [ac]);

  // Load the default area once (StrictMode mounts twice in dev: the ref guards it).
  useEffect(() => {
    if (session.current) return;
    const ac = new AbortController();
    abort.current = ac;
    (async () => {
      const manifest = await fetchDefaultManifest();
      setManifestStyle({ bbox: manifest.bbox, attribution: manifest.attribution });
      // The autosaved project first (IndexedDB); the default area when there is none or it fails.
      let saved: Project | null = null;
      try {
        saved = await loadProject();
      } catch (e) {
        setErrors((x) => [...x, `${t('projectRestoreFailed')} ${(e as Error).message}`]);
      }
      session.current = await AreaSession.open({ limitM: params.limitM, maxSnapM: params.maxSnapM });
      let s: AreaSnapshot | null = null;
      if (saved) {
        try {
          s = await session.current.openProject(projectArgs(saved), manifest, setProgress, ac.signal);
          applyProjectUi(saved, s);
          setRestored(true);
          document.body.dataset.projectRestored = saved.saved_at;
        } catch (e) {
          setErrors((x) => [...x, `${t('projectRestoreFailed')} ${(e as Error).message}`]);
        }
      }
      if (!s) {
        s = await session.current.loadArea(manifest, DEFAULT_AREA_URLS, setProgress, ac.signal);
        if (!s.facilities.types.includes('primary_school')) setTypeId(s.facilities.types[0] ?? '');
      }
      setWarnings(session.current.lastWarnings);
      setSnap(s);
      setStatus('ready');
      setProjectOpen(true);
    })()
      .catch((e: Error) => {
        setErrors((x) => [...x, uiErrorOf(e)]);
        setStatus('error');
      })
      .finally(() => setProgress(null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Aggregates for the current selection: SQL in DuckDB.
  useEffect(() => {
    const s = session.current;
    if (!snap || !s || !typeId) return;
    let stale = false;
    (async () => {
      const other = mode === 'network' ? 'straight' : 'network';
      const [tot, comm, diff, otherTot] = await Promise.all([
        coverageTotals(s.db, typeId, mode, radiusM),
        communityCoverage(s.db, typeId, mode, radiusM),
        snap.network ? straightOnlyPopulation(s.db, typeId, radiusM) : Promise.resolve(null),
        snap.network ? coverageTotals(s.db, typeId, other, radiusM) : Promise.resolve(null),
      ]);
      if (stale) return;
      setTotals(tot);
      setOtherShare(otherTot ? otherTot.share : null);
      setRows(comm);
      setStraightOnly(diff);
      document.body.dataset.analysisKey = `${typeId}|${mode}|${radiusM}|${s.settings.maxSnapM}`;
    })().catch((e: Error) => setErrors((x) => [...x, e.message]));
    return () => {
      stale = true;
    };
  }, [snap, typeId, mode, radiusM]);

  // Service area of the clicked facility (network mode only).
  useEffect(() => {
    const s = session.current;
    setServiceArea(null);
    if (!s || !snap?.network || selectedFacility === null || mode !== 'network') return;
    const levels = [...new Set([...LIFE_CIRCLE_LEVELS.map((l) => l.distanceM).filter((d) => d < radiusM), radiusM])];
    s.pool.one('serviceArea', { facility: selectedFacility, levelsM: levels, maxSnapM: params.maxSnapM }).then((a) => {
      setServiceArea(a);
      document.body.dataset.serviceAreaSegments = String(a.startM.length);
    }, (e: Error) => isWorkerCrash(e) || setErrors((x) => [...x, e.message])); // a crash: the next call gets a fresh worker
  }, [snap, selectedFacility, radiusM, mode, params.maxSnapM]);

  // Service gaps of the selected type, recomputed with the analysis (a few ms in a worker).
  const analysisKey = `${typeId}|${mode}|${radiusM}|${params.limitM}|${params.maxSnapM}`;
  useEffect(() => {
    const s = session.current;
    setGaps(null);
    setSelectedGap(null);
    if (!s || !snap || !typeId) return;
    let stale = false;
    s.gaps({ type: typeId, mode, radiusM, limitM: params.limitM, maxSnapM: params.maxSnapM, cellSizeM: gapCellM }).then((g) => {
      if (stale) return;
      setGaps(g);
      document.body.dataset.gapsKey = `${analysisKey}|${gapCellM}|${g.length}`;
    }, (e: Error) => isWorkerCrash(e) || setErrors((x) => [...x, e.message])); // a crash: recomputed with the next analysis
    return () => {
      stale = true;
    };
  }, [snap, analysisKey, gapCellM]);

  const dist = snap?.distances.get(distanceKey(typeId, mode)) ?? null;
  // A siting result belongs to one type, mode and radius: it is shown only while they hold.
  const sitingNow = siting && siting.key === analysisKey ? siting : null;
  // The same check with the proposed sites added (issue 5's before/after): only the siting type changes.
  const acAfter = useMemo(() => (snap && sitingNow && sitingNow.outcome.proposals.length
    ? areaCompliance(snap, preset, mode, lang, { type: typeId, distance: sitingNow.outcome.nearestAfterM, addedFacilities: sitingNow.outcome.proposals.length })
    : null), [snap, preset, mode, lang, sitingNow, typeId]);
  const sitingCompliance = useMemo(() => {
    if (!ac || !acAfter) return null;
    const row = (c: typeof ac) => c.compliance.types.find((x) => x.type.appTypes.includes(typeId));
    const meanShare = (c: typeof ac) => {
      let s = 0, w = 0;
      c.completeness.share.forEach((v, i) => { if (Number.isFinite(v)) { s += v * snap!.population.pop[i]; w += snap!.population.pop[i]; } });
      return w ? s / w : NaN;
    };
    const b = row(ac), a = row(acAfter);
    return { preset: lang === 'zh' ? preset.title_zh : preset.title_en, passingBefore: b?.passing ?? null, passingAfter: a?.passing ?? null,
      communities: ac.communities.ids.length, completenessBefore: meanShare(ac), completenessAfter: meanShare(acAfter) };
  }, [ac, acAfter, typeId, preset, lang, snap]);
  const shareByIdx = useMemo(() => new Map(rows.map((r) => [r.idx, r.share])), [rows]);

  const layers = useMemo(() => {
    // Layers wait for the first figures: on a slow machine drawing them competes with DuckDB's
    // first queries for the CPU, and the figures matter more.
    if (!snap || !totals) return [] as Layer[];
    const out: Layer[] = [];
    if (snap.communities) out.push(communityLayer(snap.communities.geojson, shareByIdx, selected, `${typeId}|${mode}|${radiusM}|${rows.length}`));
    out.push(serviceRadiusLayer(snap.facilities, typeId, radiusM));
    const straight = mode === 'network' && showStraightOnly ? snap.distances.get(distanceKey(typeId, 'straight'))?.distance ?? null : null;
    const after = sitingNow && showAfter ? sitingNow.outcome.nearestAfterM : null;
    // Gaps go under the cells, so the cells' colours (before or after) stay readable.
    if (gaps && showGaps) out.push(gapLayer(gaps, selectedGap));
    if (showCompleteness && ac) out.push(completenessLayer(snap.population.coords, ac.completeness.share));
    else out.push(populationLayer(snap.population.coords, after ?? dist?.distance ?? null, radiusM, after ? null : straight));
    if (snap.network && snap.network.isolatedSegments.length) out.push(isolatedNetworkLayer(snap.network.isolatedSegments));
    out.push(...serviceAreaLayers(serviceArea));
    out.push(facilityLayer(snap.facilities, typeId, selectedFacility));
    if (sitingNow) out.push(candidateLayer(sitingNow.candidates.coords), ...proposalLayers(sitingNow.outcome.proposals, radiusM));
    if (offsetNotice) out.push(...offsetPreviewLayers(offsetNotice.preview.after));
    return out;
  }, [offsetNotice, snap, totals === null, shareByIdx, selected, typeId, mode, radiusM, rows.length, dist, serviceArea, selectedFacility, showStraightOnly, gaps, showGaps, selectedGap, sitingNow, showAfter, showCompleteness, ac]);

  const style = useMemo(() => basemapStyle({ streets: DEFAULT_AREA_URLS['streets.geojson'], buildings: DEFAULT_AREA_URLS['buildings.geojson'], landuse: DEFAULT_AREA_URLS['landuse.geojson'] }), []);

  const onHover = useCallback((info: PickingInfo) => {
    if (!snap || info.index < 0 || !info.layer) return setHover(null);
    const lines = sitingTooltipLines(lang, info.layer.id, info.index, gaps, sitingNow) ?? tooltipLines(lang, info.layer.id, info.index, snap, dist, rows, typeId, params.speedMPerMin);
    setHover(lines ? { x: info.x, y: info.y, lines } : null);
  }, [snap, dist, rows, typeId, lang, params.speedMPerMin, gaps, sitingNow]);

  const selectCommunity = useCallback((idx: number) => {
    setSelected(idx);
    const f = snap?.communities?.geojson.features[idx];
    if (!f) return;
    let [a, b, c, d] = [Infinity, Infinity, -Infinity, -Infinity];
    const walk = (x: unknown): void => {
      if (Array.isArray(x) && typeof x[0] === 'number') {
        a = Math.min(a, x[0]); b = Math.min(b, x[1] as number); c = Math.max(c, x[0]); d = Math.max(d, x[1] as number);
      } else if (Array.isArray(x)) x.forEach(walk);
    };
    walk((f.geometry as GeoJSON.Polygon).coordinates);
    setFocus({ bbox: [a, b, c, d], key: Date.now() });
  }, [snap]);

  // A matrix cell or failure row: show the community, and switch to the column's facility type when the data has one.
  const showCompliance = useCallback((c: number, type: AssessedType) => {
    if (snap?.communities) selectCommunity(c);
    const app = type.appTypes.find((x) => snap?.facilities.types.includes(x));
    if (app) setTypeId(app);
  }, [snap, selectCommunity]);

  const onClick = useCallback((info: PickingInfo) => {
    if (!info.layer || info.index < 0) return;
    if (info.layer.id === 'communities') selectCommunity(info.index);
    if (info.layer.id === 'facilities') setSelectedFacility(info.index);
    if (info.layer.id === 'gaps' && gaps) setSelectedGap(gaps[info.index].rank);
  }, [selectCommunity, gaps]);

  const focusOn = (coords: number[]) => {
    let [a, b, c, d] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let k = 0; k < coords.length; k += 2) {
      a = Math.min(a, coords[k]); b = Math.min(b, coords[k + 1]); c = Math.max(c, coords[k]); d = Math.max(d, coords[k + 1]);
    }
    setFocus({ bbox: [a, b, c, d], key: Date.now() });
  };
  const selectGap = (rank: number) => {
    setSelectedGap(rank);
    const g = gaps?.find((x) => x.rank === rank);
    if (g) focusOn(Array.from(g.rings[0]));
  };
  const selectProposal = (rank: number) => {
    const p = sitingNow?.outcome.proposals.find((x) => x.rank === rank);
    if (!p) return;
    const pad = (radiusM / 111_000) * 1.2;
    focusOn([p.lon - pad, p.lat - pad, p.lon + pad, p.lat + pad]);
  };

  /** Siting in its own worker, with progress and cancel (cancel terminates that worker; the map and layers stay). */
  const runSiting = async (run: SitingRun) => {
    const s = session.current;
    if (!s || !snap) return;
    const ac = new AbortController();
    abort.current = ac;
    setSitingRunning(true);
    setGapCellM(run.params.gapCellM);
    const key = analysisKey;
    try {
      const res = await s.site({
        type: typeId, mode, radiusM, limitM: params.limitM, maxSnapM: params.maxSnapM, cellSizeM: run.params.gapCellM,
        params: run.params, generate: run.generate, ...(run.userCandidates ? { userCandidates: { ids: run.userCandidates.ids, coords: run.userCandidates.coords } } : {}),
      }, setProgress, ac.signal);
      setSiting({ ...res, params: run.params, key });
      setShowAfter(true);
      document.body.dataset.sitingDone = `${key}|${run.params.model}|${res.outcome.result.status}|${Date.now()}`;
      if (res.outcome.warnings.length) setWarnings((w) => [...w, ...res.outcome.warnings]);
    } catch (e) {
      const err = e as Error;
      if (isWorkerCrash(err)) setFault({ retry: () => runSiting(run) });
      else setErrors((x) => [...x, uiErrorOf(err)]);
    } finally {
      setSitingRunning(false);
      setProgress(null);
    }
  };

  const sitingMeta = () => ({
    facility_type: typeId,
    model: sitingNow?.params.model ?? '',
    parameters: { ...sitingNow?.params, radius_m: radiusM, mode, limit_m: params.limitM, max_snap_m: params.maxSnapM },
    preset: `${preset.title_en} (${preset.id})`,
    data_sources: [...Object.values(snap?.fileNames ?? {}).filter((x): x is string => !!x), ...(manifestStyle?.attribution ?? [])],
    generated_by: 'Lifecircle (browser)',
    generated_at: new Date().toISOString(),
  });
  const exportProposals = () => {
    if (!sitingNow) return;
    downloadText(`proposals_${typeId}_${sitingNow.params.model}.geojson`, JSON.stringify(proposalsGeojson(sitingNow.outcome, sitingMeta()), null, 1), 'application/geo+json');
  };
  const exportProposalsCsv = () => {
    if (!sitingNow) return;
    downloadText(`proposals_${typeId}_${sitingNow.params.model}.csv`, formatCsv(PROPOSAL_CSV_HEADER, proposalsCsvRows(sitingNow.outcome, sitingMeta()), { bom: true }), 'text/csv;charset=utf-8');
  };
  const exportCandidates = () => {
    if (!sitingNow) return;
    const c = sitingNow.candidates;
    downloadText(`candidates_${typeId}.csv`, formatCsv(['id', 'lon', 'lat', 'source'], c.ids.map((id, k) => [id, c.coords[2 * k], c.coords[2 * k + 1], c.kind[k] === 1 ? 'user' : 'generated'])), 'text/csv;charset=utf-8');
  };
  const exportGaps = () => {
    if (!gaps) return;
    downloadText(`gaps_${typeId}_${mode}_${radiusM}m.geojson`, JSON.stringify(gapsGeojson(gaps, { facility_type: typeId, mode, radius_m: radiusM, cell_m: gapCellM })), 'application/geo+json');
  };

  /**
   * Runs a long session task (reload, recompute) with progress and a cancel button; on failure
   * shows `describe(error)` and keeps the previous snapshot, which the session leaves intact.
   */
  const runTask = async (task: (s: AreaSession, signal: AbortSignal) => Promise<AreaSnapshot>, describe: (why: string, lang: Lang) => string = (w) => w, retry: () => unknown = () => runTask(task, describe)): Promise<AreaSnapshot | null> => {
    const s = session.current;
    if (!s) return null;
    const ac = new AbortController();
    abort.current = ac;
    setStatus('loading');
    try {
      const next = await task(s, ac.signal);
      setSnap(next);
      setServiceArea(null);
      return next;
    } catch (e) {
      const err = e as Error;
      if (isWorkerCrash(err)) setFault({ retry });
      else setErrors((x) => [...x, uiErrorOf(err, describe)]);
      return null;
    } finally {
      setStatus('ready');
      setProgress(null);
    }
  };

  /** Loads a layer file (with its CRS/encoding choice) through the workers; checks point layers for a GCJ-02/BD-09 offset. */
  const loadLayer = async (kind: LayerKind, lf: LayerFile) => {
    const next = await runTask((s, signal) => s.replaceLayer(kind, lf, setProgress, signal), loadFailed(lf.name), () => loadLayer(kind, lf));
    if (!next) return null;
    setWarnings(session.current!.lastWarnings);
    setSelected(null);
    setSelectedFacility(null);
    if (!next.facilities.types.includes(typeId)) setTypeId(next.facilities.types[0] ?? '');
    if (offsetNotice?.kind === kind) setOffsetNotice(null);
    if ((kind === 'facilities' || kind === 'population') && !lf.crs) checkOffset(kind, next, lf.name);
    return next;
  };

  /** "加载失败 file：why" in either language (the why names the file already when it is a LoadError). */
  const loadFailed = (name: string) => (why: string, l: Lang) => `${translate(l, 'errorTitle')} ${why.startsWith(name) ? why : `${name}: ${why}`}`;

  /** A chosen file's bytes, read as a stream with a progress bar and the cancel button; null when cancelled or unreadable. */
  const readLayerBytes = async (file: File): Promise<Uint8Array | null> => {
    const ac = new AbortController();
    abort.current = ac;
    setStatus('loading');
    try {
      return await readFileWithProgress(file, (done, total) => setProgress({ label: t('bigfileReading', { name: file.name, percent: Math.floor((100 * done) / Math.max(1, total)) }), done, total }), ac.signal);
    } catch (e) {
      setErrors((x) => [...x, uiErrorOf(e, loadFailed(file.name))]);
      return null;
    } finally {
      // Ready between reading and loading: the field-mapping step may ask first.
      setStatus('ready');
      setProgress(null);
    }
  };

  const replaceLayer = async (kind: LayerKind, file: File) => {
    // From File.size, before any byte is read: a 1 GB file fails at once instead of filling memory.
    try {
      checkFileSize(file.name, file.size);
    } catch (e) {
      setErrors((x) => [...x, uiErrorOf(e, loadFailed(file.name))]);
      return;
    }
    const bytes = await readLayerBytes(file);
    if (!bytes) return;
    const given: LayerFile = { name: file.name, bytes, ...(kind === 'population' ? popExtras() : {}) };
    // Asks only when a column, a type value or a row with problems needs an answer; null = cancelled, nothing changes.
    const lf = mappingApplies(kind, given) && session.current ? await mappingStep.ask(kind, given, session.current) : given;
    if (lf && (await loadLayer(kind, lf))) {
      // A new file for the layer: an earlier offset decision was about another file.
      setOffsetChoices((c) => (c[kind as PointKind] && c[kind as PointKind]!.file !== file.name ? { ...c, [kind]: undefined } : c));
    }
  };

  /**
   * Never converts silently: when GCJ-02→WGS84 or BD-09→WGS84 brings the points markedly closer to
   * the walk network, a notice asks; the answer is recorded in the project. Layers whose CRS came
   * from the file (.prj, GeoJSON crs) or was chosen are not checked.
   */
  const checkOffset = (kind: PointKind, next: AreaSnapshot, file: string) => {
    const src = next.sources[kind];
    if (!next.network || (src && src.crsFrom !== 'default') || offsetChoices[kind]?.file === file) return;
    const coords = kind === 'facilities' ? next.facilities.coords : next.population.coords;
    const c = detectChineseOffset(coords, next.network.segments);
    document.body.dataset.offsetCheck = `${kind}|${c.suggestion ?? 'none'}|${Math.round(c.medianM.asLoaded)}|${Math.round(c.medianM.gcj02)}|${Math.round(c.medianM.bd09)}`;
    if (!c.suggestion) return;
    const step = Math.max(1, Math.ceil(coords.length / 2 / 2000));
    const before = new Float64Array(2 * Math.ceil(coords.length / 2 / step));
    const after = new Float64Array(before.length);
    for (let i = 0, k = 0; 2 * i < coords.length; i += step, k++) {
      const [x, y] = [coords[2 * i], coords[2 * i + 1]];
      const [u, v] = c.suggestion === 'gcj02' ? gcj02ToWgs84(x, y) : gcj02ToWgs84(...bd09ToGcj02(x, y));
      before.set([x, y], 2 * k);
      after.set([u, v], 2 * k);
    }
    setOffsetNotice({ kind, file, suggested: c.suggestion, beforeM: c.medianM.asLoaded, afterM: c.medianM[c.suggestion], preview: { before, after } });
  };

  const answerOffset = async (apply: boolean) => {
    const n = offsetNotice;
    const f = session.current?.layerFiles()[n?.kind ?? 'facilities'];
    if (!n || !f) return;
    setOffsetNotice(null);
    const { kind, preview: _preview, ...rest } = n;
    if (apply && !(await loadLayer(kind, { ...f, crs: n.suggested }))) return setOffsetNotice(n);
    setOffsetChoices((c) => ({ ...c, [kind]: { ...rest, choice: apply ? 'applied' : 'kept' } }));
  };

  /** The CRS selector: reloads the layer from the same bytes in the chosen system (undefined = the file's own). */
  const setLayerCrs = (kind: LayerKind, crs: string | undefined) => {
    const f = session.current?.layerFiles()[kind];
    if (f) loadLayer(kind, { ...f, crs });
  };

  // ---- Projects: autosave to IndexedDB, restore on reload, export/import as one file ----
  const projectArgs = (p: Project) => {
    const q = paramsOf(p.params);
    return { files: p.layers, rule: ruleOf(p.walkableRule), settings: { limitM: q.limitM, maxSnapM: q.maxSnapM } };
  };
  const applyProjectUi = (p: Project, next: AreaSnapshot) => {
    setParams(paramsOf(p.params));
    setRadii(p.radii);
    setPreset(p.preset ?? presetById(p.presetId) ?? shippedPreset(DEFAULT_PRESET_ID));
    setOffsetChoices(p.offsetChoices);
    restoreSiting(p, next, setSiting, setGapCellM, setShowAfter);
    setOffsetNotice(null);
    setTypeId(next.facilities.types.includes(p.typeId) ? p.typeId : next.facilities.types.includes('primary_school') ? 'primary_school' : next.facilities.types[0] ?? '');
  };
  const buildProject = (): Project | null => {
    const s = session.current;
    if (!s || !snap) return null;
    return { format_version: PROJECT_FORMAT_VERSION, saved_at: new Date().toISOString(), layers: s.layerFiles(), offsetChoices, walkableRule: s.rule, params: { ...params }, typeId, radii, presetId: preset.id, ...projectExtras(preset, siting) };
  };
  useEffect(() => {
    if (!projectOpen || status !== 'ready' || !snap) return;
    const timer = setTimeout(() => {
      const p = buildProject();
      if (!p || resetting.current) return;
      saveProject(p).then(() => {
        setSavedAt(p.saved_at);
        setSaveError(null);
        setStorageFull(false);
        document.body.dataset.projectSaved = `${p.saved_at}|${p.typeId}|${p.presetId}|${Object.values(p.layers).map((f) => `${f?.name}:${f?.crs ?? ''}`).join(',')}`;
      }, (e: Error) => {
        setStorageFull(isQuotaError(e));
        setSaveError(isQuotaError(e) ? `QuotaExceededError: ${e.message}` : e.message || String(e));
      });
    }, 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectOpen, status, snap, typeId, radii, params, preset, offsetChoices, siting]);

  const exportProject = () => {
    const p = buildProject();
    if (p) downloadText('lifecircle-project.json', projectToJson(p), 'application/json');
  };
  /** A project file replaces everything only once it has been read, validated and loaded; any failure changes nothing. */
  const importProject = async (file: File) => {
    const fail = (why: string, l: Lang) => `${translate(l, 'projectImportFailed', { name: file.name })} ${why}`;
    let p: Project;
    try {
      p = projectFromJson(await file.text());
    } catch (e) {
      setErrors((x) => [...x, uiErrorOf(e, fail)]);
      document.body.dataset.projectImport = `failed|${Date.now()}`;
      return;
    }
    const next = await runTask((s, signal) => s.openProject(projectArgs(p), s.snapshot!.manifest, setProgress, signal), fail);
    document.body.dataset.projectImport = `${next ? 'ok' : 'failed'}|${Date.now()}`;
    if (!next) return;
    setWarnings(session.current!.lastWarnings);
    setSelected(null);
    setSelectedFacility(null);
    applyProjectUi(p, next);
  };
  const resetProject = async () => {
    setProjectOpen(false);
    resetting.current = true;
    // A save already under way finishes first, so the clear comes after it.
    await new Promise((r) => setTimeout(r, 200));
    await clearProject().catch(() => {});
    location.reload();
  };

  const applyParam = async (key: keyof AnalysisParams, value: number) => {
    const next = { ...params, [key]: value };
    setParams(next);
    if (key !== 'limitM' && key !== 'maxSnapM') return;
    if (!(await runTask((s, signal) => s.recompute({ limitM: next.limitM, maxSnapM: next.maxSnapM }, setProgress, signal), undefined, () => applyParam(key, value)))) setParams(params);
  };

  const applyRule = (rule: WalkableRule) => runTask((s, signal) => s.setWalkableRule(rule, setProgress, signal));

  const exportGeojson = () => {
    if (!snap || !dist) return;
    const fc = uncoveredGeojson(snap.population, dist.distance, dist.facility, snap.facilities.ids, { type: typeId, mode, radiusM });
    downloadText(`uncovered_${typeId}_${mode}_${radiusM}m.geojson`, JSON.stringify(fc), 'application/geo+json');
  };
  const exportCsv = () => {
    downloadText(`communities_${typeId}_${mode}_${radiusM}m.csv`, communityTableCsv([{ type: typeId, mode, radiusM, rows }]), 'text/csv;charset=utf-8');
  };

  const exportCompliance = () => {
    if (ac) downloadText(`compliance_${preset.id}_${mode}.csv`, complianceCsv(ac.compliance, ac.communities, preset), 'text/csv;charset=utf-8');
  };
  /**
   * The printable report as a standalone HTML document (report-html.ts escapes all data). The map
   * image is the map canvas as drawn last (MapView keeps the drawing buffer for this). The report is
   * opened from a Blob URL, not written into a window, so no app script touches its document.
   */
  const report = () => {
    if (!snap || !ac) return '';
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas');
    let mapImage: string | undefined;
    try {
      mapImage = canvas?.toDataURL('image/png');
    } catch {
      mapImage = undefined; // a tainted canvas: the report says the map is missing rather than failing
    }
    return areaReportHtml(snap, preset, ac, { lang, mode, params, mapImage });
  };
  const openReport = () => {
    const url = URL.createObjectURL(new Blob([report()], { type: 'text/html' }));
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  const downloadReport = () => downloadText('report.html', report(), 'text/html');
  const maxPresetRadius = ac ? Math.max(0, ...ac.compliance.types.map((x) => x.type.radiusM)) : 0;

  const types = snap ? FACILITY_TYPES.filter((ft) => snap.facilities.types.includes(ft.id)) : [];
  const countOf = (id: string) => (snap ? snap.facilities.typeIndex.filter((k) => snap.facilities.types[k] === id).length : 0);
  const ns = snap?.network?.stats;

  return (
    <LangContext.Provider value={lang}>
      <div className="app" data-status={status}>
        <aside className="panel">
          <header>
            <h1>Lifecircle <small>{t('appTitle')}</small></h1>
            <button className="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('language')}</button>
          </header>
          {snap && <div className="area-name">{lang === 'zh' ? snap.manifest.name_zh : snap.manifest.name_en} · DuckDB {snap.dbVersion}</div>}

          {progress && (
            <div className="progress" data-testid="progress">
              <span>{t('loading')} {progress.label}…</span>
              <progress max={progress.total} value={progress.done} />
              <button onClick={() => abort.current?.abort()}>{t('cancel')}</button>
            </div>
          )}
          {errors.map((e, i) => (
            <div key={i} className="error" role="alert" data-testid="error">
              {uiErrorText(e, lang)} <button onClick={() => setErrors((x) => x.filter((_, k) => k !== i))}>{t('dismiss')}</button>
            </div>
          ))}
          {fault && <FaultBanner onRetry={() => { setFault(null); fault.retry(); }} onDismiss={() => setFault(null)} />}

          {offsetNotice && (
            <div className="offset-notice" role="alert" data-testid="offset-notice" data-before-m={Math.round(offsetNotice.beforeM)} data-after-m={Math.round(offsetNotice.afterM)} data-suggested={offsetNotice.suggested}>
              {t('offsetNotice', {
                layer: t(offsetNotice.kind === 'facilities' ? 'layerFacilities' : 'layerPopulation'),
                system: t(offsetNotice.suggested === 'gcj02' ? 'offsetGcj02' : 'offsetBd09'),
                before: Math.round(offsetNotice.beforeM), after: Math.round(offsetNotice.afterM),
              })}
              <div className="hint">{t('offsetMapHint')}</div>
              <div>
                <button onClick={() => answerOffset(true)} disabled={status === 'loading'} data-testid="offset-apply">{t('offsetApply')}</button>
                <button onClick={() => answerOffset(false)} disabled={status === 'loading'} data-testid="offset-keep">{t('offsetKeep')}</button>
              </div>
            </div>
          )}

          {snap && (
            <>
              <section>
                <label className="field">
                  <span>{t('facilityType')}</span>
                  <select value={typeId} onChange={(e) => { setTypeId(e.target.value); setSelectedFacility(null); }} data-testid="type-select">
                    {types.map((ft) => <option key={ft.id} value={ft.id}>{lang === 'zh' ? ft.zh : ft.en} ({countOf(ft.id)})</option>)}
                    {snap.facilities.types.filter((id) => !facilityTypeById(id)).map((id) => <option key={id} value={id}>{id} ({countOf(id)})</option>)}
                  </select>
                </label>
                <label className="field">
                  <span>{t('radius')} ({t('metres')})</span>
                  <RadiusInput value={radiusM} min={50} max={params.limitM} onChange={(v) => setRadii((r) => ({ ...r, [typeId]: v }))} />
                  {typeInfo && typeInfo.confidence !== 'confirmed' && (
                    <span className="badge uncertain" title={`${typeInfo.clause}: ${facilityTypeNote(lang, typeInfo)} ${t('uncertainHint')}`}>⚠ {t('uncertain')}</span>
                  )}
                </label>
                {typeInfo && <div className="hint">{typeInfo.clause} · {facilityTypeNote(lang, typeInfo)} · ≈{fmt.min(radiusM / params.speedMPerMin, 0)} @ {fmt.speed(params.speedMPerMin)}</div>}
                <div className="field modes" role="radiogroup" aria-label={t('mode')}>
                  <span>{t('mode')}</span>
                  <span className="mode-options">
                  {(['network', 'straight'] as const).map((m) => (
                    <label key={m}><input type="radio" name="mode" value={m} checked={mode === m} disabled={m === 'network' && !snap.network}
                      onChange={() => setParams((p) => ({ ...p, mode: m }))} data-testid={`mode-${m}`} /> {m === 'network' ? t('modeNetwork') : t('modeStraight')}</label>
                  ))}
                  </span>
                </div>
              </section>

              {totals && <CoverageSummary totals={totals} rows={rows} mode={mode} otherShare={otherShare} straightOnly={straightOnly} speedMPerMin={params.speedMPerMin} lang={lang} showStraightOnly={showStraightOnly} onToggleStraightOnly={setShowStraightOnly} />}
              {totals && snap?.populationMethod && <div className="hint" data-testid="coverage-population-method">{t('populationMethodLabel')}: {snap.populationMethod[lang]}</div>}

              <section>
                <div className="section-title">{t('communities')} ({rows.filter((r) => r.idx >= 0).length})</div>
                {snap.communities?.derived && <div className="hint note">{t('derivedNote')}</div>}
                <CommunityTable rows={rows} lang={lang} selected={selected} onSelect={selectCommunity} />
              </section>

              <StandardsPanel lang={lang} preset={preset} limitM={params.limitM} onPreset={choosePreset} />
              {ac && (
                <section className="compliance" data-testid="compliance">
                  <div className="section-title">{t('compliance')}</div>
                  <div className="hint" data-testid="compliance-summary">{t('complianceSummary', { communities: ac.communities.ids.length, types: ac.compliance.types.length, fail: ac.compliance.types.reduce((n, x) => n + x.failing, 0), na: ac.compliance.notAssessable.length })}</div>
                  {maxPresetRadius > params.limitM && <div className="hint warning">{t('limitTooShort', { limit: params.limitM, radius: maxPresetRadius })}</div>}
                  <CompletenessHistogram index={ac.completeness} histogram={ac.histogram} pop={snap.population.pop} showOnMap={showCompleteness} onShowOnMap={setShowCompleteness} />
                  <ComplianceMatrix compliance={ac.compliance} communities={ac.communities} lang={lang} selected={selected} onCell={showCompliance} />
                  <FailureList compliance={ac.compliance} communities={ac.communities} lang={lang} onSelect={showCompliance} />
                  <div className="exports">
                    <button onClick={exportCompliance} data-testid="export-compliance">{t('exportCompliance')}</button>
                    <button onClick={openReport} data-testid="report-open">{t('reportOpen')}</button>
                    <button onClick={downloadReport} data-testid="report-download">{t('reportDownload')}</button>
                  </div>
                </section>
              )}

              <SitingPanel lang={lang} gaps={gaps} result={sitingNow} compliance={sitingCompliance} running={sitingRunning} showGaps={showGaps} showAfter={showAfter} selectedGap={selectedGap}
                onShowGaps={setShowGaps} onShowAfter={setShowAfter} onSelectGap={selectGap} onSelectProposal={selectProposal} onRun={runSiting}
                onExportGaps={exportGaps} onExportProposals={exportProposals} onExportProposalsCsv={exportProposalsCsv} onExportCandidates={exportCandidates}
                onError={(e) => setErrors((x) => [...x, uiErrorOf(e)])} />

              <section className="exports">
                <div className="section-title">{t('export')}</div>
                <button onClick={exportGeojson} data-testid="export-geojson">{t('exportGeojson')}</button>
                <button onClick={exportCsv} data-testid="export-csv">{t('exportCsv')}</button>
              </section>

              <section>
                <div className="section-title">{t('network')}</div>
                {ns && <div className="hint" data-testid="graph-stats">{t('graphStats', { nodes: fmt.num(ns.nodes), edges: fmt.num(ns.edges), km: fmt.km(ns.totalLengthM), components: fmt.num(ns.components), share: fmt.pct(ns.largestComponentShare) })}</div>}
                {snap.network && <div className="hint" data-testid="off-network">{t('offNetwork', { n: fmt.num(snap.offNetwork.origins), m: fmt.num(params.maxSnapM) })}</div>}
                {mode === 'network' && <div className="hint">{t('clickFacility')}</div>}
                <ParamInputs keys={['speedMPerMin', 'maxSnapM', 'limitM']} params={params} lang={lang} disabled={status === 'loading'} onApply={applyParam} />
                {snap.network && session.current && <WalkableRuleInput rule={session.current.rule} disabled={status === 'loading'} onApply={applyRule} />}
              </section>

              <section>
                <div className="section-title">{t('loadLayers')}</div>
                <LayerLoader notes={snap.fileNames.network ? { network: networkSourceLine(snap.fileNames.network, session.current?.layerFiles().network?.crs, snap.network?.stats, t, fmt) } : {}} names={snap.fileNames} sources={snap.sources} crs={Object.fromEntries(Object.entries(session.current?.layerFiles() ?? {}).map(([k, f]) => [k, f?.crs]))}
                  encoding={Object.fromEntries(Object.entries(session.current?.layerFiles() ?? {}).map(([k, f]) => [k, f?.encoding]))}
                  disabled={status === 'loading'} onFile={replaceLayer} onCrs={setLayerCrs}
                  extra={{ population: <PopulationSourceInput value={popSource} onChange={setPopSource} buildingsName={popBuildings?.name} lang={lang} disabled={status === 'loading'} method={snap.populationMethod}
                    onBuildings={async (file) => setPopBuildings(file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : undefined)}
                    onApply={() => { const f = session.current?.layerFiles().population; if (f) loadLayer('population', { name: f.name, bytes: f.bytes, crs: f.crs, encoding: f.encoding, ...popExtras() }); }} /> }}
                  onEncoding={(kind, encoding) => { const f = session.current?.layerFiles()[kind]; if (f) loadLayer(kind, { ...f, encoding }); }} />
                <FieldMappingNotes files={session.current?.layerFiles() ?? {}} notes={mappingStep.notes} offers={mappingStep.offers} disabled={status === 'loading'}
                  onEdit={async (k, f) => { const lf = session.current ? await mappingStep.ask(k, f, session.current, true) : null; if (lf) loadLayer(k, lf); }} />
                {(['facilities', 'population'] as const).map((k) => offsetChoices[k] && (
                  <div key={k} className="hint" data-testid={`offset-choice-${k}`}>
                    {t(k === 'facilities' ? 'layerFacilities' : 'layerPopulation')} · {t('offsetChoice', { choice: t(offsetChoices[k]!.choice === 'applied' ? 'offsetApplied' : 'offsetKept', { crs: offsetChoices[k]!.suggested }) })}
                  </div>
                ))}
                {warnings.map((w, i) => <div key={i} className="hint warning">{warningText(w, lang)}</div>)}
              </section>

              <section data-testid="project">
                <div className="section-title">{t('project')}</div>
                {restored && <div className="hint">{t('projectRestored')}</div>}
                {savedAt && <div className="hint" data-testid="project-saved">{t('projectSaved', { time: fmt.time(savedAt) })}</div>}
                {saveError && <div className="hint warning" role="alert" data-testid="project-save-error">{t('projectSaveFailed', { why: saveError })}</div>}
                {storageFull && <StorageFullNotice onExport={exportProject} />}
                <div className="project-row">
                  <button onClick={exportProject} data-testid="project-export">{t('projectExport')}</button>
                  <label className="button-like">{t('projectImport')}
                    <input type="file" accept=".json,application/json" hidden disabled={status === 'loading'} data-testid="project-import"
                      onChange={(e) => { const f = e.target.files?.[0]; if (f) importProject(f); e.target.value = ''; }} />
                  </label>
                  <button onClick={resetProject} disabled={status === 'loading'} data-testid="project-reset">{t('projectReset')}</button>
                </div>
              </section>
            </>
          )}
        </aside>
        <DropZone disabled={status === 'loading' || !snap} onFile={replaceLayer}>
          {manifestStyle && (
            <MapView style={style} bbox={manifestStyle.bbox} layers={layers} attribution={manifestStyle.attribution} focus={focus} onHover={onHover} onClick={onClick}
              onIdle={() => { document.body.dataset.mapIdle = '1'; }} />
          )}
          {snap && typeInfo && <Legend lang={lang} typeColor={typeInfo.color} typeLabel={lang === 'zh' ? typeInfo.zh : typeInfo.en} radiusM={radiusM} mode={mode} showServiceArea={!!serviceArea} showIsolated={!!snap.network?.isolatedSegments.length} showStraightOnly={mode === 'network' && showStraightOnly && !!snap.network && !(sitingNow && showAfter) && !showCompleteness}
            showGaps={!!gaps?.length && showGaps} showProposals={!!sitingNow} completeness={showCompleteness ? preset.standard : null} />}
          {hover && (
            <div className="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} data-testid="tooltip">
              {hover.lines.map((l, i) => <div key={i}>{l}</div>)}
            </div>
          )}
        </DropZone>
      </div>
      {mappingStep.dialog}
    </LangContext.Provider>
  );
}

