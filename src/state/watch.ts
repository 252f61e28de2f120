import type { StoreApi } from 'zustand/vanilla';
import { shallow } from 'zustand/vanilla/shallow';

export interface WatchOptions<T> {
  /** When two selected values count as the same; `sameValue` by default (arrays compare items). */
  equals?: (a: T, b: T) => boolean;
  /** Call `onChange` once at once with the current value (default true), as a render does. */
  immediate?: boolean;
}

/**
 * zustand's `shallow`, without its allocations for arrays (an iterator and a result object per
 * item, on every store change): tuples compare item by item with `Object.is`; anything else goes
 * to `shallow`.
 */
export function sameValue<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  }
  return shallow(a, b);
}

/**
 * The one way a view follows the store: `onChange(value, previous)` runs when `selector`'s result
 * changes, never for an equal one — so that a view redraws for what it shows and nothing else
 * (an animation frame changes `time`; a panel that shows the year must not redraw 60 times a
 * second). Selectors return primitives, or tuples of them made with `tuple` (selectors.ts: it
 * keeps the same array while nothing in it changed, so that an animation frame allocates nothing
 * for a watcher it does not concern). Returns the unsubscribe, like zustand's own `subscribe`.
 *
 * @example
 * const stop = watch(store, tuple(selectYear, selectLang), ([year, lang]) => render(year, lang));
 */
export function watch<S, T>(
  store: Pick<StoreApi<S>, 'getState' | 'subscribe'>,
  selector: (state: S) => T,
  onChange: (value: T, previous: T | undefined) => void,
  { equals = sameValue, immediate = true }: WatchOptions<T> = {},
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
