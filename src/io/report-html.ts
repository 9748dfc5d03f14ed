import { completenessHistogram, type CompletenessIndex, type NotAssessableReason } from '../core/compliance/completeness-index.ts';
import { rankedFailures, type CommunityCompliance, type ComplianceRow } from '../core/compliance/community-compliance.ts';
import type { FloorAreaCompliance } from '../core/compliance/floor-area-compliance.ts';
import type { Preset, PresetFacility, Sourced } from '../core/presets/preset.ts';
import { radiusSource, type CommunityNames } from './compliance-csv.ts';
import { fmtDay, fmtMetres, fmtNumber, fmtPercent, fmtSpeed } from './locale-format.ts';

/**
 * The printable compliance report: one self-contained HTML page (no scripts, no external
 * resources: it must open offline and print to a clean A4 PDF from any browser). Every data string
 * (community names, preset texts, file names) is user data and goes through `escapeHtml`: the
 * `h` template below escapes every value it is given unless it is already built HTML.
 */

export type ReportLang = 'zh' | 'en';

export interface ReportInput {
  lang: ReportLang;
  /** Study area name, e.g. "南京新街口核心区". */
  areaName: string;
  /** Date of the analysis, YYYY-MM-DD. */
  date: string;
  preset: Preset;
  method: { mode: 'network' | 'straight'; maxSnapM: number; limitM: number; speedMPerMin: number };
  compliance: CommunityCompliance;
  communities: CommunityNames;
  /** Completeness index per population unit and the residents per unit, for the distribution table. */
  completeness?: { index: CompletenessIndex; pop: ArrayLike<number> };
  floorArea?: FloorAreaCompliance;
  /** Data sources with their licences, one line each (e.g. area.json `attribution`). */
  sources: string[];
  /** Input file names, listed under the sources. */
  inputs?: string[];
  /** How the population was placed (buildings, community totals spread), when not units as given. */
  populationMethod?: { zh: string; en: string };
  /** Study-area map as a data:image URL (the app has one; the CLI does not). */
  mapImage?: string;
  /** Communities shown in the matrix (those with the most failures), default 60. */
  matrixLimit?: number;
  /** Rows of the failure list, default 50. */
  failureLimit?: number;
}

/** Escapes the five HTML-special characters, so a string is text in element content and quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** HTML built by `h`: the only values `h` inserts without escaping. */
class SafeHtml {
  constructor(readonly html: string) {}
}
type Part = SafeHtml | string | number | null | undefined | readonly Part[];

const render = (v: Part): string =>
  v instanceof SafeHtml ? v.html : Array.isArray(v) ? v.map(render).join('') : v === null || v === undefined ? '' : escapeHtml(String(v));

/** Template tag: the literal parts are markup, every interpolated value is escaped (arrays joined). */
function h(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + render(values[i - 1]) + s));
}

