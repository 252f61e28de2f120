import { formatCount, formatDate, formatFigure } from '../i18n/format.ts';
import { CORRIDOR_NAMES, STATUS_NAMES, t } from '../i18n/strings.ts';
import {
  findSeries,
  findSource,
  isRouteOpen,
  selectLang,
  selectSelection,
  selectYear,
  stopName,
  tuple,
} from '../state/selectors.ts';
import { selectEventId } from '../state/events.ts';
import type { CorridorStore } from '../state/store.ts';
import { yearOf } from '../data/time.ts';
import { afterPaint, h, replace } from '../shared/dom.ts';
import { watch } from '../state/watch.ts';
import { FULL_LIST_LIMIT, pageCount, pageOf, SHOWN_MATCHES } from './findItems.ts';
import { yearlyValue } from './yearlyValue.ts';

type Paged = 'hub' | 'route' | 'event';
/** Each paged section's items, named in its caption, its pager and its row count. */
const NOUNS = { hub: 'hubs', route: 'routes', event: 'events' } as const;

/**
 * The map as tables: every hub figure with its source and date, every route with its corridor,
 * ends, opening and trains in the year shown, and the events of the timeline with their sources.
 * The accessible twin of the map, and what readers without WebGL get beside the static picture.
 * Past FULL_LIST_LIMIT hubs, routes or events (issue 9), that section shows SHOWN_MATCHES of them
 * at a time, with Previous/Next and how many there are, and turns to the page of the selected
 * hub or route, or of the event told now: the DOM stays the same size whatever the data.
 */
