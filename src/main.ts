/**
 * Entry of index.html: mounts every `[data-corridor-map]` element on the page, each with the
 * options of its data attributes. The page's own map also reads the URL.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { parseOptions } from './embed/options.ts';
import { mount } from './embed/mount.ts';

function attributeOptions(el: HTMLElement): Record<string, string | undefined> {
  const { hub, route, year, lang, theme, autoplay, speed, data } = el.dataset;
  return { hub, route, year, lang, theme, autoplay, speed, data };
}

const elements = [...document.querySelectorAll<HTMLElement>('[data-corridor-map]')];
for (const el of elements) {
  // The query string only speaks for a page that holds one map.
  const query =
    elements.length === 1 ? Object.fromEntries(new URLSearchParams(location.search)) : {};
  void mount(el, parseOptions({ ...attributeOptions(el), ...query }));
}
