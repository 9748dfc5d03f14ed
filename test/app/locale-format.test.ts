import { describe, expect, it } from 'vitest';
import {
  fmtDay, fmtDistance, fmtHectares, fmtKm, fmtMetres, fmtMinutes, fmtNumber, fmtPercent, fmtPercentPoints, fmtPersons, fmtSeconds, fmtSpeed, fmtTime,
} from '../../src/io/locale-format.ts';

// Expected strings are written by hand from how each language writes them (ICU's zh-CN puts no
// space between a number and 米/公里/分钟, English does).
describe('locale formatting', () => {
  it('groups integers the same way in both languages and rounds to whole numbers', () => {
    expect(fmtNumber('zh', 12345.4)).toBe('12,345');
    expect(fmtNumber('en', 12345.6)).toBe('12,346');
    expect(fmtNumber('en', 2.345, 2)).toBe('2.35');
    expect(fmtNumber('zh', null)).toBe('—');
    expect(fmtNumber('en', NaN)).toBe('—');
  });

  it('writes shares as percentages with one decimal', () => {
    expect(fmtPercent('zh', 0.1234)).toBe('12.3%');
    expect(fmtPercent('en', 0.1234)).toBe('12.3%');
    expect(fmtPercent('en', 1)).toBe('100.0%');
    expect(fmtPercent('zh', 0.5, 0)).toBe('50%');
    expect(fmtPercent('zh', Infinity)).toBe('—');
    expect(fmtPercentPoints('zh', 0.0123)).toBe('+1.2 个百分点');
    expect(fmtPercentPoints('en', 0.0123)).toBe('+1.2 pp');
    expect(fmtPercentPoints('en', -0.05)).toBe('-5.0 pp');
  });

  it('writes distances with 米/公里 in Chinese and m/km in English', () => {
    expect(fmtMetres('zh', 1234.4)).toBe('1,234米');
    expect(fmtMetres('en', 1234.4)).toBe('1,234 m');
    expect(fmtMetres('en', -12, true)).toBe('-12 m');
    expect(fmtMetres('zh', 12, true)).toBe('+12米');
    expect(fmtKm('zh', 12340)).toBe('12.3公里');
    expect(fmtKm('en', 12340)).toBe('12.3 km');
    expect(fmtDistance('en', 999)).toBe('999 m');
    expect(fmtDistance('en', 1500)).toBe('1.5 km');
    expect(fmtDistance('zh', 1500)).toBe('1.5公里');
    expect(fmtMetres('en', Infinity)).toBe('—');
    expect(fmtMetres('zh', undefined)).toBe('—');
  });

  it('writes persons, areas, durations and speeds with the language’s units', () => {
    expect(fmtPersons('zh', 1234.6)).toBe('1,235人');
    expect(fmtPersons('en', 1234.6)).toBe('1,235 persons');
    expect(fmtPersons('en', 1)).toBe('1 person');
    expect(fmtHectares('zh', 15000)).toBe('1.5公顷');
    expect(fmtHectares('en', 15000)).toBe('1.5 ha');
    expect(fmtMinutes('zh', 12.5)).toBe('12.5分钟');
    expect(fmtMinutes('en', 12.5)).toBe('12.5 min');
    expect(fmtSeconds('zh', 1.25)).toBe('1.25秒');
    expect(fmtSeconds('en', 1.25)).toBe('1.25 sec');
    expect(fmtSpeed('zh', 80)).toBe('80米/分钟');
    expect(fmtSpeed('en', 80)).toBe('80 m/min');
  });

  it('writes times of day and calendar dates per language', () => {
    // 05:06:07 UTC is 13:06:07 in Beijing.
    expect(fmtTime('zh', '2026-03-04T05:06:07Z', 'Asia/Shanghai')).toBe('13:06:07');
    expect(fmtTime('en', '2026-03-04T05:06:07Z', 'Asia/Shanghai')).toBe('1:06:07 PM');
    expect(fmtTime('en', 'not a date')).toBe('—');
    expect(fmtDay('zh', '2026-03-04')).toBe('2026年3月4日');
    expect(fmtDay('en', '2026-03-04')).toBe('March 4, 2026');
    expect(fmtDay('en', 'yesterday')).toBe('yesterday');
  });
});
