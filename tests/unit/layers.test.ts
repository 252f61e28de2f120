/**
 * `buildLayers(state, deriveData(data))` as pure functions in Node: deck.gl layers are plain
 * objects until a Deck instance draws them, so ids, data and accessors can be checked here
 * without WebGL. Accessors are called on the real derived data.
 */
import type { Layer } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import type { Corridor, HubFeature, PlaceFeature } from '../../src/data/types.ts';
import { validateData } from '../../src/data/validate.ts';
import {
  LAYER_IDS,
  buildLayers,
  selectionFromPick,
  type LayerState,
} from '../../src/layers/buildLayers.ts';
import { placeMapLabels, type MapLabel } from '../../src/data/mapLabels.ts';
import { dataExtent, fitView, mapPadding, project } from '../../src/data/camera.ts';
import { MAX_TRAINS_PER_ROUTE, WIDTH, trainsInYear, volumeWidth } from '../../src/data/encoding.ts';
import {
  ARC_MAX_LEGS,
  TRAIN_LOOP,
  TRAIN_MAX_ROUTES,
  TRAIN_TRIP,
  deriveData,
  vertexFractions,
  type RouteLeg,
  type RoutePath,
} from '../../src/data/derive.ts';
import { TRAIN_TRAIL, trainTrails } from '../../src/data/trainTrails.ts';
import { CORRIDOR_COLORS } from '../../src/shared/colors.ts';
import { decimalYear, growWindow, yearEnd } from '../../src/data/time.ts';
import { loadGeo, readFixture, setAt } from './helpers.ts';

const { data } = await loadGeo();
const derived = deriveData(data);
const view = fitView(dataExtent(data), 1280, 720, mapPadding(1280));
const placed = {
  zh: placeMapLabels(derived, 'zh', (p) => project(view, p), 1280, 720),
  en: placeMapLabels(derived, 'en', (p) => project(view, p), 1280, 720),
};
const labelsIn = (lang: 'zh' | 'en'): MapLabel[] => placed[lang];
const trainsAllowed = (p: RoutePath, year: number, max: number) =>
  trainsInYear(p.widthSeries, year, max);

function state(overrides: Partial<LayerState> = {}): LayerState {
  return {
    time: yearEnd(2022),
    selection: null,
    playing: false,
    reducedMotion: false,
    ...overrides,
  };
}

function layer(layers: Layer[], id: string): Layer {
  const found = layers.find((l) => l.id === id);
  if (!found) throw new Error(`no layer ${id} in ${layers.map((l) => l.id).join(', ')}`);
  return found;
}
function prop(layers: Layer[], id: string, name: string): unknown {
  return (layer(layers, id).props as unknown as Record<string, unknown>)[name];
}
function accessor<T>(layers: Layer[], id: string, name: string): (d: T) => unknown {
  const value = prop(layers, id, name);
  if (typeof value !== 'function') throw new Error(`${id}.${name} is not an accessor`);
  return value as (d: T) => unknown;
}

const path = (id: string): RoutePath => {
  const found = derived.paths.find((p) => p.id === id);
  if (!found) throw new Error(`no path ${id}`);
  return found;
};
const hub = (id: string): HubFeature => data.hubs.find((h) => h.properties.id === id)!;
const place = (id: string): PlaceFeature => data.places.find((p) => p.properties.id === id)!;
const rgba = (corridor: Corridor, alpha: number) => [...CORRIDOR_COLORS[corridor], alpha];

describe('layer ids', () => {
  it('are stable names', () => {
    expect(LAYER_IDS).toEqual({
      routes: 'routes',
      trains: 'trains',
    });
  });

  it('come in drawing order, without trains when paused', () => {
    expect(buildLayers(state(), derived).map((l) => l.id)).toEqual(['routes']);
  });

  it('add the trains above the routes while playing (markers and labels are SVG above the canvas)', () => {
    expect(buildLayers(state({ playing: true }), derived).map((l) => l.id)).toEqual([
      'routes',
      'trains',
    ]);
  });

  it('leave the trains out with reduced motion, even while playing', () => {
    const ids = buildLayers(state({ playing: true, reducedMotion: true }), derived).map(
      (l) => l.id,
    );
    expect(ids).not.toContain('trains');
    expect(ids).toHaveLength(1);
  });
});

