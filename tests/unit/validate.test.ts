/**
 * Data validation (DESIGN §2): the real `geo/` data, then broken fixtures in the style of turf's
 * tests — one folder per case under `tests/fixtures/<case>/`, each a copy of the small valid set
 * `valid-small/` with exactly one thing broken. Each case states the exact messages a newsroom
 * reads and what still loads.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadDataDir } from '../../src/data/loadDir.ts';
import { loadData } from '../../src/data/parse.ts';
import { formatProblem, type Problem } from '../../src/data/problems.ts';
import { DATA_FILES, type CorridorData, type Qualifier, type Unit } from '../../src/data/types.ts';
import { isIsoDay } from '../../src/data/fields.ts';
import { validateData, validateDataInSteps } from '../../src/data/validate.ts';
import { GEO, ROOT, fixture, getAt, ids, loadGeo, readFixture, setAt } from './helpers.ts';

const messages = (problems: Problem[]) => problems.map(formatProblem);

describe('the real geo/ data', async () => {
  const { data, problems } = await loadGeo();

  it('validates with no problems', () => {
    expect(messages(problems)).toEqual([]);
  });

  it('has the four hubs of the article, at least nine routes and every corridor', () => {
    expect(ids(data.hubs)).toEqual(['jiangjin', 'xian', 'lanzhou', 'yiwu']);
    expect(data.routes.length).toBeGreaterThanOrEqual(9);
    expect(new Set(data.routes.map((r) => r.properties.corridor))).toEqual(
      new Set(['china-europe', 'china-laos', 'new-western-land-sea']),
    );
  });

  it("gives Xi'an the article's 20045 Chang'an trains", () => {
    const xian = data.hubs.find((h) => h.properties.id === 'xian');
    const figure = xian?.properties.figures.find((f) => f.value === 20045);
    expect(figure).toMatchObject({
      id: 'changan-trains-cumulative',
      unit: 'trains',
      qualifier: 'exact',
      source: 'article',
      status: 'reported',
      asOf: '2023-09-30',
    });
  });

  it('names a source for every figure, note and series point that metrics.json lists', () => {
    const known = new Set(data.metrics.sources.map((s) => s.id));
    const cited = [
      ...data.hubs.flatMap((h) => [
        h.properties.coordSource,
        ...h.properties.figures.map((f) => f.source),
        ...h.properties.notes.map((n) => n.source),
      ]),
      ...data.places.map((p) => p.properties.coordSource),
      ...data.routes.map((r) => r.properties.openedSource),
      ...data.metrics.series.flatMap((s) => s.points.map((p) => p.source)),
    ];
    expect(cited.filter((s) => !known.has(s))).toEqual([]);
  });
});

/**
 * Every number of FIGURES.md's four hub sections, as `[value, unit, qualifier]`, written out by
 * hand from the article's wording ("余/多/以上/突破" → over, "力争/千亿级…基地" → target).
 * Statements without a single number are notes, not figures: Xi'an as the first city past
 * 20,000 trains, the Kazakhstan investment (end of 2023), Yiwu's Global Digital Trade Centre
 * (2025) and its "about 1/7" of Ningbo-Zhoushan's exports.
 */
