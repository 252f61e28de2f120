/**
 * What keeps the two views of the map in agreement, tested in Node: one way to watch the store,
 * one camera fit, one growth rule, one label placement, one options resolver.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  dataExtent,
  fitView,
  fitViewClear,
  inverseMercator,
  mapCamera,
  mapPadding,
  mercator,
  project,
} from '../../src/data/camera.ts';
import { deriveData, partialPath, routeProgress } from '../../src/data/derive.ts';
import { overlaps } from '../../src/data/labels.ts';
import { MAX_LABEL_CHARS, mapLabelText, placeMapLabels } from '../../src/data/mapLabels.ts';
import { decimalYear, drawTime, growth, yearEnd } from '../../src/data/time.ts';
import { resolveOptions } from '../../src/embed/options.ts';
import { controlsBox } from '../../src/lite/controls.ts';
import { figureAt, findSeries, panelSelector } from '../../src/state/selectors.ts';
import { createCorridorStore } from '../../src/state/store.ts';
import { watch } from '../../src/state/watch.ts';
import { loadGeo } from './helpers.ts';

const { data } = await loadGeo();
const derived = deriveData(data);

describe('watch', () => {
  it('calls back once now and then only when the selected value changes', () => {
    const store = createCorridorStore(data, { year: 2019 });
    const seen: unknown[] = [];
    const stop = watch(store, panelSelector(), (value) => seen.push(value));
    store.getState().setYear(2019); // same year: nothing
    store.getState().tick(0.1); // not playing: nothing
    store.getState().play();
    store.getState().setLang('en');
    store.getState().select({ kind: 'hub', id: 'xian' });
    store.getState().select({ kind: 'hub', id: 'xian' }); // equal selection, new object: nothing
    stop();
    store.getState().setLang('zh');
    expect(seen).toEqual([
      ['', 'zh', 2019],
      ['', 'en', 2019],
      ['hub:xian', 'en', 2019],
    ]);
  });

  it('does not call back for animation frames within a year', () => {
    const store = createCorridorStore(data, { year: 2015 });
    store.getState().pause();
    store.setState({ time: 2015.1 });
    const onChange = vi.fn();
    watch(store, panelSelector(), onChange, { immediate: false });
    for (let i = 0; i < 50; i++) store.setState({ time: 2015.1 + i * 0.01 });
    expect(onChange).not.toHaveBeenCalled();
    store.setState({ time: 2016.2 });
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

describe('camera', () => {
  it('Web Mercator round-trips', () => {
    for (const p of [
      [0, 0],
      [108.9, 34.3],
      [-3.7, 40.4],
      [103.8, 1.3],
    ] as [number, number][]) {
      const [lon, lat] = inverseMercator(mercator(p));
      expect(lon).toBeCloseTo(p[0], 9);
      expect(lat).toBeCloseTo(p[1], 9);
    }
  });

  it.each([320, 375, 768, 1280])(
    'at %i px every route end and hub lies inside the box, inside the padding',
    (width) => {
      const height = Math.round(width * (width <= 360 ? 1 : width <= 560 ? 0.75 : 9 / 16));
      const padding = mapPadding(width);
      const view = fitView(dataExtent(data), width, height, padding);
      const points = [
        ...data.routes.flatMap((r) => [r.geometry.coordinates[0]!, r.geometry.coordinates.at(-1)!]),
        ...data.hubs.map((h) => h.geometry.coordinates),
      ];
      for (const p of points) {
        const [x, y] = project(view, p);
        expect(x).toBeGreaterThanOrEqual(padding.left - 0.01);
        expect(x).toBeLessThanOrEqual(width - padding.right + 0.01);
        expect(y).toBeGreaterThanOrEqual(padding.top - 0.01);
        expect(y).toBeLessThanOrEqual(height - padding.bottom + 0.01);
      }
    },
  );

  it('gives maplibre the camera that shows the same box (world size 512 × 2^zoom)', () => {
    const view = fitView(dataExtent(data), 960, 540, mapPadding(960));
    const { center, zoom } = mapCamera(view);
    const worldSize = 512 * 2 ** zoom;
    const [cx, cy] = mercator(center);
    // Where maplibre would put Xi'an: centre of the box plus the world offset at that zoom.
    const xian = data.hubs.find((h) => h.properties.id === 'xian')!.geometry.coordinates;
    const [wx, wy] = mercator(xian);
    const maplibre = [480 + (wx - cx) * worldSize, 270 + (wy - cy) * worldSize];
    const lite = project(view, xian);
    expect(maplibre[0]).toBeCloseTo(lite[0], 6);
    expect(maplibre[1]).toBeCloseTo(lite[1], 6);
  });
});

describe('growth, one rule for both views', () => {
  const yuxinou = derived.paths.find((p) => p.id === 'yuxinou')!;
  it('grows a route from its opening date; reduced motion shows whole years', () => {
    const opened = decimalYear('2011-03-19');
    expect(routeProgress(yuxinou, opened - 0.01)).toBe(0);
    expect(routeProgress(yuxinou, opened + 0.1)).toBeCloseTo(growth(opened, opened + 0.1), 12);
    expect(routeProgress(yuxinou, 2012)).toBe(1);
    expect(drawTime(2011.3, true)).toBe(yearEnd(2011));
    expect(drawTime(2011.3, false)).toBe(2011.3);
  });

  it('cuts the drawn path at the same length fraction the live map’s timestamps give', () => {
    expect(partialPath(yuxinou, 0)).toEqual([]);
    expect(partialPath(yuxinou, 1)).toBe(yuxinou.path);
    let previous = 0;
    for (const progress of [0.1, 0.3, 0.5, 0.9]) {
      const part = partialPath(yuxinou, progress);
      expect(part[0]).toEqual(yuxinou.path[0]);
      // Every vertex kept has a fraction at or below the progress; the last is interpolated.
      const kept = part.length - 1;
      expect(yuxinou.fractions[kept - 1]!).toBeLessThanOrEqual(progress);
      expect(part.length).toBeGreaterThanOrEqual(previous);
      previous = part.length;
    }
  });
});

describe('labels', () => {
  it.each([
    [320, 320],
    [375, 281],
    [768, 432],
    [1280, 720],
  ])('at %i × %i no two labels overlap, in zh and en, and hubs are labelled', (width, height) => {
    const view = fitView(dataExtent(data), width, height, mapPadding(width));
    for (const lang of ['zh', 'en'] as const) {
      const labels = placeMapLabels(
        derived,
        lang,
        (p) => project(view, p),
        width,
        height,
        data.places.map((p) => p.geometry.coordinates),
      );
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          expect(overlaps(labels[i]!.box, labels[j]!.box)).toBe(false);
        }
        const { box } = labels[i]!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(box.y + box.height).toBeLessThanOrEqual(height);
      }
      const hubs = labels.filter((l) => l.kind === 'hub').map((l) => l.id);
      expect(hubs.sort()).toEqual(['jiangjin', 'lanzhou', 'xian', 'yiwu']);
    }
  });
});

describe('figureAt: what a panel shows for a year', () => {
  it('shows the latest earlier reported point when the year has none of its own', () => {
    const changan = findSeries(data, 'changan-trains')!;
    // 2013 has no count (the first train ran in November), 2014 only an unverified one.
    const at2014 = figureAt(changan, 2014);
    expect(at2014.point).toBeUndefined();
    expect(at2014.unverified?.value).toBe(46);
    const at2016 = figureAt(changan, 2016);
    expect(at2016.latest).toBe(true);
    expect(at2016.point?.t).toBe('2015');
    expect(at2016.point?.value).toBe(95);
    const at2025 = figureAt(changan, 2025);
    expect(at2025.latest).toBe(false);
    expect(at2025.point?.value).toBe(6037);
  });

  it('never makes an unverified point the headline, but returns it to be named', () => {
    const series = findSeries(data, 'land-sea-trains')!;
    const own = series.points.find((p) => p.t === '2023')!;
    if (own.status !== 'unverified') return; // the data changed: nothing to check here
    const at = figureAt(series, 2023);
    expect(at.point?.status).not.toBe('unverified');
    expect(at.unverified).toBe(own);
  });

  it('says nothing when nothing at or before the year exists', () => {
    const changan = findSeries(data, 'changan-trains')!;
    expect(figureAt(changan, 2012)).toEqual({
      point: undefined,
      latest: false,
      unverified: undefined,
    });
  });
});

describe('resolveOptions: one rule for options against the data', () => {
  it('keeps what the data has', () => {
    const { options, warnings } = resolveOptions({ hub: 'xian', year: 2019, lang: 'en' }, data, {
      live: 'interaction',
      today: 2026,
    });
    expect(options).toMatchObject({ hub: 'xian', year: 2019, lang: 'en', live: 'interaction' });
    expect(warnings).toEqual([]);
  });

  it('falls back to the defaults for what the data lacks, with one warning naming all', () => {
    const { options, warnings } = resolveOptions(
      { hub: 'nowhere', year: 2005, route: 'changan' },
      data,
      { live: 'eager', today: 2026 },
    );
    expect(options.hub).toBeUndefined();
    expect(options.route).toBe('changan');
    expect(options.year).toBe(2025);
    expect(options.live).toBe('eager');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/hub=nowhere.*year=2005/);
  });

  it('a year past the data is the same out-of-range as one before it', () => {
    expect(resolveOptions({ year: 2099 }, data).options.year).toBe(2025);
    expect(resolveOptions({ year: 2005 }, data).options.year).toBe(2025);
  });
});

describe('long names on the map', () => {
  it('are cut to MAX_LABEL_CHARS graphemes with an ellipsis; short ones are left alone', () => {
    expect(mapLabelText('Xi’an International Port Area')).toBe('Xi’an International Port Area');
    expect(mapLabelText('西安国际港务区')).toBe('西安国际港务区');
    const long = mapLabelText('Very long terminal name '.repeat(8));
    expect(Array.from(new Intl.Segmenter().segment(long))).toHaveLength(MAX_LABEL_CHARS);
    expect(long.endsWith('…')).toBe(true);
    // A flag is one character to a reader: never cut in half.
    const flags = mapLabelText('🇨🇳'.repeat(40));
    expect(flags).toBe('🇨🇳'.repeat(MAX_LABEL_CHARS - 1) + '…');
  });

  it('a 200-character name is placed as its short form, in both views’ placement', async () => {
    const { data } = await loadGeo();
    const name = 'N'.repeat(200);
    const hubs = data.hubs.map((h, i) =>
      i === 0 ? { ...h, properties: { ...h.properties, name: { zh: name, en: name } } } : h,
    );
    const derived = deriveData({ ...data, hubs });
    const view = fitView(dataExtent(data), 1280, 720, mapPadding(1280));
    const labels = placeMapLabels(derived, 'en', (p) => project(view, p), 1280, 720);
    const label = labels.find((l) => l.id === hubs[0]!.properties.id);
    expect(label?.text).toBe('N'.repeat(MAX_LABEL_CHARS - 1) + '…');
  });

  it('the camera keeps every marker and route end clear of the controls (fitViewClear)', () => {
    const points = [
      ...data.hubs.map((h) => h.geometry.coordinates),
      ...data.places.map((p) => p.geometry.coordinates),
    ];
    const inside = (view: ReturnType<typeof fitView>, box: ReturnType<typeof controlsBox>) =>
      points.filter((p) => {
        const [x, y] = project(view, p);
        return x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height;
      });
    // At 444 × 250 (a 768 px page) Manzhouli sits under the zoom buttons with the plain fit.
    const box = controlsBox(444);
    const plain = fitView(dataExtent(data), 444, 250, mapPadding(444));
    expect(inside(plain, box).length).toBeGreaterThan(0);
    for (const [width, height] of [
      [836, 470],
      [444, 250],
      [343, 343],
      [608, 342],
    ] as const) {
      const keepOut = controlsBox(width);
      const view = fitViewClear(
        dataExtent(data),
        width,
        height,
        mapPadding(width),
        points,
        keepOut,
      );
      expect(inside(view, keepOut)).toEqual([]);
      for (const p of points) {
        const [x, y] = project(view, p);
        expect(x >= 0 && x <= width && y >= 0 && y <= height).toBe(true);
      }
    }
    // No controls: the plain fit.
    expect(fitViewClear(dataExtent(data), 444, 250, mapPadding(444), points)).toEqual(plain);
  });

  it('no label is placed under the map controls (controlsBox), at any width', () => {
    for (const [width, height] of [
      [836, 470],
      [444, 250],
      [343, 343],
    ] as const) {
      const view = fitView(dataExtent(data), width, height, mapPadding(width));
      const reserved = controlsBox(width);
      const free = placeMapLabels(derived, 'en', (p) => project(view, p), width, height);
      const labels = placeMapLabels(
        derived,
        'en',
        (p) => project(view, p),
        width,
        height,
        [],
        [reserved],
      );
      expect(labels.length).toBeGreaterThanOrEqual(4);
      expect(labels.filter((l) => overlaps(l.box, reserved)).map((l) => l.id)).toEqual([]);
      // Without the reservation some label would sit there at 444 px (Lanzhou New Area).
      if (width === 444) expect(free.some((l) => overlaps(l.box, reserved))).toBe(true);
    }
  });
});