export function createTable(el: HTMLElement, store: CorridorStore): () => void {
  el.classList.add('cm-table');
  const { data } = store.getState();
  const { events } = data.metrics;
  const positions: Record<Paged, Map<string, number>> = {
    hub: new Map(data.hubs.map((hub, i) => [hub.properties.id, i])),
    route: new Map(data.routes.map((route, i) => [route.properties.id, i])),
    event: new Map(events.map((event, i) => [event.id, i])),
  };
  const counts: Record<Paged, number> = {
    hub: data.hubs.length,
    route: data.routes.length,
    event: events.length,
  };
  const pages: Record<Paged, number> = { hub: 0, route: 0, event: 0 };
  /** Turns `kind`'s section to the page that holds the item `id`. */
  const turnTo = (kind: Paged, id: string) => {
    const i = positions[kind].get(id);
    if (i !== undefined) pages[kind] = pageOf(i, SHOWN_MATCHES);
  };
  const paged = (kind: Paged) => counts[kind] > FULL_LIST_LIMIT;
  /** The items of `kind` shown now: all of them, or the current page. */
  const visible = <T>(kind: Paged, items: readonly T[]): readonly T[] =>
    paged(kind)
      ? items.slice(pages[kind] * SHOWN_MATCHES, (pages[kind] + 1) * SHOWN_MATCHES)
      : items;
  let shownSelection = '';
  let shownEvent = '';

  const render = () => {
    const state = store.getState();
    const { lang, selection } = state;
    const year = yearOf(state.time);
    // The language its rows are written in, until they are redrawn after the paint: right for a
    // screen reader, and the map's new language then does not lay out every row again in the
    // switch's own frame (fonts follow `lang`; issue 20).
    el.lang = lang;
    // A new selection turns its section to the page that holds it.
    const key = selection ? `${selection.kind}:${selection.id}` : '';
    if (key !== shownSelection && selection) turnTo(selection.kind, selection.id);
    shownSelection = key;
    // Likewise the event told now, as the map comes to it.
    const told = selectEventId(state);
    if (told !== shownEvent && told) turnTo('event', told);
    shownEvent = told;
    const active = document.activeElement as HTMLElement | null;
    const focusedPager = active && el.contains(active) ? active.dataset.pager : undefined;
    const th = (text: string, scope: 'col' | 'row' = 'col') => h('th', { scope }, text);
    const noun = (kind: Paged) =>
      t(lang, NOUNS[kind]).toLocaleLowerCase(lang === 'zh' ? 'zh' : 'en');
    const range = (kind: Paged) => {
      const first = pages[kind] * SHOWN_MATCHES;
      return t(lang, 'tableRows', {
        items: t(lang, NOUNS[kind]),
        first: formatCount(first + 1, lang),
        last: formatCount(Math.min(counts[kind], first + SHOWN_MATCHES), lang),
        total: formatCount(counts[kind], lang),
      });
    };
    const pager = (kind: Paged) => {
      if (!paged(kind)) return null;
      const last = pageCount(counts[kind], SHOWN_MATCHES) - 1;
      const step = (direction: -1 | 1, label: string) => {
        const b = h(
          'button',
          {
            type: 'button',
            'data-pager': `${kind}:${direction}`,
            disabled: direction === -1 ? pages[kind] === 0 : pages[kind] === last,
          },
          t(lang, label === 'previous' ? 'previousRows' : 'nextRows', {
            count: formatCount(SHOWN_MATCHES, lang),
          }),
        );
        b.addEventListener('click', () => {
          pages[kind] = Math.min(last, Math.max(0, pages[kind] + direction));
          render();
        });
        return b;
      };
      return h(
        'div',
        { class: 'cm-pager', 'data-kind': kind, 'aria-label': noun(kind), role: 'group' },
        step(-1, 'previous'),
        h('span', { role: 'status' }, range(kind)),
        step(1, 'next'),
      );
    };
    const hubRows = visible('hub', data.hubs).flatMap((hub) =>
      hub.properties.figures.map((f, i) => {
        const source = findSource(data, f.source);
        return h(
          'tr',
          {
            'data-hub': hub.properties.id,
            'aria-current':
              selection?.kind === 'hub' && selection.id === hub.properties.id && i === 0
                ? 'true'
                : undefined,
          },
          i === 0
            ? h(
                'th',
                { scope: 'rowgroup', rowspan: hub.properties.figures.length },
                hub.properties.name[lang],
              )
            : null,
          h('td', {}, f.label[lang]),
          h('td', { class: 'cm-num' }, formatFigure(f.value, f.unit, f.qualifier, lang)),
          h(
            'td',
            {},
            `${source?.title ?? f.source}, ${formatDate(f.asOf, lang)}${f.status === 'reported' ? '' : ` (${STATUS_NAMES[f.status][lang]})`}`,
          ),
        );
      }),
    );
    const routeRows = visible('route', data.routes).map((route) => {
      const p = route.properties;
      const series = p.series[0] ? findSeries(data, p.series[0]) : undefined;
      return h(
        'tr',
        {
          'data-route': p.id,
          'aria-current': selection?.kind === 'route' && selection.id === p.id ? 'true' : undefined,
        },
        h('th', { scope: 'row' }, p.name[lang]),
        h('td', {}, CORRIDOR_NAMES[p.corridor][lang]),
        h('td', {}, stopName(data, p.from)?.[lang] ?? p.from),
        h('td', {}, stopName(data, p.to)?.[lang] ?? p.to),
        h('td', {}, formatDate(p.opened, lang)),
        h(
          'td',
          { 'data-series': series?.id },
          ...(!isRouteOpen(route, state.time)
            ? ['—']
            : series
              ? [
                  h('span', { class: 'cm-label' }, `${series.metric[lang]}: `),
                  yearlyValue(data, lang, series, year),
                ]
              : [t(lang, 'noData', { year })]),
        ),
      );
    });
    const eventRows = visible('event', events).map((event) =>
      h(
        'tr',
        { 'data-event': event.id, 'aria-current': event.id === told ? 'true' : undefined },
        h(
          'th',
          { scope: 'row' },
          h('time', { datetime: event.date }, formatDate(event.date, lang)),
        ),
        h('td', {}, event.text[lang]),
        h('td', {}, findSource(data, event.source)?.title ?? event.source),
      ),
    );
    replace(
      el,
      h(
        'table',
        {},
        h(
          'caption',
          {},
          `${t(lang, 'hubs')} · ${t(lang, 'figures')}`,
          paged('hub') ? ` (${range('hub')})` : null,
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            th(t(lang, 'hubs')),
            th(t(lang, 'figures')),
            th(t(lang, 'value')),
            th(t(lang, 'source')),
          ),
        ),
        h('tbody', {}, hubRows),
      ),
      pager('hub'),
      h(
        'table',
        {},
        h(
          'caption',
          {},
          `${t(lang, 'routes')} · ${year}`,
          paged('route') ? ` (${range('route')})` : null,
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            th(t(lang, 'routes')),
            th(t(lang, 'corridor')),
            th(t(lang, 'from')),
            th(t(lang, 'to')),
            th(t(lang, 'opened')),
            th(t(lang, 'latestVolume', { year })),
          ),
        ),
        h('tbody', {}, routeRows),
      ),
      pager('route'),
      eventRows.length > 0 &&
        h(
          'table',
          { class: 'cm-events-table' },
          h('caption', {}, t(lang, 'eventsLabel'), paged('event') ? ` (${range('event')})` : null),
          h(
            'thead',
            {},
            h('tr', {}, th(t(lang, 'eventDate')), th(t(lang, 'eventText')), th(t(lang, 'source'))),
          ),
          h('tbody', {}, eventRows),
        ),
      eventRows.length > 0 && pager('event'),
    );
    // The pager button pressed keeps focus; at the first or last page, the one still enabled.
    if (focusedPager) {
      const [kind] = focusedPager.split(':');
      const again = el.querySelector<HTMLButtonElement>(`button[data-pager="${focusedPager}"]`);
      const other = el.querySelector<HTMLButtonElement>(
        `button[data-pager^="${kind}:"]:not([data-pager="${focusedPager}"])`,
      );
      (again && !again.disabled ? again : other)?.focus();
    }
  };
  // Issue 20: a click on the map must paint within 100 ms on a phone. Rebuilding every row (and
  // laying them out) for a new selection cost more than the rest of the click: a selection only
  // moves `aria-current` between rows, unless its section is paged and turns to another page.
  // And a new year, language or event rebuilds it after the control's answer has painted, once
  // per frame however many changes came (playing changes the year every second): while it is
  // visually hidden (its usual state: it is there for screen readers) no one sees it wait, and
  // shown, its thousands of pixels of rows laid out again doubled the language switch's layout.
  const later = afterPaint(render);
  const update = () => later.request();
  // What the reader is shown at once (the table's rows as they are, `aria-current` moved): a new
  // selection or event told. Where its section is paged, the page that holds it is drawn after
  // the paint like a new year: with 10,000 routes a route's click rebuilt 50 rows in its own
  // frame (40–75 ms of script and about 90 ms of layout at 4× CPU; issue 20).
  const markCurrent = (key: string) => {
    const selection = store.getState().selection;
    if (selection && paged(selection.kind)) return update();
    shownSelection = key;
    for (const row of el.querySelectorAll<HTMLElement>('tr[data-hub], tr[data-route]')) {
      const id = row.dataset.hub ?? row.dataset.route;
      const kind = row.dataset.hub !== undefined ? 'hub' : 'route';
      // A hub's first row only: its figures' rows follow it (rowspan).
      const first = kind === 'route' || row.firstElementChild?.getAttribute('scope') === 'rowgroup';
      if (selection?.kind === kind && selection.id === id && first)
        row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    }
  };
  const markEvent = (told: string) => {
    if (told && paged('event')) return update();
    shownEvent = told;
    for (const row of el.querySelectorAll<HTMLElement>('tr[data-event]')) {
      if (told && row.dataset.event === told) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    }
  };
  render();
  const unwatch = [
    watch(store, tuple(selectLang, selectYear), update, { immediate: false }),
    watch(store, selectSelection, markCurrent, { immediate: false }),
    watch(store, selectEventId, markEvent, { immediate: false }),
  ];
  return () => {
    later.cancel();
    unwatch.forEach((stop) => stop());
    replace(el);
  };
}
