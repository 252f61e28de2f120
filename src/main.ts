/**
 * Entry of index.html: mounts every `[data-corridor-map]` element on the page, each with the
 * options of its data attributes. A page holding a single map also reads the query string and
 * keeps its view in the URL hash (`#hub=xian&year=2019&lang=en`), so a link reopens the view.
 * Lite first, like embed.html (`live=interaction` unless an option says otherwise): shared links
 * land here, mostly on phones from social apps, and the lite view gives them the whole view the
 * link promises — hash state, panels, table, timeline — without the WebGL map's 500 KB of script
 * and seconds of main-thread work (issue 20: Lighthouse mobile 0.33 when this page went live at
 * once). The live map loads when the reader reaches for it, as in the embed.
 */
import { mount } from './embed/mount.ts';
import { preferOembedLink } from './embed/oembedLinks.ts';
import { parseOptions } from './embed/options.ts';
import { syncHash } from './embed/syncHash.ts';
import { parseHash } from './embed/urlState.ts';
import { watch } from './state/watch.ts';
import './page.css';

function attributeOptions(el: HTMLElement): Record<string, string | undefined> {
  const { hub, route, year, lang, theme, autoplay, speed, data, controls, live } = el.dataset;
  return { hub, route, year, lang, theme, autoplay, speed, data, controls, live };
}

const elements = [...document.querySelectorAll<HTMLElement>('[data-corridor-map]')];
const single = elements.length === 1;
for (const el of elements) {
  const query = single ? Object.fromEntries(new URLSearchParams(location.search)) : {};
  const options = {
    ...parseOptions({ ...attributeOptions(el), ...query }),
    ...(single ? parseHash(location.hash) : {}),
  };
  void mount(el, options).then((mounted) => {
    if (!single || el.dataset.state !== 'ready') return;
    syncHash(mounted.store);
    watch(
      mounted.store,
      (s) => s.lang,
      (lang) => preferOembedLink(document, lang),
    );
  });
}
