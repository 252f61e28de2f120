// The pure parts of the host-page loader (embed.js) and of the frame's query string: snippet
// options → frame URL → the options the frame reads, and which messages resize an iframe.
import { describe, expect, test, vi } from 'vitest';
import {
  PASSED_OPTIONS,
  afterHostPaint,
  corridorEvent,
  corridorEventType,
  embedPageUrl,
  embedUrl,
  estimateHeight,
  frameTitle,
  parseSizeMessage,
  reservedHeight,
} from '../../src/embed/loader.ts';
import { CONTROLS, OPTION_KEYS, parseEmbedQuery } from '../../src/embed/options.ts';

describe('frame URL', () => {
  test('embed.html sits beside embed.js, wherever that is', () => {
    expect(embedPageUrl('https://news.example/graphics/corridor-map/embed.js')).toBe(
      'https://news.example/graphics/corridor-map/embed.html',
    );
    expect(embedPageUrl('https://cdn.example/embed.js?v=3')).toBe('https://cdn.example/embed.html');
  });

  test('snippet options go to the query, encoded; other data attributes do not', () => {
    const url = new URL(
      embedUrl('https://cdn.example/map/embed.html', {
        hub: 'xian',
        lang: 'en',
        year: '2019',
        controls: 'timeline,legend',
        theme: 'dark',
        autoplay: '',
        corridorMap: '',
        corridorMapState: 'loaded',
        sandbox: 'allow-scripts',
        title: 'x',
        evil: '"><script>',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://cdn.example/map/embed.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      hub: 'xian',
      lang: 'en',
      year: '2019',
      controls: 'timeline,legend',
      theme: 'dark',
      autoplay: '',
    });
    expect(embedUrl('https://cdn.example/embed.html', { hub: 'a&b=c' })).toBe(
      'https://cdn.example/embed.html?hub=a%26b%3Dc',
    );
  });

  test('a page that already has a query keeps it', () => {
    expect(embedUrl('https://cdn.example/embed.html?data=geo2/', { lang: 'en' })).toBe(
      'https://cdn.example/embed.html?data=geo2%2F&lang=en',
    );
  });

  test('every option the loader passes is one the frame reads', () => {
    for (const key of PASSED_OPTIONS) expect(OPTION_KEYS).toContain(key);
  });

  test('round trip: snippet attributes → URL → the frame options', () => {
    const warn = vi.fn();
    const url = new URL(
      embedUrl('https://cdn.example/embed.html', {
        hub: 'xian',
        year: '2019',
        lang: 'en',
        autoplay: '1',
        controls: 'legend, table',
        theme: 'light',
        speed: '2',
      }),
    );
    expect(parseEmbedQuery(url.search, warn)).toEqual({
      hub: 'xian',
      year: 2019,
      lang: 'en',
      autoplay: true,
      controls: ['legend', 'table'],
      theme: 'light',
      speed: 2,
    });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('frame query string', () => {
  test('bad values and unknown keys: left out, with one warning naming them all', () => {
    const warn = vi.fn();
    const options = parseEmbedQuery(
      '?hub=xian&year=20x9&lang=fr&theme=neon&controls=legend,map&foo=1&bar=2',
      warn,
    );
    expect(options).toEqual({ hub: 'xian', controls: ['legend'] });
    expect(warn).toHaveBeenCalledOnce();
    const message = String(warn.mock.calls[0]?.[0]);
    for (const part of ['year=20x9', 'lang=fr', 'theme=neon', 'controls=map', '"foo"', '"bar"']) {
      expect(message).toContain(part);
    }
  });

  test('what pym.js adds to the URL passes without a warning', () => {
    const warn = vi.fn();
    expect(
      parseEmbedQuery(
        '?lang=en&initialWidth=480&childId=pym-map&parentTitle=News&parentUrl=https%3A%2F%2Fnews.example%2F',
        warn,
      ),
    ).toEqual({ lang: 'en' });
    expect(warn).not.toHaveBeenCalled();
  });

  test('controls: a list; empty or "none" is the map alone; only unknown words is the default', () => {
    const warn = vi.fn();
    expect(parseEmbedQuery(`?controls=${CONTROLS.join(',')}`, warn).controls).toEqual([
      ...CONTROLS,
    ]);
    expect(parseEmbedQuery('?controls=timeline+timeline', warn).controls).toEqual(['timeline']);
    expect(parseEmbedQuery('?controls=', warn).controls).toEqual([]);
    expect(parseEmbedQuery('?controls=none', warn).controls).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    expect(parseEmbedQuery('?controls=everything', warn).controls).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
  });

  test('a key given twice: the last counts', () => {
    expect(parseEmbedQuery('?lang=zh&lang=en', vi.fn())).toEqual({ lang: 'en' });
  });
});

describe('messages on the host page', () => {
  test('embed-size: a finite, sane height; anything else is not a size', () => {
    expect(parseSizeMessage({ sentinel: 'amp', type: 'embed-size', height: 812 })).toBe(812);
    expect(parseSizeMessage({ sentinel: 'amp', type: 'embed-size', height: 812.1 })).toBe(813);
    expect(parseSizeMessage({ sentinel: 'amp', type: 'embed-size', height: '640' })).toBe(640);
    // A frame cannot make itself 100,000 px tall, nor 3 px.
    expect(parseSizeMessage({ sentinel: 'amp', type: 'embed-size', height: 1e9 })).toBe(12_000);
    expect(parseSizeMessage({ sentinel: 'amp', type: 'embed-size', height: 3 })).toBe(120);
    for (const data of [
      null,
      'pymxPYMxmapxPYMxheightxPYMx600',
      { type: 'embed-size', height: 600 },
      { sentinel: 'amp', type: 'embed-resize', height: 600 },
      { sentinel: 'amp', type: 'embed-size' },
      { sentinel: 'amp', type: 'embed-size', height: -5 },
      { sentinel: 'amp', type: 'embed-size', height: 0 },
      { sentinel: 'amp', type: 'embed-size', height: Infinity },
      { sentinel: 'amp', type: 'embed-size', height: '600px' },
    ]) {
      expect({ data, height: parseSizeMessage(data) }).toEqual({ data, height: null });
    }
  });

  test('the frame events are passed on as DOM events; nothing else is', () => {
    expect(corridorEventType({ type: 'corridor:select', kind: 'hub', id: 'xian' })).toBe(
      'corridor:select',
    );
    expect(corridorEventType({ type: 'corridor:year', year: 2019 })).toBe('corridor:year');
    expect(
      corridorEventType({ type: 'corridor:ready', year: 2024, lang: 'en', kind: null, id: null }),
    ).toBe('corridor:ready');
    // Only what the map knows goes through to the article: kinds, slugs, years in range.
    expect(corridorEventType({ type: 'corridor:ready' })).toBeNull();
    expect(
      corridorEventType({ type: 'corridor:select', kind: 'hub', id: '<img onerror=x>' }),
    ).toBeNull();
    expect(corridorEventType({ type: 'corridor:select', kind: 'city', id: 'xian' })).toBeNull();
    expect(corridorEventType({ type: 'corridor:select', kind: 'hub', id: null })).toBeNull();
    expect(corridorEventType({ type: 'corridor:year', year: 1e9 })).toBeNull();
    expect(corridorEvent({ type: 'corridor:year', year: 2019, extra: 'x'.repeat(1e5) })).toEqual({
      type: 'corridor:year',
      year: 2019,
    });
    expect(corridorEvent({ type: 'corridor:view', view: 'live', id: '<x>' })).toEqual({
      type: 'corridor:view',
      view: 'live',
    });
    expect(corridorEvent({ type: 'corridor:view', view: 'loading' })).toEqual({
      type: 'corridor:view',
      view: 'loading',
    });
    expect(corridorEventType({ type: 'corridor:view', view: 'webgl' })).toBeNull();
    expect(corridorEventType({ type: 'corridor:setYear', year: 2019 })).toBeNull();
    expect(corridorEventType({ type: 'click' })).toBeNull();
    expect(corridorEventType('corridor:select')).toBeNull();
  });
});

describe('the iframe', () => {
  test('title in the map language, or the snippet own', () => {
    expect(frameTitle({ lang: 'en' })).toBe('Map: Belt and Road freight corridors');
    expect(frameTitle({})).toBe('地图：“一带一路”物流通道');
    expect(frameTitle({ lang: 'fr' })).toBe('地图：“一带一路”物流通道');
    expect(frameTitle({ lang: 'en', title: ' Where the trains run ' })).toBe(
      'Where the trains run',
    );
    expect(frameTitle({ lang: 'en', title: '  ' })).toBe('Map: Belt and Road freight corridors');
  });

  test('first height: within 10% of the frame embed.html makes, at every width and controls', () => {
    // Heights of embed.html?lang=en (document height, lite view) measured in Chromium on
    // 2026-11-26 (tests/browser/embed.test.ts checks the estimate against a live frame too).
    const measured: Record<string, [width: number, height: number][]> = {
      default: [
        [320, 1488],
        [375, 1318],
        [480, 1198],
        [560, 1200],
        [640, 991],
        [700, 566],
        [768, 545],
        [1280, 797],
      ],
      none: [
        [320, 541],
        [375, 439],
        [480, 518],
        [640, 500],
        [768, 391],
        [1280, 644],
      ],
      legend: [
        [320, 707],
        [375, 586],
        [640, 585],
        [768, 450],
        [1280, 703],
      ],
      timeline: [
        [320, 743],
        [375, 634],
        [640, 615],
        [768, 486],
        [1280, 739],
      ],
      list: [
        [320, 1120],
        [375, 976],
        [640, 792],
        [768, 391],
        [1280, 644],
      ],
    };
    for (const [controls, rows] of Object.entries(measured)) {
      for (const [width, height] of rows) {
        const estimate = estimateHeight(width, controls === 'default' ? undefined : controls);
        expect({ controls, width, off: Math.abs(estimate - height) / height < 0.1 }).toEqual({
          controls,
          width,
          off: true,
        });
      }
    }
    expect(estimateHeight(0)).toBe(estimateHeight(280));
  });

  test("the place kept: the page's own min-height in px, as it is; else the estimate", () => {
    const snippet = (minHeight: string, controls?: string) =>
      ({
        ownerDocument: { defaultView: { getComputedStyle: () => ({ minHeight }) } },
        clientWidth: 380,
        dataset: controls ? { controls } : {},
      }) as unknown as HTMLElement;
    // What the article's stylesheet keeps before embed.js runs stays: nothing moves.
    expect(reservedHeight(snippet('2400px'))).toBe('2400px');
    expect(reservedHeight(snippet('612.5px', 'legend'))).toBe('612.5px');
    // None given (or nothing in px to copy): the estimate from the width and controls.
    for (const none of ['auto', '0px', '', '50%', 'calc(50% + 10px)']) {
      expect(reservedHeight(snippet(none))).toBe(`${estimateHeight(380)}px`);
      expect(reservedHeight(snippet(none, 'legend'))).toBe(`${estimateHeight(380, 'legend')}px`);
    }
  });
});

describe('frames wait for the host page to paint', () => {
  /** A window with paint timing whose observer we fire by hand, and fake timers. */
  function fakeWindow(options: { paint?: boolean; readyState?: string } = {}) {
    let report: ((list: { getEntries(): unknown[] }) => void) | undefined;
    let disconnected = false;
    class FakeObserver {
      static supportedEntryTypes = options.paint === false ? ['navigation'] : ['paint'];
      constructor(callback: (list: { getEntries(): unknown[] }) => void) {
        report = callback;
      }
      observe() {}
      disconnect() {
        disconnected = true;
      }
    }
    const win = {
      PerformanceObserver: FakeObserver,
      document: { readyState: options.readyState ?? 'interactive' },
      setTimeout: (f: () => void, ms: number) => setTimeout(f, ms),
      clearTimeout: (id: number) => clearTimeout(id),
    } as unknown as Window;
    return {
      win,
      paint: () => report?.({ getEntries: () => [{ name: 'first-paint' }] }),
      nothingYet: () => report?.({ getEntries: () => [] }),
      disconnected: () => disconnected,
    };
  }

  test('a frame starts at the first paint, not before', () => {
    const page = fakeWindow();
    const started: string[] = [];
    const whenPainted = afterHostPaint(page.win);
    whenPainted(() => started.push('a'));
    whenPainted(() => started.push('b'));
    page.nothingYet();
    expect(started).toEqual([]);
    page.paint();
    expect(started).toEqual(['a', 'b']);
    expect(page.disconnected()).toBe(true);
    // Snippets found after the paint start at once.
    whenPainted(() => started.push('c'));
    expect(started).toEqual(['a', 'b', 'c']);
  });

  test('a page that never paints (a hidden tab) gets its frames after maxMs', () => {
    vi.useFakeTimers();
    try {
      const page = fakeWindow();
      const started: string[] = [];
      afterHostPaint(page.win, 3000)(() => started.push('a'));
      vi.advanceTimersByTime(2999);
      expect(started).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(started).toEqual(['a']);
    } finally {
      vi.useRealTimers();
    }
  });

  test('at once where there is no paint timing, or the page has loaded already', () => {
    for (const page of [fakeWindow({ paint: false }), fakeWindow({ readyState: 'complete' })]) {
      const started: string[] = [];
      afterHostPaint(page.win)(() => started.push('a'));
      expect(started).toEqual(['a']);
    }
  });
});
