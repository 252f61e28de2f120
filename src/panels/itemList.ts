import type { HubFeature, RouteFeature } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
import { isRouteOpen, selectLang, selectSelection, selectYear } from '../state/selectors.ts';
import type { CorridorState, CorridorStore } from '../state/store.ts';
import { watch } from '../state/watch.ts';
import { h, replace } from '../shared/dom.ts';
import { FULL_LIST_LIMIT } from './findItems.ts';
import { isSelected, itemButton, moveInList, routeSwatch, type ItemKind } from './itemButton.ts';
import { createFinder } from './itemFinder.ts';

/**
 * The keyboard way into the map: a button per hub and per route. Activating one selects it,
 * exactly as a click on the map does; `aria-pressed` tells which is open. Arrow keys move
 * between the buttons of one list. A kind with more than FULL_LIST_LIMIT items (a newsroom's
 * 10,000 routes) gets a search field and its first matches instead (itemFinder.ts): every item
 * stays reachable by name, and the DOM stays the same size whatever the data.
 */
export function createItemList(el: HTMLElement, store: CorridorStore): () => void {
  el.classList.add('cm-lists');
  const onKey = (event: KeyboardEvent) => {
    if (!['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight'].includes(event.key)) return;
    const step = event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : -1;
    if (moveInList(event.target as HTMLElement, step)) event.preventDefault();
  };
  el.addEventListener('keydown', onKey);

  const { data } = store.getState();
  const hubButton = (hub: HubFeature, state: CorridorState) =>
    itemButton(store, 'hub', hub.properties.id, hub.properties.name[state.lang], null, false);
  const routeButton = (route: RouteFeature, state: CorridorState) =>
    itemButton(
      store,
      'route',
      route.properties.id,
      route.properties.name[state.lang],
      routeSwatch(route, state.lang),
      !isRouteOpen(route, state.time),
    );

  /**
   * One kind's section: every item as a button, redrawn for a new language. A new year (a slider
   * step, play) only dims the routes not open yet: rebuilding and laying out every button for it
   * cost a phone a good part of a control's 100 ms (issue 20).
   */
  function fullList<T extends HubFeature | RouteFeature>(
    section: HTMLElement,
    kind: ItemKind,
    items: readonly T[],
    button: (item: T, state: CorridorState) => HTMLLIElement,
  ): () => void {
    const draw = () => {
      const state = store.getState();
      const active = document.activeElement as HTMLElement | null;
      const focused = active && section.contains(active) ? active.dataset.id : undefined;
      const title = t(state.lang, kind === 'route' ? 'routes' : 'hubs');
      replace(
        section,
        h('h3', kind === 'hub' ? { id: 'cm-hubs-title' } : {}, title),
        h(
          'ul',
          { 'aria-label': title },
          items.map((item) => button(item, state)),
        ),
      );
      if (focused)
        section.querySelector<HTMLElement>(`button[data-id="${CSS.escape(focused)}"]`)?.focus();
    };
    const dim = () => {
      if (kind !== 'route') return;
      const { time } = store.getState();
      const buttons = section.querySelectorAll<HTMLButtonElement>('button[data-id]');
      items.forEach((item, i) => {
        buttons[i]?.classList.toggle('cm-dim', !isRouteOpen(item as RouteFeature, time));
      });
    };
    const stops = [
      watch(store, selectLang, draw),
      watch(store, selectYear, dim, { immediate: false }),
    ];
    return () => stops.forEach((stop) => stop());
  }
  function list<T extends HubFeature | RouteFeature>(
    kind: ItemKind,
    items: readonly T[],
    button: (item: T, state: CorridorState) => HTMLLIElement,
  ): { section: HTMLElement; stop: () => void } {
    const section = h('section', {});
    const stop =
      items.length > FULL_LIST_LIMIT
        ? createFinder(section, store, { kind, items, describe: (item) => item.properties, button })
        : fullList(section, kind, items, button);
    return { section, stop };
  }
  const hubs = list('hub', data.hubs, hubButton);
  const routes = list('route', data.routes, routeButton);
  replace(el, hubs.section, routes.section);

  // A new selection only changes which button is pressed: the buttons (and focus) stay.
  const press = () => {
    const { selection } = store.getState();
    for (const b of el.querySelectorAll<HTMLButtonElement>('button[data-id]')) {
      b.setAttribute('aria-pressed', String(isSelected(selection, b.dataset.kind!, b.dataset.id!)));
    }
  };
  const unwatch = [
    hubs.stop,
    routes.stop,
    watch(store, selectSelection, press, { immediate: false }),
  ];
  return () => {
    unwatch.forEach((stop) => stop());
    el.removeEventListener('keydown', onKey);
    replace(el);
  };
}