const T = {
  zh: {
    title: '社区生活圈配套设施达标报告',
    area: '研究范围', date: '日期', standard: '采用标准', distance: '距离',
    network: '步行网络距离', straight: '直线距离',
    map: '研究范围地图', mapInApp: '命令行生成的报告不含地图；地图请在 Lifecircle 应用中查看。',
    method: '方法',
    methodNetwork: (m: ReportInput['method']) => `距离为沿 OpenStreetMap 步行路网的最短路径：人口单元和设施先接入最近的可步行道路（接入段计入距离，超过 ${fmtMetres('zh', m.maxSnapM)} 视为未接入路网），搜索上限 ${fmtMetres('zh', m.limitM)}。时间按 ${fmtSpeed('zh', m.speedMPerMin)} 换算，仅供参考；标准以距离定义层级。`,
    methodStraight: (m: ReportInput['method']) => `距离为到最近设施的直线（大地线）距离，搜索上限 ${fmtMetres('zh', m.limitM)}；直线距离高估步行可达性。`,
    methodRule: '居民到某类设施最近一处的距离不大于该类设施的服务半径（恰好等于半径也算）即为覆盖。社区达标：覆盖人口占比达到目标（默认 100%，可修改）。缺口人数 = max(0, 目标 × 人口 − 覆盖人口)。无居民的社区计为达标（“无居民”）。数据无法识别的设施类型列为“无法评估”，不计为不达标。数据中没有某类设施时，该类所有居民均未覆盖。',
    legendUncertain: '⚠ 待核实：该数值未能与标准原文核对，使用前请查阅标准。',
    legendDefault: '◇ 默认值：标准未给出，为 Lifecircle 的替代值（如目标覆盖率 100%）。',
    legendEdited: '✎ 已修改：用户修改的数值。',
    unverified: '待核实', default: '默认', edited: '已修改',
    presetTypes: '评估的设施类型', type: '设施类型', required: '▲/△', level: '层级', radius: '服务半径', target: '目标', clause: '条款',
    requiredMark: '▲ 应配建', recommendedMark: '△ 宜配建',
    notAssessable: '无法评估的设施类型', reason: '原因',
    reasons: { no_app_type: '没有对应的 Lifecircle 设施类型，OSM/POI 数据中无法识别', no_radius: '标准未给出服务半径' } as Record<NotAssessableReason, string>,
    omitted: (n: number) => `另有 ${n} 行标准条目未纳入本预设（原因见预设文件 omitted_rows）。`,
    summary: '汇总', facilities: '设施数', overall: '总体覆盖率', passing: '达标社区', failing: '未达标社区', noResidents: '无居民',
    noFacilities: '数据中没有此类设施：请先确认数据是否包含该类设施，再解读不达标结果。',
    completeness: '配套完整度', completenessNote: (n: number) => `每个人口单元在服务半径内可达的应配建（▲）设施类型数（共 ${n} 类可评估）。下表为按可达类型数的人口分布。`,
    typesReached: '可达类型数', population: '人口', share: '占比', meanCompleteness: '人口加权平均完整度',
    matrix: '达标矩阵', matrixNote: (shown: number, total: number) => shown < total
      ? `显示未达标类型最多的 ${shown} 个社区（共 ${total} 个）；完整结果见 compliance.csv。格内数字为覆盖率（%）。`
      : `全部 ${total} 个社区。格内数字为覆盖率（%）。`,
    community: '社区', legendPass: '达标', legendFail: '未达标', legendNone: '无居民',
    failures: '不达标清单（按缺口人数排序）', failuresNote: (shown: number, total: number) => `共 ${total} 项不达标${shown < total ? `，显示缺口最大的 ${shown} 项` : ''}。`,
    rank: '序号', covered: '覆盖率', shortfall: '缺口人数', meanDist: '平均距离', p90Dist: '90% 距离', noFailures: '没有不达标项。',
    floorArea: '面积指标', floorNoData: (rule: string) => `设施数据不含建筑面积，未能检查面积指标（所选规则：${rule}）。`,
    floorRule: '所选规则', householdSize: '户均人口', floorPass: '达标', floorFail: '未达标', floorUnknown: '面积不详',
    floorArea_m2: '建筑面积', per100: '每百户面积', requiredM2: '应达面积', households: '户数',
    sources: '数据来源与许可', inputs: '输入文件', presetSources: '标准依据',
    footer: '由 Lifecircle 生成。结果取决于输入数据的完整性，请结合实地情况核实。',
    persons: '人', m: '米',
    num: (x: number, digits = 0) => fmtNumber('zh', x, digits),
    pct: (share: number, digits = 1) => fmtPercent('zh', share, digits),
    metres: (x: number | null) => fmtMetres('zh', x),
  },
  en: {
    title: 'Life-circle facility compliance report',
    area: 'Study area', date: 'Date', standard: 'Standard', distance: 'Distance',
    network: 'walking network distance', straight: 'straight-line distance',
    map: 'Study area map', mapInApp: 'Reports made on the command line have no map; see the map in the Lifecircle app.',
    method: 'Method',
    methodNetwork: (m: ReportInput['method']) => `Distances are shortest paths on the OpenStreetMap walking network: population units and facilities are attached to the nearest walkable street (the connector counts; farther than ${fmtMetres('en', m.maxSnapM)} is off-network), search limit ${fmtMetres('en', m.limitM)}. Minutes at ${fmtSpeed('en', m.speedMPerMin)} are indicative only; the standard defines levels by distance.`,
    methodStraight: (m: ReportInput['method']) => `Distances are straight-line (geodesic) distances to the nearest facility, search limit ${fmtMetres('en', m.limitM)}; they overstate walking access.`,
    methodRule: 'A resident is covered for a facility type when the nearest facility of the type is no farther than its service radius (exactly at the radius counts). A community passes when the covered share of its residents reaches the target (default 100%, editable). Shortfall = max(0, target × population − covered). Communities without residents pass ("no residents"). Types that cannot be found in the data are listed as not assessable, not as failures. A type with no facilities in the data leaves every resident uncovered.',
    legendUncertain: '⚠ unverified value: not checked against the printed standard; check it before relying on it.',
    legendDefault: '◇ default: the standard gives none; a Lifecircle stand-in (e.g. target coverage 100%).',
    legendEdited: '✎ edited: changed by the user.',
    unverified: 'unverified', default: 'default', edited: 'edited',
    presetTypes: 'Facility types assessed', type: 'Facility type', required: '▲/△', level: 'Level', radius: 'Radius', target: 'Target', clause: 'Clause',
    requiredMark: '▲ required', recommendedMark: '△ by need',
    notAssessable: 'Facility types not assessable', reason: 'Reason',
    reasons: { no_app_type: 'no Lifecircle facility type corresponds: cannot be found in OSM/POI data', no_radius: 'the standard gives no service radius' } as Record<NotAssessableReason, string>,
    omitted: (n: number) => `${n} further rows of the standard are not in this preset (reasons in the preset file, omitted_rows).`,
    summary: 'Summary', facilities: 'Facilities', overall: 'Covered overall', passing: 'Passing', failing: 'Failing', noResidents: 'No residents',
    noFacilities: 'No facilities of this type in the data: check that the data includes them before reading the failures.',
    completeness: 'Completeness index', completenessNote: (n: number) => `Required (▲) facility types reachable within their radius from each population unit (${n} types assessable). Residents by number of types reached:`,
    typesReached: 'Types reached', population: 'Population', share: 'Share', meanCompleteness: 'Population-weighted mean completeness',
    matrix: 'Compliance matrix', matrixNote: (shown: number, total: number) => shown < total
      ? `The ${shown} communities (of ${total}) with the most failing types; compliance.csv has them all. Numbers are covered shares (%).`
      : `All ${total} communities. Numbers are covered shares (%).`,
    community: 'Community', legendPass: 'pass', legendFail: 'fail', legendNone: 'no residents',
    failures: 'Failures, largest shortfall first', failuresNote: (shown: number, total: number) => `${total} failing community × type pairs${shown < total ? `; the ${shown} largest shortfalls are listed` : ''}.`,
    rank: '#', covered: 'Covered', shortfall: 'Shortfall (persons)', meanDist: 'Mean distance', p90Dist: '90% distance', noFailures: 'No failures.',
    floorArea: 'Floor-area norms', floorNoData: (rule: string) => `The facility data carries no floor areas, so the floor-area norm could not be checked (rule selected: ${rule}).`,
    floorRule: 'Rule', householdSize: 'Persons per household', floorPass: 'pass', floorFail: 'fail', floorUnknown: 'floor area unknown',
    floorArea_m2: 'Floor area', per100: 'm² per 100 households', requiredM2: 'Required', households: 'Households',
    sources: 'Data sources and licences', inputs: 'Input files', presetSources: 'Evidence for the standard',
    footer: 'Made with Lifecircle. Results depend on how complete the input data is; check them on the ground.',
    persons: 'persons', m: 'm',
    num: (x: number, digits = 0) => fmtNumber('en', x, digits),
    pct: (share: number, digits = 1) => fmtPercent('en', share, digits),
    metres: (x: number | null) => fmtMetres('en', x),
  },
};
type Strings = (typeof T)['zh'];

