/**
 * Issue 13: every yearly point traceable to an outlet, and one definition per series.
 * `CONFIRMED` is written out by hand from `shared/facts/OUTLETS.md`: each row there whose verdict
 * is "confirms" (or "confirms (implied)"), with the source entry that now carries that outlet.
 * The rest of the facts file's points have no outlet: they cite `corridor-facts` and say
 * "unverified".
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/data/problems.ts';
import type { Series, Status } from '../../src/data/types.ts';
import { validateData } from '../../src/data/validate.ts';
import { getAt, loadGeo, readFixture, setAt } from './helpers.ts';

const messages = (problems: Problem[]) => problems.map(formatProblem);

/** `[series, t, value, source, status]` for every figure OUTLETS.md confirms. */
const CONFIRMED: [string, string, number, string, Status][] = [
  // §1 China–Europe: 308 stated directly; 80 implied by "228 more than the year before".
  ['china-europe-trains', '2013', 80, 'chinainout-2015', 'derived'],
  ['china-europe-trains', '2014', 308, 'chinainout-2015', 'reported'],
  ['china-europe-trains', '2020', 12406, 'deyuan-2021-01-20', 'reported'], // NDRC, not 12,400
  // §2 Chang'an
  ['changan-trains', '2017', 194, 'sxdofcom-2018-11-01', 'reported'],
  ['changan-trains', '2018', 1235, 'xitlp-2019-01-08', 'reported'],
  ['changan-trains', '2020', 3720, 'xd56b-2021', 'reported'],
  // §3 Land–Sea Corridor trains and containers
  ['land-sea-trains', '2017', 178, 'nbd-2023-10-08', 'reported'],
  ['land-sea-teu', '2017', 3382, 'peoples-daily-mirror-2024-03-31', 'reported'],
  ['land-sea-teu', '2019', 94000, 'hxnews360-2024-08-03', 'reported'],
  ['land-sea-teu', '2021', 570000, 'brnn-2022-01-05', 'reported'],
  ['land-sea-teu', '2023', 861000, 'peoples-daily-mirror-2024-03-31', 'reported'],
  ['land-sea-teu', '2024', 960000, 'china-com-cn-guangxi-2025-09-22', 'reported'],
  // §4 Yixin'ou, each in the series of its own scope
  ['yixinou-yiwu-trains', '2020', 974, '475mrv-2021-01-03', 'reported'],
  ['yixinou-yiwu-jinhua-trains', '2020', 1399, 'jinhua-government-2021-07-26', 'reported'],
  ['yixinou-yiwu-jinhua-trains', '2021', 1904, 'sputnik-china-2022-01-24', 'reported'],
  ['yixinou-yiwu-trains', '2024', 1300, 'china-org-cn-ja-2025-01-02', 'reported'],
  // §5 China–Laos, all cargo, cumulative
  ['china-laos-freight-cumulative', '2022-12-02', 11200000, 'voc-2022-12-03', 'reported'],
  [
    'china-laos-freight-cumulative',
    '2023-12-02',
    29100000,
    'peoples-daily-online-2023-12-04',
    'reported',
  ],
];

/** Values OUTLETS.md found stated only in another form: the sourced form is shown. */
const ROUNDED: [string, string, string][] = [
  ['china-europe-trains', '2011', 'under 20'],
  ['china-europe-trains', '2023', 'over 17000'],
  ['land-sea-trains', '2023', 'over 9300'],
];

