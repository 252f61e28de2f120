/**
 * Events on the timeline (issue 12, item 1): metrics.json `events` validated like the rest of the
 * data (each bad event reported in the usual `file › feature › field: …` form and left out on its
 * own), the real events of geo/, and the one rule that says which event the map tells at a time.
 */
import type { Layer } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { deriveData } from '../../src/data/derive.ts';
import { buildLayers, type LayerState } from '../../src/layers/buildLayers.ts';
import { formatProblem, type Problem } from '../../src/data/problems.ts';
import { decimalYear, yearEnd } from '../../src/data/time.ts';
import type { TimelineEvent } from '../../src/data/types.ts';
import { validateData } from '../../src/data/validate.ts';
import { eventCaption, eventName, markPosition } from '../../src/panels/timelineEvents.ts';
import { EVENT_HOLD_YEARS, eventAt, selectEventHighlight } from '../../src/state/events.ts';
import { createCorridorStore } from '../../src/state/store.ts';
import { ids, loadGeo, readFixture } from './helpers.ts';

const messages = (problems: Problem[]) => problems.map(formatProblem);

describe('the real geo/ events', async () => {
  const { data, problems } = await loadGeo();
  const { events } = data.metrics;

  it('validate with no problems: twelve events, in date order', () => {
    expect(messages(problems)).toEqual([]);
    expect(events.map((e) => e.date)).toEqual([
      '2011-03-19',
      '2013-11-28',
      '2014-11-18',
      '2016-06-08',
      '2017-04-28',
      '2021-12-03',
      '2022-03-02',
      '2024-11-15',
      '2025-06-10',
      '2025-08-13',
      '2025-11-28',
      '2025-11-29',
    ]);
  });

  it('each cite a listed source and name only routes and hubs of the data', () => {
    const sources = new Set(data.metrics.sources.map((s) => s.id));
    const routes = new Set(ids(data.routes));
    const hubs = new Set(ids(data.hubs));
    for (const event of events) {
      expect(sources, event.id).toContain(event.source);
      if (event.route) expect(routes, event.id).toContain(event.route);
      if (event.hub) expect(hubs, event.id).toContain(event.hub);
      expect(event.text.zh.length).toBeGreaterThan(0);
      expect(event.text.en.length).toBeGreaterThan(0);
    }
  });

  it('agree with the opening dates of the routes they name, where one is the first train', () => {
    const opened = new Map(data.routes.map((r) => [r.properties.id, r.properties.opened]));
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const id of [
      'yuxinou-first-train',
      'changan-first-train',
      'yixinou-first-train',
      'land-sea-first-train',
      'china-laos-opens',
      'jiangjin-vientiane-first-train',
    ]) {
      const event = byId.get(id)!;
      expect(event, id).toBeDefined();
      expect(opened.get(event.route!), id).toBe(event.date);
    }
    // Chang'an's date is Xinhua's (2023-11-28); the 100,000th train is CRI's.
    expect(byId.get('changan-first-train')?.source).toBe('xinhua-2023-11-28');
    expect(byId.get('china-europe-100000th-train')?.source).toBe('cri-2024');
  });
});

