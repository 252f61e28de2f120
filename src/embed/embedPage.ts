/**
 * Entry of embed.html: one map filling its frame, for news pages (DESIGN §4).
 *
 * Lite first: this entry and what it imports are the lite view, the panels and the store — no
 * maplibre-gl or deck.gl code, which loads only when the reader reaches for the map
 * (`live=interaction`, the default; see mapView.ts). Once the map's store exists the frame posts
 * events to the parent and takes its commands; once the map is laid out (or shows its error) it
 * tells the parent its height, and again whenever that changes. Not before: the empty page and the
 * loading view are shorter than the map, and the parent keeps the map's place until then (embed.js
 * reserves it), so an early height would pull the article up and push it back down (CLS).
 *
 * Marks for measuring: `performance.mark('corridor:lite')` when the lite view is in place,
 * `'corridor:rendered'` when the live map has drawn its first frame.
 */
import type { Lang } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
import { watch } from '../state/watch.ts';
import { startFrameSize } from './frameSize.ts';
import { connectHost, postView, type HostView } from './hostMessages.ts';
import { mount } from './mount.ts';
import { preferOembedLink } from './oembedLinks.ts';
import { parseEmbedQuery } from './options.ts';
import './corridor-map.css';
import './embed-page.css';

const HTML_LANG: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

function setDocumentLang(lang: Lang): void {
  document.documentElement.lang = HTML_LANG[lang];
  document.title = t(lang, 'title');
  preferOembedLink(document, lang);
}

async function start(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-corridor-map]');
  if (!root) throw new Error('embed.html: no [data-corridor-map] element');
  const options = parseEmbedQuery(location.search);
  setDocumentLang(options.lang ?? 'zh');
  // The host may ask for the context back before mount() has resolved: nothing to give yet.
  const view: HostView = { release: () => {} };
  const mounted = await mount(root, {
    live: 'interaction',
    ...options,
    onStore: (s) => connectHost(s, window, view),
    onView: (shown) => postView(shown),
  }).finally(() => startFrameSize());
  view.release = () => mounted.release();
  const { store } = mounted;
  performance.mark('corridor:lite');
  watch(store, (s) => s.lang, setDocumentLang, { immediate: false });
}

start().catch((error: unknown) => console.error('corridor-map: embed failed', error));
