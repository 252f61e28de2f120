import type { StoreApi } from 'zustand/vanilla';
import { shallow } from 'zustand/vanilla/shallow';

export interface WatchOptions<T> {
  /** When two selected values count as the same; `shallow` by default (arrays compare items). */
  equals?: (a: T, b: T) => boolean;
  /** Call `onChange` once at once with the current value (default true), as a render does. */
  immediate?: boolean;
}

/**
 * The one way a view follows the store: `onChange(value, previous)` runs when `selector`'s result
 * changes, never for an equal one — so that a view redraws for what it shows and nothing else
 * (an animation frame changes `time`; a panel that shows the year must not redraw 60 times a
 * second). Selectors return primitives or small tuples of them, compared item by item. Returns
 * the unsubscribe, like zustand's own `subscribe`.
 *
 * @example
 * const stop = watch(store, (s) => [selectYear(s), s.lang] as const, ([year, lang]) => render(year, lang));
 */
export function watch<S, T>(
  store: Pick<StoreApi<S>, 'getState' | 'subscribe'>,
  selector: (state: S) => T,
  onChange: (value: T, previous: T | undefined) => void,
  { equals = shallow, immediate = true }: WatchOptions<T> = {},
): () => void {
  let current = selector(store.getState());
  if (immediate) onChange(current, undefined);
  return store.subscribe((state) => {
    const next = selector(state);
    if (equals(next, current)) return;
    const previous = current;
    current = next;
    onChange(next, previous);
  });
}
