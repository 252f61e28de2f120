/**
 * How numbers, units and dates read in each language. Every figure of `geo/hubs.geojson` is
 * listed with the strings written out by hand: zh as Chinese newsrooms write them (万/亿, no
 * grouping, counters), en with grouping and million/billion.
 *
 * The expected strings are those of the ICU in Node 20 (its en-GB abbreviates September as
 * "Sept"); another ICU may word a unit or a month differently.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Qualifier, Unit } from '../../src/data/types.ts';
import {
  formatDate,
  formatFigure,
  formatQuantity,
  formatterWarmups,
} from '../../src/i18n/format.ts';
import { loadGeo } from './helpers.ts';

const { data } = await loadGeo();

/** `hub/figure id` → [zh, en]. */
const HUB_FIGURES: Record<string, [zh: string, en: string]> = {
  'jiangjin/corridors-connected': ['10条通道', '10 corridors'],
  'jiangjin/land-sea-trains-cumulative': ['1648列', '1,648 trains'],
  'jiangjin/land-sea-trains-growth-2023-q1-q3': ['153.42%', '153.42%'],
  'jiangjin/source-provinces': ['12个省份', '12 provinces'],
  'jiangjin/reach-countries-regions': ['119个国家和地区', '119 countries and regions'],
  'jiangjin/reach-ports': ['393个港口', '393 ports'],
  'jiangjin/goods-categories': ['12个大类', '12 categories'],
  'jiangjin/goods-kinds': ['120个品类', '120 kinds'],
  'jiangjin/land-sea-share-target-2024': ['目标50%', 'target 50%'],
  'jiangjin/hundred-billion-bases-target': ['目标2个', 'target 2 bases'],

  'xian/changan-trains-cumulative': ['20045列', '20,045 trains'],
  'xian/train-interval': ['1小时40分钟', '1 hr 40 mins'],
  'xian/changan-growth-since-2019': ['超过30%', 'over 30%'],
  'xian/enterprises-served': ['16500家', '16,500 enterprises'],
  'xian/xian-duisburg-days': ['10天', '10 days'],
  'xian/tax-rebate-enterprises': ['231家', '231 enterprises'],
  'xian/tax-rebate-yuan': ['4136万元', '¥41.36 million'],

  'lanzhou/inspection-sites': ['6个', '6 sites'],
  'lanzhou/e-commerce-supervision-centres': ['2个', '2 centres'],
  'lanzhou/transport-routes': ['超过240条航线', 'over 240 routes'],
  'lanzhou/air-cargo-routes': ['17条航线', '17 routes'],
  'lanzhou/freight-train-countries': ['超过20个国家', 'over 20 countries'],
  'lanzhou/export-product-kinds': ['超过70个品类', 'over 70 kinds'],
  'lanzhou/export-countries': ['超过60个国家', 'over 60 countries'],

  'yiwu/trade-2022': ['4788亿元', '¥478.8 billion'],
  'yiwu/belt-road-trade-share-2022': ['70.6%', '70.6%'],
  'yiwu/gdp-growth-2023-h1': ['9.1%', '9.1%'],
  'yiwu/trade-2023-q1-q3': ['4321亿元', '¥432.1 billion'],
  'yiwu/trade-growth-2023-q1-q3': ['22%', '22%'],
  'yiwu/overseas-warehouses': ['210个', '210 warehouses'],
  'yiwu/overseas-showrooms': ['19个', '19 showrooms'],
  'yiwu/buyer-service-centres': ['36个', '36 centres'],
  'yiwu/yixinou-lines': ['19条线路', '19 lines'],
  'yiwu/yixinou-countries-regions': ['超过50个国家和地区', 'over 50 countries and regions'],
  'yiwu/yixinou-trains-cumulative': ['超过6300列', 'over 6,300 trains'],
  'yiwu/service-stations': ['8个', '8 stations'],
  'yiwu/service-stations-reach': ['55个国家和地区', '55 countries and regions'],
  'yiwu/services-online': ['446项', '446 services'],
  'yiwu/friendship-cities': ['35个城市', '35 cities'],
  'yiwu/friendship-countries': ['21个国家', '21 countries'],
};

const figures = data.hubs.flatMap((h) =>
  h.properties.figures.map((f) => ({ key: `${h.properties.id}/${f.id}`, ...f })),
);

