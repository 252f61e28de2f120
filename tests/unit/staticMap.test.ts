import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { renderStaticMaps, STATIC_MAP_FILES } from '../../src/build/staticMapPlugin.ts';
import { buildBasemap } from '../../src/data/basemap.ts';
import { loadDataDir } from '../../src/data/loadDir.ts';
import type { Basemap } from '../../src/data/basemap.ts';
import type { CorridorData, HubFeature, RouteFeature } from '../../src/data/types.ts';
import { placeLabels, textWidth } from '../../src/data/labels.ts';
import { renderStaticMap } from '../../src/static/staticMap.ts';
import type { StaticMapOptions } from '../../src/static/staticMap.ts';
import { escapeXml } from '../../src/static/xml.ts';

function hub(id: string, en: string, zh: string, lon: number, lat: number): HubFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      id,
      name: { zh, en },
      province: { zh: '省', en: 'Province' },
      role: { zh: '枢纽', en: 'hub' },
      figures: [],
      notes: [],
      coordSource: 'src',
    },
  };
}

function route(
  id: string,
  corridor: RouteFeature['properties']['corridor'],
  en: string,
  coordinates: [number, number][],
  mode: RouteFeature['properties']['mode'] = 'rail',
): RouteFeature {
  return {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: {
      id,
      corridor,
      name: { zh: `线路${id}`, en },
      from: 'a',
      to: 'b',
      stops: ['a', 'b'],
      mode,
      opened: '2011-03-19',
      openedSource: 'src',
      schematic: true,
      series: [],
    },
  };
}

const EVIL = 'Chong<script>alert("x")</script>&\'qing';

const fixture: CorridorData = {
  hubs: [
    hub('xian', "Xi'an", '西安', 108.94, 34.34),
    hub('chongqing', EVIL, '重庆<script>&', 106.55, 29.56),
    hub('duisburg', 'Duisburg', '杜伊斯堡', 6.76, 51.43),
  ],
  places: [],
  routes: [
    route('xian-duisburg', 'china-europe', 'Xi’an – Duisburg <b>&amp;</b>', [
      [108.94, 34.34],
      [76.9, 43.2],
      [37.6, 55.75],
      [6.76, 51.43],
    ]),
    route('chongqing-vientiane', 'china-laos', 'Chongqing – Vientiane', [
      [106.55, 29.56],
      [102.7, 25.04],
      [102.63, 17.98],
    ]),
    route(
      'chongqing-singapore',
      'new-western-land-sea',
      'Chongqing – Singapore',
      [
        [106.55, 29.56],
        [108.62, 21.95],
        [103.82, 1.35],
      ],
      'sea',
    ),
  ],
  metrics: { sources: [], series: [], events: [] },
};

/** A one-square "continent" under the fixture, so most tests need no world-atlas. */
const square: Basemap = {
  land: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [120, 0],
              [120, 60],
              [0, 60],
              [0, 0],
            ],
          ],
        },
      },
    ],
  },
  borders: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'MultiLineString',
          coordinates: [
            [
              [60, 0],
              [60, 60],
            ],
          ],
        },
      },
    ],
  },
};

const colors: StaticMapOptions['colors'] = {
  'china-europe': '#d55e00',
  'china-laos': '#0072b2',
  'new-western-land-sea': '#009e73',
};
const options: StaticMapOptions = { width: 800, height: 500, lang: 'en', colors };

/**
 * A small XML well-formedness check: every `<` opens a proper tag, tags nest and close, attribute
 * values are quoted and hold no `<`, and every `&` starts a known entity.
 */
function wellFormedProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  const stack: string[] = [];
  for (let i = 0; i < body.length;) {
    if (body[i] === '<') {
      tag.lastIndex = i;
      const match = tag.exec(body);
      if (!match) {
        problems.push(`bad markup at ${i}: ${body.slice(i, i + 30)}`);
        i++;
        continue;
      }
      const [whole, closing, name = '', attributes = '', selfClosing] = match;
      const names = [...attributes.matchAll(/([\w:.-]+)="/g)].map((m) => m[1]);
      if (new Set(names).size !== names.length) problems.push(`repeated attribute in <${name}>`);
      if (closing) {
        if (stack.pop() !== name) problems.push(`</${name}> closes the wrong element`);
      } else if (!selfClosing) {
        stack.push(name);
      }
      i += whole.length;
    } else {
      i++;
    }
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  for (const m of body.matchAll(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g)) {
    problems.push(`bare & at ${m.index}`);
  }
  return problems;
}

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<script>&"'`)).toBe('&lt;script&gt;&amp;&quot;&apos;');
  });
  it('escapes an existing entity again, so text shows as written', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
  it('drops characters XML cannot hold and keeps the rest, astral ones included', () => {
    expect(escapeXml('a\u0000b\u001Fc\tΣ𠀀\uD800d')).toBe('abc\tΣ𠀀d');
  });
});