const ARTICLE_FIGURES: Record<string, [number, Unit, Qualifier][]> = {
  jiangjin: [
    [10, 'corridors', 'exact'], // 10条…通道
    [1648, 'trains', 'exact'], // 累计开行1648列
    [153.42, 'percent', 'exact'], // 同比增长153.42%
    [12, 'provinces', 'exact'], // 12个省份
    [119, 'countries-regions', 'exact'], // 119个国家和地区
    [393, 'ports', 'exact'], // 393个港口
    [12, 'categories', 'exact'], // 12个大类
    [120, 'kinds', 'exact'], // 120个品类
    [50, 'percent', 'target'], // 力争到2024年…50%以上
    [2, 'bases', 'target'], // 千亿级装备制造基地和千亿级商贸物流基地
  ],
  xian: [
    [20045, 'trains', 'exact'], // 累计开行20045列
    [100, 'minutes', 'exact'], // 平均每1小时40分钟
    [30, 'percent', 'over'], // 年均增长30%以上
    [16500, 'enterprises', 'exact'], // 服务企业达到16500家
    [10, 'days', 'exact'], // 10天即可从西安抵达德国杜伊斯堡
    [231, 'enterprises', 'exact'], // 服务企业231家
    [41360000, 'yuan', 'exact'], // 累计退税4136万元
  ],
  yiwu: [
    [478800000000, 'yuan', 'exact'], // 进出口4788亿元
    [70.6, 'percent', 'exact'],
    [9.1, 'percent', 'exact'],
    [432100000000, 'yuan', 'exact'], // 4321亿元
    [22, 'percent', 'exact'], // 同比增长22%
    [210, 'warehouses', 'exact'],
    [19, 'showrooms', 'exact'],
    [36, 'centres', 'exact'],
    [19, 'lines', 'exact'], // 线路已拓展至19条
    [50, 'countries-regions', 'over'], // 50多个国家和地区
    [6300, 'trains', 'over'], // 累计开行突破6300列
    [8, 'stations', 'exact'],
    [55, 'countries-regions', 'exact'],
    [446, 'services', 'exact'],
    [35, 'cities', 'exact'],
    [21, 'countries', 'exact'],
  ],
  lanzhou: [
    [6, 'sites', 'exact'],
    [2, 'centres', 'exact'],
    [240, 'routes', 'over'], // 240余条
    [17, 'routes', 'exact'],
    [20, 'countries', 'over'], // 20+ countries
    [70, 'kinds', 'over'], // 70余种
    [60, 'countries', 'over'], // 60多个国家
  ],
};

/** asOf of the article's figures: 2023-09-30 unless the line dates itself (geo/NOTES.md). */
const ARTICLE_AS_OF: Record<string, string> = {
  'yiwu/trade-2022': '2022-12-31',
  'yiwu/belt-road-trade-share-2022': '2022-12-31',
  'yiwu/gdp-growth-2023-h1': '2023-06-30',
};

describe("the article's figures (FIGURES.md)", async () => {
  const { data } = await loadGeo();
  const sortTriples = (list: [number, Unit, Qualifier][]) =>
    [...list].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));

  it.each(Object.keys(ARTICLE_FIGURES))('%s carries exactly its section’s numbers', (hubId) => {
    const hub = data.hubs.find((h) => h.properties.id === hubId);
    expect(hub).toBeDefined();
    const article = hub!.properties.figures.filter((f) => f.source === 'article');
    const actual = article.map((f): [number, Unit, Qualifier] => [f.value, f.unit, f.qualifier]);
    expect(sortTriples(actual)).toEqual(sortTriples(ARTICLE_FIGURES[hubId]!));
  });

  it('marks every article figure reported, dated as the article dates it', () => {
    const wrong = data.hubs.flatMap((h) =>
      h.properties.figures
        .filter((f) => f.source === 'article')
        .filter((f) => {
          const asOf = ARTICLE_AS_OF[`${h.properties.id}/${f.id}`] ?? '2023-09-30';
          return f.status !== 'reported' || f.asOf !== asOf;
        })
        .map((f) => `${h.properties.id}/${f.id}`),
    );
    expect(wrong).toEqual([]);
  });
});

interface BrokenCase {
  /** Folder under tests/fixtures/. */
  name: string;
  /** The one file that differs from valid-small/. */
  file: string;
  problems: string[];
  hubs: string[];
  places: string[];
  routes: string[];
  /** Further checks that only the bad item was lost. */
  also?: (data: CorridorData) => void;
}

const ALL_HUBS = ['xian', 'yiwu'];
const ALL_PLACES = ['duisburg', 'madrid'];
const ALL_ROUTES = ['changan', 'yixinou'];

const figureIds = (data: CorridorData, hub: string) =>
  data.hubs.find((h) => h.properties.id === hub)?.properties.figures.map((f) => f.id);