describe('data does not change while time moves', () => {
  it('gives the routes the same data array at two different times', () => {
    const a = buildLayers(state({ time: 2015.3, playing: true }), derived);
    const b = buildLayers(state({ time: 2020.7, playing: true }), derived);
    expect(b.map((l) => l.id)).toEqual(a.map((l) => l.id));
    expect(prop(b, 'routes', 'data')).toBe(prop(a, 'routes', 'data'));
    // …while the time itself moves, as a uniform.
    expect(prop(a, 'routes', 'currentTime')).not.toBe(prop(b, 'routes', 'currentTime'));
    // The trains are where they are now: a few short trails, worked out for each frame.
    expect(prop(b, 'trains', 'data')).not.toEqual(prop(a, 'trains', 'data'));
  });

  it('uses the derived arrays themselves: the routes alone, no arcs (as the lite view)', () => {
    const layers = buildLayers(state({ playing: true }), derived);
    expect(prop(layers, 'routes', 'data')).toBe(derived.paths);
    expect(derived.lines).toEqual([...derived.paths, ...derived.legs.filter((l) => l.path.length)]);
  });
});

describe('time on the GPU, relative to the epoch', () => {
  it('starts the epoch at the first opening year', () => {
    expect(derived.epoch).toBe(2011);
  });

  it('draws paths and arcs up to now', () => {
    const layers = buildLayers(state({ time: 2016.25 }), derived);
    expect(prop(layers, 'routes', 'currentTime')).toBeCloseTo(5.25, 10);
  });

  it('with reduced motion draws whole years: everything opened up to the end of the year', () => {
    const layers = buildLayers(state({ time: 2016.25, reducedMotion: true }), derived);
    // The same moment as every view's (time.ts drawTime): the last moment of 2016.
    expect(prop(layers, 'routes', 'currentTime')).toBe(yearEnd(2016) - 2011);
  });

  it('fades each train towards its tail: timestamps count back from its head', () => {
    const layers = buildLayers(state({ time: 2016.25, playing: true }), derived);
    expect(prop(layers, 'trains', 'currentTime')).toBe(0);
    expect(prop(layers, 'trains', 'trailLength')).toBe(TRAIN_TRAIL);
  });
});

describe('paths', () => {
  it('start at the route’s opening and increase to the end of its growth', () => {
    for (const r of data.routes) {
      const p = path(r.properties.id);
      const opened = decimalYear(r.properties.opened);
      const [, end] = growWindow(opened);
      expect(p.timestamps).toHaveLength(r.geometry.coordinates.length);
      expect(p.timestamps[0]).toBeCloseTo(opened - derived.epoch, 10);
      expect(p.timestamps.at(-1)).toBeCloseTo(end - derived.epoch, 10);
      const steps = p.timestamps.slice(1).map((t, i) => t - p.timestamps[i]!);
      expect([r.properties.id, steps.every((s) => s > 0)]).toEqual([r.properties.id, true]);
    }
  });

  it('measure vertex fractions from 0 to 1 along the line', () => {
    const fractions = vertexFractions([
      [0, 0],
      [1, 0],
      [3, 0],
    ]);
    expect(fractions[0]).toBe(0);
    expect(fractions[1]).toBeCloseTo(1 / 3, 4);
    expect(fractions[2]).toBe(1);
    expect(vertexFractions([[5, 5]])).toEqual([0]);
  });

  it('are coloured by corridor, dimmed when another route is selected', () => {
    const getColor = accessor<RoutePath>(buildLayers(state(), derived), 'routes', 'getColor');
    for (const p of derived.paths) expect(getColor(p)).toEqual(rgba(p.corridor, 230));
    expect(getColor(path('china-laos'))).toEqual([0, 114, 178, 230]);
    expect(getColor(path('land-sea'))).toEqual([0, 158, 115, 230]);
    expect(getColor(path('changan'))).toEqual([213, 94, 0, 230]);

    const selected = buildLayers(state({ selection: { kind: 'route', id: 'changan' } }), derived);
    const getSelectedColor = accessor<RoutePath>(selected, 'routes', 'getColor');
    expect(getSelectedColor(path('changan'))).toEqual(rgba('china-europe', 230));
    expect(getSelectedColor(path('yixinou'))).toEqual(rgba('china-europe', 81));
    expect(prop(selected, 'routes', 'updateTriggers')).toEqual({
      getWidth: [2022, ''],
      getColor: ['changan', '', ''],
    });
  });

  it('take a house palette (read from the page) for the routes and trains, and redraw on it', () => {
    const palette = {
      'china-europe': [10, 20, 30],
      'china-laos': [40, 50, 60],
      'new-western-land-sea': [70, 80, 90],
    } as const satisfies Record<string, [number, number, number]>;
    const layers = buildLayers(state({ palette, playing: true }), derived);
    const getColor = accessor<RoutePath>(layers, 'routes', 'getColor');
    expect(getColor(path('changan'))).toEqual([10, 20, 30, 230]);
    expect(getColor(path('china-laos'))).toEqual([40, 50, 60, 230]);
    expect(prop(layers, 'routes', 'updateTriggers')).toMatchObject({
      getColor: ['', '', JSON.stringify(palette)],
    });
    const trainColor = prop(layers, 'trains', 'getColor') as (
      d: unknown,
      info: { index: number },
    ) => number[];
    const colors = new Set(Object.values(palette).map((c) => c.join()));
    expect(colors.has(trainColor(null, { index: 0 }).slice(0, 3).join())).toBe(true);
  });

  it('are as wide as the trains of the year shown, where a yearly count exists', () => {
    expect(derived.maxVolume).toBe(10000); // Land–Sea 2024, over 10,000 trains
    const at = (year: number) =>
      accessor<RoutePath>(
        buildLayers(state({ time: yearEnd(year) }), derived),
        'routes',
        'getWidth',
      );
    expect(at(2024)(path('land-sea'))).toBe(WIDTH.max);
    expect(at(2022)(path('changan'))).toBe(volumeWidth(4639, 10000));
    expect(at(2013)(path('changan'))).toBe(WIDTH.none); // opened, no count yet
    expect(at(2022)(path('yuxinou'))).toBe(WIDTH.none); // no series of its own
  });

  it('do not size China–Laos by tonnes: width means trains', () => {
    expect(path('china-laos').widthSeries).toBeUndefined();
    expect(path('changan').widthSeries?.id).toBe('changan-trains');
    expect(path('land-sea').widthSeries?.id).toBe('land-sea-trains');
    const getWidth = accessor<RoutePath>(
      buildLayers(state({ time: yearEnd(2023) }), derived),
      'routes',
      'getWidth',
    );
    expect(getWidth(path('china-laos'))).toBe(WIDTH.none);
  });
});