describe('the well-formedness check used below', () => {
  it('catches what it should', () => {
    expect(wellFormedProblems('<a><b></a>')).not.toEqual([]);
    expect(wellFormedProblems('<a x="1">Tom & Jerry</a>')).not.toEqual([]);
    expect(wellFormedProblems('<a><script>x</a>')).not.toEqual([]);
    expect(wellFormedProblems('<a x="1"><b/>&amp;</a>')).toEqual([]);
  });
});

describe('renderStaticMap', () => {
  const svg = renderStaticMap(fixture, square, options);

  it('is a standalone, well-formed SVG document with a viewBox, role and a text summary', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('viewBox="0 0 800 500"');
    expect(svg).toContain('role="img"');
    expect(wellFormedProblems(svg)).toEqual([]);
    const title = /<svg[^>]*>\s*<title>([^<]+)<\/title>\s*<desc>([^<]+)<\/desc>/.exec(svg);
    expect(title?.[1]).toBe('Belt and Road freight corridors');
    expect(title?.[2]).toContain('Chongqing – Vientiane');
    expect(title?.[2]).toContain('Duisburg');
  });

  it('draws one route path per route, with its corridor, colour and a non-empty path', () => {
    const paths = [...svg.matchAll(/<path ([^>]*)>/g)]
      .map((m) => m[1] ?? '')
      .filter((a) => a.includes('data-route='));
    expect(paths).toHaveLength(fixture.routes.length);
    for (const route of fixture.routes) {
      const attributes = paths.find((a) => a.includes(`data-route="${route.properties.id}"`));
      expect(attributes).toBeDefined();
      expect(attributes).toContain(`data-corridor="${route.properties.corridor}"`);
      expect(attributes).toContain(`stroke="${colors[route.properties.corridor]}"`);
      expect(attributes).toMatch(/\bclass="route"/);
      expect(attributes).toMatch(/\bd="M[\d.-]+,[\d.-]+(L[\d.-]+,[\d.-]+)+"/);
    }
  });

  it('keeps every route and hub inside the picture', () => {
    const numbers = [...svg.matchAll(/data-route="[^"]*"[^>]* d="([^"]+)"/g)].flatMap((m) =>
      (m[1] ?? '').split(/[ML,]/).filter(Boolean).map(Number),
    );
    const circles = [...svg.matchAll(/<circle [^>]*cx="([\d.-]+)" cy="([\d.-]+)"/g)];
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) expect(n).toBeGreaterThanOrEqual(0);
    for (const [, cx, cy] of circles) {
      expect(Number(cx)).toBeGreaterThan(0);
      expect(Number(cx)).toBeLessThan(800);
      expect(Number(cy)).toBeGreaterThan(0);
      expect(Number(cy)).toBeLessThan(500);
    }
  });

  it('draws one circle per hub and labels hubs in the chosen language', () => {
    const circles = [...svg.matchAll(/<circle [^>]*data-hub="([^"]+)"/g)].map((m) => m[1]);
    expect(circles).toEqual(['xian', 'chongqing', 'duisburg']);
    const labels = [...svg.matchAll(/<text [^>]*data-hub="([^"]+)"[^>]*>([^<]*)<\/text>/g)];
    expect(labels.map((m) => m[1])).toEqual(['xian', 'chongqing', 'duisburg']);
    expect(labels.map((m) => m[2])).toContain('Xi&apos;an');

    const zh = renderStaticMap(fixture, square, { ...options, lang: 'zh' });
    expect(zh).toContain('>西安</text>');
    expect(zh).toContain('>杜伊斯堡</text>');
    expect(zh).toContain('lang="zh-Hans"');
    expect(zh).toContain('<title>“一带一路”物流通道</title>');
    expect(wellFormedProblems(zh)).toEqual([]);
  });

  it('escapes names from the data everywhere they appear', () => {
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('Chong&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&apos;qing');
    expect(svg).toContain('Xi’an – Duisburg &lt;b&gt;&amp;amp;&lt;/b&gt;');
    const zh = renderStaticMap(fixture, square, { ...options, lang: 'zh' });
    expect(zh).not.toMatch(/<script/i);
    expect(zh).toContain('重庆&lt;script&gt;&amp;');
  });

  it('uses the CJK font stack and a legend naming each corridor', () => {
    expect(svg).toContain(
      'font-family="&quot;Noto Sans SC&quot;, &quot;Noto Sans CJK SC&quot;, sans-serif"',
    );
    expect(svg).toContain('>China–Europe Railway Express</text>');
    expect(svg).toContain('>China–Laos Railway</text>');
    expect(svg).toContain('>New Western Land–Sea Corridor</text>');
  });

  it('fills the land and draws the borders', () => {
    expect(svg).toMatch(/<path class="land" fill="[^"]+" d="M[^"]+Z"/);
    expect(svg).toMatch(/<path class="borders" [^>]*d="M[^"]+"/);
  });

  it('draws real land from the shipped basemap, cut to the picture', () => {
    const atlas = (file: string): Topology =>
      JSON.parse(
        readFileSync(createRequire(import.meta.url).resolve(`world-atlas/${file}`), 'utf8'),
      ) as Topology;
    const basemap = buildBasemap(atlas('land-50m.json'), atlas('countries-50m.json'));
    const real = renderStaticMap(fixture, basemap, options);
    const land = /<path class="land" [^>]*d="([^"]+)"/.exec(real)?.[1] ?? '';
    expect(land.length).toBeGreaterThan(1000);
    expect(wellFormedProblems(real)).toEqual([]);
    expect(real.length).toBeLessThan(250_000);
  });

  it('still draws a map for empty data', () => {
    const empty = renderStaticMap({ ...fixture, hubs: [], routes: [] }, square, options);
    expect(wellFormedProblems(empty)).toEqual([]);
    expect(empty).not.toContain('data-route');
    expect(empty).toMatch(/<path class="land" fill="[^"]+" d="M/);
  });

  it('rejects a size it cannot draw', () => {
    expect(() => renderStaticMap(fixture, square, { ...options, width: 0 })).toThrow(
      'invalid width',
    );
    expect(() => renderStaticMap(fixture, square, { ...options, height: NaN })).toThrow(
      'invalid height',
    );
  });
});