/** The JSON.parse message of this V8, one line (as parse.ts reports it). */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message.replace(/\s+/g, ' ');
  }
  throw new Error('expected invalid JSON');
}

const CASES: BrokenCase[] = [
  {
    name: 'not-json',
    file: 'hubs.geojson',
    problems: [
      `hubs.geojson: not valid JSON (${jsonError(readFileSync(join(fixture('not-json'), 'hubs.geojson'), 'utf8'))})`,
      // The routes name hubs that could not be read: reported, not silently dropped.
      'routes.geojson › changan › from: unknown hub or place "xian"',
      'routes.geojson › changan › stops[0]: unknown hub or place "xian"',
      'routes.geojson › yixinou › from: unknown hub or place "yiwu"',
      'routes.geojson › yixinou › stops[0]: unknown hub or place "yiwu"',
    ],
    hubs: [],
    places: ALL_PLACES,
    routes: [],
  },
  {
    name: 'wrong-geometry-type',
    file: 'hubs.geojson',
    problems: [
      'hubs.geojson › yiwu › geometry.type: expected Point, got "LineString"',
      'routes.geojson › yixinou › from: "yiwu" was left out for its own problem (listed above)',
      'routes.geojson › yixinou › stops[0]: "yiwu" was left out for its own problem (listed above)',
    ],
    hubs: ['xian'],
    places: ALL_PLACES,
    routes: ['changan'],
  },
  {
    name: 'swapped-lonlat',
    file: 'hubs.geojson',
    problems: [
      'hubs.geojson › xian › geometry.coordinates: latitude 109.0604 is outside −90…90 (longitude and latitude swapped? GeoJSON is [lon, lat])',
      'routes.geojson › changan › from: "xian" was left out for its own problem (listed above)',
      'routes.geojson › changan › stops[0]: "xian" was left out for its own problem (listed above)',
    ],
    hubs: ['yiwu'],
    places: ALL_PLACES,
    routes: ['yixinou'],
  },
  {
    name: 'out-of-range',
    file: 'routes.geojson',
    problems: [
      'routes.geojson › changan › geometry.coordinates[2]: longitude 200 is outside −180…180',
    ],
    hubs: ALL_HUBS,
    places: ALL_PLACES,
    routes: ['yixinou'],
  },
  {
    name: 'nan',
    file: 'hubs.geojson',
    problems: ['hubs.geojson › xian › figures[1].value: expected a finite number, got "NaN"'],
    hubs: ALL_HUBS,
    places: ALL_PLACES,
    routes: ALL_ROUTES,
    also: (data) => {
      // Only the bad figure is lost: the hub, its other figures and its note stay.
      expect(figureIds(data, 'xian')).toEqual(['changan-trains-cumulative', 'tax-rebate-yuan']);
      expect(data.hubs[0]?.properties.notes.map((n) => n.id)).toEqual(['first-city-20000-trains']);
    },
  },
  {
    name: 'duplicate-id',
    file: 'places.geojson',
    problems: [
      'places.geojson › duisburg › id: duplicate id "duisburg" (ids are unique across hubs and places); only the first is kept',
    ],
    hubs: ALL_HUBS,
    places: ALL_PLACES,
    routes: ALL_ROUTES,
    also: (data) => {
      // The first Duisburg is kept, with its own name and position.
      expect(data.places[0]?.properties.name.en).toBe('Duisburg');
      expect(data.places[0]?.geometry.coordinates).toEqual([6.7652, 51.4325]);
    },
  },
  {
    name: 'missing-place',
    file: 'routes.geojson',
    problems: [
      'routes.geojson › changan › to: unknown hub or place "nowhere"',
      'routes.geojson › changan › stops[1]: unknown hub or place "nowhere"',
    ],
    hubs: ALL_HUBS,
    places: ALL_PLACES,
    routes: ['yixinou'],
  },
  {
    name: 'unknown-source',
    file: 'hubs.geojson',
    problems: [
      'hubs.geojson › yiwu › figures[0].source: unknown source "yiwu-daily" (not in metrics.json sources)',
    ],
    hubs: ALL_HUBS,
    places: ALL_PLACES,
    routes: ALL_ROUTES,
    also: (data) => {
      // The figure is lost, not the hub: Yiwu keeps its other figure and its place on the map.
      expect(figureIds(data, 'yiwu')).toEqual(['yixinou-trains-cumulative']);
      expect(figureIds(data, 'xian')).toHaveLength(3);
    },
  },
  {
    name: 'missing-name',
    file: 'places.geojson',
    problems: [
      'places.geojson › madrid › name.en: missing',
      'routes.geojson › yixinou › to: "madrid" was left out for its own problem (listed above)',
      'routes.geojson › yixinou › stops[2]: "madrid" was left out for its own problem (listed above)',
    ],
    hubs: ALL_HUBS,
    places: ['duisburg'],
    routes: ['changan'],
  },
  {
    name: 'html-in-name',
    file: 'hubs.geojson',
    problems: [
      'hubs.geojson › xian › name.en: contains HTML markup "<script>": write plain text',
      'routes.geojson › changan › from: "xian" was left out for its own problem (listed above)',
      'routes.geojson › changan › stops[0]: "xian" was left out for its own problem (listed above)',
    ],
    hubs: ['yiwu'],
    places: ALL_PLACES,
    routes: ['yixinou'],
  },
];