const CSS = `
@page { size: A4; margin: 15mm }
@page wide { size: A4 landscape; margin: 15mm }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif;
  font-size: 9.5pt; line-height: 1.45; color: #111; margin: 0 }
h1 { font-size: 17pt; margin: 0 0 3mm }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; border-bottom: 0.4pt solid #888; break-after: avoid }
p { margin: 1.5mm 0 }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 }
th, td { border: 0.4pt solid #bbb; padding: 0.6mm 1.2mm; text-align: left; vertical-align: top }
th { background: #f0f0f0; font-weight: 600 }
thead { display: table-header-group }
tr { break-inside: avoid }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums }
.meta th { width: 28mm }
.note, .legend { color: #444; font-size: 8.5pt }
.flag { color: #b35900; white-space: nowrap; font-size: 8pt }
.warn { color: #a50f15 }
.bar { display: inline-block; height: 2.6mm; background: #4d7ab5; vertical-align: middle }
.map img { width: 100%; border: 0.4pt solid #bbb }
section.wide { page: wide; break-before: page }
table.matrix { font-size: 6.5pt; table-layout: fixed }
table.matrix th, table.matrix td { padding: 0.3mm; text-align: center }
table.matrix th.name, table.matrix td.name { text-align: left; width: 38mm; overflow: hidden; white-space: nowrap }
table.matrix thead th { writing-mode: vertical-rl; height: 26mm; vertical-align: bottom; font-weight: 500 }
table.matrix thead th.name { writing-mode: horizontal-tb }
.pass { background: #c7e9c0 }
.fail { background: #fcbba1; font-weight: 700 }
.none { background: #eeeeee; color: #777 }
.swatch { display: inline-block; width: 3mm; height: 3mm; border: 0.4pt solid #999; vertical-align: middle; margin: 0 1mm 0 3mm }
footer { margin-top: 8mm; color: #666; font-size: 8pt }
@media screen { body { padding: 10mm; max-width: 200mm; margin: 0 auto } section.wide { max-width: 267mm } }
`;

