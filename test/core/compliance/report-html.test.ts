import { describe, expect, it } from 'vitest';
import { communityCompliance } from '../../../src/core/compliance/community-compliance.ts';
import { completenessIndex } from '../../../src/core/compliance/completeness-index.ts';
import { floorAreaCompliance } from '../../../src/core/compliance/floor-area-compliance.ts';
import { shippedFloorAreaRules } from '../../../src/core/presets/preset-catalog.ts';
import { escapeHtml, reportHtml, type ReportInput } from '../../../src/io/report-html.ts';
import { distancesOf, facility, tinyPreset } from './tiny-preset.ts';

const XSS = '<img src=x onerror=alert(1)>';
const preset = tinyPreset([
  facility('kindergarten', { radius: 300 }),
  facility('primary_school', { radius: 500, level: 'l10' }),
  facility('subdistrict_office', {}),
]);
preset.facilities[1].radius_m!.confidence = 'confirmed_2_sources';
const distances = distancesOf({ kindergarten: { d: [100, 400, 50], n: 1 }, primary_school: { d: [100, 100, 900], n: 1 } });
const pop = [10, 20, 30];
const community = Int32Array.from([0, 1, 2]);
const communities = { ids: ['A', 'B', 'C'], names: [XSS, '"Quoted" & Co', '三元巷'], namesEn: ['Block A', 'Block B', 'Block C'] };

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    lang: 'zh',
    areaName: 'Test <area>',
    date: '2024-05-01',
    preset,
    method: { mode: 'network', maxSnapM: 250, limitM: 2000, speedMPerMin: 80 },
    compliance: communityCompliance({ preset, distances, pop, community, communityCount: 3 }),
    communities,
    completeness: { index: completenessIndex(preset, distances, 3), pop },
    sources: ['© OpenStreetMap contributors (ODbL 1.0)'],
    ...over,
  };
}

describe('escapeHtml', () => {
  it('turns the five HTML-special characters into entities', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('reportHtml', () => {
  const html = reportHtml(input());

  it('shows a community named like an HTML tag as text, never as markup', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&quot;Quoted&quot; &amp; Co');
    expect(html).toContain('Test &lt;area&gt;');
  });

  it('escapes preset texts too, since a preset can be any imported file', () => {
    const evil = tinyPreset([{ ...facility('kindergarten', { radius: 300 }), name_zh: '<script>alert(1)</script>' }]);
    const page = reportHtml(input({ preset: evil, compliance: communityCompliance({ preset: evil, distances, pop, community, communityCount: 3 }), completeness: undefined }));
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is a self-contained A4 print page: no scripts, no external resources', () => {
    expect(html).toContain('@page { size: A4; margin: 15mm }');
    expect(html).not.toMatch(/<script|<link|<iframe|src="http|url\(/i);
  });

  it('has the compliance matrix with coloured pass and fail cells carrying the covered share', () => {
    // Community A: kindergarten 100 m and school 100 m → 100 / 100; B: kindergarten 400 m > 300 → 0.
    expect(html).toContain('id="matrix"');
    expect(html).toMatch(/<td class="pass">100<\/td><td class="pass">100<\/td>/);
    expect(html).toMatch(/<td class="fail">0<\/td><td class="pass">100<\/td>/);
  });

  it('marks unverified values and lists types it cannot assess', () => {
    expect(html).toContain('⚠ 待核实');
    expect(html).toContain('subdistrict_office 中文');
    expect(html).toContain('没有对应的 Lifecircle 设施类型');
  });

  it('caps the matrix to the communities with the most failures and says so', () => {
    const page = reportHtml(input({ matrixLimit: 1 }));
    const matrix = page.slice(page.indexOf('id="matrix"'), page.indexOf('id="failures"'));
    // B fails the kindergarten (20 short), C fails the school (30 short): one failure each, C's shortfall is larger.
    expect(matrix).toContain('三元巷');
    expect(matrix).not.toContain('Quoted');
    expect(matrix).toContain('显示未达标类型最多的 1 个社区（共 3 个）');
  });

  it('ranks the failures by shortfall', () => {
    const failures = html.slice(html.indexOf('id="failures"'));
    expect(failures.indexOf('三元巷')).toBeLessThan(failures.indexOf('Quoted'));
  });

  it('is written in English with the English community names when asked', () => {
    const en = reportHtml(input({ lang: 'en' }));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Compliance matrix');
    expect(en).toContain('Block B');
    expect(en).not.toContain('达标矩阵');
  });

  it('embeds a data: map image, and otherwise says the map is in the app', () => {
    expect(html).toContain('地图请在 Lifecircle 应用中查看');
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(reportHtml(input({ mapImage: png }))).toContain(`<img src="${png}"`);
    const remote = reportHtml(input({ mapImage: 'https://example.org/map.png' }));
    expect(remote).not.toContain('example.org');
    expect(remote).toContain('地图请在 Lifecircle 应用中查看');
  });

  it('says when the data has no floor areas instead of failing the floor-area norm', () => {
    const rules = shippedFloorAreaRules();
    const floorArea = floorAreaCompliance({ rule: rules.rules[0], householdSize: 2.62, facilities: [{ type: 'community_service', community: 0 }], communities: [{ population: 10 }] });
    expect(reportHtml(input({ floorArea }))).toContain('设施数据不含建筑面积');
  });

  it('lists the data sources with their licences', () => {
    expect(html).toContain('© OpenStreetMap contributors (ODbL 1.0)');
  });
});
