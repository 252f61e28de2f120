/**
 * The lite view's map controls: zoom buttons drawn as the live map's (maplibre's navigation
 * control: the same place, size, group, shadow and icons), so that the swap does not change them
 * (issue 20: one picture), and below them "explore the map", the one control only the lite view
 * has: what a reader presses to get the live map. Styles: corridor-map.css `.cm-lite-controls`.
 */
import type { Box } from '../data/labels.ts';
import { t } from '../i18n/strings.ts';
import { h } from '../shared/dom.ts';
import type { CorridorStore } from '../state/store.ts';
import { watch } from '../state/watch.ts';
import type { Reach } from './liteView.ts';
import { svgNode } from './labelNodes.ts';

/** maplibre-gl.css's zoom icons (29 × 29), and a four-way arrow for "explore". */
const ICONS = {
  in: 'M14.5 8.5c-.75 0-1.5.75-1.5 1.5v3h-3c-.75 0-1.5.75-1.5 1.5S9.25 16 10 16h3v3c0 .75.75 1.5 1.5 1.5S16 19.75 16 19v-3h3c.75 0 1.5-.75 1.5-1.5S19.75 13 19 13h-3v-3c0-.75-.75-1.5-1.5-1.5',
  out: 'M10 13c-.75 0-1.5.75-1.5 1.5S9.25 16 10 16h9c.75 0 1.5-.75 1.5-1.5S19.75 13 19 13z',
  explore:
    'M14.5 6l3 3.5h-2V13H19v-2l3.5 3.5L19 18v-2h-3.5v3.5h2l-3 3.5-3-3.5h2V16H10v2l-3.5-3.5L10 11v2h3.5V9.5h-2z',
};

/**
 * Where the controls sit, in the map box's pixels (as corridor-map.css draws them: 10 px from
 * the top and right, 29 px buttons, a 2 px shadow; two zoom buttons, then "explore" 10 px below):
 * the labels keep clear of it in both views, the live map's zoom buttons being in the same place.
 */
export function controlsBox(width: number): Box {
  const size = 29;
  const margin = 10;
  const shadow = 2;
  return {
    x: width - margin - size - shadow,
    y: 0,
    width: margin + size + 2 * shadow,
    height: margin + 2 * size + margin + size + shadow,
  };
}

function button(className: string, icon: string, data: Record<string, string> = {}) {
  const el = h('button', { type: 'button', class: className });
  Object.assign(el.dataset, data);
  const svg = svgNode('svg', {
    width: 29,
    height: 29,
    viewBox: '0 0 29 29',
    // Centred, not scaled, where the button is shorter (corridor-map.css), as maplibre's icons.
    preserveAspectRatio: 'xMidYMid slice',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  svg.append(svgNode('path', { d: icon }));
  el.append(svg);
  return el;
}

/** Zoom buttons and "explore the map"; returns the teardown. */
export function createControls(
  container: HTMLElement,
  store: CorridorStore,
  onReach: (reach: Reach) => void,
): () => void {
  const zoomIn = button('cm-lite-zoom', ICONS.in, { zoom: 'in' });
  const zoomOut = button('cm-lite-zoom', ICONS.out, { zoom: 'out' });
  const explore = button('cm-lite-explore', ICONS.explore);
  zoomIn.addEventListener('click', () => onReach('zoom-in'));
  zoomOut.addEventListener('click', () => onReach('zoom-out'));
  explore.addEventListener('click', () => onReach('explore'));
  const bar = h(
    'div',
    { class: 'cm-lite-controls' },
    h('div', { class: 'cm-lite-group' }, zoomIn, zoomOut),
    h('div', { class: 'cm-lite-group' }, explore),
  );
  container.append(bar);
  const stop = watch(
    store,
    (s) => s.lang,
    (lang) => {
      for (const [el, key] of [
        [zoomIn, 'zoomIn'],
        [zoomOut, 'zoomOut'],
        [explore, 'explore'],
      ] as const) {
        el.setAttribute('aria-label', t(lang, key));
        el.title = t(lang, key);
      }
    },
  );
  // Removing the bar also stops following the language.
  return () => {
    stop();
    bar.remove();
  };
}
