import { describe, expect, it } from 'vitest';
import {
  dataAsOf,
  newestDate,
  partialPeriod,
  pointDate,
  staleSeries,
} from '../../src/data/periods.ts';
import type { CorridorData, Series, SeriesPoint } from '../../src/data/types.ts';
import { formatPeriod, formatPeriodValue, partialNote } from '../../src/i18n/periods.ts';
import { validateData } from '../../src/data/validate.ts';
import { readFixture } from './helpers.ts';

const point = (t: string, extra: Partial<SeriesPoint> = {}): SeriesPoint => ({
  t,
  value: 1,
  status: 'reported',
  source: 's',
  qualifier: 'exact',
  ...extra,
});
const annual = (points: SeriesPoint[]): Series => ({
  id: 'a',
  subject: 'x',
  metric: { zh: 'a', en: 'a' },
  kind: 'annual',
  unit: 'trains',
  points,
});

describe('the period formatter (one for every view)', () => {
  it.each([
    ['2024-03-31', 'Jan–Mar 2024', '2024年1—3月', 'first quarter only', '仅一季度'],
    ['2022-06-30', 'Jan–Jun 2022', '2022年1—6月', 'first half only', '仅上半年'],
    ['2023-09-30', 'Jan–Sep 2023', '2023年1—9月', 'first three quarters only', '仅前三季度'],
    ['2023-10-31', 'Jan–Oct 2023', '2023年1—10月', 'January–October only', '仅1—10月'],
    ['2026-01-31', 'Jan 2026', '2026年1月', 'January–January only', '仅1—1月'],
    ['2024-02-29', 'Jan–Feb 2024', '2024年1—2月', 'January–February only', '仅1—2月'],
    [
      '2025-12-30',
      '1 Jan – 30 Dec 2025',
      '2025年1月1日—12月30日',
      'to 30 December only',
      '仅截至12月30日',
    ],
  ])('%s: %s / %s', (through, en, zh, noteEn, noteZh) => {
    const year = Number(through.slice(0, 4));
    expect(formatPeriod(year, through, 'en')).toBe(en);
    expect(formatPeriod(year, through, 'zh')).toBe(zh);
    expect(partialNote(through, 'en')).toBe(noteEn);
    expect(partialNote(through, 'zh')).toBe(noteZh);
  });

  it('names a whole year as the year, and says a part-year value in the cell’s own words', () => {
    expect(formatPeriod(2024, undefined, 'en')).toBe('2024');
    expect(formatPeriod(2024, undefined, 'zh')).toBe('2024年');
    expect(formatPeriodValue('1,804 trains', 2024, undefined, 'en')).toBe('2024: 1,804 trains');
    expect(formatPeriodValue('1.38 million tonnes', 2024, '2024-03-31', 'en')).toBe(
      'Jan–Mar 2024: 1.38 million tonnes (first quarter only)',
    );
    expect(formatPeriodValue('138万吨', 2024, '2024-03-31', 'zh')).toBe(
      '2024年1—3月：138万吨（仅一季度）',
    );
  });

  it('tells a month end from a day within it, leap years included', () => {
    expect(partialPeriod('2024-02-29')).toEqual({ year: 2024, months: [1, 2] });
    expect(partialPeriod('2023-02-28')).toEqual({ year: 2023, months: [1, 2] });
    expect(partialPeriod('2024-02-28')).toEqual({ year: 2024, day: '2024-02-28' });
  });
});

describe('dates of points, freshness', () => {
  it('dates an annual point at its year end, a partial one at its through, a cumulative one at its day', () => {
    expect(pointDate(annual([]), point('2024'))).toBe('2024-12-31');
    expect(pointDate(annual([]), point('2024', { through: '2024-03-31' }))).toBe('2024-03-31');
    expect(pointDate({ kind: 'cumulative' }, point('2025-08-13'))).toBe('2025-08-13');
  });

  it('takes the newest date, leaving unverified points aside', () => {
    const s = annual([
      point('2023'),
      point('2024', { through: '2024-03-31' }),
      point('2025', { status: 'unverified' }),
    ]);
    expect(newestDate(s)).toBe('2024-03-31');
    expect(newestDate(annual([]))).toBeUndefined();
  });

  it('names the series with nothing in the 18 months before today', () => {
    const { data } = validateData(readFixture('valid-small'));
    expect(dataAsOf(data)).toBe('2023-12-31');
    // 18 months before 2025-06-30 is 2023-12-30: the annual 2023 point (31 Dec) is still fresh.
    expect(staleSeries(data, '2025-06-30').map((s) => s.id)).toEqual(['yixinou-trains-cumulative']);
    expect(staleSeries(data, '2025-07-01').map((s) => s.id)).toEqual([
      'changan-trains',
      'yixinou-trains-cumulative',
    ]);
    const empty: CorridorData = { ...data, metrics: { ...data.metrics, series: [annual([])] } };
    expect(staleSeries(empty, '2025-01-01')).toEqual([{ id: 'a', newest: undefined }]);
    expect(dataAsOf(empty)).toBeUndefined();
  });
});
