import { h } from '../panels/dom.ts';

/** The DOM skeleton of one map. Every part is found by its role, not by a global id. */
export interface Layout {
  header: HTMLElement;
  title: HTMLElement;
  subtitle: HTMLElement;
  map: HTMLElement;
  summary: HTMLElement;
  side: HTMLElement;
  details: HTMLElement;
  lists: HTMLElement;
  timeline: HTMLElement;
  legend: HTMLElement;
  problems: HTMLElement;
  fallback: HTMLElement;
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
    map: h('div', { class: 'cm-map' }),
    summary: h('p', { class: 'cm-visually-hidden', id: `${prefix}-summary` }),
    side: h('aside', { class: 'cm-side' }),
    details: h('section', { id: `${prefix}-details`, hidden: true }),
    lists: h('nav', { class: 'cm-nav' }),
    timeline: h('div', { class: 'cm-timeline' }),
    legend: h('div', {}),
    problems: h('div', { role: 'alert', hidden: true }),
    fallback: h('div', { class: 'cm-fallback', hidden: true }),
    live: h('p', { class: 'cm-visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' }),
    footer: h('footer', { class: 'cm-footer' }),
  };
  layout.header.append(layout.title, layout.subtitle);
  layout.side.append(layout.details, layout.lists);
  root.replaceChildren(
    layout.header,
    layout.problems,
    h(
      'div',
      { class: 'cm-body' },
      h('div', { class: 'cm-stage' }, layout.map, layout.fallback, layout.summary),
      layout.side,
    ),
    layout.timeline,
    layout.legend,
    layout.live,
    layout.footer,
  );
  return layout;
}
