import { CORRIDORS } from '../data/types.ts';
import { CORRIDOR_NAMES, t } from '../i18n/strings.ts';
import { CORRIDOR_COLORS, toCss } from '../map/colors.ts';
import type { CorridorStore } from '../state/store.ts';
import { bind, h, replace } from './dom.ts';

/** Corridor colours named in words, and what line width means. */
export function createLegend(el: HTMLElement, store: CorridorStore): () => void {
  el.classList.add('cm-legend');
  let lang = '';
  const unsubscribe = bind(store, (state) => {
    if (state.lang === lang) return;
    lang = state.lang;
    replace(
      el,
      h('h3', { class: 'cm-visually-hidden' }, t(state.lang, 'legend')),
      h(
        'ul',
        {},
        ...CORRIDORS.map((c) =>
          h(
            'li',
            { 'data-corridor': c },
            h('span', {
              class: 'cm-swatch',
              style: `background:${toCss(CORRIDOR_COLORS[c])}`,
              'aria-hidden': 'true',
            }),
            CORRIDOR_NAMES[c][state.lang],
          ),
        ),
      ),
      h('p', {}, t(state.lang, 'widthMeans'), ' ', t(state.lang, 'noYearly')),
    );
  });
  return () => {
    unsubscribe();
    replace(el);
  };
}
