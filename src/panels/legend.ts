import { CORRIDORS } from '../data/types.ts';
import { CORRIDOR_NAMES, t } from '../i18n/strings.ts';
import { h, replace } from '../shared/dom.ts';
import type { CorridorStore } from '../state/store.ts';
import { watch } from '../state/watch.ts';

/**
 * Corridor colours named in words, what line width means, and what the unlabelled grey dots are
 * (labels that find no free spot are left out, so every drawn point is explained here). Swatch
 * colours come from the stylesheet by `data-corridor`: no style attributes under a strict CSP.
 */
export function createLegend(el: HTMLElement, store: CorridorStore): () => void {
  el.classList.add('cm-legend');
  const unsubscribe = watch(
    store,
    (s) => s.lang,
    (lang) => {
      replace(
        el,
        h('h3', { class: 'cm-visually-hidden' }, t(lang, 'legend')),
        h(
          'ul',
          {},
          ...CORRIDORS.map((c) =>
            h(
              'li',
              { 'data-corridor': c },
              h('span', { class: 'cm-swatch', 'data-corridor': c, 'aria-hidden': 'true' }),
              CORRIDOR_NAMES[c][lang],
            ),
          ),
        ),
        h('p', {}, t(lang, 'widthMeans'), ' ', t(lang, 'noYearly')),
        h(
          'p',
          { class: 'cm-legend-places' },
          h('span', { class: 'cm-swatch-place', 'aria-hidden': 'true' }),
          ' ',
          t(lang, 'unlabelled'),
        ),
      );
    },
  );
  return () => {
    unsubscribe();
    replace(el);
  };
}
