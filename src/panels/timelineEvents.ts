import type { CorridorData, Lang, TimelineEvent } from '../data/types.ts';
import { formatDate } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { h, replace } from '../shared/dom.ts';
import { eventYear, selectEventId } from '../state/events.ts';
import { findSource } from '../state/selectors.ts';
import type { CorridorStore } from '../state/store.ts';
import { watch } from '../state/watch.ts';

/** "28 Nov 2013: Chang'an's first train leaves Xi'an": a mark's accessible name. */
export function eventName(event: TimelineEvent, lang: Lang): string {
  return t(lang, 'eventMark', { date: formatDate(event.date, lang), text: event.text[lang] });
}

/** The caption's two parts: what happened and when, then where it is reported. */
export function eventCaption(
  data: CorridorData,
  event: TimelineEvent,
  lang: Lang,
): { text: string; source: string } {
  const source = findSource(data, event.source);
  return {
    text: t(lang, 'eventCaption', { date: formatDate(event.date, lang), text: event.text[lang] }),
    source: t(lang, 'eventSource', { source: source?.title ?? event.source }),
  };
}

/** Where an event sits on the slider, 0 (first year) … 1 (last year): at its year's step. */
export function markPosition(event: TimelineEvent, [first, last]: readonly [number, number]) {
  const x = last > first ? (eventYear(event) - first) / (last - first) : 0;
  return Math.min(1, Math.max(0, x));
}

/**
 * The events as marks along the slider track: one toolbar (one Tab stop) of buttons, each named
 * with its date and text; ←/→ (and Home/End) move between them, Enter or a click shows the
 * event's year. Positioned through CSSOM custom properties (`--x`, `--row`), never a style
 * attribute, so that a strict Content-Security-Policy allows it. Returns its teardown.
 */
export function createEventMarks(el: HTMLElement, store: CorridorStore): () => void {
  const { data, range } = store.getState();
  const { events } = data.metrics;
  el.classList.add('cm-event-marks');
  el.setAttribute('role', 'toolbar');
  if (events.length === 0) el.hidden = true;
  const perYear = new Map<number, number>();
  const marks = events.map((event, i) => {
    const mark = h('button', {
      type: 'button',
      class: 'cm-event-mark',
      'data-event': event.id,
      tabindex: i === 0 ? 0 : -1,
    });
    mark.style.setProperty('--x', String(markPosition(event, range)));
    // Events of one year stack under each other rather than hide each other.
    const row = perYear.get(eventYear(event)) ?? 0;
    perYear.set(eventYear(event), row + 1);
    if (row > 0) mark.style.setProperty('--row', String(row));
    mark.addEventListener('click', () => {
      const s = store.getState();
      s.pause();
      s.setYear(eventYear(event));
    });
    mark.addEventListener('focus', () => rove(i));
    return mark;
  });
  replace(el, marks);
  // The strip is as tall as its most crowded year, so stacked marks never cover the caption below.
  let rows = 1;
  for (const n of perYear.values()) rows = Math.max(rows, n);
  el.style.setProperty('--rows', String(rows));

  /** Roving tabindex: the mark last reached is the toolbar's one Tab stop. */
  function rove(index: number) {
    marks.forEach((mark, i) => (mark.tabIndex = i === index ? 0 : -1));
  }
  const onKey = (event: KeyboardEvent) => {
    const index = marks.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const last = marks.length - 1;
    const next: Record<string, number> = {
      ArrowLeft: Math.max(0, index - 1),
      ArrowUp: Math.max(0, index - 1),
      ArrowRight: Math.min(last, index + 1),
      ArrowDown: Math.min(last, index + 1),
      Home: 0,
      End: last,
    };
    const to = next[event.key];
    if (to === undefined) return;
    // Inside the toolbar the keys move between events, not the year (the timeline's own keys).
    event.preventDefault();
    event.stopPropagation();
    rove(to);
    marks[to]?.focus();
  };
  el.addEventListener('keydown', onKey);

  const unwatch = [
    watch(
      store,
      (s) => s.lang,
      (lang) => {
        el.setAttribute('aria-label', t(lang, 'eventsLabel'));
        events.forEach((event, i) => {
          const name = eventName(event, lang);
          marks[i]?.setAttribute('aria-label', name);
          if (marks[i]) marks[i].title = name;
        });
      },
    ),
    watch(store, selectEventId, (id) => {
      for (const mark of marks) {
        const current = mark.dataset.event === id;
        mark.classList.toggle('cm-current', current);
        if (current) mark.setAttribute('aria-current', 'true');
        else mark.removeAttribute('aria-current');
      }
    }),
  ];
  return () => {
    for (const stop of unwatch) stop();
    el.removeEventListener('keydown', onKey);
    el.style.removeProperty('--rows');
    replace(el);
  };
}
