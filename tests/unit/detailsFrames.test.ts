// @vitest-environment jsdom
/**
 * Issue 9: no allocation per store change in a panel that does not change. While playing, every
 * animation frame changes `time`; the details panel follows the store through `panelSelector`
 * (selection, language, year), and within one year it must neither redraw nor build its inputs
 * anew: the selector hands `watch` the very tuple it handed it before. Every value details'
 * selector returns is recorded here (a spy around the real `panelSelector`).
 */
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { loadDataDir } from '../../src/data/loadDir.ts';
import { createDetails } from '../../src/panels/details.ts';
import { createCorridorStore } from '../../src/state/store.ts';
import type * as Selectors from '../../src/state/selectors.ts';
import type { CorridorState } from '../../src/state/store.ts';

const returned = vi.hoisted(() => [] as unknown[]);
vi.mock('../../src/state/selectors.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Selectors>();
  return {
    ...actual,
    panelSelector: () => {
      const select = actual.panelSelector();
      return (s: CorridorState) => {
        const value = select(s);
        returned.push(value);
        return value;
      };
    },
  };
});

// helpers.ts resolves paths from import.meta.url, which jsdom's URL cannot turn into a path.
const { data } = await loadDataDir(join(process.cwd(), 'geo'));
const teardowns: (() => void)[] = [];
afterEach(() => {
  while (teardowns.length) teardowns.pop()!();
  document.body.replaceChildren();
  returned.length = 0;
});

it('details: frames within a year neither redraw it nor build its inputs anew', async () => {
  const store = createCorridorStore(data, { lang: 'en', hub: 'xian', year: 2019 });
  const el = document.createElement('section');
  document.body.append(el);
  teardowns.push(createDetails(el, store));
  const heading = el.querySelector('h3');
  expect(heading?.textContent).toMatch(/^Xi'an/);
  expect(returned).toHaveLength(1);
  const first = returned[0];
  expect(first).toEqual(['hub:xian', 'en', 2019]);

  let mutations = 0;
  const observer = new MutationObserver((records) => (mutations += records.length));
  observer.observe(el, { childList: true, subtree: true, attributes: true, characterData: true });
  store.setState({ time: 2019.1 });
  store.getState().play();
  for (let i = 0; i < 40; i++) store.getState().tick(0.01);
  store.getState().pause();
  expect(Math.floor(store.getState().time)).toBe(2019);
  await Promise.resolve(); // MutationObserver records come in a microtask
  expect(mutations).toBe(0);
  expect(el.querySelector('h3')).toBe(heading);
  // Followed on every change (a time, play, 40 ticks, pause), and the same array every time.
  expect(returned.length).toBeGreaterThanOrEqual(40);
  expect(returned.every((value) => value === first)).toBe(true);

  // A new year: a new tuple, and the panel redraws.
  store.getState().setYear(2020);
  await Promise.resolve();
  expect(returned.at(-1)).not.toBe(first);
  expect(returned.at(-1)).toEqual(['hub:xian', 'en', 2020]);
  expect(mutations).toBeGreaterThan(0);
  observer.disconnect();
});
