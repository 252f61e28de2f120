import { t } from '../i18n/strings.ts';
import { selectEvent, selectEventId } from '../state/events.ts';
import { selectLang, selectYear, tuple } from '../state/selectors.ts';
import { SPEEDS, type CorridorStore, type Speed } from '../state/store.ts';
import { watch } from '../state/watch.ts';
import { h, replace } from '../shared/dom.ts';
import { createEventMarks, eventCaption } from './timelineEvents.ts';

/**
 * Play/pause, a year slider with the data's events marked along it, a speed choice, the year in
 * large type and the caption of the event told now (state/events.ts). Keyboard anywhere in the
 * timeline: Space plays or pauses, ←/→ step a year, Home/End jump to the ends (in the event
 * marks, ←/→ move between events). A step announces the new year through `live` (the map's one
 * polite live region, shared with the announcer); play does not announce every year, but an
 * event's caption is announced when it comes, in play (one per step with reduced motion) or not.
 */
export function createTimeline(
  el: HTMLElement,
  store: CorridorStore,
  live: HTMLElement,
): () => void {
  const { range } = store.getState();
  el.classList.add('cm-timeline');
  el.setAttribute('role', 'group');
  const year = h('output', { class: 'cm-year', 'aria-hidden': 'true' });
  const play = h('button', { type: 'button', class: 'cm-play' });
  const slider = h('input', {
    type: 'range',
    min: range[0],
    max: range[1],
    step: 1,
    class: 'cm-slider',
  });
  const marks = h('div', {});
  const track = h('div', { class: 'cm-track' }, slider, marks);
  // Its height is kept when empty (CSS), so that a caption coming and going moves nothing.
  const caption = h('p', { class: 'cm-event-caption' });
  const speed = h('select', { class: 'cm-speed' });
  const help = h('p', { class: 'cm-visually-hidden', id: `${el.id || 'cm-timeline'}-help` });
  const speedLabel = h('label', { class: 'cm-speed-label' });
  speedLabel.append(speed);
  el.replaceChildren(year, play, track, speedLabel, caption, help);
  slider.setAttribute('aria-describedby', help.id);
  marks.setAttribute('aria-describedby', help.id);
  const { events } = store.getState().data.metrics;
  const stopMarks = createEventMarks(marks, store);

  play.addEventListener('click', () => store.getState().togglePlay());
  slider.addEventListener('input', () => {
    store.getState().pause();
    store.getState().setYear(Number(slider.value));
  });
  speed.addEventListener('change', () => store.getState().setSpeed(Number(speed.value) as Speed));
  const onKey = (event: KeyboardEvent) => {
    if (event.target === speed) return;
    const s = store.getState();
    const actions: Record<string, () => void> = {
      ' ': () => s.togglePlay(),
      ArrowLeft: () => (s.pause(), s.stepYear(-1)),
      ArrowDown: () => (s.pause(), s.stepYear(-1)),
      ArrowRight: () => (s.pause(), s.stepYear(1)),
      ArrowUp: () => (s.pause(), s.stepYear(1)),
      Home: () => (s.pause(), s.setYear(range[0])),
      End: () => (s.pause(), s.setYear(range[1])),
    };
    // A button (play, an event mark) handles Space itself, as a click; everything else is ours.
    if (event.key === ' ' && (event.target as Element).closest('button')) return;
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  el.addEventListener('keydown', onKey);

  const unwatch = [
    watch(
      store,
      (s) => s.lang,
      (lang) => {
        el.setAttribute('aria-label', t(lang, 'timeline'));
        slider.setAttribute('aria-label', t(lang, 'year'));
        speed.setAttribute('aria-label', t(lang, 'speed'));
        help.textContent =
          t(lang, 'timelineHelp') + (events.length ? ` ${t(lang, 'eventsHelp')}` : '');
        speed.replaceChildren(
          ...SPEEDS.map((v) => h('option', { value: v }, t(lang, 'speedValue', { speed: v }))),
        );
        speed.value = String(store.getState().speed);
      },
    ),
    watch(
      store,
      tuple((s) => s.playing, selectLang),
      ([playing, lang]) => {
        play.textContent = playing ? '❚❚' : '▶';
        play.setAttribute('aria-label', t(lang, playing ? 'pause' : 'play'));
        el.dataset.playing = String(playing);
      },
    ),
    watch(
      store,
      (s) => s.speed,
      (value) => (speed.value = String(value)),
    ),
    watch(store, tuple(selectYear, selectLang, selectEventId), ([y, lang, eventId], previous) => {
      year.textContent = String(y);
      slider.value = String(y);
      slider.setAttribute('aria-valuetext', t(lang, 'yearNow', { year: y }));
      const state = store.getState();
      const event = selectEvent(state);
      const told = event && eventCaption(state.data, event, lang);
      caption.dataset.event = eventId;
      replace(
        caption,
        told && [
          h('span', { class: 'cm-event-text' }, told.text),
          ' · ',
          h('span', { class: 'cm-event-source' }, told.source),
        ],
      );
      if (!previous) return;
      // Announce a step, not each year flying past while playing; and an event as it comes.
      const said: string[] = [];
      if (previous[0] !== y && !state.playing) said.push(t(lang, 'yearNow', { year: y }));
      if (told && eventId !== previous[2]) said.push(told.text, told.source);
      if (said.length) live.textContent = said.join(lang === 'zh' ? '。' : '. ');
    }),
  ];
  const unsubscribe = () => {
    unwatch.forEach((stop) => stop());
    stopMarks();
  };
  return () => {
    unsubscribe();
    el.removeEventListener('keydown', onKey);
    el.replaceChildren();
  };
}
