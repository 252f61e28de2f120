import { formatProblem } from '../data/problems.ts';
import { t } from '../i18n/strings.ts';
import type { CorridorStore } from '../state/store.ts';
import { bind, h, replace } from './dom.ts';

/**
 * Tells the reader (and the newsroom checking its data) what could not be shown. The rest of
 * the map still works; the messages are those of `npm run validate`.
 */
export function createProblems(el: HTMLElement, store: CorridorStore): () => void {
  el.classList.add('cm-problems');
  const unsubscribe = bind(store, (state, previous) => {
    if (previous && previous.problems === state.problems && previous.lang === state.lang) return;
    el.hidden = state.problems.length === 0;
    replace(
      el,
      state.problems.length
        ? h(
            'details',
            {},
            h('summary', {}, `${t(state.lang, 'problems')} (${state.problems.length})`),
            h('ul', {}, ...state.problems.map((p) => h('li', {}, formatProblem(p)))),
          )
        : null,
    );
  });
  return () => {
    unsubscribe();
    replace(el);
  };
}
