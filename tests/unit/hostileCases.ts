/**
 * The hostile data corpus (issue 10, item 5): each case is `tests/fixtures/valid-small/` with one
 * thing broken, written to `tests/fixtures/hostile/<case>/` by `writeCase`. The small folders are
 * committed; the two big ones (`huge-name-20mb`, `routes-100000`) are generated on first use
 * (their big file is git-ignored), so the repository stays small.
 *
 * Rebuild every folder: `npx tsx tests/unit/hostileBuild.ts`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILES, type DataFile } from '../../src/data/types.ts';
import { FIXTURES } from './helpers.ts';

export const HOSTILE = join(FIXTURES, 'hostile');
const BASE = join(FIXTURES, 'valid-small');

/** Parsed copies of the valid set's four files, to break. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixture surgery on parsed JSON
export type Files = Record<DataFile, Json>;

/** What a case writes: new text or bytes for a file, or null to leave the file out. */
export type Changes = Partial<Record<DataFile, string | Uint8Array | null>>;

export interface HostileCase {
  name: string;
  /** One line: what is broken, and what should happen. */
  about: string;
  /** Generated at test time, not committed (the file it makes is git-ignored). */
  generated?: DataFile;
  change: (files: Files) => Changes;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

function base(): Files {
  const files = {} as Files;
  for (const file of DATA_FILES) {
    files[file] = JSON.parse(readFileSync(join(BASE, file), 'utf8')) as Json;
  }
  return files;
}

const hub = (f: Files, i = 0) => f['hubs.geojson'].features[i];
const place = (f: Files, i = 0) => f['places.geojson'].features[i];
const route = (f: Files, i = 0) => f['routes.geojson'].features[i];
const source = (f: Files, i = 0) => f['metrics.json'].sources[i];
const series = (f: Files, i = 0) => f['metrics.json'].series[i];

/** A case that edits parsed files in place and writes `written` back as JSON. */
function edit(written: DataFile | DataFile[], apply: (f: Files) => void): (f: Files) => Changes {
  return (f) => {
    apply(f);
    const files = Array.isArray(written) ? written : [written];
    return Object.fromEntries(files.map((file) => [file, json(f[file])]));
  };
}

function deep(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (bigEndian) le.swap16();
  return new Uint8Array(le);
}

const text = (file: DataFile) => readFileSync(join(BASE, file), 'utf8');

export const CASES: HostileCase[] = [
  // ── Files that are not JSON text ──────────────────────────────────────────────────────────
  {
    name: 'not-json',
    about: 'hubs.geojson is not JSON',
    change: () => ({ 'hubs.geojson': '{ "type": "FeatureCollection", features: [ oops' }),
  },
  {
    name: 'empty-file',
    about: 'routes.geojson is 0 bytes',
    change: () => ({ 'routes.geojson': '' }),
  },
  {
    name: 'whitespace-file',
    about: 'places.geojson holds only white space',
    change: () => ({ 'places.geojson': ' \n\t\n ' }),
  },
  {
    name: 'bom-utf8',
    about: 'hubs.geojson starts with a UTF-8 byte-order mark: accepted (page and CLI agree)',
    change: () => ({ 'hubs.geojson': '\ufeff' + text('hubs.geojson') }),
  },
  {
    name: 'bom-utf8-every-file',
    about: 'all four files start with a UTF-8 BOM: accepted',
    change: () =>
      Object.fromEntries(DATA_FILES.map((file) => [file, '\ufeff' + text(file)])) as Changes,
  },
  {
    name: 'utf16le-bom',
    about: 'metrics.json saved as UTF-16 LE with a BOM: refused with how to fix it',
    change: () => ({ 'metrics.json': utf16(text('metrics.json'), false, true) }),
  },
  {
    name: 'utf16be-bom',
    about: 'hubs.geojson saved as UTF-16 BE with a BOM',
    change: () => ({ 'hubs.geojson': utf16(text('hubs.geojson'), true, true) }),
  },
  {
    name: 'utf16le-no-bom',
    about: 'places.geojson saved as UTF-16 LE without a BOM',
    change: () => ({ 'places.geojson': utf16(text('places.geojson'), false, false) }),
  },
  {
    name: 'latin1-bytes',
    about: 'a name in places.geojson saved as Latin-1 (byte 0xE9): not UTF-8',
    change: () => {
      const bytes = Buffer.from(
        text('places.geojson').replace('"Madrid"', '"Madrid\u00e9"'),
        'latin1',
      );
      return { 'places.geojson': new Uint8Array(bytes) };
    },
  },
  {
    name: 'nan-literal',
    about: 'a bare NaN in hubs.geojson (JSON has none)',
    change: () => ({ 'hubs.geojson': text('hubs.geojson').replace('20045', 'NaN') }),
  },
  {
    name: 'infinity-literal',
    about: 'a bare Infinity as a coordinate in places.geojson',
    change: () => ({ 'places.geojson': text('places.geojson').replace('6.7652', 'Infinity') }),
  },
  {
    name: 'number-1e400',
    about: '1e400 (parses as Infinity) as a figure value and -1e400 as a latitude',
    change: () => ({
      'hubs.geojson': text('hubs.geojson').replace('20045', '1e400').replace('29.3151', '-1e400'),
    }),
  },
  {
    name: 'huge-name-20mb',
    about: 'a 20 MB hub name: refused as over-long, quoted in 40 characters',
    generated: 'hubs.geojson',
    change: edit('hubs.geojson', (f) => {
      hub(f).properties.name.en = 'Xian '.repeat(4_000_000);
    }),
  },
  {
    name: 'deep-nesting-file',
    about: 'metrics.json is an array nested 10,000 deep',
    change: () => ({ 'metrics.json': deep(10_000) }),
  },
  {
    name: 'deep-nesting-figure',
    about: 'a hub figure is an array nested 10,000 deep: that figure is lost',
    change: () => ({
      'hubs.geojson': text('hubs.geojson').replace('"figures": [', `"figures": [${deep(10_000)},`),
    }),
  },
  {
    name: 'deep-nesting-altitude',
    about: 'a third coordinate nested 10,000 deep (it would otherwise reach the map)',
    change: () => ({
      'routes.geojson': text('routes.geojson').replace(
        '[82.5698, 45.1702], [37.6178',
        `[82.5698, 45.1702, ${deep(10_000)}], [37.6178`,
      ),
    }),
  },
  // ── Prototype keys ───────────────────────────────────────────────────────────────────────
  {
    name: 'proto-keys',
    about: '__proto__ and constructor keys everywhere: nothing is polluted, the data loads',
    change: () => ({
      'hubs.geojson': text('hubs.geojson').replace(
        '"properties": {',
        '"__proto__": { "polluted": "yes" }, "constructor": { "prototype": { "polluted": "yes" } }, "properties": { "__proto__": { "id": "evil", "figures": [] },',
      ),
      'metrics.json': text('metrics.json').replace(
        '{\n  "sources": [',
        '{\n  "__proto__": { "polluted": "yes", "sources": [] },\n  "sources": [',
      ),
    }),
  },
  {
    name: 'proto-ids',
    about: 'ids "__proto__" and "constructor": refused as ids',
    change: edit('places.geojson', (f) => {
      place(f, 0).properties.id = '__proto__';
      place(f, 1).properties.id = 'constructor';
    }),
  },
  // ── Coordinates and geometry ─────────────────────────────────────────────────────────────
  {
    name: 'swapped-hub',
    about: "Xi'an as [lat, lon]",
    change: edit('hubs.geojson', (f) => {
      hub(f).geometry.coordinates = [34.4129, 109.0604];
    }),
  },
  {
    name: 'swapped-route-vertex',
    about: 'one vertex of a route as [lat, lon]',
    change: edit('routes.geojson', (f) => {
      route(f).geometry.coordinates[1] = [45.1702, 182.5698];
    }),
  },
  {
    name: 'out-of-range',
    about: 'longitude 181 and latitude -90.5',
    change: edit('places.geojson', (f) => {
      place(f, 0).geometry.coordinates = [181, 51.4325];
      place(f, 1).geometry.coordinates = [-3.7026, -90.5];
    }),
  },
  {
    name: 'coordinates-as-strings',
    about: 'coordinates written as strings, and a position of four numbers',
    change: edit('places.geojson', (f) => {
      place(f, 0).geometry.coordinates = ['6.7652', '51.4325'];
      place(f, 1).geometry.coordinates = [-3.7026, 40.4165, 0, 0];
    }),
  },
  {
    name: 'null-geometry',
    about: 'a hub with geometry null, a place without geometry',
    change: edit(['hubs.geojson', 'places.geojson'], (f) => {
      hub(f, 1).geometry = null;
      delete place(f, 1).geometry;
    }),
  },
  {
    name: 'wrong-geometries',
    about: 'a Polygon hub, a MultiLineString route, a geometry that is a string',
    change: edit(['hubs.geojson', 'places.geojson', 'routes.geojson'], (f) => {
      hub(f, 0).geometry = {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      };
      route(f, 1).geometry = { type: 'MultiLineString', coordinates: [] };
      place(f, 1).geometry = 'POINT(-3.7 40.4)';
    }),
  },
  {
    name: 'route-no-points',
    about: 'a route with 0 positions, one with coordinates null',
    change: edit('routes.geojson', (f) => {
      route(f, 0).geometry.coordinates = [];
      route(f, 1).geometry.coordinates = null;
    }),
  },
  {
    name: 'route-one-point',
    about: 'a route with 1 position',
    change: edit('routes.geojson', (f) => {
      route(f, 0).geometry.coordinates = [[109.0604, 34.4129]];
    }),
  },
  {
    name: 'route-same-points',
    about: 'a route whose positions are all the same point',
    change: edit('routes.geojson', (f) => {
      route(f, 0).geometry.coordinates = [
        [109.0604, 34.4129],
        [109.0604, 34.4129],
      ];
    }),
  },
  {
    name: 'antimeridian',
    about: 'a route from Yiwu to Anchorage across 180°: valid (the map draws it the short way)',
    change: edit(['places.geojson', 'routes.geojson'], (f) => {
      f['places.geojson'].features.push({
        type: 'Feature',
        id: 'anchorage',
        properties: {
          id: 'anchorage',
          name: { zh: '安克雷奇', en: 'Anchorage' },
          kind: 'port',
          coordSource: 'geonames',
        },
        geometry: { type: 'Point', coordinates: [-149.9003, 61.2181] },
      });
      f['routes.geojson'].features.push({
        type: 'Feature',
        id: 'yiwu-anchorage',
        properties: {
          id: 'yiwu-anchorage',
          corridor: 'new-western-land-sea',
          name: { zh: '义乌—安克雷奇', en: 'Yiwu – Anchorage' },
          from: 'yiwu',
          to: 'anchorage',
          stops: ['yiwu', 'anchorage'],
          mode: 'sea',
          opened: '2020-01-01',
          openedSource: 'article',
          schematic: true,
          series: [],
        },
        geometry: {
          type: 'LineString',
          coordinates: [
            [120.0768, 29.3151],
            [150, 40],
            [179.5, 50],
            [-179.5, 51],
            [-149.9003, 61.2181],
          ],
        },
      });
    }),
  },
  // ── Ids and references ───────────────────────────────────────────────────────────────────
  {
    name: 'duplicate-ids-across-files',
    about: 'a place with a hub id; two routes with one id',
    change: edit(['places.geojson', 'routes.geojson'], (f) => {
      place(f, 1).properties.id = 'xian';
      route(f, 1).properties.id = 'changan';
    }),
  },
  {
    name: 'duplicate-ids-metrics',
    about: 'two sources and two series with one id, two figures with one id',
    change: edit(['metrics.json', 'hubs.geojson'], (f) => {
      source(f, 1).id = 'article';
      series(f, 1).id = 'changan-trains';
      hub(f, 0).properties.figures[1].id = 'changan-trains-cumulative';
    }),
  },
  {
    name: 'missing-references',
    about: 'unknown stop, series, sources, series subject: each costs only what cites it',
    change: edit(['hubs.geojson', 'places.geojson', 'routes.geojson', 'metrics.json'], (f) => {
      route(f, 1).properties.stops = ['yiwu', 'kashgar', 'madrid'];
      route(f, 0).properties.series = ['changan-trains', 'no-such-series'];
      route(f, 0).properties.openedSource = 'no-such-source';
      place(f, 0).properties.coordSource = 'no-such-source';
      hub(f, 0).properties.figures[2].source = 'no-such-source';
      series(f, 0).points[0].source = 'no-such-source';
      series(f, 1).subject = 'no-such-route';
    }),
  },
  // ── Dates ────────────────────────────────────────────────────────────────────────────────
  {
    name: 'impossible-dates',
    about: '2023-02-30, month 13, 2023-00, a date with a time',
    change: edit(['hubs.geojson', 'routes.geojson', 'metrics.json'], (f) => {
      route(f, 0).properties.opened = '2023-02-30';
      hub(f, 0).properties.figures[0].asOf = '2023-13-01';
      source(f, 0).date = '2023-00';
      series(f, 1).points[0].t = '2023-09-30T00:00:00Z';
    }),
  },
  {
    name: 'implausible-dates',
    about: '1000-01-01 and 9999-12-31 (outside 1990–2100), annual year 1000',
    change: edit(['hubs.geojson', 'routes.geojson', 'metrics.json'], (f) => {
      route(f, 0).properties.opened = '1000-01-01';
      hub(f, 1).properties.figures[0].asOf = '9999-12-31';
      series(f, 0).points[0].t = '1000';
      source(f, 1).date = '2999';
    }),
  },
  // ── Names and text ───────────────────────────────────────────────────────────────────────
  {
    name: 'long-names',
    about: 'a 10,000-character name and a 10,000-character id',
    change: edit(['places.geojson'], (f) => {
      place(f, 0).properties.name.en = 'D'.repeat(10_000);
      place(f, 1).properties.id = 'm'.repeat(10_000);
    }),
  },
  {
    name: 'zero-width-names',
    about: 'names of only zero-width characters or white space',
    change: edit('places.geojson', (f) => {
      place(f, 0).properties.name.en = '\u200b\u200c\u200d\u2060';
      place(f, 1).properties.name.zh = '\u3000\u00a0';
    }),
  },
  {
    name: 'bidi-override-names',
    about: 'a right-to-left override and an isolate in names; a control character',
    change: edit('hubs.geojson', (f) => {
      hub(f, 0).properties.name.en = 'Xi\u2019an \u202eetis lanoitanretni';
      hub(f, 1).properties.role.en = '\u2067Yiwu\u2069';
      hub(f, 1).properties.figures[0].label.en = 'Trade\u0007 2022';
    }),
  },
  {
    name: 'rtl-names-ok',
    about: 'Arabic and Hebrew names with RLM marks: valid text',
    change: edit('places.geojson', (f) => {
      place(f, 0).properties.name.en = 'دويسبورغ\u200f';
      place(f, 1).properties.name.en = 'מדריד';
    }),
  },
  {
    name: 'lone-surrogate',
    about: 'a name holding half a UTF-16 pair ("\\ud800")',
    change: () => ({
      'places.geojson': text('places.geojson').replace('"Madrid"', '"Madrid \\ud800"'),
    }),
  },
  {
    name: 'html-in-hubs',
    about: 'HTML in every text field of hubs.geojson',
    change: edit('hubs.geojson', (f) => {
      const p = hub(f, 0).properties;
      p.name.zh = '<b>西安</b>';
      p.province.en = '<img src=x onerror=alert(1)>';
      p.role.en = '<script>alert(1)</script>';
      p.figures[0].label.en = '<a href="javascript:alert(1)">trains</a>';
      p.figures[1].quote = '<iframe src="//evil.example">';
      p.notes[0].text.zh = '<svg onload=alert(1)>';
    }),
  },
  {
    name: 'html-in-places',
    about: 'HTML in the names of places',
    change: edit('places.geojson', (f) => {
      place(f, 0).properties.name.en = '<style>body{display:none}</style>';
      place(f, 1).properties.name.zh = '<!-- 马德里 -->';
    }),
  },
  {
    name: 'html-in-routes',
    about: 'HTML in the route names',
    change: edit('routes.geojson', (f) => {
      route(f, 0).properties.name.en = 'Chang’an <marquee>';
      route(f, 1).properties.name.zh = '</title><script src=//evil.example/x.js>';
    }),
  },
  {
    name: 'html-in-metrics',
    about: 'HTML in source titles, publishers, metric names, definitions and point notes',
    change: edit('metrics.json', (f) => {
      source(f, 0).title = '<h1>Belt and Road</h1>';
      source(f, 1).publisher = '<b>GeoNames</b>';
      series(f, 0).metric.en = '<i>trains</i>';
      series(f, 1).definition = { zh: '累计', en: '<u>cumulative</u>' };
      series(f, 0).points[1].note = { zh: '<br>', en: 'to <em>October</em>' };
    }),
  },
  {
    name: 'bad-source-url',
    about: 'javascript: as a source URL: the URL is dropped, every route and figure stays',
    change: edit('metrics.json', (f) => {
      source(f, 1).url = 'javascript:alert(document.cookie)';
    }),
  },
  {
    name: 'bad-source-urls',
    about: 'data:, protocol-relative, credentials, not a URL, a 3,000-character URL',
    change: edit('metrics.json', (f) => {
      f['metrics.json'].sources.push(
        {
          id: 's-data',
          title: 'T',
          publisher: 'P',
          date: '2023',
          url: 'data:text/html,<script>alert(1)</script>',
        },
        { id: 's-relative', title: 'T', publisher: 'P', date: '2023', url: '//evil.example/' },
        {
          id: 's-userinfo',
          title: 'T',
          publisher: 'P',
          date: '2023',
          url: 'https://user:pw@evil.example/',
        },
        { id: 's-garbage', title: 'T', publisher: 'P', date: '2023', url: 'not a url' },
        {
          id: 's-long',
          title: 'T',
          publisher: 'P',
          date: '2023',
          url: 'https://example.org/' + 'a'.repeat(3000),
        },
        { id: 's-tab', title: 'T', publisher: 'P', date: '2023', url: 'java\tscript:alert(1)' },
        {
          id: 's-ok',
          title: 'T',
          publisher: 'P',
          date: '2023',
          url: 'HTTPS://Example.org/path?q=1#x',
        },
      );
    }),
  },
  {
    name: 'javascript-in-fields',
    about: 'javascript: in ids, references, names and enum fields',
    change: edit(['hubs.geojson', 'places.geojson', 'routes.geojson'], (f) => {
      place(f, 1).properties.id = 'javascript:alert(1)';
      route(f, 0).properties.to = 'javascript:alert(1)';
      route(f, 0).properties.mode = 'javascript:alert(1)';
      hub(f, 0).properties.name.en = 'javascript:alert(1)';
    }),
  },
  // ── Numbers ──────────────────────────────────────────────────────────────────────────────
  {
    name: 'negative-counts',
    about: 'negative trains and yuan are refused; a negative percentage is a fall, and valid',
    change: edit(['hubs.geojson', 'metrics.json'], (f) => {
      hub(f, 0).properties.figures[0].value = -20045;
      hub(f, 0).properties.figures[2].value = -1;
      hub(f, 1).properties.figures[0].unit = 'percent';
      hub(f, 1).properties.figures[0].value = -3.5;
      series(f, 0).points[1].value = -5351;
    }),
  },
  {
    name: 'numbers-as-strings',
    about: 'values written as strings, booleans as strings',
    change: edit(['hubs.geojson', 'routes.geojson'], (f) => {
      hub(f, 0).properties.figures[0].value = '20045';
      route(f, 1).properties.schematic = 'yes';
    }),
  },
  // ── Shapes ───────────────────────────────────────────────────────────────────────────────
  {
    name: 'wrong-top-level',
    about: 'hubs.geojson is an array, places a string, routes a TopoJSON, metrics a number',
    change: () => ({
      'hubs.geojson': '[]',
      'places.geojson': '"FeatureCollection"',
      'routes.geojson': '{ "type": "Topology", "objects": {} }',
      'metrics.json': '42',
    }),
  },
  {
    name: 'features-not-objects',
    about: 'null, a number, a string and an array among the features',
    change: edit('places.geojson', (f) => {
      f['places.geojson'].features.push(null, 7, 'Feature', [], {
        type: 'Feature',
        properties: null,
      });
    }),
  },
  {
    name: 'wrong-field-types',
    about: 'a name that is a string, stops that are a string, figures that are an object',
    change: edit(['hubs.geojson', 'routes.geojson'], (f) => {
      hub(f, 1).properties.name = 'Yiwu';
      hub(f, 0).properties.figures = { id: 'x' };
      route(f, 0).properties.stops = 'xian,duisburg';
    }),
  },
  {
    name: 'metrics-shapes',
    about: 'a series without points, a duplicate point, a source that is a string',
    change: edit('metrics.json', (f) => {
      const m = f['metrics.json'];
      m.sources.push('article');
      m.series[1].points.push({ ...m.series[1].points[0] });
      delete m.series[0].points;
    }),
  },
  // ── Files missing, many features ─────────────────────────────────────────────────────────
  {
    name: 'missing-file',
    about: 'places.geojson is not there',
    change: () => ({ 'places.geojson': null }),
  },
  {
    name: 'missing-every-file',
    about: 'an empty folder: four problems, an empty map, no crash',
    change: () => Object.fromEntries(DATA_FILES.map((file) => [file, null])) as Changes,
  },
  {
    name: 'sources-not-array',
    about: 'metrics.json sources is an object: reported once, source references go unchecked',
    change: edit('metrics.json', (f) => {
      f['metrics.json'].sources = { article: { title: 'x' } };
    }),
  },
  {
    name: 'missing-metrics',
    about: 'metrics.json is not there: source references go unchecked, every feature loads',
    change: () => ({ 'metrics.json': null }),
  },
  {
    name: 'routes-100000',
    about: '100,000 routes (one in 10,000 broken): the rest loads, nothing overflows',
    generated: 'routes.geojson',
    change: () => {
      // As small as a valid route gets (about 300 bytes), so that the file is 30 MB, not 60.
      const features: unknown[] = [];
      for (let i = 0; i < 100_000; i++) {
        features.push({
          type: 'Feature',
          properties: {
            id: `r-${i}`,
            corridor: 'china-europe',
            name: { zh: `线${i}`, en: `R${i}` },
            from: 'xian',
            to: 'duisburg',
            stops: ['xian', 'duisburg'],
            mode: 'rail',
            opened: i % 10_000 === 9_999 ? '2023-02-30' : '2013-11-28',
            openedSource: 'article',
            schematic: true,
          },
          geometry: {
            type: 'LineString',
            coordinates: [
              [109.0604, 34.4129],
              [6.7652, 51.4325],
            ],
          },
        });
      }
      return { 'routes.geojson': JSON.stringify({ type: 'FeatureCollection', features }) };
    },
  },
];

/** The case's folder. */
export const caseDir = (name: string) => join(HOSTILE, name);

/**
 * Writes one case's folder: the changed files, copies of valid-small for the others. With
 * `onlyIfMissing`, a generated case is written only when its big file is not there yet.
 */
export function writeCase(c: HostileCase, { onlyIfMissing = false } = {}): void {
  const dir = caseDir(c.name);
  if (onlyIfMissing && c.generated && existsSync(join(dir, c.generated))) return;
  mkdirSync(dir, { recursive: true });
  const changes = c.change(base());
  for (const file of DATA_FILES) {
    const out = join(dir, file);
    const content = file in changes ? changes[file] : readFileSync(join(BASE, file));
    if (content === null || content === undefined) rmSync(out, { force: true });
    else writeFileSync(out, content);
  }
  if (c.generated) writeFileSync(join(dir, '.gitignore'), `${c.generated}\n`);
}
