import type { Lang } from '../data/types.ts';
import { formatCount } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { h, replace } from '../shared/dom.ts';
import { selectLang, selectYear, tuple } from '../state/selectors.ts';
import type { CorridorState, CorridorStore } from '../state/store.ts';
import { watch } from '../state/watch.ts';
import { findItems, indexItems, type Findable } from './findItems.ts';
import type { ItemKind } from './itemButton.ts';

export interface FinderOptions<T> {
  kind: ItemKind;
  items: readonly T[];
  /** An item's id and names, as they are searched. */
  describe: (item: T) => Findable;
  /** The list item (an itemButton) for one match, in the language and year shown. */
  button: (item: T, state: CorridorState) => HTMLLIElement;
}

/** A query longer than this is cut in the status line (it is echoed back to the reader). */
const QUOTED = 40;

/**
 * The list of one kind when there are too many to draw a button each (issue 9): a labelled
 * search field, a live status ("12 of 10,000 routes match") and the first matches as the same
 * buttons the short list has. Type, then Tab or ↓ to a result, Enter opens it; ↑ on the first
 * result goes back to the field. The DOM holds at most SHOWN_MATCHES buttons, whatever the data.
 */
export function createFinder<T>(
  section: HTMLElement,
  store: CorridorStore,
  { kind, items, describe, button }: FinderOptions<T>,
): () => void {
  const index = indexItems(items, describe);
  const uid = `cm-find-${kind}-${Math.random().toString(36).slice(2, 8)}`;
  const title = h('h3', {});
  const label = h('label', { for: `${uid}-input`, class: 'cm-find-label' });
  const input = h('input', {
    type: 'search',
    id: `${uid}-input`,
    class: 'cm-find-input',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${uid}-help ${uid}-status`,
    'aria-controls': `${uid}-list`,
  });
  const help = h('p', { id: `${uid}-help`, class: 'cm-find-help' });
  const status = h('p', { id: `${uid}-status`, class: 'cm-find-status', role: 'status' });
  const list = h('ul', { id: `${uid}-list`, class: 'cm-find-results' });
  section.classList.add('cm-find');
  section.dataset.kind = kind;
  replace(section, title, label, input, help, status, list);

  const noun = (lang: Lang) =>
    t(lang, kind === 'route' ? 'routes' : 'hubs').toLocaleLowerCase(lang === 'zh' ? 'zh' : 'en');

  const render = () => {
    const state = store.getState();
    const { lang } = state;
    const query = input.value.trim();
    const { shown, total } = findItems(index, query);
    const active = document.activeElement as HTMLElement | null;
    const focused = active && list.contains(active) ? active.dataset.id : undefined;
    replace(
      list,
      shown.map((item) => button(item, state)),
    );
    const all = formatCount(items.length, lang);
    const values = { items: noun(lang), total: all, shown: formatCount(shown.length, lang) };
    status.textContent =
      total === 0
        ? t(lang, 'findNone', {
            ...values,
            query: query.length > QUOTED ? `${query.slice(0, QUOTED)}…` : query,
          })
        : query === ''
          ? t(lang, 'findAll', values)
          : [
              t(lang, 'findMatches', { ...values, count: formatCount(total, lang) }),
              total > shown.length ? t(lang, 'findFirst', values) : '',
            ]
              .filter(Boolean)
              .join(' ');
    section.dataset.matches = String(total);
    if (focused)
      list.querySelector<HTMLElement>(`button[data-id="${CSS.escape(focused)}"]`)?.focus();
  };
  const labels = (lang: Lang) => {
    title.textContent = t(lang, kind === 'route' ? 'routes' : 'hubs');
    label.textContent = t(lang, kind === 'route' ? 'findRoute' : 'findHub');
    help.textContent = t(lang, 'findHelp');
    list.setAttribute('aria-label', t(lang, 'findResults', { items: noun(lang) }));
  };

  const onInputKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown') return;
    const first = list.querySelector('button');
    if (!first) return;
    event.preventDefault();
    first.focus();
  };
  const onListKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowUp' || event.target !== list.querySelector('button')) return;
    // Before the list's own arrow handling (which would wrap to the last result).
    event.preventDefault();
    event.stopPropagation();
    input.focus();
  };
  input.addEventListener('input', render);
  input.addEventListener('keydown', onInputKey);
  list.addEventListener('keydown', onListKey);
  const stop = watch(store, tuple(selectLang, selectYear), ([lang]) => {
    labels(lang);
    render();
  });
  return () => {
    stop();
    input.removeEventListener('input', render);
    input.removeEventListener('keydown', onInputKey);
    list.removeEventListener('keydown', onListKey);
    replace(section);
  };
}