describe('broken fixtures (tests/fixtures/<case>/)', () => {
  it('valid-small, the base every case copies, is valid', async () => {
    const { data, problems } = await loadDataDir(fixture('valid-small'));
    expect(messages(problems)).toEqual([]);
    expect([ids(data.hubs), ids(data.places), ids(data.routes)]).toEqual([
      ALL_HUBS,
      ALL_PLACES,
      ALL_ROUTES,
    ]);
    expect(data.metrics.sources.map((s) => s.id)).toEqual(['article', 'geonames']);
    expect(data.metrics.series.map((s) => s.id)).toEqual([
      'changan-trains',
      'yixinou-trains-cumulative',
    ]);
  });

  describe.each(CASES)('$name', (c) => {
    it(`differs from valid-small in ${c.file} only`, () => {
      const changed = DATA_FILES.filter(
        (file) =>
          readFileSync(join(fixture(c.name), file), 'utf8') !==
          readFileSync(join(fixture('valid-small'), file), 'utf8'),
      );
      expect(changed).toEqual([c.file]);
    });

    it('reports exactly these problems', async () => {
      const { problems } = await loadDataDir(fixture(c.name));
      expect(messages(problems)).toEqual(c.problems);
    });

    it('still loads everything else', async () => {
      const { data } = await loadDataDir(fixture(c.name));
      expect(ids(data.hubs)).toEqual(c.hubs);
      expect(ids(data.places)).toEqual(c.places);
      expect(ids(data.routes)).toEqual(c.routes);
      expect(data.metrics.sources).toHaveLength(2);
      expect(data.metrics.series).toHaveLength(2);
      c.also?.(data);
    });
  });

  it('keeps each problem message on one line', async () => {
    const { problems } = await loadDataDir(fixture('not-json'));
    expect(messages(problems).filter((m) => m.includes('\n'))).toEqual([]);
  });
});

describe('broken-feature: the real data with one route broken (for the browser test)', async () => {
  const { data, problems } = await loadDataDir(fixture('broken-feature'));
  const real = (await loadGeo()).data;

  it('reports the route and nothing else', () => {
    expect(messages(problems)).toEqual([
      'routes.geojson › changan › to: unknown hub or place "nowhere"',
      'routes.geojson › changan › stops[7]: unknown hub or place "nowhere"',
    ]);
  });

  it('loads every other feature of the real data', () => {
    expect(ids(data.hubs)).toEqual(ids(real.hubs));
    expect(ids(data.places)).toEqual(ids(real.places));
    expect(ids(data.routes)).toEqual(ids(real.routes).filter((id) => id !== 'changan'));
    expect(data.metrics).toEqual(real.metrics);
  });

  it('differs from geo/ in routes.geojson only', () => {
    const changed = DATA_FILES.filter(
      (file) =>
        readFileSync(join(fixture('broken-feature'), file), 'utf8') !==
        readFileSync(join(GEO, file), 'utf8'),
    );
    expect(changed).toEqual(['routes.geojson']);
  });
});