describe('arcs (one per leg)', () => {
  it('have stops − 1 legs per route, between consecutive stops', () => {
    for (const r of data.routes) {
      const { id, stops } = r.properties;
      const legs = derived.legs.filter((l) => l.routeId === id);
      expect([id, legs.length]).toEqual([id, stops.length - 1]);
      expect(legs.map((l) => l.id)).toEqual(stops.slice(1).map((_, i) => `${id}:${i + 1}`));
      const position = (stop: string) => (hub(stop) ?? place(stop)).geometry.coordinates;
      expect(legs.map((l) => l.source)).toEqual(stops.slice(0, -1).map(position));
      expect(legs.map((l) => l.target)).toEqual(stops.slice(1).map(position));
    }
    expect(derived.legs).toHaveLength(
      data.routes.reduce((n, r) => n + r.properties.stops.length - 1, 0),
    );
  });

  it('show each leg once the growing line reaches its end, the last with the path', () => {
    for (const r of data.routes) {
      const legs = derived.legs.filter((l) => l.routeId === r.properties.id);
      const reached = legs.map((l) => l.reached);
      expect([...reached].sort((a, b) => a - b)).toEqual(reached);
      expect(reached.at(-1)).toBe(path(r.properties.id).timestamps.at(-1));
    }
  });

  it('find a stop that sits near a vertex, not exactly on it (validation allows 1 km)', () => {
    const files = readFixture('valid-small');
    // Duisburg 0.005° (≈ 350 m) east of the line's vertex: valid, and still the second stop of
    // Yixin'ou (Yiwu → Duisburg → Madrid), reached at the line's third vertex.
    setAt(files['places.geojson'], ['features', 0, 'geometry', 'coordinates'], [6.7702, 51.4325]);
    const { data: small, problems } = validateData(files);
    expect(problems).toEqual([]);
    const smallDerived = deriveData(small);
    const yixinou = smallDerived.paths.find((p) => p.id === 'yixinou')!;
    const legs = smallDerived.legs.filter((l) => l.routeId === 'yixinou');
    expect(legs.map((l) => l.reached)).toEqual([yixinou.timestamps[2], yixinou.timestamps[3]]);
  });

  it('are coloured by corridor, paler than the paths', () => {
    const layers = buildLayers(state({ selection: { kind: 'route', id: 'land-sea' } }), derived);
    const color = accessor<RouteLeg>(layers, 'routes', 'getColor');
    const landSea = derived.legs.find((l) => l.routeId === 'land-sea')!;
    const laos = derived.legs.find((l) => l.routeId === 'china-laos')!;
    expect(color(landSea)).toEqual(rgba('new-western-land-sea', 150));
    expect(color(laos)).toEqual(rgba('china-laos', Math.round(150 * 0.35)));
  });

  it('show whole once the leg is reached: every vertex stamped with that moment', () => {
    const layers = buildLayers(state(), derived);
    const stamps = accessor<RouteLeg>(layers, 'routes', 'getTimestamps');
    const path = accessor<RouteLeg>(layers, 'routes', 'getPath');
    for (const leg of derived.legs) {
      expect(new Set(stamps(leg) as number[])).toEqual(new Set([leg.reached]));
      expect((path(leg) as unknown[]).length).toBe((stamps(leg) as unknown[]).length);
      expect([(path(leg) as number[][])[0], (path(leg) as number[][]).at(-1)]).toEqual([
        [leg.source[0], leg.source[1]],
        [leg.target[0], leg.target[1]],
      ]);
    }
  });

  it('are drawn in the routes’ own layer (one program, one draw for paths and arcs)', () => {
    const layers = buildLayers(state(), derived);
    expect(layers.filter((l) => l.id === 'routes')).toHaveLength(1);
    expect(prop(layers, 'routes', 'extensions')).toEqual([]);
  });
});

