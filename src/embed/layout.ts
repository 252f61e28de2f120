import type { Lang } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
import { h } from '../shared/dom.ts';
import type { Control } from './options.ts';

/** The DOM skeleton of one map. Every part is found by its role, not by a global id. */
export interface Layout {
  header: HTMLElement;
  title: HTMLElement;
  subtitle: HTMLElement;
  /** The controls row in the header (language, table). */
  controls: HTMLElement;
  map: HTMLElement;
  /** Short notes about the map view (no WebGL, context lost), under the map. */
  notes: HTMLElement;
  summary: HTMLElement;
  side: HTMLElement;
  details: HTMLElement;
  lists: HTMLElement;
  timeline: HTMLElement;
  legend: HTMLElement;
  problems: HTMLElement;
  sources: HTMLElement;
  table: HTMLElement;
  live: HTMLElement;
  footer: HTMLElement;
}

let counter = 0;

export function createLayout(root: HTMLElement): Layout {
  // Ids must be unique when several maps share a page.
  const prefix = `cm${++counter}`;
  const layout: Layout = {
    header: h('header', { class: 'cm-header' }),
    title: h('h2', { class: 'cm-title', id: `${prefix}-title` }),
    subtitle: h('p', { class: 'cm-subtitle' }),
    controls: h('div', { class: 'cm-controls' }),
    map: h('div', { class: 'cm-map', id: `${prefix}-map` }),
    notes: h('div', { class: 'cm-notes-view' }),
    summary: h('p', { class: 'cm-visually-hidden', id: `${prefix}-summary` }),
    side: h('aside', { class: 'cm-side' }),
    details: h('section', { id: `${prefix}-details`, hidden: true }),
    lists: h('nav', { class: 'cm-nav' }),
    timeline: h('div', { class: 'cm-timeline', id: `${prefix}-timeline` }),
    legend: h('div', {}),
    problems: h('div', { role: 'alert', hidden: true }),
    sources: h('div', {}),
    table: h('div', { class: 'cm-fallback', id: `${prefix}-table` }),
    live: h('p', { class: 'cm-visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' }),
    footer: h('footer', { class: 'cm-footer' }),
  };
  layout.header.append(layout.title, layout.subtitle, layout.controls);
  layout.side.append(layout.details, layout.lists);
  root.replaceChildren(
    layout.header,
    layout.problems,
    h(
      'div',
      { class: 'cm-body' },
      // The timeline right under the map, at every width: on a phone the panels stack below the
      // map, and a reader who presses play must still see the routes grow.
      h(
        'div',
        { class: 'cm-stage' },
        layout.map,
        layout.notes,
        layout.timeline,
        layout.table,
        layout.summary,
      ),
      layout.side,
    ),
    layout.legend,
    layout.sources,
    layout.live,
    layout.footer,
  );
  return layout;
}

/**
 * What shows while the data loads: the title, a loading line and the map's empty box at its final
 * size (CSS `.cm-map`), so that the map later fills it without moving anything.
 */
export function loadingView(lang: Lang): HTMLElement[] {
  return [
    h(
      'header',
      { class: 'cm-header' },
      h('h2', { class: 'cm-title' }, t(lang, 'title')),
      h('p', { class: 'cm-subtitle cm-loading' }, t(lang, 'loading')),
      // The controls row's place, kept so that the map below does not move when it fills.
      h('div', { class: 'cm-controls' }),
    ),
    h('div', { class: 'cm-map cm-map-loading' }),
  ];
}

/**
 * Leaves out the parts `controls` does not name (removed, not hidden: panels style their own
 * `display`). `table` shows the data table under the map. Undefined: the default view.
 */
export function applyControls(layout: Layout, controls: readonly Control[] | undefined): void {
  if (!controls) return;
  const parts: Record<Exclude<Control, 'table'>, HTMLElement> = {
    timeline: layout.timeline,
    legend: layout.legend,
    list: layout.lists,
  };
  for (const [name, el] of Object.entries(parts)) {
    if (!controls.includes(name as Control)) el.remove();
  }
}
