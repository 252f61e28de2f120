import type { Lang, RouteFeature } from '../data/types.ts';
import { CORRIDOR_NAMES } from '../i18n/strings.ts';
import type { CorridorStore, Selection } from '../state/store.ts';
import { h } from '../shared/dom.ts';

export type ItemKind = 'hub' | 'route';

export const isSelected = (a: Selection, kind: string, id: string): boolean =>
  a?.kind === kind && a.id === id;

/**
 * One list item of the keyboard way into the map: a button that selects the hub or route (or
 * closes it when it is open), exactly as a click on the map does; `aria-pressed` tells which.
 */
export function itemButton(
  store: CorridorStore,
  kind: ItemKind,
  id: string,
  label: string,
  extra: Node | null,
  dim: boolean,
): HTMLLIElement {
  const b = h(
    'button',
    {
      type: 'button',
      'data-id': id,
      'data-kind': kind,
      'aria-pressed': isSelected(store.getState().selection, kind, id) ? 'true' : 'false',
      class: dim ? 'cm-dim' : undefined,
    },
    extra,
    label,
  );
  b.addEventListener('click', () => {
    const s = store.getState();
    s.select(isSelected(s.selection, kind, id) ? null : { kind, id });
  });
  return h('li', {}, b);
}

/** The corridor's colour beside a route's name (hidden from screen readers: the name says it). */
export function routeSwatch(route: RouteFeature, lang: Lang): HTMLElement {
  const { corridor } = route.properties;
  return h('span', {
    class: 'cm-swatch',
    'data-corridor': corridor,
    title: CORRIDOR_NAMES[corridor][lang],
    'aria-hidden': 'true',
  });
}

/** Moves focus to the button `step` away from `from` within its list, wrapping around. */
export function moveInList(from: HTMLElement, step: number): boolean {
  const list = from.closest('ul');
  if (!list) return false;
  const buttons = [...list.querySelectorAll('button')];
  const i = buttons.indexOf(from as HTMLButtonElement);
  if (i === -1) return false;
  buttons[(i + step + buttons.length) % buttons.length]?.focus();
  return true;
}