describe('labels', () => {
  it('label hubs and the ends of routes, except ends within reach of a hub’s label', () => {
    const labels = derived.labels;
    // Chongqing starts Yuxin'ou but sits next to Jiangjin; pass-through stops (Moscow, borders)
    // stay unlabelled to keep the map calm.
    expect(labels.map((f) => f.properties.id)).toEqual([
      'jiangjin',
      'xian',
      'lanzhou',
      'yiwu',
      'duisburg',
      'hamburg',
      'madrid',
      'almaty',
      'kunming',
      'vientiane',
      'singapore',
    ]);
  });

  it('write labels in the reader’s language, hubs larger (drawn as SVG over the map)', () => {
    const text = (lang: 'zh' | 'en', id: string) => labelsIn(lang).find((l) => l.id === id)!;
    expect(text('zh', 'xian').text).toBe('西安国际港务区');
    expect(text('en', 'xian').text).toBe("Xi'an International Port Area");
    expect(text('zh', 'hamburg').text).toBe('汉堡港');
    expect(text('en', 'hamburg').text).toBe('Port of Hamburg');
    expect([text('en', 'yiwu').fontSize, text('en', 'singapore').fontSize]).toEqual([13, 11]);
  });
});

describe('trains', () => {
  // Years after the epoch at which a route is fully drawn and its trains run.
  const running = (id: string) => path(id).timestamps.at(-1)!;
  /** The trails at `now` as [train, vertices ([lon, lat]), timestamps] triples. */
  const trailsAt = (year: number, now: number) => {
    const t = trainTrails(derived, year, now);
    return t.trains.map((train, i) => {
      const from = t.startIndices[i]!;
      const to = i + 1 < t.length ? t.startIndices[i + 1]! : t.timestamps.length;
      const vertices = Array.from({ length: to - from }, (_, k) => [
        t.positions[(from + k) * 2]!,
        t.positions[(from + k) * 2 + 1]!,
      ]);
      return { train, vertices, timestamps: [...t.timestamps.subarray(from, to)] };
    });
  };
  const moments = (from: number) => Array.from({ length: 60 }, (_, i) => from + i * 0.02);

  it('run only once their route is fully drawn, ranked below this year’s number', () => {
    const allowed = trainsAllowed(path('changan'), 2023, derived.maxVolume);
    const ranks = new Set<number>();
    for (const now of moments(yearEnd(2023) - 1.5 - derived.epoch)) {
      for (const { train } of trailsAt(2023, now)) {
        expect(train.running).toBeLessThanOrEqual(now);
        expect(train.rank).toBeLessThan(
          trainsAllowed(path(train.routeId), 2023, derived.maxVolume),
        );
        if (train.routeId === 'changan') ranks.add(train.rank);
      }
    }
    // Over a loop every allowed train of the route shows.
    expect([...ranks].sort()).toEqual([0, 1].slice(0, allowed));
    expect(allowed).toBe(2);
    // In a year with fewer trains (2012: one, no yearly figure), the second one stays away.
    const ranks2012 = new Set<number>();
    for (const now of moments(running('changan') + 0.5)) {
      for (const { train } of trailsAt(2012, now)) {
        if (train.routeId === 'changan') ranks2012.add(train.rank);
      }
    }
    expect([...ranks2012]).toEqual([0]);
    // Before the route is drawn to its end, none of its trains runs.
    const early = running('changan') - 0.01;
    expect(trailsAt(2012, early).filter((s) => s.train.routeId === 'changan')).toEqual([]);
  });

  it('each draw a trail TRAIN_TRAIL long on its route, fading from the head (0) back to the tail', () => {
    const route = path('changan');
    let full = 0;
    for (const now of moments(running('changan') + 2)) {
      for (const { train, vertices, timestamps } of trailsAt(2023, now)) {
        if (train.routeId !== 'changan') continue;
        expect(vertices.length).toBeGreaterThanOrEqual(2);
        expect(timestamps.slice(1).every((t, i) => t > timestamps[i]!)).toBe(true);
        expect(timestamps.every((t) => t <= 0 && t >= -TRAIN_TRAIL - 1e-6)).toBe(true);
        // Inner vertices are the route's own, in order.
        const inner = vertices.slice(1, -1);
        const at = inner.map((v) => route.path.findIndex((p) => p[0] === v[0] && p[1] === v[1]));
        expect(at.every((i, k) => i >= 0 && (k === 0 || i === at[k - 1]! + 1))).toBe(true);
        if (timestamps[0]! < -TRAIN_TRAIL + 1e-6 && timestamps.at(-1) === 0) full++;
      }
    }
    expect(full).toBeGreaterThan(10);
  });

  it('leave from the origin and are cut at the destination', () => {
    const route = path('changan');
    const train = derived.trains.find((t) => t.routeId === 'changan' && t.rank === 0)!;
    const loops = Math.ceil(running('changan') / TRAIN_LOOP) + 1;
    const departure = loops * TRAIN_LOOP + train.departs;
    const leaving = trailsAt(2023, departure + 0.01).find((s) => s.train === train)!;
    expect(leaving.vertices[0]).toEqual(route.path[0]);
    expect(leaving.timestamps[0]).toBeCloseTo(-0.01, 5);
    const arriving = trailsAt(2023, departure + TRAIN_TRIP + 0.02).find((s) => s.train === train)!;
    expect(arriving.vertices.at(-1)).toEqual(route.path.at(-1));
    expect(arriving.timestamps.at(-1)).toBeCloseTo(-0.02, 5);
    expect(
      trailsAt(2023, departure + TRAIN_TRIP + TRAIN_TRAIL + 0.01).find((s) => s.train === train),
    ).toBeUndefined();
  });

  it('move: the head is elsewhere a moment later', () => {
    const now = running('changan') + 3.3;
    const heads = (at: number) => trailsAt(2023, at).map((s) => s.vertices.at(-1));
    expect(heads(now + 0.01)).not.toEqual(heads(now));
    expect(heads(now).length).toBeGreaterThan(0);
  });

  it('are drawn as binary data: one path per trail', () => {
    const now = yearEnd(2023) - derived.epoch;
    const layers = buildLayers(state({ time: yearEnd(2023), playing: true }), derived);
    const data = prop(layers, 'trains', 'data') as { length: number; startIndices: Uint32Array };
    const trails = trainTrails(derived, 2023, now);
    expect(data.length).toBe(trails.length);
    expect(data.startIndices).toEqual(trails.startIndices);
    expect(trails.length).toBeGreaterThan(0);
  });

  it('are allowed more on a route with more trains that year', () => {
    const max = derived.maxVolume;
    expect(trainsAllowed(path('land-sea'), 2024, max)).toBe(MAX_TRAINS_PER_ROUTE);
    expect(trainsAllowed(path('changan'), 2023, max)).toBe(2); // 5351 of 10,000
    expect(trainsAllowed(path('changan'), 2018, max)).toBe(2); // 1000
    expect(trainsAllowed(path('lanzhou-hamburg'), 2019, max)).toBe(1); // 117
    expect(trainsAllowed(path('changan'), 2012, max)).toBe(1); // no figure
    expect(trainsAllowed(path('china-laos'), 2023, max)).toBe(1); // no train count

    const series = path('changan').widthSeries!;
    const counts = [0, 100, 1000, 2500, 5000, 7500, 10000].map((value) =>
      trainsAllowed(
        {
          ...path('changan'),
          widthSeries: { ...series, points: [{ ...series.points[0]!, t: '2020', value }] },
        },
        2020,
        max,
      ),
    );
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect([counts[0], counts.at(-1)]).toEqual([1, MAX_TRAINS_PER_ROUTE]);
  });

  it('are derived for every route, as many as it runs in its busiest year and no more', () => {
    const years = Array.from({ length: 20 }, (_, i) => 2008 + i);
    for (const p of derived.paths) {
      const ranks = new Set(derived.trains.filter((t) => t.routeId === p.id).map((t) => t.rank));
      const most = Math.max(...years.map((y) => trainsAllowed(p, y, derived.maxVolume)));
      expect({ id: p.id, ranks: [...ranks].sort() }).toEqual({
        id: p.id,
        ranks: [0, 1, 2, 3, 4].slice(0, most),
      });
      expect(most).toBeLessThanOrEqual(MAX_TRAINS_PER_ROUTE);
    }
    // Routes without a yearly count run one train: no more are built for them.
    const unmeasured = derived.paths.filter((p) => !p.widthSeries);
    expect(unmeasured.length).toBeGreaterThan(0);
    for (const p of unmeasured) {
      expect(new Set(derived.trains.filter((t) => t.routeId === p.id).map((t) => t.rank))).toEqual(
        new Set([0]),
      );
    }
  });
});