describe('validateData on objects in memory (what JSON cannot hold)', () => {
  const withBase = (path: (string | number)[], file: keyof ReturnType<typeof readFixture>) => {
    return (value: unknown) => {
      const files = readFixture('valid-small');
      setAt(files[file], path, value);
      return validateData(files);
    };
  };
  const figureValue = withBase(
    ['features', 0, 'properties', 'figures', 1, 'value'],
    'hubs.geojson',
  );

  it.each([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [null, 'null'],
    ['16500', '"16500"'],
    [undefined, 'nothing'],
  ])('a figure value %s is reported and only that figure is lost', (value, shown) => {
    const { data, problems } = figureValue(value);
    const expected =
      value === undefined
        ? 'hubs.geojson › xian › figures[1].value: missing'
        : `hubs.geojson › xian › figures[1].value: expected a finite number, got ${shown}`;
    expect(messages(problems)).toEqual([expected]);
    expect(figureIds(data, 'xian')).toEqual(['changan-trains-cumulative', 'tax-rebate-yuan']);
    expect(ids(data.routes)).toEqual(ALL_ROUTES);
  });

  it('a NaN coordinate loses the place and the route through it', () => {
    const { data, problems } = withBase(
      ['features', 1, 'geometry', 'coordinates', 1],
      'places.geojson',
    )(NaN);
    expect(messages(problems)).toEqual([
      'places.geojson › madrid › geometry.coordinates: latitude must be a finite number, got NaN',
      'routes.geojson › yixinou › to: "madrid" was left out for its own problem (listed above)',
      'routes.geojson › yixinou › stops[2]: "madrid" was left out for its own problem (listed above)',
    ]);
    expect(ids(data.places)).toEqual(['duisburg']);
    expect(ids(data.routes)).toEqual(['changan']);
  });

  it('a NaN series value loses that point only', () => {
    const { data, problems } = withBase(['series', 0, 'points', 0, 'value'], 'metrics.json')(NaN);
    expect(messages(problems)).toEqual([
      'metrics.json › changan-trains › points[0].value: expected a finite number, got NaN',
    ]);
    expect(data.metrics.series[0]?.points.map((p) => p.t)).toEqual(['2023']);
  });

  it('a series point that is not an object is reported, not dropped silently', () => {
    const files = readFixture('valid-small');
    const points = getAt(files['metrics.json'], ['series', 0, 'points']) as unknown[];
    points.push(null, 7);
    const { data, problems } = validateData(files);
    expect(messages(problems)).toEqual([
      'metrics.json › changan-trains › points[2]: expected an object, got null',
      'metrics.json › changan-trains › points[3]: expected an object, got 7',
    ]);
    expect(data.metrics.series[0]?.points).toHaveLength(2);
  });

  it('an unknown series on a route loses only that series, not the route', () => {
    const { data, problems } = withBase(
      ['features', 0, 'properties', 'series'],
      'routes.geojson',
    )(['changan-trains', 'changan-tonnes']);
    expect(messages(problems)).toEqual([
      'routes.geojson › changan › series[1]: unknown series "changan-tonnes" (not in metrics.json series)',
    ]);
    expect(data.routes[0]?.properties.series).toEqual(['changan-trains']);
  });

  it('an impossible opening date loses the route', () => {
    const { data, problems } = withBase(
      ['features', 1, 'properties', 'opened'],
      'routes.geojson',
    )('2014-02-30');
    expect(messages(problems)).toEqual([
      'routes.geojson › yixinou › opened: expected a date as YYYY-MM-DD, got "2014-02-30"',
    ]);
    expect(ids(data.routes)).toEqual(['changan']);
  });

  it('never throws on files that are not data at all', () => {
    const { data, problems } = validateData({
      'hubs.geojson': 42,
      'places.geojson': [],
      'routes.geojson': { type: 'FeatureCollection' },
      'metrics.json': null,
    });
    expect(messages(problems)).toEqual([
      'metrics.json: expected an object with sources and series, got null',
      'hubs.geojson › type: expected a FeatureCollection, got 42',
      'places.geojson › type: expected a FeatureCollection, got an array of 0',
      'routes.geojson › features: expected an array, got nothing',
    ]);
    expect(data).toEqual({
      hubs: [],
      places: [],
      routes: [],
      metrics: { sources: [], series: [], events: [] },
    });
  });

  it('reports a missing file by name and loads the others', async () => {
    const files = readFixture('valid-small');
    const { data, problems } = await loadData(async (file) =>
      file === 'places.geojson' ? undefined : JSON.stringify(files[file]),
    );
    expect(messages(problems)).toEqual([
      'places.geojson: could not be read (missing file)',
      'routes.geojson › changan › to: unknown hub or place "duisburg"',
      'routes.geojson › changan › stops[1]: unknown hub or place "duisburg"',
      'routes.geojson › yixinou › to: unknown hub or place "madrid"',
      'routes.geojson › yixinou › stops[1]: unknown hub or place "duisburg"',
      'routes.geojson › yixinou › stops[2]: unknown hub or place "madrid"',
    ]);
    expect(ids(data.hubs)).toEqual(ALL_HUBS);
  });
});