describe('renderStaticMaps (the build plugin’s work)', () => {
  const geoDir = fileURLToPath(new URL('../../geo', import.meta.url));

  it('renders the real data in both languages, every valid route and hub', async () => {
    const { data } = await loadDataDir(geoDir);
    const { files, noData } = await renderStaticMaps(geoDir, square);
    expect(noData).toBe(false);
    expect(files.map((f) => f.fileName)).toEqual([STATIC_MAP_FILES.zh, STATIC_MAP_FILES.en]);
    for (const { source } of files) {
      expect(wellFormedProblems(source)).toEqual([]);
      expect(source.match(/data-route="/g)).toHaveLength(data.routes.length);
      expect(source.match(/<circle [^>]*data-hub="/g)).toHaveLength(data.hubs.length);
      expect(source).toMatch(/stroke="#[0-9a-f]{6}"/);
    }
  });

  it('says so when the data folder is wrong', async () => {
    const { noData, problems } = await renderStaticMaps(join(geoDir, 'no-such-folder'), square);
    expect(noData).toBe(true);
    expect(problems).toHaveLength(4);
  });
});

describe('placeLabels', () => {
  const base = { fontSize: 12, radius: 4, bounds: { x: 0, y: 0, width: 200, height: 100 } };

  it('puts a label right of its point when there is room', () => {
    const [label] = placeLabels([{ x: 50, y: 50, text: 'Xi’an' }], { ...base, obstacles: [] });
    expect(label?.anchor).toBe('start');
    expect(label?.x).toBeGreaterThan(50);
  });

  it('moves a label away from a neighbour and from the edge, and drops it when boxed in', () => {
    const [first, second] = placeLabels(
      [
        { x: 50, y: 50, text: 'Chengdu' },
        { x: 56, y: 52, text: 'Chongqing' },
      ],
      { ...base, obstacles: [] },
    );
    expect(first?.anchor).toBe('start');
    expect(second).toBeDefined();
    expect(second?.anchor).not.toBe('start');

    const [edge] = placeLabels([{ x: 195, y: 50, text: 'Yiwu' }], { ...base, obstacles: [] });
    expect(edge?.anchor).toBe('end');

    const [none] = placeLabels([{ x: 100, y: 50, text: 'Hub' }], {
      ...base,
      obstacles: [{ x: 0, y: 0, width: 200, height: 100 }],
    });
    expect(none).toBeUndefined();
  });

  it('measures CJK text as one em per character (a little over, to err towards no overlap)', () => {
    expect(textWidth('西安', 10)).toBeGreaterThanOrEqual(20);
    expect(textWidth('西安', 10)).toBeLessThan(21);
    expect(textWidth('Xian', 10)).toBeLessThan(30);
  });
});
