import type { Layout } from '../embed/layout.ts';
import { t } from '../i18n/strings.ts';
import { routesAt } from '../state/selectors.ts';
import type { CorridorStore } from '../state/store.ts';
import { yearOf } from '../state/time.ts';
import { bind } from './dom.ts';

/**
 * The map's title, subtitle, attribution and the canvas's text summary, in the reader's
 * language; the root's `lang` and `data-year` follow the store (host pages and tests read them).
 */
export function createHeader(root: HTMLElement, layout: Layout, store: CorridorStore): () => void {
  return bind(store, (s, prev) => {
    if (prev && prev.lang === s.lang && yearOf(prev.time) === yearOf(s.time)) return;
    const year = yearOf(s.time);
    root.lang = s.lang;
    root.dataset.year = String(year);
    layout.title.textContent = t(s.lang, 'title');
    layout.subtitle.textContent = t(s.lang, 'subtitle', { first: s.range[0], last: s.range[1] });
    const open = routesAt(s.data, s.time);
    layout.summary.textContent = t(s.lang, 'mapSummary', {
      year,
      routes: open.length,
      corridors: new Set(open.map((r) => r.route.properties.corridor)).size,
      hubs: s.data.hubs.length,
    });
    layout.footer.textContent = t(s.lang, 'attribution');
  });
}
