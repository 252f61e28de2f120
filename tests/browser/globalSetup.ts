// One static server for every browser test file. A plain node:http server rather than
// `vite preview`: it starts in milliseconds, has no dependency, and can also serve the test
// pages and fixtures next to the built app under one origin (pages that embed the app in an
// iframe, or load a broken data folder, need them same-origin).
import { existsSync } from 'node:fs';
import { realpath, stat, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** URL prefix → folder. Longest prefix first, so that `/` stays the fallback. */
export const mounts: readonly { prefix: string; dir: string }[] = [
  { prefix: '/node_modules/', dir: path.join(repoRoot, 'node_modules') },
  { prefix: '/fixtures/', dir: path.join(repoRoot, 'tests/fixtures') },
  { prefix: '/test/', dir: path.join(repoRoot, 'tests/browser/pages') },
  { prefix: '/', dir: path.join(repoRoot, 'dist') },
];

// Test pages may load these from node_modules; nothing else there is reachable, so a test page
// cannot quietly start depending on an undeclared package.
export const servedPackages: readonly string[] = ['pym.js', '@newswire/frames', 'axe-core'];

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.topojson': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
};

export function chromePath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

function send(res: ServerResponse, status: number, body: string, headers = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

function isServedPackage(rest: string): boolean {
  return servedPackages.some((name) => rest === name || rest.startsWith(`${name}/`));
}

/** Resolves a request path to a file inside one mount, or null (→ 404). */
async function resolveFile(
  pathname: string,
  served: readonly { prefix: string; dir: string }[] = mounts,
): Promise<{ file: string } | { redirect: string } | null> {
  const mount = served.find((m) => pathname.startsWith(m.prefix) || `${pathname}/` === m.prefix);
  if (!mount) return null;
  const rest = pathname.slice(mount.prefix.length);
  if (mount.prefix === '/node_modules/' && !isServedPackage(rest)) return null;

  // Refuse rather than normalise: a `..` segment in a test URL is a bug or an attack either way.
  const segments = rest.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) {
    return null;
  }
  let file = path.join(mount.dir, ...segments);
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    // Relative links in a directory's index.html only resolve against a trailing slash.
    if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return null;

  // A symlink inside a mount must not lead outside it.
  const [realFile, realDir] = await Promise.all([realpath(file), realpath(mount.dir)]);
  if (!realFile.startsWith(realDir + path.sep)) return null;
  return { file: realFile };
}

export interface ServerOptions {
  /**
   * gzip -9 text responses for clients that accept it, as a real host would (the bench: what
   * Lighthouse and the bytes rows see on the wire). Off for the tests: bodies stay byte-exact.
   */
  gzip?: boolean;
  /**
   * Serve this folder alone at `/` instead of dist/ and the test folders: a build a test made
   * into a folder of its own (tests/browser/snapshots.test.ts), leaving dist/ to the others.
   */
  root?: string;
}

/** Already compressed formats, sent as they are. */
const compressed = new Set(['.png', '.jpg', '.jpeg', '.webp', '.woff', '.woff2', '.wasm', '.ico']);

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: ServerOptions,
  gzipped: Map<string, Buffer>,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'read-only server\n', { Allow: 'GET, HEAD' });
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    send(res, 400, 'bad request\n');
    return;
  }
  // The raw URL matters too: `new URL` already folded `/a/../b`, which a browser never sends
  // but a hand-made request can.
  const raw = (req.url ?? '/').split('?')[0] ?? '/';
  if (/(^|\/|%2f)(\.|%2e){1,2}(\/|%2f|$)/i.test(raw)) {
    send(res, 404, 'not found\n');
    return;
  }
  const found = await resolveFile(
    pathname,
    options.root ? [{ prefix: '/', dir: options.root }] : mounts,
  );
  if (!found) {
    send(res, 404, `not found: ${pathname}\n`);
    return;
  }
  if ('redirect' in found) {
    send(res, 301, '', { Location: found.redirect });
    return;
  }
  let body: Buffer = await readFile(found.file);
  const ext = path.extname(found.file).toLowerCase();
  const gzip =
    options.gzip === true &&
    !compressed.has(ext) &&
    /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) {
    // Built files do not change while a server runs; gzip -9 of the 1.8 MB map chunk is not free.
    const cached = gzipped.get(found.file);
    body = cached ?? gzipSync(body, { level: 9 });
    if (!cached) gzipped.set(found.file, body);
  }
  res.writeHead(200, {
    'Content-Type': contentTypes[ext] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Starts the static server on 127.0.0.1 on a free port; resolves to its base URL (no slash). */
export async function startStaticServer(
  options: ServerOptions = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    handle(req, res, options, gzipped).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `${String(error)}\n`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets from Chromium would otherwise hold close() open.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(repoRoot, 'dist/index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` first — npm test does it.');
  }
  const chrome = chromePath();
  if (!existsSync(chrome)) {
    throw new Error(
      `Chromium not found at ${chrome}. Browser tests need a real Chromium: on Debian/Ubuntu run ` +
        '`apt-get install -y chromium fonts-noto-cjk` (the fonts are for the Chinese labels), ' +
        'or set CHROME_PATH to a Chromium/Chrome executable.',
    );
  }
  const server = await startStaticServer();
  project.provide('baseUrl', server.url);
  return server.close;
}