/** The report page as one HTML string. */
export function reportHtml(input: ReportInput): string {
  const s = T[input.lang];
  const { preset, compliance } = input;
  const sections = [
    headerSection(input, s),
    mapSection(input, s),
    methodSection(input, s),
    presetSection(input, s),
    summarySection(compliance, input, s),
    input.completeness ? completenessSection(input.completeness, s) : null,
    matrixSection(input, s),
    failureSection(input, s),
    input.floorArea ? floorAreaSection(input.floorArea, input, s) : null,
    sourcesSection(input, s),
  ];
  const title = `${s.title} · ${input.areaName}`;
  return `<!DOCTYPE html>\n${render(h`<html lang="${input.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new SafeHtml(CSS)}</style>
</head>
<body>
${sections}
<footer>${s.footer} ${preset.id}</footer>
</body>
</html>
`)}`;
}

const pct = (share: number | null, pass = true) =>
  // A failing share is rounded down so a fail never shows "100".
  share === null ? '—' : `${(pass ? Math.round : Math.floor)(share * 100)}`;
/** A bare number in a column whose header carries the unit (m, m²), grouped per language. */
const metres = (x: number | null, s: Strings) => (x === null ? '—' : s.num(x));
const typeName = (f: PresetFacility, lang: ReportLang) => (lang === 'zh' ? f.name_zh : f.name_en);
const communityName = (c: number, input: ReportInput) =>
  (input.lang === 'en' ? input.communities.namesEn?.[c] : undefined) ?? input.communities.names[c] ?? input.communities.ids[c];

/** ⚠ for values nobody has checked, ◇ for Lifecircle stand-ins. */
function mark(v: Sourced<unknown> | undefined, s: Strings): SafeHtml | null {
  if (!v) return null;
  if (v.confidence === 'uncertain') return h` <span class="flag" title="${s.legendUncertain}">⚠ ${s.unverified}</span>`;
  if (v.confidence === 'lifecircle_default') return h` <span class="flag" title="${s.legendDefault}">◇ ${s.default}</span>`;
  return null;
}