describe('a map of thousands of routes', () => {
  // The real routes, copied to 2,500 (ids made unique): more legs than ARC_MAX_LEGS, more routes
  // than TRAIN_MAX_ROUTES.
  const many = {
    ...data,
    routes: Array.from({ length: 2_500 }, (_, i) => {
      const r = data.routes[i % data.routes.length]!;
      return { ...r, properties: { ...r.properties, id: `${r.properties.id}-${i}` } };
    }),
  };
  const big = deriveData(many);

  it('draws its routes without arcs past ARC_MAX_LEGS legs', () => {
    expect(big.legs.length).toBeGreaterThan(ARC_MAX_LEGS);
    expect(big.lines).toBe(big.paths);
    expect(big.legs.every((l) => l.path.length === 0)).toBe(true); // not computed either
    expect(derived.lines.length).toBe(derived.paths.length + derived.legs.length);
  });

  it('runs trains on the TRAIN_MAX_ROUTES busiest routes only', () => {
    const carrying = new Set(big.trains.map((t) => t.routeId));
    expect(carrying.size).toBe(TRAIN_MAX_ROUTES);
    // The busiest by their largest yearly count: none left out is busier than one kept.
    const top = (id: string) =>
      Math.max(
        0,
        ...(big.paths.find((p) => p.id === id)!.widthSeries?.points ?? []).map((p) => p.value),
      );
    const kept = Math.min(...[...carrying].map(top));
    const left = Math.max(...big.paths.filter((p) => !carrying.has(p.id)).map((p) => top(p.id)));
    expect(kept).toBeGreaterThanOrEqual(left);
    expect(kept).toBeGreaterThan(0);
  });
});

describe('selectionFromPick', () => {
  const layers = buildLayers(state({ playing: true }), derived);

  it('maps a path and an arc to a selection (hubs are the lite view’s buttons)', () => {
    expect(selectionFromPick({ layer: layer(layers, 'routes'), object: path('yixinou') })).toEqual({
      kind: 'route',
      id: 'yixinou',
    });
    const leg = derived.legs.find((l) => l.routeId === 'land-sea')!;
    expect(selectionFromPick({ layer: layer(layers, 'routes'), object: leg })).toEqual({
      kind: 'route',
      id: 'land-sea',
    });
  });

  it('maps anything else, or nothing picked, to no selection', () => {
    expect(
      selectionFromPick({ layer: layer(layers, 'trains'), object: derived.trains[0] }),
    ).toBeNull();
    expect(selectionFromPick({ layer: layer(layers, 'routes'), object: undefined })).toBeNull();
    expect(selectionFromPick({ layer: null, object: path('changan') })).toBeNull();
  });
});
