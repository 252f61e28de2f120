import type { CorridorData, HubFeature, Lang, RouteFeature } from '../data/types.ts';
import { formatDate } from '../i18n/format.ts';
import { CORRIDOR_NAMES, MODE_NAMES, t } from '../i18n/strings.ts';
import { yearOf } from '../data/time.ts';
import { afterPaint, h, replace } from '../shared/dom.ts';
import {
  figureAt,
  findHub,
  findRoute,
  findSource,
  panelSelector,
  selectionKey,
  seriesFor,
  stopName,
} from '../state/selectors.ts';
import type { CorridorStore } from '../state/store.ts';
import { watch } from '../state/watch.ts';
import { statedValue } from './sourceRef.ts';
import { yearlyValue } from './yearlyValue.ts';

function yearly(data: CorridorData, lang: Lang, subject: string, year: number): HTMLElement | null {
  const rows = seriesFor(data, subject, year);
  if (!rows.length) return null;
  return h(
    'section',
    { class: 'cm-yearly' },
    h('h4', {}, `${t(lang, 'yearly')} · ${year}`),
    h(
      'ul',
      {},
      ...rows.map(({ series }) => {
        const { point } = figureAt(series, year);
        return h(
          'li',
          { 'data-series': series.id },
          h('span', { class: 'cm-label' }, series.metric[lang] + ': '),
          yearlyValue(data, lang, series, year),
          point?.note ? h('small', { class: 'cm-note' }, point.note[lang]) : null,
        );
      }),
    ),
  );
}

function hubView(data: CorridorData, lang: Lang, hub: HubFeature, year: number): Node[] {
  const p = hub.properties;
  return [
    h('p', { class: 'cm-kicker' }, `${p.province[lang]} · ${p.role[lang]}`),
    h(
      'section',
      { class: 'cm-figures' },
      h('h4', {}, t(lang, 'figures')),
      h(
        'ul',
        {},
        ...p.figures.map((f) =>
          h(
            'li',
            { 'data-figure': f.id },
            h('span', { class: 'cm-label' }, f.label[lang] + ': '),
            statedValue(data, lang, f),
            lang === 'zh' && f.quote ? h('q', { class: 'cm-quote', lang: 'zh' }, f.quote) : null,
          ),
        ),
      ),
    ),
    p.notes.length
      ? h(
          'section',
          { class: 'cm-notes' },
          h('h4', {}, t(lang, 'notes')),
          h(
            'ul',
            {},
            ...p.notes.map((n) => {
              const source = findSource(data, n.source);
              return h(
                'li',
                { 'data-note': n.id },
                n.text[lang],
                h(
                  'small',
                  { class: 'cm-meta' },
                  `${t(lang, 'source')}: ${source?.title ?? n.source} · ${t(lang, 'asOf', { date: formatDate(n.asOf, lang) })}`,
                ),
              );
            }),
          ),
        )
      : null,
    yearly(data, lang, p.id, year),
  ].filter((n): n is HTMLElement => n !== null);
}

function routeView(data: CorridorData, lang: Lang, route: RouteFeature, year: number): Node[] {
  const p = route.properties;
  const name = (id: string) => stopName(data, id)?.[lang] ?? id;
  const source = findSource(data, p.openedSource);
  const row = (term: string, ...desc: (Node | string)[]) => [
    h('dt', {}, term),
    h('dd', {}, ...desc),
  ];
  return [
    h(
      'dl',
      { class: 'cm-route-facts' },
      ...row(t(lang, 'corridor'), CORRIDOR_NAMES[p.corridor][lang]),
      ...row(t(lang, 'from'), name(p.from)),
      ...row(t(lang, 'to'), name(p.to)),
      ...row(t(lang, 'mode'), MODE_NAMES[p.mode][lang]),
      ...row(
        t(lang, 'opened'),
        formatDate(p.opened, lang),
        h(
          'small',
          { class: 'cm-meta' },
          `${t(lang, 'source')}: ${source?.title ?? p.openedSource}`,
        ),
      ),
    ),
    p.schematic ? h('p', { class: 'cm-note' }, t(lang, 'schematic')) : null,
    yearly(data, lang, p.id, year),
  ].filter((n): n is HTMLElement => n !== null);
}

