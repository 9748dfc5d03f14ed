import type { ParamSpec } from '../analysis-spec.ts';

/**
 * Siting parameters, declared once (units, defaults, ranges, bilingual labels): they drive the
 * siting panel, the `lifecircle site` flags, validation and the docs. Distance mode, radius, search
 * limit and snap distance come from ANALYSIS_PARAMS.
 */
export const SITING_PARAMS = [
  {
    key: 'model', flag: 'model', kind: 'enum', unit: '', default: 'mclp', values: ['mclp', 'lscp', 'pmedian'],
    zh: '选址模型', en: 'Model',
    doc: 'mclp = maximal covering (p new sites, most residents within the radius); lscp = set covering (fewest new sites reaching the target coverage); pmedian = p new sites minimising the mean walking distance.',
  },
  {
    key: 'p', flag: 'p', kind: 'number', unit: 'sites', default: 3, min: 1, max: 1000,
    zh: '新增设施数', en: 'New sites (p)',
    doc: 'Number of new sites to open (mclp, pmedian). Existing facilities are kept and not counted.',
  },
  {
    key: 'targetCoveragePct', flag: 'target-coverage', kind: 'number', unit: '%', default: 100, min: 1, max: 100,
    zh: '目标覆盖率', en: 'Target coverage',
    doc: 'lscp: share of all residents to bring within the radius. Residents no candidate can reach make 100 % infeasible; the message says how much is reachable.',
  },
  {
    key: 'capacity', flag: 'capacity', kind: 'number', unit: 'persons', default: 0, min: 0, max: 10000000,
    zh: '单设施服务容量', en: 'Capacity per site',
    doc: '0 = unlimited. Otherwise every open site, existing ones included, serves at most this many residents (mclp, pmedian).',
  },
  {
    key: 'method', flag: 'method', kind: 'enum', unit: '', default: 'auto', values: ['auto', 'exact', 'heuristic'],
    zh: '求解方式', en: 'Method',
    doc: 'exact = HiGHS MILP, proven optimum within the time limit; heuristic = greedy + interchange with a proven bound; auto = exact when the model is small enough, else heuristic.',
  },
  {
    key: 'timeLimitS', flag: 'time-limit', kind: 'number', unit: 's', default: 30, min: 1, max: 3600,
    zh: '求解时限', en: 'Time limit',
    doc: 'Exact solves stop here and report the best site set found, its bound and the gap.',
  },
  {
    key: 'spacingM', flag: 'spacing', kind: 'number', unit: 'm', default: 100, min: 10, max: 5000,
    zh: '候选点间距', en: 'Candidate spacing',
    doc: 'Generated candidates are street nodes in or next to a service gap, no two closer than this.',
  },
  {
    key: 'gapCellM', flag: 'gap-cell', kind: 'number', unit: 'm', default: 200, min: 25, max: 5000,
    zh: '缺口网格边长', en: 'Gap grid cell',
    doc: 'Uncovered residents are summed on a square grid of this size and joined into gap polygons.',
  },
] as const satisfies readonly ParamSpec[];

export type SitingParams = {
  model: 'mclp' | 'lscp' | 'pmedian';
  p: number;
  targetCoveragePct: number;
  capacity: number;
  method: 'auto' | 'exact' | 'heuristic';
  timeLimitS: number;
  spacingM: number;
  gapCellM: number;
};

export const DEFAULT_SITING_PARAMS: SitingParams = Object.fromEntries(SITING_PARAMS.map((p) => [p.key, p.default])) as SitingParams;
