import { t } from '../i18n/strings.ts';
import { routesAt, selectLang, selectYear, tuple } from '../state/selectors.ts';
import type { CorridorStore } from '../state/store.ts';
import { watch } from '../state/watch.ts';

/** The elements the header fills; the layout (src/embed/layout.ts) makes them. */
export interface HeaderParts {
  title: HTMLElement;
  subtitle: HTMLElement;
  /** The map's text summary (the map box's `aria-describedby`). */
  summary: HTMLElement;
  footer: HTMLElement;
}

/**
 * The map's title, subtitle, attribution and the map's text summary, in the reader's language;
 * the root's `lang` and `data-year` follow the store (host pages and tests read them). `credit` is
 * the house style's credit line (`--cm-credit`, "Graphic: The Demo Gazette"), before the
 * attribution in the footer.
 */
export function createHeader(
  root: HTMLElement,
  parts: HeaderParts,
  store: CorridorStore,
  credit = '',
): () => void {
  return watch(store, tuple(selectLang, selectYear), ([lang, year]) => {
    const { data, range, time } = store.getState();
    root.lang = lang;
    root.dataset.year = String(year);
    parts.title.textContent = t(lang, 'title');
    parts.subtitle.textContent = t(lang, 'subtitle', { first: range[0], last: range[1] });
    const open = routesAt(data, time);
    parts.summary.textContent = t(lang, 'mapSummary', {
      year,
      routes: open.length,
      corridors: new Set(open.map((r) => r.route.properties.corridor)).size,
      hubs: data.hubs.length,
    });
    parts.footer.textContent = [credit, t(lang, 'attribution')].filter(Boolean).join(' · ');
  });
}
