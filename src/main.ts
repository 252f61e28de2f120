/**
 * Entry of index.html: mounts every `[data-corridor-map]` element on the page, each with the
 * options of its data attributes. A page holding a single map also reads the query string and
 * keeps its view in the URL hash (`#hub=xian&year=2019&lang=en`), so a link reopens the view.
 * The live map loads at once here (`live=eager`) unless an option says otherwise: a reader who
 * opened the map page came for the map.
 */
import { mount } from './embed/mount.ts';
import { parseOptions } from './embed/options.ts';
import { syncHash } from './embed/syncHash.ts';
import { parseHash } from './embed/urlState.ts';
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
    live: 'eager' as const,
    ...parseOptions({ ...attributeOptions(el), ...query }),
    ...(single ? parseHash(location.hash) : {}),
  };
  void mount(el, options).then((mounted) => {
    if (single && el.dataset.state === 'ready') syncHash(mounted.store);
  });
}
