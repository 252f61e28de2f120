/**
 * Selectors on the real `geo/` data: which routes are open when, the figure of a series for a
 * year (never interpolated), the drawing value (interpolated, never shown) and route growth.
 */
import { drawingValueAt } from '../../src/data/encoding.ts';
import { describe, expect, it } from 'vitest';
import type { CorridorData, Series } from '../../src/data/types.ts';
import {
  findHub,
  findRoute,
  findSeries,
  findSource,
  hubFacts,
  isRouteOpen,
  panelSelector,
  routesAt,
  selectLang,
  selectSelection,
  selectYear,
  seriesFor,
  seriesPointAt,
  stopName,
  tuple,
  yearRange,
} from '../../src/state/selectors.ts';
import type { CorridorState } from '../../src/state/store.ts';
import { sameValue } from '../../src/state/watch.ts';
import { decimalYear, growth, growWindow, yearEnd, yearOf } from '../../src/data/time.ts';
import { loadGeo } from './helpers.ts';

const { data } = await loadGeo();

function route(id: string) {
  const found = findRoute(data, id);
  if (!found) throw new Error(`no route ${id} in geo/`);
  return found;
}
function series(id: string): Series {
  const found = findSeries(data, id);
  if (!found) throw new Error(`no series ${id} in geo/`);
  return found;
}
const routeIds = (time: number) => routesAt(data, time).map((r) => r.route.properties.id);

describe('yearRange', () => {
  it('runs from the first opening (Yuxin’ou, 2011) to the last yearly figure (2025)', () => {
    expect(yearRange(data, 2026)).toEqual([2011, 2025]);
    const firstOpened = Math.min(
      ...data.routes.map((r) => Number(r.properties.opened.slice(0, 4))),
    );
    expect(firstOpened).toBe(2011);
  });

  it('does not let a cumulative point (China–Laos, March 2026) stretch the timeline', () => {
    const laos = series('china-laos-cross-border-cumulative');
    expect(laos.points.at(-1)?.t).toBe('2026-03-11');
    expect(yearRange(data, 2027)[1]).toBe(2025);
  });

  it('is this year alone for data with no routes and no series', () => {
    const empty: CorridorData = {
      hubs: [],
      places: [],
      routes: [],
      metrics: { sources: [], series: [], events: [] },
    };
    const year = new Date().getUTCFullYear();
    expect(yearRange(empty, year)).toEqual([year, year]);
  });
});

describe('routesAt and isRouteOpen', () => {
  it('has China–Laos (first train 2021-12-03) closed in 2020 and open in 2021 and 2022', () => {
    const laos = route('china-laos');
    expect(isRouteOpen(laos, yearEnd(2020))).toBe(false);
    expect(isRouteOpen(laos, 2021.5)).toBe(false);
    expect(isRouteOpen(laos, yearEnd(2021))).toBe(true);
    expect(isRouteOpen(laos, yearEnd(2022))).toBe(true);
    expect(routeIds(yearEnd(2020))).not.toContain('china-laos');
    expect(routeIds(yearEnd(2022))).toContain('china-laos');
  });

  it('lists the routes open at the end of each year, in data order', () => {
    expect(routeIds(yearEnd(2010))).toEqual([]);
    expect(routeIds(yearEnd(2011))).toEqual(['yuxinou']);
    expect(routeIds(yearEnd(2013))).toEqual(['yuxinou', 'changan']);
    expect(routeIds(yearEnd(2020))).toEqual([
      'yuxinou',
      'changan',
      'yixinou',
      'lanzhou-almaty',
      'lanzhou-hamburg',
      'land-sea',
    ]);
    expect(routeIds(yearEnd(2024))).toEqual(data.routes.map((r) => r.properties.id));
  });

  it('draws every route whole when a year is viewed on its own', () => {
    for (let year = 2011; year <= 2024; year++) {
      const partial = routesAt(data, yearEnd(year)).filter((r) => r.progress !== 1);
      expect(partial.map((r) => r.route.properties.id)).toEqual([]);
    }
  });

  it('grows a route from its opening while time moves', () => {
    const opened = decimalYear(route('china-laos').properties.opened);
    const [start, end] = growWindow(opened);
    expect(start).toBe(opened);
    const mid = routesAt(data, (start + end) / 2).find(
      (r) => r.route.properties.id === 'china-laos',
    );
    expect(mid?.progress).toBeCloseTo(0.5, 10);
    expect(routeIds(opened - 1e-6)).not.toContain('china-laos');
  });
});

