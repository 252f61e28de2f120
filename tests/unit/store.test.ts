/**
 * `createCorridorStore(data, options)`: one store per map, actions and the play clock. Times are
 * decimal years (state/time.ts); a whole year shown on its own is `yearEnd(year)`.
 */
import { describe, expect, it } from 'vitest';
import { createCorridorStore, YEARS_PER_SECOND } from '../../src/state/store.ts';
import { yearEnd } from '../../src/data/time.ts';
import { loadGeo } from './helpers.ts';

const { data } = await loadGeo();
// The real data's timeline (checked against the data in selectors.test.ts).
const FIRST = 2011;
const LAST = 2025;

describe('createCorridorStore', () => {
  it('starts at the end of the last year, in Chinese, nothing selected, paused', () => {
    const s = createCorridorStore(data).getState();
    expect(s.range).toEqual([FIRST, LAST]);
    expect(s.time).toBe(yearEnd(LAST));
    expect(s.lang).toBe('zh');
    expect(s.selection).toBeNull();
    expect(s.playing).toBe(false);
    expect(s.speed).toBe(1);
    expect(s.reducedMotion).toBe(false);
    expect(s.problems).toEqual([]);
    expect(s.data).toBe(data);
  });

  it('takes its options: hub, route, year, lang, speed, reduced motion, problems', () => {
    const problems = [{ file: 'routes.geojson', feature: 'x', field: 'to', message: 'm' }];
    const s = createCorridorStore(data, {
      hub: 'xian',
      year: 2019,
      lang: 'en',
      speed: 2,
      reducedMotion: true,
      problems,
    }).getState();
    expect(s.selection).toEqual({ kind: 'hub', id: 'xian' });
    expect(s.time).toBe(yearEnd(2019));
    expect(s.lang).toBe('en');
    expect(s.speed).toBe(2);
    expect(s.reducedMotion).toBe(true);
    expect(s.problems).toBe(problems);
    expect(createCorridorStore(data, { route: 'changan' }).getState().selection).toEqual({
      kind: 'route',
      id: 'changan',
    });
  });

  it('ignores an unknown hub or route in the options', () => {
    expect(createCorridorStore(data, { hub: 'nowhere' }).getState().selection).toBeNull();
    expect(createCorridorStore(data, { route: 'nowhere' }).getState().selection).toBeNull();
  });

  it('clamps the year option to the range, and ignores one that is not a number', () => {
    expect(createCorridorStore(data, { year: 1990 }).getState().time).toBe(yearEnd(FIRST));
    expect(createCorridorStore(data, { year: 2050 }).getState().time).toBe(yearEnd(LAST));
    expect(createCorridorStore(data, { year: NaN }).getState().time).toBe(yearEnd(LAST));
  });

  it('keeps two stores of the same data apart', () => {
    const a = createCorridorStore(data);
    const b = createCorridorStore(data);
    a.getState().select({ kind: 'hub', id: 'xian' });
    a.getState().setYear(2015);
    a.getState().setLang('en');
    b.getState().select({ kind: 'route', id: 'china-laos' });
    expect(a.getState().selection).toEqual({ kind: 'hub', id: 'xian' });
    expect(b.getState().selection).toEqual({ kind: 'route', id: 'china-laos' });
    expect(b.getState().time).toBe(yearEnd(LAST));
    expect(b.getState().lang).toBe('zh');
  });

  it('keeps the play clocks of two stores apart', () => {
    const a = createCorridorStore(data, { year: 2015, reducedMotion: true });
    const b = createCorridorStore(data, { year: 2015, reducedMotion: true });
    a.getState().play();
    b.getState().play();
    // 0.7 years of play in a: not yet a whole year; b must not inherit a's pending time.
    a.getState().tick(0.7 / YEARS_PER_SECOND);
    b.getState().tick(0.7 / YEARS_PER_SECOND);
    expect([a.getState().time, b.getState().time]).toEqual([yearEnd(2015), yearEnd(2015)]);
    a.getState().tick(0.4 / YEARS_PER_SECOND);
    expect([a.getState().time, b.getState().time]).toEqual([yearEnd(2016), yearEnd(2015)]);
  });
});