function headerSection(input: ReportInput, s: Strings): SafeHtml {
  const p = input.preset;
  return h`<header>
<h1>${s.title}</h1>
<table class="meta">
<tr><th>${s.area}</th><td>${input.areaName}</td></tr>
<tr><th>${s.date}</th><td>${fmtDay(input.lang, input.date)}</td></tr>
<tr><th>${s.standard}</th><td>${input.lang === 'zh' ? p.title_zh : p.title_en} (${p.standard})</td></tr>
<tr><th>${s.distance}</th><td>${input.method.mode === 'network' ? s.network : s.straight}</td></tr>
</table>
</header>`;
}

/** Only an inline raster image is accepted: anything else could load a resource or run code. */
const DATA_IMAGE = /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=\s]+$/;

function mapSection(input: ReportInput, s: Strings): SafeHtml {
  const img = input.mapImage && DATA_IMAGE.test(input.mapImage) ? input.mapImage : null;
  return h`<section class="map">
<h2>${s.map}</h2>
${img ? h`<img src="${img}" alt="${s.map}: ${input.areaName}">` : h`<p class="note">${s.mapInApp}</p>`}
</section>`;
}

function methodSection(input: ReportInput, s: Strings): SafeHtml {
  const m = input.method;
  return h`<section>
<h2>${s.method}</h2>
<p>${m.mode === 'network' ? s.methodNetwork(m) : s.methodStraight(m)}</p>
<p>${s.methodRule}</p>
${input.populationMethod ? h`<p>${input.populationMethod[input.lang]}</p>` : null}
<p class="legend">${s.legendUncertain}<br>${s.legendDefault}<br>${s.legendEdited}</p>
</section>`;
}

function presetSection(input: ReportInput, s: Strings): SafeHtml {
  const { preset, compliance, lang } = input;
  const levelName = (id: string) => {
    const l = preset.levels.find((x) => x.id === id);
    return l ? (lang === 'zh' ? l.name_zh : l.name_en) : id;
  };
  const targetOf = new Map(compliance.rows.map((r) => [r.type.facility.id, r]));
  const rows = compliance.types.map(({ type }) => {
    const f = type.facility;
    const radius = radiusSource(preset, f);
    const r = targetOf.get(f.id);
    const target = r?.target ?? f.target_coverage.value;
    const targetMark = r?.targetEdited ? h` <span class="flag">✎ ${s.edited}</span>` : mark(f.target_coverage, s);
    return h`<tr><td>${typeName(f, lang)}</td><td>${f.required.value ? s.requiredMark : s.recommendedMark}${mark(f.required, s)}</td>
<td>${levelName(f.level)}</td><td class="num">${s.metres(type.radiusM)}${mark(radius, s)}</td>
<td class="num">${s.pct(target, Number.isInteger(Math.round(target * 1000) / 10) ? 0 : 1)}${targetMark}</td>
<td>${radius ? `${radius.source.standard} ${radius.source.clause}` : ''}</td></tr>`;
  });
  const na = compliance.notAssessable.map(({ facility, reason }) =>
    h`<tr><td>${typeName(facility, lang)}</td><td>${facility.required.value ? s.requiredMark : s.recommendedMark}</td><td>${s.reasons[reason]}</td></tr>`);
  const omitted = preset.omitted_rows?.length ?? 0;
  return h`<section>
<h2>${s.standard}: ${lang === 'zh' ? preset.title_zh : preset.title_en}</h2>
<h3>${s.presetTypes}</h3>
<table><thead><tr><th>${s.type}</th><th>${s.required}</th><th>${s.level}</th><th class="num">${s.radius}</th><th class="num">${s.target}</th><th>${s.clause}</th></tr></thead>
<tbody>${rows}</tbody></table>
${na.length ? h`<h3>${s.notAssessable}</h3>
<table><thead><tr><th>${s.type}</th><th>${s.required}</th><th>${s.reason}</th></tr></thead><tbody>${na}</tbody></table>` : null}
${omitted ? h`<p class="note">${s.omitted(omitted)}</p>` : null}
</section>`;
}

