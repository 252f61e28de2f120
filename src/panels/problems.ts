import { formatProblem, type Problem } from '../data/problems.ts';
import type { Lang } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
import type { CorridorStore } from '../state/store.ts';
import { appendAll, h, replace } from '../shared/dom.ts';
import { selectLang, tuple } from '../state/selectors.ts';
import { watch } from '../state/watch.ts';

/**
 * Tells the reader (and the newsroom checking its data) what could not be shown. The rest of
 * the map still works; the messages are those of `npm run validate`.
 */
export function createProblems(el: HTMLElement, store: CorridorStore): () => void {
  el.classList.add('cm-problems');
  const unsubscribe = watch(
    store,
    tuple((s) => s.problems, selectLang),
    ([problems, lang]) => render(problems, lang),
  );
  function render(problems: readonly Problem[], lang: Lang) {
    el.hidden = problems.length === 0;
    replace(
      el,
      problems.length
        ? h(
            'details',
            {},
            h('summary', {}, `${t(lang, 'problems')} (${problems.length})`),
            list(problems),
          )
        : null,
    );
  }
  return () => {
    unsubscribe();
    replace(el);
  };
}

/** Shown in full up to this many; `npm run validate` lists them all. */
const SHOWN = 200;

function list(problems: readonly Problem[]): HTMLElement {
  const ul = h('ul', {});
  appendAll(
    ul,
    problems.slice(0, SHOWN).map((p) => h('li', {}, formatProblem(p))),
  );
  if (problems.length > SHOWN) ul.append(h('li', {}, `… +${problems.length - SHOWN}`));
  return ul;
}