describe('select', () => {
  it('selects a hub or a route that exists, and clears with null', () => {
    const store = createCorridorStore(data);
    store.getState().select({ kind: 'hub', id: 'yiwu' });
    expect(store.getState().selection).toEqual({ kind: 'hub', id: 'yiwu' });
    store.getState().select({ kind: 'route', id: 'land-sea' });
    expect(store.getState().selection).toEqual({ kind: 'route', id: 'land-sea' });
    store.getState().select(null);
    expect(store.getState().selection).toBeNull();
  });

  it('turns an unknown id, or a hub id given as a route, into no selection', () => {
    const store = createCorridorStore(data, { hub: 'xian' });
    store.getState().select({ kind: 'hub', id: 'nowhere' });
    expect(store.getState().selection).toBeNull();
    store.getState().select({ kind: 'route', id: 'xian' });
    expect(store.getState().selection).toBeNull();
    store.getState().select({ kind: 'hub', id: 'changan' });
    expect(store.getState().selection).toBeNull();
  });

  it('notifies subscribers, and the unsubscribe it returns stops that', () => {
    const store = createCorridorStore(data);
    const seen: unknown[] = [];
    const unsubscribe = store.subscribe((s) => seen.push(s.selection));
    store.getState().select({ kind: 'hub', id: 'xian' });
    unsubscribe();
    store.getState().select(null);
    expect(seen).toEqual([{ kind: 'hub', id: 'xian' }]);
  });
});

describe('setLang', () => {
  it('switches the language', () => {
    const store = createCorridorStore(data);
    store.getState().setLang('en');
    expect(store.getState().lang).toBe('en');
    store.getState().setLang('zh');
    expect(store.getState().lang).toBe('zh');
  });
});

describe('setYear and stepYear', () => {
  it('stores the end of the year, so that routes opened during it are on the map', () => {
    const store = createCorridorStore(data);
    store.getState().setYear(2021);
    expect(store.getState().time).toBe(yearEnd(2021));
    expect(store.getState().time).toBe(2021.999);
  });

  it('clamps to the range', () => {
    const store = createCorridorStore(data);
    store.getState().setYear(2000);
    expect(store.getState().time).toBe(yearEnd(FIRST));
    store.getState().setYear(2099);
    expect(store.getState().time).toBe(yearEnd(LAST));
  });

  it('leaves the year as it was when given something that is not a number', () => {
    const store = createCorridorStore(data, { year: 2018 });
    store.getState().setYear(NaN);
    expect(store.getState().time).toBe(yearEnd(2018));
    store.getState().stepYear(NaN);
    expect(store.getState().time).toBe(yearEnd(2018));
  });

  it('steps by whole years within the range', () => {
    const store = createCorridorStore(data, { year: 2012 });
    store.getState().stepYear(1);
    expect(store.getState().time).toBe(yearEnd(2013));
    store.getState().stepYear(-1);
    store.getState().stepYear(-1);
    expect(store.getState().time).toBe(yearEnd(2011));
    store.getState().stepYear(-1);
    expect(store.getState().time).toBe(yearEnd(FIRST));
    store.getState().setYear(LAST);
    store.getState().stepYear(1);
    expect(store.getState().time).toBe(yearEnd(LAST));
  });

  it('steps from the year play has reached, to a whole year', () => {
    const store = createCorridorStore(data, { year: 2015 });
    store.getState().play();
    store.getState().tick(0.5 / YEARS_PER_SECOND); // 2015.999 + 0.5 → mid-2016
    expect(Math.floor(store.getState().time)).toBe(2016);
    store.getState().stepYear(1);
    expect(store.getState().time).toBe(yearEnd(2017));
  });
});

