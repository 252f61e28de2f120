import { CORRIDOR_NAMES, t } from '../i18n/strings.ts';
import { isRouteOpen, selectSelection, selectYear } from '../state/selectors.ts';
import type { CorridorStore, Selection } from '../state/store.ts';
import { watch } from '../state/watch.ts';
import { h, replace } from '../shared/dom.ts';

const same = (a: Selection, kind: string, id: string) => a?.kind === kind && a.id === id;

/**
 * The keyboard way into the map: a button per hub and per route. Activating one selects it,
 * exactly as a click on the map does; `aria-pressed` tells which is open. Arrow keys move
 * between the buttons of one list.
 */
export function createItemList(el: HTMLElement, store: CorridorStore): () => void {
  el.classList.add('cm-lists');
  const onKey = (event: KeyboardEvent) => {
    if (!['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight'].includes(event.key)) return;
    const list = (event.target as HTMLElement).closest('ul');
    if (!list) return;
    const buttons = [...list.querySelectorAll('button')];
    const i = buttons.indexOf(event.target as HTMLButtonElement);
    if (i === -1) return;
    const step = event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : -1;
    buttons[(i + step + buttons.length) % buttons.length]?.focus();
    event.preventDefault();
  };
  el.addEventListener('keydown', onKey);

  // A new selection only changes which button is pressed: the buttons (and focus) stay.
  const press = () => {
    const { selection } = store.getState();
    for (const b of el.querySelectorAll<HTMLButtonElement>('button[data-id]')) {
      b.setAttribute('aria-pressed', String(same(selection, b.dataset.kind!, b.dataset.id!)));
    }
  };
  const render = () => {
    const state = store.getState();
    const { data, lang, selection } = state;
    const focused = el.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.id
      : undefined;
    const button = (
      kind: 'hub' | 'route',
      id: string,
      label: string,
      extra: Node | null,
      dim: boolean,
    ) => {
      const b = h(
        'button',
        {
          type: 'button',
          'data-id': id,
          'data-kind': kind,
          'aria-pressed': same(selection, kind, id) ? 'true' : 'false',
          class: dim ? 'cm-dim' : undefined,
        },
        extra,
        label,
      );
      b.addEventListener('click', () => {
        const s = store.getState();
        s.select(same(s.selection, kind, id) ? null : { kind, id });
      });
      return h('li', {}, b);
    };
    const time = state.time;
    replace(
      el,
      h(
        'section',
        {},
        h('h3', { id: 'cm-hubs-title' }, t(lang, 'hubs')),
        h(
          'ul',
          { 'aria-label': t(lang, 'hubs') },
          data.hubs.map((hub) =>
            button('hub', hub.properties.id, hub.properties.name[lang], null, false),
          ),
        ),
      ),
      h(
        'section',
        {},
        h('h3', {}, t(lang, 'routes')),
        h(
          'ul',
          { 'aria-label': t(lang, 'routes') },
          data.routes.map((route) => {
            const { id, corridor, name } = route.properties;
            const swatch = h('span', {
              class: 'cm-swatch',
              'data-corridor': corridor,
              title: CORRIDOR_NAMES[corridor][lang],
              'aria-hidden': 'true',
            });
            return button('route', id, name[lang], swatch, !isRouteOpen(route, time));
          }),
        ),
      ),
    );
    if (focused)
      (el.querySelector(`button[data-id="${CSS.escape(focused)}"]`) as HTMLElement | null)?.focus();
  };
  const unwatch = [
    watch(store, (s) => [s.lang, selectYear(s)] as const, render),
    watch(store, selectSelection, press, { immediate: false }),
  ];
  const unsubscribe = () => unwatch.forEach((stop) => stop());
  return () => {
    unsubscribe();
    el.removeEventListener('keydown', onKey);
    replace(el);
  };
}