describe('validation of events', () => {
  /** valid-small with `events` set to the given list. */
  function withEvents(events: unknown) {
    const files = readFixture('valid-small');
    (files['metrics.json'] as Record<string, unknown>).events = events;
    return validateData(files);
  }
  const files = readFixture('valid-small');
  const source = (files['metrics.json'] as { sources: { id: string }[] }).sources[0]!.id;
  const route = (files['routes.geojson'] as { features: { properties: { id: string } }[] })
    .features[0]!.properties.id;
  const hub = (files['hubs.geojson'] as { features: { properties: { id: string } }[] }).features[0]!
    .properties.id;
  const good = {
    id: 'first-train',
    date: '2013-11-28',
    text: { zh: '首趟班列', en: 'The first train' },
    source,
    route,
    hub,
  };

  it('keeps a good event, with its route and hub', () => {
    const { data, problems } = withEvents([good]);
    expect(messages(problems)).toEqual([]);
    expect(data.metrics.events).toEqual([good]);
  });

  it('has no events, and no problem, when metrics.json has none', () => {
    const { data, problems } = validateData(readFixture('valid-small'));
    expect(messages(problems)).toEqual([]);
    expect(data.metrics.events).toEqual([]);
  });

  it('reports an unknown source, a bad date and missing text, and drops only those events', () => {
    const { data, problems } = withEvents([
      { ...good, id: 'unknown-source', source: 'nowhere-daily' },
      { ...good, id: 'bad-date', date: '2023-02-30' },
      { ...good, id: 'no-en', text: { zh: '首趟班列' } },
      { ...good, id: 'no-text', text: undefined },
      good,
    ]);
    expect(messages(problems)).toEqual([
      'metrics.json › events › unknown-source › source: unknown source "nowhere-daily" (not in metrics.json sources)',
      'metrics.json › events › bad-date › date: expected a date as YYYY-MM-DD, got "2023-02-30"',
      'metrics.json › events › no-en › text.en: missing',
      'metrics.json › events › no-text › text: missing',
    ]);
    expect(data.metrics.events.map((e) => e.id)).toEqual(['first-train']);
  });

  it('reports an unknown route or hub once the feature files are read', () => {
    const { data, problems } = withEvents([
      { ...good, id: 'no-such-route', route: 'orient-express' },
      { ...good, id: 'no-such-hub', hub: 'atlantis' },
      good,
    ]);
    expect(messages(problems)).toEqual([
      'metrics.json › events › no-such-route › route: unknown route "orient-express" (not in routes.geojson)',
      'metrics.json › events › no-such-hub › hub: unknown hub "atlantis" (not in hubs.geojson)',
    ]);
    expect(data.metrics.events.map((e) => e.id)).toEqual(['first-train']);
    // The rest of the data is untouched by a bad event.
    expect(data.routes.length).toBeGreaterThan(0);
    expect(data.hubs.length).toBeGreaterThan(0);
  });

  it('reports an event that is no object, has no id, a duplicate id, markup, or a list that is no list', () => {
    expect(
      messages(
        withEvents([
          null,
          { ...good, id: undefined },
          good,
          { ...good, date: '2014-01-01' },
          { ...good, id: 'markup', text: { zh: '首趟', en: '<b>First</b>' } },
          { ...good, id: 'date-as-year', date: '2013' },
        ]).problems,
      ),
    ).toEqual([
      'metrics.json › events[0]: expected an object, got null',
      'metrics.json › events[1] › id: missing',
      'metrics.json › events › first-train › id: duplicate id in events; only the first is kept',
      'metrics.json › events › markup › text.en: contains HTML markup "<b>": write plain text',
      'metrics.json › events › date-as-year › date: expected a date as YYYY-MM-DD, got "2013"',
    ]);
    expect(messages(withEvents({ first: good }).problems)).toEqual([
      'metrics.json › events: expected an array, got an object',
    ]);
  });

  it('sorts events by date', () => {
    const { data } = withEvents([
      { ...good, id: 'later', date: '2020-01-01' },
      { ...good, id: 'earlier', date: '2012-06-01' },
    ]);
    expect(data.metrics.events.map((e) => e.id)).toEqual(['earlier', 'later']);
  });
});

describe('the event told at a time', async () => {
  const { data } = await loadGeo();
  const { events } = data.metrics;
  const at = (time: number, options?: Parameters<typeof eventAt>[2]) =>
    eventAt(events, time, options)?.id;

  it("a year shown on its own tells that year's event, and a year without one tells none", () => {
    expect(at(yearEnd(2013))).toBe('changan-first-train');
    expect(at(yearEnd(2024))).toBe('china-europe-100000th-train');
    expect(at(yearEnd(2012))).toBeUndefined();
    expect(at(yearEnd(2015))).toBeUndefined();
    expect(at(yearEnd(2023))).toBeUndefined();
  });

  it('never tells an event before its day has come on the map', () => {
    // Paused in the middle of 2013: Chang'an's first train (28 November) has not left yet.
    expect(at(2013.5)).toBeUndefined();
    expect(at(2013.5, { playing: true })).toBeUndefined();
    expect(at(decimalYear('2013-11-28'), { playing: true })).toBe('changan-first-train');
  });

  it('while playing, holds a caption for a while after its day, until the next event', () => {
    const changan = decimalYear('2013-11-28');
    expect(at(changan + 0.5, { playing: true })).toBe('changan-first-train');
    // Yixin'ou (2014-11-18) takes its place.
    expect(at(decimalYear('2014-11-18'), { playing: true })).toBe('yixinou-first-train');
    const landSea = decimalYear('2017-04-28');
    expect(at(landSea + EVENT_HOLD_YEARS - 0.01, { playing: true })).toBe('land-sea-first-train');
    expect(at(landSea + EVENT_HOLD_YEARS + 0.01, { playing: true })).toBeUndefined();
  });

  it('with reduced motion, play tells one caption per step: the event of each year stepped to', () => {
    const store = createCorridorStore(data, { year: 2011, reducedMotion: true, today: 2025 });
    const told: string[] = [];
    store.subscribe((s) => {
      const event = eventAt(s.data.metrics.events, s.time, s);
      told.push(`${Math.floor(s.time)}:${event?.id ?? ''}`);
    });
    store.getState().play();
    for (let i = 0; i < 40 && store.getState().playing; i++) store.getState().tick(0.5);
    const steps = [...new Set(told)];
    expect(steps).toEqual([
      '2011:yuxinou-first-train', // play() itself sets playing (no time change)
      '2012:',
      '2013:changan-first-train',
      '2014:yixinou-first-train',
      '2015:',
      '2016:china-europe-brand',
      '2017:land-sea-first-train',
      '2018:',
      '2019:',
      '2020:',
      '2021:china-laos-opens',
      '2022:jiangjin-vientiane-first-train',
      '2023:',
      '2024:china-europe-100000th-train',
      '2025:land-sea-5-million-teu',
    ]);
  });

  it("gives both views the event's route and hub to highlight", () => {
    const store = createCorridorStore(data, { year: 2013, today: 2025 });
    expect(selectEventHighlight(store.getState())).toEqual(['changan', 'xian']);
    store.getState().setYear(2016);
    expect(selectEventHighlight(store.getState())).toEqual(['', '']);
    store.getState().setYear(2012);
    expect(selectEventHighlight(store.getState())).toEqual(['', '']);
  });
});

