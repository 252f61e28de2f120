/**
 * `npm start` names every page a newcomer wants, not only the root: the map, the frame an
 * article embeds and the two demo articles (vite itself prints only its base URL).
 */
import type { Plugin, ViteDevServer } from 'vite';

/** The pages `npm start` lists, as paths under the server's base URL. */
export const DEV_PAGES: readonly { path: string; what: string }[] = [
  { path: 'index.html', what: 'the map' },
  { path: 'embed.html', what: 'the embed frame' },
  { path: 'publish.html', what: 'the publishing desk (snippet and preview)' },
  { path: 'demo/article.html', what: 'a demo article with three maps' },
  { path: 'demo/scrolly.html', what: 'the scrollytelling demo' },
];

/** The lines printed for a server whose base URL is `base` (ends with `/`). */
export function pageLines(base: string): string[] {
  const width = Math.max(...DEV_PAGES.map((p) => p.what.length));
  return DEV_PAGES.map(
    ({ path, what }) => `  ➜  ${what.padEnd(width)}  ${new URL(path, base).href}`,
  );
}

export function addressesPlugin(): Plugin {
  return {
    name: 'corridor-map-addresses',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      // After vite's own lines, once the port is known (it may not be 5173 if that was taken).
      const printUrls = server.printUrls.bind(server);
      server.printUrls = () => {
        printUrls();
        const base = server.resolvedUrls?.local[0] ?? server.resolvedUrls?.network[0];
        if (base) server.config.logger.info(['', ...pageLines(base)].join('\n'));
      };
    },
  };
}
