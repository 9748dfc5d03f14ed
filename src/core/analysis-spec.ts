/**
 * Every analysis parameter, declared once: type, unit, default, range and a bilingual label.
 * The spec drives validation (validateParams), the UI controls, the CLI flags and the docs.
 */
export interface ParamSpec {
  key: string;
  /** CLI flag name (kebab-case, without --). */
  flag: string;
  kind: 'number' | 'enum';
  unit: string;
  default: number | string;
  min?: number;
  max?: number;
  values?: readonly string[];
  zh: string;
  en: string;
  doc: string;
}

export const ANALYSIS_PARAMS = [
  {
    key: 'mode', flag: 'mode', kind: 'enum', unit: '', default: 'network', values: ['network', 'straight'],
    zh: '距离计算方式', en: 'Distance mode',
    doc: 'network = walking distance over the street graph (default); straight = geodesic straight line.',
  },
  {
    key: 'radiusM', flag: 'radius', kind: 'number', unit: 'm', default: 500, min: 50, max: 5000,
    zh: '服务半径', en: 'Service radius',
    doc: 'A unit is covered when its distance to the nearest facility of the type is at most this. Default per type from GB 50180-2018.',
  },
  {
    key: 'speedMPerMin', flag: 'speed', kind: 'number', unit: 'm/min', default: 80, min: 20, max: 200,
    zh: '步行速度', en: 'Walking speed',
    doc: 'Only converts distances to minutes for display; GB 50180 levels are defined by distance.',
  },
  {
    key: 'limitM', flag: 'limit', kind: 'number', unit: 'm', default: 2000, min: 100, max: 20000,
    zh: '搜索上限', en: 'Search limit',
    doc: 'Network search stops at this walking distance; farther units are reported as "beyond limit". Must be at least the radius.',
  },
  {
    key: 'maxSnapM', flag: 'max-snap', kind: 'number', unit: 'm', default: 250, min: 1, max: 5000,
    zh: '最大接入距离', en: 'Max snap distance',
    doc: 'A point farther than this from every walkable street is reported as off-network.',
  },
] as const satisfies readonly ParamSpec[];

export type AnalysisParams = {
  mode: 'network' | 'straight';
  radiusM: number;
  speedMPerMin: number;
  limitM: number;
  maxSnapM: number;
};

export const DEFAULT_PARAMS: AnalysisParams = Object.fromEntries(
  ANALYSIS_PARAMS.map((p) => [p.key, p.default]),
) as AnalysisParams;

/** Checks values against a spec (default: the analysis parameters); one readable message per problem (empty when valid). */
export function validateParams(params: Partial<Record<string, unknown>>, spec: readonly ParamSpec[] = ANALYSIS_PARAMS): string[] {
  const problems: string[] = [];
  for (const p of spec) {
    const v = params[p.key];
    if (v === undefined) continue;
    if (p.kind === 'number') {
      if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${p.en} (${p.key}) must be a number, got ${String(v)}`);
      else if ((p.min !== undefined && v < p.min) || (p.max !== undefined && v > p.max))
        problems.push(`${p.en} (${p.key}) must be between ${p.min} and ${p.max} ${p.unit}, got ${v}`);
    } else if (!p.values?.includes(String(v))) {
      problems.push(`${p.en} (${p.key}) must be one of ${p.values?.join(', ')}, got ${String(v)}`);
    }
  }
  return problems;
}
