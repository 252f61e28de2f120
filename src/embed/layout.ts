import type { Lang } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
import { LAND_COLORS } from '../map/style.ts';
import { h } from '../panels/dom.ts';
import type { Control } from './options.ts';

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

/**
 * What shows while the data loads: the title, a loading line and, when given, the static picture
 * in a box of the map's own size (16:9, as `.cm-map`), so that the map later takes its place
 * without moving anything. Inline sizes: this can show before the stylesheet has loaded.
 */
export function loadingView(lang: Lang, poster?: HTMLImageElement): HTMLElement[] {
  const header = h(
    'header',
    { class: 'cm-header' },
    h('h2', { class: 'cm-title', style: 'margin:0' }, t(lang, 'title')),
    h('p', { class: 'cm-subtitle cm-loading', style: 'margin:0' }, t(lang, 'loading')),
  );
  if (!poster) return [header];
  const slot = h('div', {
    class: 'cm-map',
    style: 'position:relative;width:100%;aspect-ratio:16/9;min-height:220px',
  });
  slot.append(poster);
  return [header, slot];
}

/**
 * The static picture of the map (`static/corridors-<lang>.svg`, made at build time), laid over the
 * map's box until the live map has drawn. `elementtiming` lets the page measure when it painted.
 */
export function createPoster(doc: Document, src: string, lang: Lang): HTMLImageElement {
  const img = doc.createElement('img');
  img.className = 'cm-poster';
  img.alt = t(lang, 'mapLabel');
  img.decoding = 'async';
  img.setAttribute('elementtiming', 'corridor-static');
  img.style.cssText = `position:absolute;inset:0;z-index:1;display:block;width:100%;height:100%;object-fit:contain;background:${LAND_COLORS.light.sea}`;
  img.src = src;
  return img;
}

/**
 * Leaves out the parts `controls` does not name (removed, not hidden: panels style their own
 * `display`). `table` shows the data table under the live map too. Undefined: the default view.
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
  if (controls.includes('table')) layout.fallback.hidden = false;
}