function summarySection(c: CommunityCompliance, input: ReportInput, s: Strings): SafeHtml {
  const rows = c.types.map((t) => h`<tr><td>${typeName(t.type.facility, input.lang)}${mark(radiusSource(input.preset, t.type.facility), s)}</td>
<td class="num">${s.metres(t.type.radiusM)}</td>
<td class="num${t.type.facilities === 0 ? ' warn' : ''}">${s.num(t.type.facilities)}${t.type.facilities === 0 ? h` <span title="${s.noFacilities}">⚠</span>` : null}</td>
<td class="num">${pct(t.share, t.failing === 0)}%</td><td class="num">${s.num(t.passing)}</td><td class="num">${s.num(t.failing)}</td><td class="num">${s.num(t.noResidents)}</td></tr>`);
  const none = c.types.some((t) => t.type.facilities === 0);
  return h`<section>
<h2>${s.summary}</h2>
<table><thead><tr><th>${s.type}</th><th class="num">${s.radius}</th><th class="num">${s.facilities}</th><th class="num">${s.overall}</th>
<th class="num">${s.passing}</th><th class="num">${s.failing}</th><th class="num">${s.noResidents}</th></tr></thead>
<tbody>${rows}</tbody></table>
${none ? h`<p class="note warn">⚠ ${s.noFacilities}</p>` : null}
</section>`;
}

function completenessSection({ index, pop }: NonNullable<ReportInput['completeness']>, s: Strings): SafeHtml {
  const n = index.assessed.length;
  const hist = completenessHistogram(index.count, n, pop);
  const total = hist.reduce((a, b) => a + b, 0);
  let weighted = 0;
  for (let i = 0; i < index.count.length; i++) weighted += pop[i] * index.share[i];
  const rows = Array.from(hist, (p, k) => {
    const share = total > 0 ? p / total : 0;
    return h`<tr><td class="num">${k} / ${n}</td><td class="num">${s.num(p)}</td><td class="num">${s.pct(share)}</td>
<td><span class="bar" style="width: ${Math.round(share * 600) / 10}mm"></span></td></tr>`;
  });
  return h`<section>
<h2>${s.completeness}</h2>
<p>${s.completenessNote(n)}</p>
<table><thead><tr><th class="num">${s.typesReached}</th><th class="num">${s.population}</th><th class="num">${s.share}</th><th></th></tr></thead>
<tbody>${rows}</tbody></table>
${n > 0 && total > 0 ? h`<p>${s.meanCompleteness}: ${s.pct(weighted / total)}</p>` : null}
</section>`;
}

/** Communities with the most failing types first (then the largest total shortfall), capped. */
function matrixSection(input: ReportInput, s: Strings): SafeHtml {
  const { compliance, lang } = input;
  const byCommunity = new Map<number, ComplianceRow[]>();
  for (const r of compliance.rows) byCommunity.set(r.community, [...(byCommunity.get(r.community) ?? []), r]);
  const score = (rows: ComplianceRow[]) => ({ fails: rows.filter((r) => !r.pass).length, gap: rows.reduce((a, r) => a + r.shortfall, 0) });
  const order = [...byCommunity.entries()]
    .map(([c, rows]) => ({ c, rows, ...score(rows) }))
    .sort((a, b) => b.fails - a.fails || b.gap - a.gap || a.c - b.c);
  const shown = order.slice(0, input.matrixLimit ?? 60);
  const head = compliance.types.map((t) => h`<th title="${typeName(t.type.facility, lang)}">${typeName(t.type.facility, lang)}</th>`);
  const body = shown.map(({ c, rows }) => h`<tr><td class="name" title="${communityName(c, input)}">${communityName(c, input)}</td>${rows.map((r) =>
    r.noResidents ? h`<td class="none">—</td>` : h`<td class="${r.pass ? 'pass' : 'fail'}">${pct(r.share, r.pass)}</td>`)}</tr>`);
  return h`<section class="wide" id="matrix">
<h2>${s.matrix}</h2>
<p class="note">${s.matrixNote(shown.length, order.length)}
<span class="swatch pass"></span>${s.legendPass}<span class="swatch fail"></span>${s.legendFail}<span class="swatch none"></span>${s.legendNone}</p>
<table class="matrix"><thead><tr><th class="name">${s.community}</th>${head}</tr></thead>
<tbody>${body}</tbody></table>
</section>`;
}

