// `npm start` lists the pages a newcomer wants (src/build/addressesPlugin.ts): each must exist,
// at the path the dev server serves it from (the root, or public/ for the demo pages).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { DEV_PAGES, pageLines } from '../../src/build/addressesPlugin.ts';
import { sharePlugin } from '../../src/build/sharePlugin.ts';
import { ROOT } from './helpers.ts';

test('every page npm start names exists', () => {
  for (const { path } of DEV_PAGES) {
    const found = [join(ROOT, path), join(ROOT, 'public', path)].some((file) => existsSync(file));
    expect({ path, found }).toEqual({ path, found: true });
  }
});

test('the pages are printed under the server base URL', () => {
  const lines = pageLines('http://127.0.0.1:5174/');
  expect(lines).toHaveLength(DEV_PAGES.length);
  expect(lines.join('\n')).toContain('http://127.0.0.1:5174/demo/scrolly.html');
  expect(lines.join('\n')).toContain('http://127.0.0.1:5174/embed.html');
});

// Issue 22: `npm run dev` serves the social cards and the oEmbed files as the build writes them.
describe('the dev server serves the cards and oEmbed files', () => {
  type Middleware = (req: { url: string }, res: FakeResponse, next: (e?: unknown) => void) => void;
  interface FakeResponse {
    headers: Record<string, string>;
    setHeader(name: string, value: string): void;
    end(body: Buffer | string): void;
  }
  function devMiddleware(): Middleware {
    const plugin = sharePlugin({ baseUrl: undefined });
    const middlewares: Middleware[] = [];
    (plugin.configResolved as (config: { root: string }) => void)({ root: ROOT });
    (plugin.configureServer as (server: unknown) => void)({
      middlewares: { use: (m: Middleware) => middlewares.push(m) },
    });
    expect(middlewares).toHaveLength(1);
    return middlewares[0]!;
  }
  function get(middleware: Middleware, url: string) {
    return new Promise<{ type?: string | undefined; body?: Buffer | string; next: boolean }>(
      (resolve, reject) => {
        const res: FakeResponse = {
          headers: {},
          setHeader(name, value) {
            this.headers[name] = value;
          },
          end(body) {
            resolve({ type: this.headers['Content-Type'], body, next: false });
          },
        };
        middleware({ url }, res, (error) => (error ? reject(error) : resolve({ next: true })));
      },
    );
  }

  test('oembed.json and oembed-en.json', async () => {
    const middleware = devMiddleware();
    for (const [url, lang] of [
      ['/oembed.json', 'zh'],
      ['/oembed-en.json?x=1', 'en'],
    ] as const) {
      const { type, body } = await get(middleware, url);
      expect(type).toMatch(/^application\/json\+oembed/);
      const json = JSON.parse(String(body)) as Record<string, unknown>;
      expect(json).toMatchObject({ type: 'rich', thumbnail_url: `static/card-${lang}.png` });
      expect(json.html).toContain(`data-lang="${lang}"`);
    }
    expect(await get(middleware, '/index.html')).toEqual({ next: true });
  });

  test('the cards, as 1200 × 630 PNGs', { timeout: 60_000 }, async () => {
    const middleware = devMiddleware();
    for (const url of ['/static/card-zh.png', '/static/card-en.png']) {
      const { type, body } = await get(middleware, url);
      expect(type).toBe('image/png');
      const png = PNG.sync.read(body as Buffer);
      expect({ url, size: [png.width, png.height] }).toEqual({ url, size: [1200, 630] });
    }
  });
});
