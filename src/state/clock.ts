import type { CorridorStore } from './store.ts';
import { watch } from './watch.ts';

/**
 * Drives play: while the store is playing, feeds it the wall time between animation frames.
 * Returns its teardown. Long gaps (a background tab) count as one frame, not a jump of years.
 */
export function startClock(store: CorridorStore, win: Window = window): () => void {
  let frame = 0;
  let last = 0;
  const step = (now: number) => {
    const seconds = last ? Math.min(now - last, 100) / 1000 : 0;
    last = now;
    store.getState().tick(seconds);
    frame = store.getState().playing ? win.requestAnimationFrame(step) : 0;
    if (!frame) last = 0;
  };
  const unsubscribe = watch(
    store,
    (s) => s.playing,
    (playing) => {
      if (playing && !frame) frame = win.requestAnimationFrame(step);
    },
  );
  return () => {
    unsubscribe();
    if (frame) win.cancelAnimationFrame(frame);
  };
}
