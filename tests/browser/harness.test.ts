// The harness tested on its own, without the app: if these fail, browser test failures say
// nothing about the app.
import { request } from 'node:http';
import { describe, expect, inject, test } from 'vitest';
import {
  closeOpenedContexts,
  countColors,
  openPage,
  saveArtifact,
  waitForRendered,
} from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const fixtureUrl = `${baseUrl}/test/harness-fixture.html`;

/** A request with the path sent byte for byte (fetch would fold `..` before sending). */
function rawGet(rawPath: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  test('serves dist at /, test pages at /test/, with types and no caching', async () => {
    const index = await fetch(`${baseUrl}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-store');

    const page = await fetch(fixtureUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('harness fixture');

    const dir = await fetch(`${baseUrl}/test`, { redirect: 'manual' });
    expect(dir.status).toBe(301);
    expect(dir.headers.get('location')).toBe('/test/');
  });

  test('refuses what it must not serve', async () => {
    for (const rawPath of [
      '/missing.js',
      '/test/../package.json',
      '/test/%2e%2e/%2e%2e/package.json',
      '/fixtures/..%2f..%2fpackage.json',
      '/node_modules/vite/package.json',
      '/node_modules/pym.js/../vite/package.json',
    ]) {
      expect({ rawPath, status: (await rawGet(rawPath)).status }).toEqual({ rawPath, status: 404 });
    }
    const post = await fetch(fixtureUrl, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
  });
});

describe('with WebGL', () => {
  const browser = useBrowser();

  test('WebGL2 works, pixels are counted, off-host requests are blocked', async () => {
    const { page, context, errors, blocked } = await openPage(browser(), fixtureUrl);
    try {
      await waitForRendered(page);

      const renderer = await page.evaluate(() => {
        const gl = document.createElement('canvas').getContext('webgl2');
        if (!gl) return null;
        const info = gl.getExtension('WEBGL_debug_renderer_info');
        return {
          renderer: gl.getParameter(gl.RENDERER) as unknown,
          unmasked: info ? (gl.getParameter(info.UNMASKED_RENDERER_WEBGL) as unknown) : null,
        };
      });
      expect(renderer?.renderer).toBeTruthy();
      console.info(`WebGL2 renderer: ${String(renderer?.unmasked ?? renderer?.renderer)}`);

      const plain = await countColors(
        page,
        { x: 0, y: 0, width: 200, height: 100 },
        { red: [0xd5, 0x5e, 0x00], blue: [0x00, 0x72, 0xb2], green: [0x00, 0x9e, 0x73] },
      );
      expect(plain.total).toBe(200 * 100);
      expect(plain.counts.red).toBeGreaterThan(0.48 * plain.total);
      expect(plain.counts.red).toBeLessThanOrEqual(0.5 * plain.total);
      expect(plain.counts.blue).toBeGreaterThan(0.48 * plain.total);
      expect(plain.counts.blue).toBeLessThanOrEqual(0.5 * plain.total);
      expect(plain.counts.green).toBe(0);

      // The WebGL canvas is below the 2D one; its clear colour must reach the screenshot.
      const gl = await countColors(
        page,
        { x: 0, y: 100, width: 200, height: 100 },
        { green: [0x00, 0x9e, 0x73] },
      );
      if (gl.counts.green !== gl.total) {
        await saveArtifact('harness-webgl.png', await page.screenshot());
      }
      expect(gl.counts.green).toBe(gl.total);

      expect(errors).toEqual([]);
      const fetched = await page.evaluate(() =>
        fetch('http://example.com/').then(
          (r) => `fetched ${r.status}`,
          (e: unknown) => `refused: ${String(e)}`,
        ),
      );
      expect(fetched).toMatch(/^refused/);
      expect(blocked).toEqual(['http://example.com/']);
    } finally {
      await context.close();
    }
  });
});

describe('contexts', () => {
  const browser = useBrowser();

  test('a test may leave its context open (the next test checks that it was closed)', async () => {
    await openPage(browser(), 'about:blank');
    await openPage(browser(), 'about:blank');
    expect(browser().contexts()).toHaveLength(2);
  });

  test('useBrowser closed every context the previous test opened', () => {
    expect(browser().contexts()).toEqual([]);
  });

  test('closeOpenedContexts closes them, also ones closed already', async () => {
    const { context } = await openPage(browser(), 'about:blank');
    await openPage(browser(), 'about:blank');
    await context.close();
    await closeOpenedContexts();
    expect(browser().contexts()).toEqual([]);
  });
});

describe('without WebGL', () => {
  const browser = useBrowser({ webgl: false });

  test('no WebGL context at all; waitForRendered fails fast on fallback', async () => {
    const { page, context, errors } = await openPage(browser(), fixtureUrl);
    try {
      const contexts = await page.evaluate(() => ({
        webgl2: document.createElement('canvas').getContext('webgl2') === null,
        webgl: document.createElement('canvas').getContext('webgl') === null,
      }));
      expect(contexts).toEqual({ webgl2: true, webgl: true });

      const started = Date.now();
      await expect(waitForRendered(page, undefined, { screenshot: false })).rejects.toThrow(
        /data-state="fallback"/,
      );
      expect(Date.now() - started).toBeLessThan(10_000);

      // 2D canvas still draws, so the fallback picture can be checked by pixels too.
      const plain = await countColors(
        page,
        { x: 0, y: 0, width: 200, height: 100 },
        { red: [0xd5, 0x5e, 0x00] },
      );
      expect(plain.counts.red).toBeGreaterThan(0.48 * plain.total);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