describe('validation in steps (a page runs it as short tasks)', () => {
  it('pauses once per file and returns what validateData returns, problems included', async () => {
    const files = readFixture('valid-small');
    setAt(files['hubs.geojson'], ['features', 0, 'properties', 'figures', 0, 'value'], 'many');
    const whole = validateData(files);
    let pauses = 0;
    const stepped = await validateDataInSteps(files, [], async () => {
      pauses++;
    });
    expect(pauses).toBe(DATA_FILES.length);
    expect(stepped).toEqual(whole);
    expect(messages(stepped.problems)).toHaveLength(1);
  });

  it('loadData with a pause gives the same data as without', async () => {
    const files = readFixture('valid-small');
    const read = async (file: (typeof DATA_FILES)[number]) => JSON.stringify(files[file]);
    let pauses = 0;
    const paused = await loadData(read, async () => {
      pauses++;
    });
    expect(pauses).toBe(DATA_FILES.length);
    expect(paused).toEqual(await loadData(read));
  });
});

describe('npm run validate (src/cli/validate.ts)', () => {
  const run = promisify(execFile);
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const cli = (dir: string, ...args: string[]) =>
    run(tsx, ['src/cli/validate.ts', dir, ...args], { cwd: ROOT }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('exits 1 and lists each problem on stderr', { timeout: 30_000 }, async () => {
    const { code, stdout, stderr } = await cli('tests/fixtures/duplicate-id', '--today=2024-01-01');
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/valid/);
    expect(stderr).toBe(
      [
        `${fixture('duplicate-id')}: 1 problem`,
        '  places.geojson › duisburg › id: duplicate id "duisburg" (ids are unique across hubs and places); only the first is kept',
        'Loaded anyway: 2 hubs, 2 places, 2 routes, 2 series, 2 sources.',
        '',
      ].join('\n'),
    );
  });

  it(
    'exits 0 on geo/, says what it loaded, and how fresh each series is',
    { timeout: 30_000 },
    async () => {
      const { code, stdout, stderr } = await cli('geo', '--today', '2026-06-30');
      expect(code).toBe(0);
      expect(stdout).toMatch(
        new RegExp(
          `^${GEO.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: valid \\(4 hubs, \\d+ places, \\d+ routes, \\d+ series, \\d+ sources, \\d+ events\\)\\.\\n`,
        ),
      );
      expect(stdout).toContain('Data as of 2026-03-11.');
      expect(stdout).toContain('  2025-12-31  china-europe-trains\n');
      // Warnings only: series whose newest point is older than 30 December 2024.
      expect(stderr).toMatch(
        /^Warning: \d+ series with no point in the 18 months before 2026-06-30/,
      );
      expect(stderr).toContain('  lanzhou-trains (newest 2019-12-31)');
      expect(stderr).not.toContain('china-europe-trains');
      expect(stderr).not.toContain('jiangjin-land-sea-trains (');
    },
  );

  it(
    'warns, exit 0, about a folder whose newest point is old; not before it is',
    { timeout: 30_000 },
    async () => {
      const late = await cli('tests/fixtures/valid-small', '--today', '2026-12-05');
      expect(late.code).toBe(0);
      expect(late.stderr).toBe(
        [
          'Warning: 2 series with no point in the 18 months before 2026-12-05 (update them, or leave them if no outlet has a newer figure):',
          '  changan-trains (newest 2023-12-31)',
          '  yixinou-trains-cumulative (newest 2023-09-30)',
          '',
        ].join('\n'),
      );
      const early = await cli('tests/fixtures/valid-small', '--today', '2024-01-01');
      expect(early).toMatchObject({ code: 0, stderr: '' });
    },
  );

  it('refuses a --today that is not a day, with exit 2', { timeout: 30_000 }, async () => {
    const { code, stderr } = await cli('geo', '--today', 'tomorrow');
    expect(code).toBe(2);
    expect(stderr).toBe('invalid --today: tomorrow (expected YYYY-MM-DD)\n');
  });
});