describe('the live map highlights the event told now', async () => {
  const { data } = await loadGeo();
  const derived = deriveData(data);
  const state = (eventRoute?: string): LayerState => ({
    time: yearEnd(2013),
    selection: null,
    playing: false,
    reducedMotion: false,
    ...(eventRoute && { eventRoute }),
  });
  const accessor = (layers: Layer[], id: string, name: string) => {
    const props = layers.find((l) => l.id === id)!.props as unknown as Record<string, unknown>;
    return props[name] as (d: unknown) => unknown;
  };
  const path = (id: string) => derived.paths.find((p) => p.id === id)!;

  it("draws the event's route wider, the others as before (the lite view rings its hub)", () => {
    const plain = buildLayers(state(), derived);
    const told = buildLayers(state('changan'), derived);
    const width = (layers: Layer[], id: string) =>
      accessor(layers, 'routes', 'getWidth')(path(id)) as number;
    expect(width(told, 'changan')).toBe(width(plain, 'changan') + 3);
    expect(width(told, 'yuxinou')).toBe(width(plain, 'yuxinou'));
    // deck.gl recomputes those accessors only when told to.
    const triggers = (layers: Layer[], id: string) =>
      (layers.find((l) => l.id === id)!.props as unknown as Record<string, unknown>).updateTriggers;
    expect(triggers(told, 'routes')).toEqual({
      getWidth: [2013, 'changan'],
      getColor: ['', 'changan', ''],
    });
  });
});

describe('how an event reads', async () => {
  const { data } = await loadGeo();
  const changan = data.metrics.events.find((e) => e.id === 'changan-first-train')!;

  it('names a mark with its date (Intl) and its text, in each language', () => {
    expect(eventName(changan, 'en')).toBe("28 Nov 2013: Chang'an's first train leaves Xi'an");
    expect(eventName(changan, 'zh')).toBe('2013年11月28日：长安号首趟班列从西安开出');
  });

  it('captions it with its source', () => {
    expect(eventCaption(data, changan, 'en')).toEqual({
      text: "28 Nov 2013 — Chang'an's first train leaves Xi'an",
      source: 'Source: Xinhua report, 28 November 2023',
    });
    expect(eventCaption(data, changan, 'zh').source).toBe('来源：Xinhua report, 28 November 2023');
  });

  it('places a mark at its year on the slider', () => {
    const event = (date: string): TimelineEvent => ({ ...changan, date });
    expect(markPosition(event('2011-03-19'), [2011, 2024])).toBe(0);
    expect(markPosition(event('2024-11-15'), [2011, 2024])).toBe(1);
    expect(markPosition(event('2017-04-28'), [2011, 2023])).toBe(0.5);
    expect(markPosition(event('2030-01-01'), [2011, 2024])).toBe(1);
    expect(markPosition(event('2011-01-01'), [2011, 2011])).toBe(0);
  });
});