describe('play, pause and tick', () => {
  it('plays from the end by starting again at the first year', () => {
    const store = createCorridorStore(data);
    store.getState().play();
    expect(store.getState().playing).toBe(true);
    expect(store.getState().time).toBe(FIRST);
  });

  it('plays from the end with reduced motion at the end of the first year', () => {
    const store = createCorridorStore(data, { reducedMotion: true });
    store.getState().play();
    expect(store.getState().time).toBe(yearEnd(FIRST));
  });

  it('plays on from a year before the end', () => {
    const store = createCorridorStore(data, { year: 2016 });
    store.getState().play();
    expect(store.getState().time).toBe(yearEnd(2016));
    expect(store.getState().playing).toBe(true);
  });

  it('does not move while paused', () => {
    const store = createCorridorStore(data, { year: 2016 });
    store.getState().tick(1);
    expect(store.getState().time).toBe(yearEnd(2016));
    store.getState().play();
    store.getState().pause();
    store.getState().tick(1);
    expect(store.getState().time).toBe(yearEnd(2016));
    expect(store.getState().playing).toBe(false);
  });

  it('advances by seconds × speed × YEARS_PER_SECOND', () => {
    const store = createCorridorStore(data, { year: 2016 });
    store.getState().play();
    store.getState().tick(0.5);
    expect(store.getState().time).toBeCloseTo(yearEnd(2016) + 0.5 * YEARS_PER_SECOND, 10);
    store.getState().setSpeed(2);
    store.getState().tick(0.5);
    expect(store.getState().time).toBeCloseTo(yearEnd(2016) + 1.5 * YEARS_PER_SECOND, 10);
    expect(store.getState().playing).toBe(true);
  });

  it('stops at the end of the last year', () => {
    const store = createCorridorStore(data, { year: 2023 });
    store.getState().play();
    store.getState().tick(0.5 / YEARS_PER_SECOND);
    expect(store.getState().playing).toBe(true);
    store.getState().tick(10);
    expect(store.getState().time).toBe(yearEnd(LAST));
    expect(store.getState().playing).toBe(false);
    store.getState().tick(10);
    expect(store.getState().time).toBe(yearEnd(LAST));
  });

  it('plays the whole timeline from the first year to the last', () => {
    const store = createCorridorStore(data);
    store.getState().play();
    let ticks = 0;
    while (store.getState().playing && ticks < 10_000) {
      store.getState().tick(1 / 60);
      ticks++;
    }
    expect(store.getState().time).toBe(yearEnd(LAST));
    // 2011.0 → 2025.999 is 14.999 years; at 0.8 years a second that is 18.75 s, 1124.9 ticks.
    expect(ticks).toBe(1125);
  });

  it('with reduced motion moves in whole years, one per 1/YEARS_PER_SECOND seconds', () => {
    const store = createCorridorStore(data, { year: 2012, reducedMotion: true });
    store.getState().play();
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      store.getState().tick(0.35 / YEARS_PER_SECOND); // 0.35 years of play a tick
      times.push(store.getState().time);
    }
    // A whole year once 1.05, 2.1 and 3.15 years have built up; nothing in between.
    expect(times).toEqual([
      yearEnd(2012),
      yearEnd(2012),
      yearEnd(2013),
      yearEnd(2013),
      yearEnd(2013),
      yearEnd(2014),
      yearEnd(2014),
      yearEnd(2014),
      yearEnd(2015),
      yearEnd(2015),
    ]);
  });

  it('with reduced motion stops at the last year', () => {
    const store = createCorridorStore(data, { year: LAST - 2, reducedMotion: true });
    store.getState().play();
    store.getState().tick(1 / YEARS_PER_SECOND);
    expect([store.getState().time, store.getState().playing]).toEqual([yearEnd(LAST - 1), true]);
    store.getState().tick(1 / YEARS_PER_SECOND);
    expect([store.getState().time, store.getState().playing]).toEqual([yearEnd(LAST), false]);
  });

  it('togglePlay plays and pauses', () => {
    const store = createCorridorStore(data, { year: 2016 });
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(true);
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(false);
  });

  it('setReducedMotion switches the setting', () => {
    const store = createCorridorStore(data);
    store.getState().setReducedMotion(true);
    expect(store.getState().reducedMotion).toBe(true);
  });
});
