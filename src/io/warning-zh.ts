/**
 * Load warnings in Chinese. The readers produce warnings as English strings (they travel as
 * string[] through the workers, the CLI's summary.json and the project file); this table turns the
 * known ones into Chinese for the UI and `lifecircle --lang zh`, keeping the file name and every
 * row/feature number. An unknown warning is returned unchanged (English beats nothing); the
 * bad-input corpus test (test/io/bad-input-corpus.test.ts) checks every warning in the corpus.
 *
 * Each pattern matches the text after "<file>: ".
 */
type Rule = [RegExp, (m: RegExpMatchArray) => string];

/** The counter and noun for "rows" / "features". */
const unitZh = (u: string) => (u.startsWith('feature') ? '个要素' : '行');
const listZh = (s: string) => s.replace(/, /g, '、');

const RULES: Rule[] = [
  [/^rows (.+?) have (.+?) field\(s\) but the header has (\d+): check the delimiter \("(.*?)" in the header\) and quotes in those rows$/s,
    (m) => `第 ${listZh(m[1])} 行有 ${m[2].replace(/ or /g, '或')} 个字段，但表头有 ${m[3]} 个：请检查这些行的分隔符（表头用的是“${m[4] === 'tab' ? '制表符' : m[4]}”）和引号`],
  [/^skipped (\d+) of (\d+) (rows|features) without a location or a non-negative population \((?:rows|features) (.+)\)$/s,
    (m) => `跳过了 ${m[2]} ${unitZh(m[3])}中没有位置或人口不是非负数字的 ${m[1]} ${unitZh(m[3])}（第 ${listZh(m[4])} ${unitZh(m[3])}）：请补全位置、把人口改为非负数字，或删除这些${unitZh(m[3]).replace('个', '')}`],
  [/^ids are not unique \((.+)\); results per unit may be confused\. Give each unit its own id\.$/s,
    (m) => `编号不唯一（${m[1].replace(/id "(.*?)" on (rows|features) (\d+) and (\d+)/g, (_, id, u, a, b) => `编号“${id}”出现在第 ${a} 和第 ${b} ${u === 'rows' ? '行' : '个要素'}`).replace(/; /g, '；')}）：各单元的结果可能混淆，请给每个单元不同的编号`],
  [/^column "(.+?)" appears (\d+) times \(columns (.+?)\); the first is used\. Rename the others\.$/s,
    (m) => `列“${m[1]}”出现了 ${m[2]} 次（第 ${listZh(m[3])} 列）：已使用第一列，请重命名其他列`],
  [/^(feature \d+(?: \(.*?\))?): the boundary crosses itself, so which residents are inside may be wrong; repair it in GIS \(e\.g\. QGIS "Fix geometries"\)$/s,
    (m) => `${featureZh(m[1])}：边界自相交，哪些居民在界内可能算错；请在 GIS 中修复（如 QGIS“修复几何”）`],
  [/^(feature \d+(?: \(.*?\))?): a ring is not closed \(its last position differs from the first\); it was closed\. Fix the geometry in GIS if the shape looks wrong\.$/s,
    (m) => `${featureZh(m[1])}：多边形的环没有闭合（末点与首点不同），已自动闭合；如果形状不对，请在 GIS 中修复`],
  [/^skipped (\d+) of (\d+) features that are not polygons or have invalid coordinates \(features (.+)\)$/s,
    (m) => `跳过了 ${m[2]} 个要素中不是多边形或坐标无效的 ${m[1]} 个（第 ${listZh(m[3])} 个要素）：请修复或删除这些要素`],
  [/^(\d+) of (\d+) rows have no usable location \(empty or non-numeric lon\/lat\) and were skipped: (.+)$/s,
    (m) => `${m[2]} 行中有 ${m[1]} 行没有可用的位置（lon/lat 为空或不是数字），已跳过：${listZh(m[3])}`],
  [/^(\d+) of (\d+) features have no usable point or polygon geometry and were skipped: (.+)$/s,
    (m) => `${m[2]} 个要素中有 ${m[1]} 个没有可用的点或面几何，已跳过：${listZh(m[3])}`],
  [/^(\d+) features have invalid coordinates \(not lists of \[lon, lat\] numbers\) and were skipped \(features (.+)\)$/s,
    (m) => `${m[1]} 个要素的坐标无效（不是 [lon, lat] 数字列表），已跳过（第 ${listZh(m[2])} 个要素）`],
  [/^skipped (\d+) of (\d+) rows without a location \(rows (.+)\)$/s,
    (m) => `跳过了 ${m[2]} 行中没有位置的 ${m[1]} 行（第 ${listZh(m[3])} 行）`],
  [/^all (\d+) facilities are more than (\d+) m from a walkable street, so none is reachable on foot: check that the facilities and the street network cover the same area and coordinate system$/s,
    (m) => `全部 ${m[1]} 个设施离可步行道路都超过 ${m[2]} 米，步行无法到达：请检查设施和路网是否覆盖同一范围、使用同一坐标系`],
  [/^the points look like (GCJ-02|BD-09) \(.*?\) coordinates, not WGS84: the median distance to the nearest street is (\d+) m as loaded and (\d+) m after converting\. If so, load them with (.+)$/s,
    (m) => `这些点看起来是 ${m[1]}（${m[1] === 'GCJ-02' ? '高德、腾讯' : '百度'}）坐标而不是 WGS84：到最近道路的距离中位数，按原样为 ${m[2]} 米，转换后为 ${m[3]} 米。如确是如此，请用 ${m[4]} 加载`],
  [/^(\d+) of (\d+) features match no life-circle facility type and are not analysed: (.+)$/s,
    (m) => `${m[2]} 个要素中有 ${m[1]} 个不属于任何生活圈设施类型，不参与分析：${m[3].replace(/; /g, '；')}`],
  [/^types not in the GB 50180 catalogue, kept with a 500 m default radius: (.+)$/s,
    (m) => `以下类型不在 GB 50180 设施目录中，按默认 500 米服务半径保留：${listZh(m[1])}`],
  [/^no \.prj in the zip; coordinates were taken as WGS84 lon\/lat\. Give the coordinate system if they are not\.$/s,
    () => 'zip 中没有 .prj，坐标按 WGS84 经纬度读取；如果不是，请指定坐标系'],
  [/^no \.dbf in the zip, so the features have no attributes \(no names or ids\)$/s, () => 'zip 中没有 .dbf，要素没有属性（没有名称和编号）'],
  [/^(\d+) ways reference (\d+) nodes outside the extract; their present parts were kept$/s,
    (m) => `${m[1]} 条道路引用了 ${m[2]} 个提取范围之外的节点，已保留范围内的部分`],
];

function featureZh(where: string): string {
  const m = where.match(/^feature (\d+)(?: \((.*)\))?$/s);
  return m ? `第 ${m[1]} 个要素${m[2] !== undefined ? `（${m[2]}）` : ''}` : where;
}

export function localiseWarning(en: string): string {
  const colon = en.indexOf(': ');
  for (const rest of colon >= 0 ? [en.slice(colon + 2), en] : [en]) {
    for (const [re, zh] of RULES) {
      const m = rest.match(re);
      if (m) return rest === en ? zh(m) : `${en.slice(0, colon)}：${zh(m)}`;
    }
  }
  return en;
}
