import { formatDate, formatFigure } from '../i18n/format.ts';
import { CORRIDOR_NAMES, STATUS_NAMES, t } from '../i18n/strings.ts';
import { findSeries, findSource, isRouteOpen, selectPanel, stopName } from '../state/selectors.ts';
import { selectEventId } from '../state/events.ts';
import type { CorridorStore } from '../state/store.ts';
import { yearOf } from '../data/time.ts';
import { h, replace } from '../shared/dom.ts';
import { watch } from '../state/watch.ts';
import { yearlyValue } from './yearlyValue.ts';

/**
 * The map as tables: every hub figure with its source and date, every route with its corridor,
 * ends, opening and trains in the year shown, and the events of the timeline with their sources.
 * The accessible twin of the map, and what readers without WebGL get beside the static picture.
 */
export function createTable(el: HTMLElement, store: CorridorStore): () => void {
  el.classList.add('cm-table');
  const render = () => {
    const state = store.getState();
    const { data, lang, selection } = state;
    const year = yearOf(state.time);
    const th = (text: string, scope: 'col' | 'row' = 'col') => h('th', { scope }, text);
    const hubRows = data.hubs.flatMap((hub) =>
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
    const routeRows = data.routes.map((route) => {
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
    const told = selectEventId(state);
    const eventRows = data.metrics.events.map((event) =>
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
        h('caption', {}, `${t(lang, 'hubs')} · ${t(lang, 'figures')}`),
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
      h(
        'table',
        {},
        h('caption', {}, `${t(lang, 'routes')} · ${year}`),
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
      eventRows.length > 0 &&
        h(
          'table',
          { class: 'cm-events-table' },
          h('caption', {}, t(lang, 'eventsLabel')),
          h(
            'thead',
            {},
            h('tr', {}, th(t(lang, 'eventDate')), th(t(lang, 'eventText')), th(t(lang, 'source'))),
          ),
          h('tbody', {}, eventRows),
        ),
    );
  };
  const unsubscribe = watch(store, (s) => [...selectPanel(s), selectEventId(s)] as const, render);
  return () => {
    unsubscribe();
    replace(el);
  };
}