describe('an unreadable metrics.json', () => {
  it('is reported once and loses no hub, place or route: source references go unchecked', async () => {
    const base = readFixture('valid-small');
    const { data, problems } = await loadData(async (file) =>
      file === 'metrics.json' ? '{ not json' : JSON.stringify(base[file]),
    );
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(/^metrics\.json: not valid JSON/);
    expect(ids(data.hubs)).toEqual(['xian', 'yiwu']);
    expect(data.places).toHaveLength(2);
    expect(data.routes).toHaveLength(2);
    expect(data.hubs.every((h) => h.properties.figures.length > 0)).toBe(true);
  });
});

// The shortcuts that keep 100,000 routes fast (issue 9) must not change a single answer.
describe('fast paths give the answers of the slow ones', () => {
  it('isIsoDay agrees with a round trip through Date on every day, month and year edge', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const roundTrip = (value: string) => {
      const [y, m, d] = value.split('-').map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === value;
    };
    const years = [0, 1, 99, 100, 1582, 1899, 1900, 1990, 1996, 2000, 2023, 2024, 2100, 2400, 9999];
    let checked = 0;
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isIsoDay(value), value).toBe(roundTrip(value));
          checked++;
        }
      }
    }
    expect(checked).toBe(years.length * 14 * 33);
    for (const bad of ['2023-1-01', ' 2023-01-01', '2023-01-01T00:00', '+02023-01-01', '']) {
      expect(isIsoDay(bad), bad).toBe(false);
    }
  });

  it('a stop 0.99 km from its vertex (in latitude) is met, one 1.01 km away is not', () => {
    const withDuisburgAt = (lat: number) => {
      const files = readFixture('valid-small');
      setAt(files['routes.geojson'], ['features', 0, 'geometry', 'coordinates', 3], [6.7652, lat]);
      return messages(validateData(files).problems);
    };
    // 1 km is 0.008993° of latitude on turf's sphere (6,371.0088 km).
    expect(withDuisburgAt(51.4325 + 0.0089)).toEqual([]);
    expect(withDuisburgAt(51.4325 - 0.0089)).toEqual([]);
    expect(withDuisburgAt(51.4325 + 0.0091)).toEqual([
      'routes.geojson › changan › stops[1]: the line does not pass through duisburg (after the previous stop, within 1 km)',
      'routes.geojson › changan › geometry.coordinates[3]: must be at duisburg, where the route ends',
    ]);
  });
});