describe('formatFigure: every hub figure of geo/', () => {
  it('has an expected string for each figure, and no stale ones', () => {
    expect(figures.map((f) => f.key).sort()).toEqual(Object.keys(HUB_FIGURES).sort());
  });

  it.each(figures)('$key', ({ key, value, unit, qualifier }) => {
    const [zh, en] = HUB_FIGURES[key] ?? ['(missing)', '(missing)'];
    expect(formatFigure(value, unit, qualifier, 'zh')).toBe(zh);
    expect(formatFigure(value, unit, qualifier, 'en')).toBe(en);
  });
});

describe('formatFigure: units, sizes and qualifiers', () => {
  const cases: [number, Unit, Qualifier, string, string][] = [
    // Every digit is kept: the source's numbers are exact.
    [4217700, 'tonnes', 'exact', '421.77万吨', '4.2177 million tonnes'],
    [2160000, 'tonnes', 'about', '约216万吨', 'about 2.16 million tonnes'],
    [14000000, 'tonnes', 'over', '超过1400万吨', 'over 14 million tonnes'],
    [960000, 'teu', 'exact', '96万标箱', '960,000 TEU'],
    [21405, 'trains', 'exact', '21405列', '21,405 trains'],
    [17000, 'trains', 'over', '超过17000列', 'over 17,000 trains'],
    [19000, 'trains', 'about', '约19000列', 'about 19,000 trains'],
    [20, 'trains', 'under', '不足20列', 'under 20 trains'], // 不足20列: China–Europe 2011
    // zh switches to 万 at ten thousand, en to million at a million.
    [9999, 'yuan', 'exact', '9999元', '¥9,999'],
    [10000, 'yuan', 'exact', '1万元', '¥10,000'],
    [999999, 'yuan', 'exact', '99.9999万元', '¥999,999'],
    [100000000, 'yuan', 'exact', '1亿元', '¥100 million'],
    // Singular in en.
    [1, 'trains', 'exact', '1列', '1 train'],
    [1, 'countries-regions', 'exact', '1个国家和地区', '1 country or region'],
    // Durations: hours and minutes, leaving out a zero part.
    [60, 'minutes', 'exact', '1小时', '1 hr'],
    [45, 'minutes', 'exact', '45分钟', '45 mins'],
    [1, 'minutes', 'exact', '1分钟', '1 min'],
    [150, 'minutes', 'exact', '2小时30分钟', '2 hrs 30 mins'],
    [0, 'minutes', 'exact', '0分钟', '0 mins'],
    // Percent values are percentages, not fractions.
    [21, 'percent', 'exact', '21%', '21%'],
    [0.5, 'percent', 'exact', '0.5%', '0.5%'],
    [3, 'days', 'target', '目标3天', 'target 3 days'],
  ];

  it.each(cases)('%d %s (%s)', (value, unit, qualifier, zh, en) => {
    expect(formatFigure(value, unit, qualifier, 'zh')).toBe(zh);
    expect(formatFigure(value, unit, qualifier, 'en')).toBe(en);
  });

  it('formatQuantity leaves the qualifier out', () => {
    expect(formatQuantity(6300, 'trains', 'zh')).toBe('6300列');
    expect(formatQuantity(6300, 'trains', 'en')).toBe('6,300 trains');
  });
});

describe('formatDate', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ['2023', '2023年', '2023'],
    ['2023-09', '2023年9月', 'Sept 2023'],
    ['2023-09-30', '2023年9月30日', '30 Sept 2023'],
    ['2014-11-18', '2014年11月18日', '18 Nov 2014'],
    ['2024-02-29', '2024年2月29日', '29 Feb 2024'],
    ['2011-03-19', '2011年3月19日', '19 Mar 2011'],
  ])('%s', (iso, zh, en) => {
    expect(formatDate(iso, 'zh')).toBe(zh);
    expect(formatDate(iso, 'en')).toBe(en);
  });

  it('gives the same day in any time zone (1 January stays in its year)', () => {
    for (const tz of ['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      expect([tz, formatDate('2023-01-01', 'en'), formatDate('2023-12-31', 'zh')]).toEqual([
        tz,
        '1 Jan 2023',
        '2023年12月31日',
      ]);
    }
  });
});

describe('formatter warm-ups (made ahead, each in a task of its own)', () => {
  it.each(['zh', 'en'] as const)(
    '%s: each step runs, and the figures read the same after',
    (lang) => {
      const before = formatFigure(20045, 'trains', 'exact', lang);
      const steps = formatterWarmups(lang);
      expect(steps.length).toBeGreaterThan(1);
      for (const step of steps) expect(step).not.toThrow();
      expect(formatFigure(20045, 'trains', 'exact', lang)).toBe(before);
    },
  );
});