describe('seriesPointAt: the figure for a year, never interpolated', () => {
  it("gives Chang'an's reported 4639 trains for 2022", () => {
    expect(seriesPointAt(series('changan-trains'), 2022)).toEqual({
      t: '2022',
      value: 4639,
      status: 'reported',
      qualifier: 'exact',
      source: 'xinhua-2023-01-06',
    });
  });

  it('keeps the status and qualifier of each point', () => {
    expect(seriesPointAt(series('changan-trains'), 2016)).toMatchObject({
      value: 251,
      status: 'unverified',
    });
    expect(seriesPointAt(series('changan-trains'), 2021)).toMatchObject({
      value: 3800,
      status: 'reported',
      qualifier: 'over',
    });
    expect(seriesPointAt(series('land-sea-trains'), 2019)).toMatchObject({
      value: 2080,
      status: 'derived',
      qualifier: 'about',
    });
  });

  it('gives undefined ("no data") for a year without a point', () => {
    expect(seriesPointAt(series('changan-trains'), 2012)).toBeUndefined();
    expect(seriesPointAt(series('changan-trains'), 2013)).toBeUndefined(); // opened, no count
    expect(seriesPointAt(series('land-sea-trains'), 2018)).toBeUndefined(); // a gap, not 1129
    expect(seriesPointAt(series('yixinou-yiwu-trains'), 2023)).toBeUndefined();
    expect(seriesPointAt(series('yixinou-yiwu-trains'), 2025)).toBeUndefined();
  });

  it('gives the last point dated in the year for a cumulative series', () => {
    const cumulative = series('changan-trains-cumulative');
    expect(seriesPointAt(cumulative, 2023)).toMatchObject({ t: '2023-12-31', value: 21405 });
    expect(seriesPointAt(cumulative, 2022)).toBeUndefined();
  });
});

describe('seriesFor', () => {
  const at = (subject: string, year: number) =>
    seriesFor(data, subject, year).map(({ series: s, point }) => [s.id, point?.value]);

  it("gives Xi'an the Chang'an series, which have the route as subject", () => {
    expect(at('xian', 2022)).toEqual([
      ['changan-trains', 4639],
      ['changan-europe-trains', undefined],
      ['changan-trains-cumulative', undefined],
    ]);
  });

  it('gives a route the series it lists and those about it', () => {
    expect(at('changan', 2023)).toEqual([
      ['changan-trains', 5351],
      ['changan-europe-trains', undefined],
      ['changan-trains-cumulative', 21405],
    ]);
    expect(at('china-laos', 2023)).toEqual([
      ['china-laos-cargo', 4217700],
      ['china-laos-cargo-cumulative', 2230000],
      ['china-laos-cross-border-freight', undefined],
      ['china-laos-cross-border-cumulative', undefined],
      ['china-laos-freight', undefined],
      ['china-laos-freight-cumulative', 29100000],
    ]);
  });

  it("gives Yiwu the Yixin'ou series but not Jinhua's Jindong platform", () => {
    expect(at('yiwu', 2022)).toEqual([
      ['yixinou-yiwu-trains', 1569],
      ['yixinou-yiwu-jinhua-trains', undefined],
      ['yixinou-trains-cumulative', undefined],
    ]);
    expect(at('yixinou', 2022)).toContainEqual(['yixinou-jindong-trains', 700]);
  });

  it('lists a series once even when two routes from the hub carry it', () => {
    expect(at('lanzhou', 2019)).toEqual([
      ['lanzhou-trains', 117],
      ['lanzhou-trains-cumulative', undefined],
    ]);
  });

  it('gives nothing for an unknown id', () => {
    expect(seriesFor(data, 'nowhere', 2022)).toEqual([]);
  });
});

describe('drawingValueAt: widths while time moves, never shown as a figure', () => {
  const changan = series('changan-trains'); // 2014 … 2023, no 2013

  it('is the point itself in the middle of its year', () => {
    expect(drawingValueAt(changan, 2022.5)).toBe(4639);
    expect(drawingValueAt(changan, 2023.5)).toBe(5351);
  });

  it('interpolates linearly between two points', () => {
    expect(drawingValueAt(changan, 2022.75)).toBeCloseTo(4639 + (5351 - 4639) * 0.25, 9);
    // Across a year without a point (Land–Sea 2018): between 2017's 178 and 2019's 2080.
    expect(drawingValueAt(series('land-sea-trains'), 2018.5)).toBeCloseTo((178 + 2080) / 2, 9);
  });

  it('holds the first and last values within their own years only', () => {
    expect(drawingValueAt(changan, 2014)).toBe(46);
    expect(drawingValueAt(changan, 2014.2)).toBe(46);
    expect(drawingValueAt(changan, 2025.9)).toBe(6037);
  });

  it('is undefined outside the points', () => {
    expect(drawingValueAt(changan, 2013.99)).toBeUndefined();
    expect(drawingValueAt(changan, 2013.5)).toBeUndefined();
    expect(drawingValueAt(changan, 2026.01)).toBeUndefined();
    expect(drawingValueAt(changan, 2030)).toBeUndefined();
  });

  it('never draws a part-year point as its year (China–Laos Q1 2024, Jiangjin to October 2023)', () => {
    expect(drawingValueAt(series('china-laos-cargo'), 2024.5)).toBeUndefined();
    // 2023's 943 trains run to 31 October: 2023 draws between 2022's 536 and 2024's 1,804.
    expect(drawingValueAt(series('jiangjin-land-sea-trains'), 2023.5)).toBeCloseTo(
      (536 + 1804) / 2,
      9,
    );
  });

  it('is undefined for cumulative series and for a series without points', () => {
    expect(drawingValueAt(series('changan-trains-cumulative'), 2023.5)).toBeUndefined();
    expect(drawingValueAt({ ...changan, points: [] }, 2022.5)).toBeUndefined();
  });
});

