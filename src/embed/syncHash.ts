import type { CorridorStore } from '../state/store.ts';
import { selectLang, selectSelection, selectYear, tuple } from '../state/selectors.ts';
import { watch } from '../state/watch.ts';
import { parseHash, serializeHash } from './urlState.ts';

/**
 * Keeps the page's URL hash and one map's view in step, both ways. The hash is replaced, never
 * pushed: playing through fourteen years must not leave fourteen entries in the back button.
 */
export function syncHash(store: CorridorStore, win: Window = window): () => void {
  const write = () => {
    const hash = serializeHash(store.getState());
    if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
  };
  const unsubscribe = watch(store, tuple(selectSelection, selectLang, selectYear), write, {
    immediate: false,
  });
  const onHashChange = () => {
    const view = parseHash(win.location.hash);
    const s = store.getState();
    if (view.lang) s.setLang(view.lang);
    if (view.year !== undefined) s.setYear(view.year);
    s.select(
      view.hub
        ? { kind: 'hub', id: view.hub }
        : view.route
          ? { kind: 'route', id: view.route }
          : null,
    );
  };
  win.addEventListener('hashchange', onHashChange);
  write();
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', onHashChange);
  };
}