function failureSection(input: ReportInput, s: Strings): SafeHtml {
  const all = rankedFailures(input.compliance.rows);
  const shown = all.slice(0, input.failureLimit ?? 50);
  const rows = shown.map((r, k) => h`<tr><td class="num">${k + 1}</td><td>${communityName(r.community, input)}</td><td>${typeName(r.type.facility, input.lang)}</td>
<td class="num">${s.metres(r.type.radiusM)}</td><td class="num">${s.num(r.population)}</td><td class="num">${pct(r.share, false)}% / ${Math.round(r.target * 100)}%</td>
<td class="num">${s.num(r.shortfall)}</td><td class="num">${metres(r.meanDistM, s)}</td><td class="num">${metres(r.p90DistM, s)}</td></tr>`);
  return h`<section id="failures">
<h2>${s.failures}</h2>
${all.length ? h`<p class="note">${s.failuresNote(shown.length, all.length)}</p>
<table><thead><tr><th class="num">${s.rank}</th><th>${s.community}</th><th>${s.type}</th><th class="num">${s.radius}</th><th class="num">${s.population}</th>
<th class="num">${s.covered} / ${s.target}</th><th class="num">${s.shortfall}</th><th class="num">${s.meanDist} (${s.m})</th><th class="num">${s.p90Dist} (${s.m})</th></tr></thead>
<tbody>${rows}</tbody></table>` : h`<p>${s.noFailures}</p>`}
</section>`;
}

function floorAreaSection(fa: FloorAreaCompliance, input: ReportInput, s: Strings): SafeHtml {
  const ruleName = input.lang === 'zh' ? fa.rule.name_zh : fa.rule.name_en;
  if (fa.status === 'no_floor_area_data') return h`<section><h2>${s.floorArea}</h2><p>${s.floorNoData(ruleName)}</p></section>`;
  const count = (v: boolean | null) => fa.rows.filter((r) => r.pass === v).length;
  const failing = fa.rows.filter((r) => r.pass === false).slice(0, input.failureLimit ?? 50);
  const rows = failing.map((r) => h`<tr><td>${communityName(r.community, input)}</td><td class="num">${s.num(r.households)}</td>
<td class="num">${metres(r.floorAreaM2, s)}</td><td class="num">${r.m2Per100Households === null ? '—' : s.num(r.m2Per100Households, 1)}</td><td class="num">${metres(r.requiredM2, s)}</td></tr>`);
  return h`<section>
<h2>${s.floorArea}</h2>
<p>${s.floorRule}: ${ruleName}${mark(fa.rule.m2_per_100_households ?? fa.rule.min_total_m2, s)}. ${s.householdSize}: ${fa.householdSize}.</p>
<p>${s.floorPass}: ${count(true)} · ${s.floorFail}: ${count(false)} · ${s.floorUnknown}: ${count(null)}</p>
${rows.length ? h`<table><thead><tr><th>${s.community}</th><th class="num">${s.households}</th><th class="num">${s.floorArea_m2} (m²)</th><th class="num">${s.per100}</th><th class="num">${s.requiredM2} (m²)</th></tr></thead><tbody>${rows}</tbody></table>` : null}
</section>`;
}

function sourcesSection(input: ReportInput, s: Strings): SafeHtml {
  const refs = Object.entries(input.preset.sources).map(([id, e]) => h`<li>[${id}] ${e.title} — ${e.address}</li>`);
  return h`<section>
<h2>${s.sources}</h2>
<ul>${input.sources.map((line) => h`<li>${line}</li>`)}</ul>
${input.inputs?.length ? h`<p>${s.inputs}: ${input.inputs.join(', ')}</p>` : null}
<h3>${s.presetSources}: ${input.preset.standard}</h3>
<ul class="note">${refs}</ul>
</section>`;
}