describe('the real data: every yearly point traceable to an outlet', async () => {
  const { data, problems } = await loadGeo();
  const series = (id: string): Series => {
    const found = data.metrics.series.find((s) => s.id === id);
    if (!found) throw new Error(`no series ${id}`);
    return found;
  };
  const sources = new Map(data.metrics.sources.map((s) => [s.id, s]));
  const points = data.metrics.series.flatMap((s) => s.points.map((p) => ({ series: s.id, ...p })));

  it('validates', () => {
    expect(messages(problems)).toEqual([]);
  });

  it.each(CONFIRMED)('%s %s = %d cites %s (%s)', (id, t, value, source, status) => {
    const point = series(id).points.find((p) => p.t === t);
    expect(point).toMatchObject({ value, source, status });
    // A source of its own, with an outlet, a date and a link.
    const entry = sources.get(source);
    expect(entry?.publisher).toBeTruthy();
    expect(entry?.date).toBeTruthy();
    expect(entry?.url).toMatch(/^https?:\/\//);
  });

  it('no point OUTLETS.md confirms cites corridor-facts', () => {
    const cited = CONFIRMED.map(
      ([id, t]) => series(id).points.find((p) => p.t === t)?.source ?? 'missing',
    );
    expect(cited).not.toContain('corridor-facts');
    expect(cited).not.toContain('missing');
  });

  it('every point left on corridor-facts is unverified and says no outlet states it', () => {
    const left = points.filter((p) => p.source === 'corridor-facts');
    expect(left.length).toBeGreaterThan(0);
    for (const p of left) {
      expect(p.status, `${p.series} ${p.t}`).toBe('unverified');
      expect(p.note?.en, `${p.series} ${p.t}`).toMatch(/no outlet found/i);
      expect(p.note?.zh, `${p.series} ${p.t}`).toContain('未找到');
    }
  });

  it.each(ROUNDED)('%s %s shows the sourced form "%s"', (id, t, shown) => {
    const point = series(id).points.find((p) => p.t === t);
    expect(`${point?.qualifier} ${point?.value}`).toBe(shown);
    expect(point?.source).not.toBe('corridor-facts');
    expect(point?.note?.en).toMatch(/no outlet found/i);
  });

  it('Land–Sea 2023 is a forecast, so it stays unverified and says so', () => {
    const point = series('land-sea-trains').points.find((p) => p.t === '2023');
    expect(point?.status).toBe('unverified');
    expect(point?.note?.en).toMatch(/forecast/);
  });

  it('Land–Sea containers 2021 names the other outlet’s 630,000 in its note', () => {
    const point = series('land-sea-teu').points.find((p) => p.t === '2021');
    expect(point?.note?.en).toContain('630,000');
    expect(point?.note?.zh).toContain('63万');
  });

  it("Yixin'ou 2020's 974 and 2021's 1,904 are not in one series of one scope", () => {
    const holding = (t: string, value: number) =>
      data.metrics.series.filter((s) => s.points.some((p) => p.t === t && p.value === value));
    const [with974] = holding('2020', 974);
    const [with1904] = holding('2021', 1904);
    expect(with974).toBeDefined();
    expect(with1904).toBeDefined();
    expect(with974?.id).not.toBe(with1904?.id);
    expect(with974?.points.map((p) => p.scope)).not.toContain('yiwu-and-jinhua');
    expect(with1904?.points.map((p) => p.scope)).not.toContain('yiwu-platform');
  });

  it('every series carries one scope at most', () => {
    const mixed = data.metrics.series.filter((s) => new Set(s.points.map((p) => p.scope)).size > 1);
    expect(mixed.map((s) => s.id)).toEqual([]);
  });

  it('lists each outlet once: no two sources share a link', () => {
    const urls = data.metrics.sources.flatMap((s) => (s.url ? [s.url] : []));
    expect(urls.length - new Set(urls).size).toBe(0);
  });

  it('says "reprint of" in the title wherever the publisher names an original outlet', () => {
    const reprints = data.metrics.sources.filter((s) => s.publisher.includes('(orig.'));
    expect(reprints.length).toBeGreaterThan(0);
    expect(reprints.filter((s) => !s.title.includes('reprint of')).map((s) => s.id)).toEqual([]);
  });
});

describe('validation: one scope per series, an outlet and a date per source', () => {
  const POINTS = ['series', 0, 'points'];

  it('reports a point whose scope differs from the series and leaves only it out', () => {
    const files = readFixture('valid-small');
    setAt(files['metrics.json'], [...POINTS, 0, 'scope'], 'yiwu-platform');
    setAt(files['metrics.json'], [...POINTS, 1, 'scope'], 'yiwu-and-jinhua');
    const { data, problems } = validateData(files);
    expect(messages(problems)).toEqual([
      'metrics.json › changan-trains › points[1].scope: scope "yiwu-and-jinhua" differs from ' +
        '"yiwu-platform" of points[0]: a series counts one thing; put this point in a series of its own',
    ]);
    expect(data.metrics.series[0]?.points.map((p) => [p.t, p.scope])).toEqual([
      ['2022', 'yiwu-platform'],
    ]);
  });

  it('reports a point without a scope in a series whose first point has one, and the reverse', () => {
    const files = readFixture('valid-small');
    setAt(files['metrics.json'], [...POINTS, 1, 'scope'], 'yiwu-platform');
    expect(messages(validateData(files).problems)).toEqual([
      'metrics.json › changan-trains › points[1].scope: scope "yiwu-platform" differs from none ' +
        'of points[0]: a series counts one thing; put this point in a series of its own',
    ]);
    setAt(files['metrics.json'], [...POINTS, 0, 'scope'], 'yiwu-platform');
    delete (getAt(files['metrics.json'], [...POINTS, 1]) as Record<string, unknown>).scope;
    expect(messages(validateData(files).problems)).toEqual([
      'metrics.json › changan-trains › points[1].scope: scope none differs from ' +
        '"yiwu-platform" of points[0]: a series counts one thing; put this point in a series of its own',
    ]);
  });

  it('takes one scope on every point, and a scope must be a slug', () => {
    const files = readFixture('valid-small');
    setAt(files['metrics.json'], [...POINTS, 0, 'scope'], 'Yiwu only');
    setAt(files['metrics.json'], [...POINTS, 1, 'scope'], 'Yiwu only');
    const { problems } = validateData(files);
    expect(messages(problems)).toEqual([
      'metrics.json › changan-trains › points[0].scope: expected a lower-case slug, got "Yiwu only"',
      'metrics.json › changan-trains › points[1].scope: expected a lower-case slug, got "Yiwu only"',
    ]);
    setAt(files['metrics.json'], [...POINTS, 0, 'scope'], 'yiwu-platform');
    setAt(files['metrics.json'], [...POINTS, 1, 'scope'], 'yiwu-platform');
    expect(messages(validateData(files).problems)).toEqual([]);
  });

  it.each([
    ['publisher', undefined, 'missing'],
    ['publisher', '  ', 'expected a non-empty string, got " "'],
    ['date', undefined, 'missing'],
    ['date', '', 'expected a non-empty string, got ""'],
    ['date', 'undated', 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got "undated"'],
  ])('a source with %s %j is a problem, and costs only itself (issue 10)', (field, value, what) => {
    const files = readFixture('valid-small');
    const source = getAt(files['metrics.json'], ['sources', 0]) as Record<string, unknown>;
    if (value === undefined) delete source[field];
    else source[field] = value;
    const { data, problems } = validateData(files);
    const list = messages(problems);
    expect(list[0]).toBe(`metrics.json › article › ${field}: ${what}`);
    // The source is left out; the points citing it are not (a problem costs only what it
    // touches), and the panels name such a point's source by its id.
    expect(data.metrics.sources.map((s) => s.id)).toEqual(['geonames']);
    expect(
      data.metrics.series.find((s) => s.id === 'changan-trains')?.points.length,
    ).toBeGreaterThan(0);
  });
});
