import { t } from '../i18n/strings.ts';
import { selectYear } from '../state/selectors.ts';
import { SPEEDS, type CorridorStore, type Speed } from '../state/store.ts';
import { watch } from '../state/watch.ts';
import { h } from '../shared/dom.ts';

/**
 * Play/pause, a year slider, a speed choice and the year in large type. Keyboard anywhere in the
 * timeline: Space plays or pauses, ←/→ step a year, Home/End jump to the ends. A step announces
 * the new year through `live` (a polite live region); play does not announce every year.
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
  const speed = h('select', { class: 'cm-speed' });
  const help = h('p', { class: 'cm-visually-hidden', id: `${el.id || 'cm-timeline'}-help` });
  const speedLabel = h('label', { class: 'cm-speed-label' });
  speedLabel.append(speed);
  el.replaceChildren(year, play, slider, speedLabel, help);
  slider.setAttribute('aria-describedby', help.id);

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
    // A button handles Space itself (as a click); everything else is ours.
    if (event.key === ' ' && event.target === play) return;
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
        help.textContent = t(lang, 'timelineHelp');
        speed.replaceChildren(
          ...SPEEDS.map((v) => h('option', { value: v }, t(lang, 'speedValue', { speed: v }))),
        );
        speed.value = String(store.getState().speed);
      },
    ),
    watch(
      store,
      (s) => [s.playing, s.lang] as const,
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
    watch(
      store,
      (s) => [selectYear(s), s.lang] as const,
      ([y, lang], previous) => {
        year.textContent = String(y);
        slider.value = String(y);
        slider.setAttribute('aria-valuetext', t(lang, 'yearNow', { year: y }));
        // Announce a step, not each year flying past while playing.
        if (previous && previous[0] !== y && !store.getState().playing) {
          live.textContent = t(lang, 'yearNow', { year: y });
        }
      },
    ),
  ];
  const unsubscribe = () => unwatch.forEach((stop) => stop());
  return () => {
    unsubscribe();
    el.removeEventListener('keydown', onKey);
    el.replaceChildren();
  };
}
