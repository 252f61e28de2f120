/**
 * Entry of embed.html: one map filling its frame, for news pages (DESIGN §4).
 *
 * Order matters for the reader: first the static picture (this module is small and shows it at
 * once), then the map module and its data, then the live map, which replaces the picture in the
 * same box. From the first moment the frame tells its parent its height; once the map's store
 * exists it also posts events to the parent and takes its commands.
 *
 * Marks for measuring: `performance.mark('corridor:static')` when the picture has loaded,
 * `'corridor:rendered'` when the live map has drawn its first frame.
 */
import type { Lang } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
import { replace } from '../panels/dom.ts';
import { startFrameSize } from './frameSize.ts';
import { connectHost } from './hostMessages.ts';
import { createPoster, loadingView } from './layout.ts';
import { parseEmbedQuery } from './options.ts';
import './corridor-map.css';

const HTML_LANG: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

function setDocumentLang(lang: Lang): void {
  document.documentElement.lang = HTML_LANG[lang];
  document.title = t(lang, 'title');
}

/** The static picture in `lang`, made at build time (src/build/staticMapPlugin.ts). */
function posterUrl(lang: Lang): string {
  return new URL(`static/corridors-${lang}.svg`, document.baseURI).href;
}

async function start(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-corridor-map]');
  if (!root) throw new Error('embed.html: no [data-corridor-map] element');
  const options = parseEmbedQuery(location.search);
  const lang = options.lang ?? 'zh';
  setDocumentLang(lang);
  const dark =
    options.theme === 'dark' ||
    (options.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  root.classList.add('cm-root');
  root.classList.toggle('cm-dark', dark);

  const poster = createPoster(document, posterUrl(lang), lang);
  poster.addEventListener('load', () => performance.mark('corridor:static'), { once: true });
  replace(root, ...loadingView(lang, poster));
  const rendered = new MutationObserver(() => {
    if (root.getAttribute('data-rendered') !== 'true') return;
    performance.mark('corridor:rendered');
    rendered.disconnect();
  });
  rendered.observe(root, { attributes: true, attributeFilter: ['data-rendered'] });

  startFrameSize();

  const [{ mount }] = await Promise.all([
    import('./mount.ts'),
    import('maplibre-gl/dist/maplibre-gl.css'),
  ]);
  const { store } = await mount(root, { ...options, poster, onStore: (s) => connectHost(s) });
  store.subscribe((state, previous) => {
    if (state.lang === previous.lang) return;
    setDocumentLang(state.lang);
    // Without WebGL the picture stays: it follows the language switch.
    if (poster.isConnected) {
      poster.src = posterUrl(state.lang);
      poster.alt = t(state.lang, 'mapLabel');
    }
  });
}

start().catch((error: unknown) => console.error('corridor-map: embed failed', error));
