// Pictures out (issue 12): the picture builder (src/static/picture.ts), the `npm run export` CLI
// (src/cli/export.ts, PNG through resvg) and what the build tells other sites (sharePlugin).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liteLand } from '../../src/build/pictureNode.ts';
import {
  OEMBED_FILES,
  oembedResponse,
  parseBaseUrl,
  shareTags,
} from '../../src/build/sharePlugin.ts';
import { deriveData } from '../../src/data/derive.ts';
import type { CorridorData } from '../../src/data/types.ts';
import { parseExportArgs } from '../../src/cli/exportArgs.ts';
import { CARD_SIZE, renderPicture, wrap, type PictureInput } from '../../src/static/picture.ts';
import { loadGeo, ROOT } from './helpers.ts';

const run = promisify(execFile);
// jsdom 29 ships no types; only its XML parser is used here.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } };
};
const { window } = new JSDOM('');

/** Parses `svg` as XML; fails the test on a parser error. */
function parseSvg(svg: string): Document {
  const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.nodeName).toBe('svg');
  return doc;
}

const texts = (doc: Document): string[] =>
  [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? '');

let input: PictureInput;
beforeAll(async () => {
  const { data } = await loadGeo();
  input = { data, derived: deriveData(data), land: liteLand() };
});

describe('renderPicture', () => {
  it('has the title, the year, the legend, the source line and the attribution as text', () => {
    const { svg, width, height } = renderPicture(input, { lang: 'en', year: 2019 });
    expect(width).toBe(1200);
    const doc = parseSvg(svg);
    const all = texts(doc).join('\n');
    expect(all).toContain('Belt and Road freight corridors');
    expect(texts(doc)).toContain('2019');
    for (const corridor of [
      'China–Europe Railway Express',
      'China–Laos Railway',
      'New Western Land–Sea Corridor',
    ]) {
      expect(texts(doc)).toContain(corridor);
    }
    expect(all).toMatch(/^Sources: .*Xinhua/m);
    expect(all).toContain('Natural Earth');
    expect(doc.documentElement.getAttribute('height')).toBe(String(height));
    expect(doc.documentElement.getAttribute('font-family')).toContain('Noto Sans SC');
  });

  it('writes Chinese in zh, and doubles the size (not the layout) at 2400', () => {
    const zh = renderPicture(input, { lang: 'zh', year: 2019, width: 2400 });
    const small = renderPicture(input, { lang: 'zh', year: 2019, width: 1200 });
    expect(texts(parseSvg(zh.svg)).join('')).toContain('“一带一路”物流通道');
    expect(zh.width).toBe(2400);
    expect(zh.height).toBe(small.height * 2);
    expect(zh.svg.replace(/ width="\d+" height="\d+"/, '')).toBe(
      small.svg.replace(/ width="\d+" height="\d+"/, ''),
    );
  });

  it('draws the routes open in that year, with that year’s widths', () => {
    const routes = (year: number) => {
      const doc = parseSvg(renderPicture(input, { lang: 'en', year }).svg);
      return [...doc.querySelectorAll('path[data-route]')].map(
        (p) => `${p.getAttribute('data-route')}:${p.getAttribute('stroke-width')}`,
      );
    };
    const early = routes(2012);
    const late = routes(2023);
    expect(early.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(early.length);
    expect(early.some((r) => r.startsWith('china-laos:'))).toBe(false);
    expect(late.some((r) => r.startsWith('china-laos:'))).toBe(true);
    expect(
      renderPicture(input, { lang: 'en', year: 2012 }).svg !==
        renderPicture(input, { lang: 'en', year: 2023 }).svg,
    ).toBe(true);
  });

  it('names a selected hub with its headline figure and source, and follows the theme', () => {
    const { svg } = renderPicture(input, {
      lang: 'en',
      year: 2019,
      selection: { kind: 'hub', id: 'xian' },
      theme: 'dark',
    });
    const doc = parseSvg(svg);
    const all = texts(doc).join('\n');
    expect(all).toMatch(/Xi'an[\s\S]*20,045/);
    expect(all).toMatch(/Source: /);
    expect(doc.querySelector('circle[data-hub="xian"]')?.getAttribute('fill')).toBe('#222222');
    expect(doc.documentElement.getAttribute('data-theme')).toBe('dark');
    expect(doc.querySelector('rect')?.getAttribute('fill')).toBe('#15191e');
  });

  it('escapes every data string', () => {
    const data: CorridorData = structuredClone(input.data);
    const hub = data.hubs.find((h) => h.properties.id === 'xian')!;
    hub.properties.name.en = `<script>alert("x")</script> & 'co'`;
    const picture = renderPicture(
      { ...input, data, derived: deriveData(data) },
      { lang: 'en', year: 2019, selection: { kind: 'hub', id: 'xian' } },
    );
    expect(picture.svg).not.toContain('<script>');
    expect(picture.svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;');
    const doc = parseSvg(picture.svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(texts(doc).join('\n')).toContain(`<script>alert("x")</script> & 'co'`);
  });

  it('embeds a given font and makes the 1200 × 630 card', () => {
    const { svg } = renderPicture(input, {
      lang: 'zh',
      year: 2024,
      format: 'card',
      fonts: [{ family: 'Corridor Sans', url: 'data:font/woff2;base64,AAAA' }],
    });
    const doc = parseSvg(svg);
    expect(doc.getElementsByTagName('style')[0]?.textContent).toContain(
      'src:url(data:font/woff2;base64,AAAA)',
    );
    expect(doc.documentElement.getAttribute('font-family')).toMatch(/^"Corridor Sans", /);
    expect(doc.documentElement.getAttribute('width')).toBe(String(CARD_SIZE.width));
    expect(doc.documentElement.getAttribute('height')).toBe(String(CARD_SIZE.height));
  });

  it('refuses a width or year that is not a number', () => {
    expect(() => renderPicture(input, { lang: 'en', year: 2019, width: NaN })).toThrow(
      'invalid width: NaN',
    );
    expect(() => renderPicture(input, { lang: 'en', year: 2019.5 })).toThrow('invalid year');
  });

  it('wraps long text between words and CJK characters, with an ellipsis past the last line', () => {
    expect(wrap('one two three four', 10, 60)).toEqual(['one two', 'three', 'four']);
    expect(wrap('一二三四五六', 10, 31)).toEqual(['一二三', '四五六']);
    const cut = wrap('a b c d e f g h', 10, 20, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/…$/);
  });
});

describe('oEmbed and social cards', () => {
  it('oembed.json is a rich oEmbed 1.0 response with the snippet and the card', () => {
    const response = oembedResponse('en', 'https://example.org/map/');
    expect(response).toMatchObject({
      version: '1.0',
      type: 'rich',
      provider_name: 'corridor-map',
      provider_url: 'https://example.org/map/',
      width: expect.any(Number),
      height: expect.any(Number),
      thumbnail_url: 'https://example.org/map/static/card-en.png',
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
    expect(response.html).toContain('<div data-corridor-map data-lang="en">');
    expect(response.html).toContain('<script src="https://example.org/map/embed.js" async>');
    expect(oembedResponse('zh', undefined).thumbnail_url).toBe('static/card-zh.png');
  });

  it('one oEmbed file per language, each linked with its hreflang, the default first', () => {
    expect(OEMBED_FILES).toEqual({ zh: 'oembed.json', en: 'oembed-en.json' });
    const links = shareTags(undefined).filter((t) => t.attrs?.rel === 'alternate');
    expect(links.map((t) => [t.attrs?.href, t.attrs?.hreflang, t.attrs?.title])).toEqual([
      ['oembed.json', 'zh', '“一带一路”物流通道'],
      ['oembed-en.json', 'en', 'Belt and Road freight corridors'],
    ]);
  });

  it('the base URL must be http(s) and ends with a slash', () => {
    expect(parseBaseUrl(undefined)).toBeUndefined();
    expect(parseBaseUrl('https://example.org/map')).toBe('https://example.org/map/');
    expect(() => parseBaseUrl('javascript:alert(1)')).toThrow('invalid CORRIDOR_MAP_BASE_URL');
    expect(() => parseBaseUrl('not a url')).toThrow('invalid CORRIDOR_MAP_BASE_URL');
    const tags = shareTags('https://example.org/map/');
    expect(tags.find((t) => t.attrs?.rel === 'alternate')?.attrs?.href).toBe(
      'https://example.org/map/oembed.json',
    );
  });
});

describe('npm run export', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'corridor-export-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const exportCli = (...args: string[]) =>
    run(tsx, ['src/cli/export.ts', ...args], { cwd: ROOT, timeout: 60_000 });

  it('writes a valid SVG', { timeout: 60_000 }, async () => {
    const out = join(dir, 'map.svg');
    await exportCli('--year', '2019', '--lang', 'en', '--hub', 'xian', '--out', out);
    const doc = parseSvg(readFileSync(out, 'utf8'));
    expect(texts(doc).join('\n')).toContain('Belt and Road freight corridors');
    expect(doc.documentElement.getAttribute('data-year')).toBe('2019');
  });

  it('writes a PNG of the asked width', { timeout: 60_000 }, async () => {
    const out = join(dir, 'map.png');
    const { stdout } = await exportCli(
      '--year',
      '2019',
      '--lang',
      'zh',
      '--route',
      'changan',
      '--width',
      '2400',
      '--theme',
      'dark',
      '--out',
      out,
    );
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const png = PNG.sync.read(bytes);
    expect(png.width).toBe(2400);
    expect(png.height).toBeGreaterThan(1600);
    expect(stdout).toContain(`PNG 2400×${png.height}`);
  });

  it.each([
    [['--year', 'abc', '--out', 'x.svg'], 'invalid year: "abc"'],
    [['--year', '1900', '--out', 'x.svg'], 'invalid year: 1900'],
    [['--hub', 'atlantis', '--out', 'x.svg'], 'invalid hub: "atlantis"'],
  ])('refuses %j with a clear message and exit 1', { timeout: 60_000 }, async (args, message) => {
    const failure = await exportCli(...args).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(message);
    expect(failure?.stderr).toContain('usage: npm run export');
    expect(failure?.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each([
    [['--lang', 'fr', '--out', 'x.svg'], 'invalid lang: "fr"'],
    [['--width', '800', '--out', 'x.svg'], 'invalid width (1200 or 2400): "800"'],
    [['--theme', 'pink', '--out', 'x.svg'], 'invalid theme: "pink"'],
    [['--out', 'x.gif'], 'invalid out'],
    [['--year', '2019'], 'missing --out'],
    [['--hub', 'xian', '--route', 'changan', '--out', 'x.svg'], 'not both'],
    [['--colour', 'red', '--out', 'x.svg'], "Unknown option '--colour'"],
  ])('arguments %j: %s', (args, message) => {
    expect(() => parseExportArgs(args)).toThrow(message);
  });

  it('reads good arguments', () => {
    expect(parseExportArgs(['--out', 'a.PNG', '--year', '2019', '--width', '2400'])).toEqual({
      out: 'a.PNG',
      format: 'png',
      year: 2019,
      lang: 'zh',
      hub: undefined,
      route: undefined,
      theme: 'light',
      width: 2400,
      data: 'geo',
    });
  });
});
