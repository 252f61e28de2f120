import { t } from '../i18n/strings.ts';
import { findHub, findRoute, selectSelection } from '../state/selectors.ts';
import type { CorridorStore } from '../state/store.ts';
import { yearOf } from '../data/time.ts';
import { watch } from '../state/watch.ts';

/**
 * Tells screen-reader users what they opened: "Xi'an International Port Area selected, 2019"
 * goes to the polite live region when the selection changes. (Year steps are announced by the
 * timeline, which knows whether a change was a step or play, and so are the captions of the
 * timeline's events: one live region for the whole map.)
 */
export function createAnnouncer(live: HTMLElement, store: CorridorStore): () => void {
  return watch(
    store,
    selectSelection,
    () => {
      const { data, lang, selection, time } = store.getState();
      if (!selection) return;
      const item =
        selection.kind === 'hub' ? findHub(data, selection.id) : findRoute(data, selection.id);
      if (!item) return;
      live.textContent = `${t(lang, 'selected', { name: item.properties.name[lang] })}, ${t(lang, 'yearNow', { year: yearOf(time) })}`;
    },
    { immediate: false },
  );
}