/**
 * The side panel for the selected hub or route. Re-renders only when the selection, language
 * or whole year changes, not on every animation frame. Focus moves into the panel when it opens
 * from the keyboard and goes back to where it was when the panel closes.
 *
 * A reader's click that opens an item paints the panel's heading first and fills in the figures
 * after that paint (issue 20: a hub's click within 100 ms on a phone; building and laying out
 * Xi'an's figures was most of it). Meanwhile the panel is `aria-busy`, and `data-selected` names
 * the item once the whole panel is in — what tests and host pages wait on.
 */
export function createDetails(el: HTMLElement, store: CorridorStore): () => void {
  el.classList.add('cm-details');
  el.setAttribute('role', 'region');
  let returnFocus: HTMLElement | null = null;

  let previousKey: string | undefined;
  /** The figures of the item just opened, built after the heading has painted. */
  let body: (() => void) | undefined;
  const fill = afterPaint(() => {
    const finish = body;
    body = undefined;
    finish?.();
  });
  const render = () => {
    fill.cancel();
    body = undefined;
    const state = store.getState();
    const { data, lang, selection } = state;
    const year = yearOf(state.time);
    const key = selectionKey(selection);
    const opening = key !== previousKey;
    const wasRendered = previousKey !== undefined;
    const wasOpen = wasRendered && previousKey !== '';
    previousKey = key;
    const hub = selection?.kind === 'hub' ? findHub(data, selection.id) : undefined;
    const route = selection?.kind === 'route' ? findRoute(data, selection.id) : undefined;
    const item = hub ?? route;
    if (!item) {
      // The panel's signal says nothing is open (it said the last item until a test shared a page).
      delete el.dataset.selected;
      el.removeAttribute('aria-busy');
      el.hidden = true;
      el.removeAttribute('aria-labelledby');
      replace(el);
      if (wasOpen && returnFocus?.isConnected) returnFocus.focus();
      returnFocus = null;
      return;
    }
    if (
      opening &&
      !el.contains(document.activeElement) &&
      document.activeElement instanceof HTMLElement
    ) {
      returnFocus = document.activeElement;
    }
    const headingId = `${el.id || 'cm-details'}-title`;
    const heading = h('h3', { id: headingId, tabindex: -1 }, item.properties.name[lang]);
    const close = h(
      'button',
      { type: 'button', class: 'cm-close', 'aria-label': t(lang, 'close') },
      '×',
    );
    close.addEventListener('click', () => store.getState().select(null));
    el.hidden = false;
    el.setAttribute('aria-labelledby', headingId);
    const header = h('header', { class: 'cm-details-header' }, heading, close);
    const id = item.properties.id;
    const content = () =>
      hub ? hubView(data, lang, hub, year) : routeView(data, lang, route!, year);
    if (opening && wasRendered) {
      // Opened by the reader: the heading now, the figures after it has painted.
      delete el.dataset.selected;
      el.setAttribute('aria-busy', 'true');
      replace(el, header);
      body = () => {
        // The panel sits above the lists in the side column: bring it into view there, without
        // scrolling the host page (an embed must not move the article under the reader). Here,
        // after the heading has painted: setting scrollTop lays the whole frame out at once, in
        // the click's task that was most of a second with 10,000 routes drawn (issue 20).
        const side = el.closest<HTMLElement>('.cm-side');
        if (side) side.scrollTop = 0;
        el.append(...content());
        el.removeAttribute('aria-busy');
        el.dataset.selected = id;
      };
      fill.request();
    } else {
      el.removeAttribute('aria-busy');
      el.dataset.selected = id;
      replace(el, header, ...content());
    }
    // (Not scrolled into view on the first render, a link that opens a hub: nothing has scrolled
    // yet, and setting scrollTop would force a layout of the whole frame inside the mount's first
    // task.)
    // A keyboard user who opened the panel continues reading in it.
    if (opening && returnFocus && returnFocus !== document.body)
      heading.focus({ preventScroll: true });
  };
  const unsubscribe = watch(store, panelSelector(), render);
  return () => {
    fill.cancel();
    unsubscribe();
    replace(el);
  };
}
