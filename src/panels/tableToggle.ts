import { t } from '../i18n/strings.ts';
import type { CorridorStore } from '../state/store.ts';
import { h } from '../shared/dom.ts';
import { watch } from '../state/watch.ts';

let counter = 0;

/**
 * A "table" button appended to `parent` that shows and hides `table` (the data table, the map's
 * accessible twin). Hidden means visually hidden only: screen readers always find the table.
 * Returns the teardown, which leaves `table` as it found it.
 */
export function createTableToggle(
  parent: HTMLElement,
  table: HTMLElement,
  store: CorridorStore,
): () => void {
  const wasHidden = table.hidden;
  if (!table.id) table.id = `cm-table-${++counter}`;
  // Shown from the start when the embed asked for it (`controls=table` unhides it).
  let shown = !wasHidden;
  table.hidden = false;
  const button = h('button', {
    type: 'button',
    class: 'cm-table-toggle',
    'aria-controls': table.id,
  });
  const render = () => {
    const lang = store.getState().lang;
    button.textContent = t(lang, 'table');
    button.setAttribute('aria-expanded', String(shown));
    button.title = t(lang, shown ? 'hideTable' : 'showTable');
    table.classList.toggle('cm-visually-hidden', !shown);
    table.dataset.shown = String(shown);
    if (shown) {
      table.setAttribute('role', 'region');
      table.setAttribute('aria-label', t(lang, 'table'));
      table.tabIndex = 0;
    } else {
      for (const a of ['role', 'aria-label', 'tabindex']) table.removeAttribute(a);
    }
  };
  button.addEventListener('click', () => {
    shown = !shown;
    render();
  });
  parent.append(button);
  const unbind = watch(store, (s) => s.lang, render);
  return () => {
    unbind();
    button.remove();
    table.classList.remove('cm-visually-hidden');
    delete table.dataset.shown;
    for (const a of ['role', 'aria-label', 'tabindex']) table.removeAttribute(a);
    table.hidden = wasHidden;
  };
}