describe('growth', () => {
  it('never half-draws a route in a whole-year view', () => {
    for (const r of data.routes) {
      const opened = decimalYear(r.properties.opened);
      expect([r.properties.id, growth(opened, yearEnd(yearOf(opened)))]).toEqual([
        r.properties.id,
        1,
      ]);
    }
  });

  it('never half-draws a route opened on any day of a year, leap years and 31 December too', () => {
    for (const year of [2020, 2021]) {
      for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
        const opened = decimalYear(new Date(day).toISOString().slice(0, 10));
        expect(yearOf(opened)).toBe(year);
        expect(growth(opened, yearEnd(year))).toBe(1);
      }
    }
  });

  it('is 0 before opening and grows over GROW_YEARS at most', () => {
    const opened = decimalYear('2015-03-01');
    expect(growth(opened, opened - 0.01)).toBe(0);
    expect(growth(opened, opened)).toBe(0);
    expect(growth(opened, opened + 0.25)).toBeCloseTo(0.5, 10);
    expect(growth(opened, opened + 0.5)).toBe(1);
  });
});

describe('lookups', () => {
  it('find hubs, routes, series and sources by id, undefined otherwise', () => {
    expect(findHub(data, 'xian')?.properties.name.en).toBe("Xi'an International Port Area");
    expect(findHub(data, 'duisburg')).toBeUndefined();
    expect(findRoute(data, 'changan')?.properties.from).toBe('xian');
    expect(findSource(data, 'article')?.date).toBe('2023');
    expect(findSource(data, 'nowhere')).toBeUndefined();
  });

  it('names route endpoints that are hubs or places', () => {
    expect(stopName(data, 'xian')).toEqual({
      zh: '西安国际港务区',
      en: "Xi'an International Port Area",
    });
    expect(stopName(data, 'duisburg')).toEqual({ zh: '杜伊斯堡', en: 'Duisburg' });
    expect(stopName(data, 'nowhere')).toBeUndefined();
  });

  it("gives a hub's figures and notes", () => {
    const facts = hubFacts(findHub(data, 'xian')!);
    expect(facts.figures.map((f) => f.value)).toContain(20045);
    expect(facts.notes.map((n) => n.id)).toEqual([
      'first-city-20000-trains',
      'kazakhstan-logistics-investment',
    ]);
  });
});

describe('tuple and sameValue (what watch compares on every store change)', () => {
  const state = (over: Partial<CorridorState>) =>
    ({ lang: 'en', time: 2019.5, selection: null, ...over }) as CorridorState;

  it('tuple returns the same array while every item is the same, a new one on a change', () => {
    const select = tuple(selectSelection, selectLang, selectYear);
    const first = select(state({}));
    expect(first).toEqual(['', 'en', 2019]);
    expect(select(state({ time: 2019.9 }))).toBe(first);
    // A selection equal by kind and id, though another object: still the same tuple.
    const xian = select(state({ selection: { kind: 'hub', id: 'xian' } }));
    expect(xian).toEqual(['hub:xian', 'en', 2019]);
    expect(select(state({ selection: { kind: 'hub', id: 'xian' } }))).toBe(xian);
    expect(select(state({ selection: { kind: 'hub', id: 'xian' }, lang: 'zh' }))).toEqual([
      'hub:xian',
      'zh',
      2019,
    ]);
    // Two selectors never share a tuple.
    expect(panelSelector()(state({}))).not.toBe(panelSelector()(state({})));
  });

  it('sameValue compares tuples item by item and falls back to shallow', () => {
    expect(sameValue([1, 'a'], [1, 'a'])).toBe(true);
    expect(sameValue([1, 'a'], [1, 'b'])).toBe(false);
    expect(sameValue([1], [1, 2])).toBe(false);
    expect(sameValue([NaN], [NaN])).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1 })).toBe(true);
    expect(sameValue<unknown>('x', 'x')).toBe(true);
    expect(sameValue<unknown>([1], { 0: 1 })).toBe(false);
  });
});
