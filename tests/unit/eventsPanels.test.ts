// @vitest-environment jsdom
/**
 * Events on the timeline in jsdom: marks along the slider (one Tab stop, named with date and
 * text, arrows between them, a click shows the year), the caption with its source and its
 * announcement in the map's one live region, and the data table's section of events.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataDir } from '../../src/data/loadDir.ts';
import { decimalYear } from '../../src/data/time.ts';
import { createTable } from '../../src/panels/table.ts';
import { createTimeline } from '../../src/panels/timeline.ts';
import { createCorridorStore } from '../../src/state/store.ts';

// helpers.ts resolves paths from import.meta.url, which jsdom's URL cannot turn into a path.
const { data } = await loadDataDir(join(process.cwd(), 'geo'));
const teardowns: (() => void)[] = [];
afterEach(() => {
  while (teardowns.length) teardowns.pop()!();
  document.body.replaceChildren();
});

function timeline(options: Parameters<typeof createCorridorStore>[1] = {}) {
  const store = createCorridorStore(data, { lang: 'en', today: 2025, ...options });
  const el = document.createElement('div');
  const live = document.createElement('p');
  live.setAttribute('aria-live', 'polite');
  document.body.append(el, live);
  teardowns.push(createTimeline(el, store, live));
  const marks = [...el.querySelectorAll<HTMLButtonElement>('.cm-event-mark')];
  const caption = el.querySelector<HTMLElement>('.cm-event-caption')!;
  return { store, el, live, marks, caption };
}

describe('event marks on the slider', () => {
  it('are twelve buttons in one toolbar, named with date and text, positioned without a style string', () => {
    const { el, marks } = timeline();
    const toolbar = el.querySelector('[role="toolbar"]')!;
    expect(toolbar.getAttribute('aria-label')).toBe('Events on the timeline');
    expect(marks).toHaveLength(12);
    // 2025 has four events: they stack in four rows, and the strip is four rows tall.
    expect(marks.at(-1)!.style.getPropertyValue('--row')).toBe('3');
    expect((toolbar as HTMLElement).style.getPropertyValue('--rows')).toBe('4');
    expect(marks[1]!.getAttribute('aria-label')).toBe(
      "28 Nov 2013: Chang'an's first train leaves Xi'an",
    );
    // One Tab stop: the first mark, until another is reached.
    expect(marks.map((m) => m.tabIndex)).toEqual([0, ...Array<number>(11).fill(-1)]);
    // Positions go through CSSOM custom properties: first year at 0, last at 1.
    expect(marks[0]!.style.getPropertyValue('--x')).toBe('0');
    expect(marks[11]!.style.getPropertyValue('--x')).toBe('1');
    expect(Number(marks[1]!.style.getPropertyValue('--x'))).toBeCloseTo(2 / 14);
  });

  it('move focus with the arrow keys, not the year; Enter or a click shows the event year', () => {
    const { store, marks, caption } = timeline({ year: 2020 });
    marks[0]!.focus();
    marks[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(document.activeElement).toBe(marks[1]);
    expect(marks.map((m) => m.tabIndex)).toEqual([-1, 0, ...Array<number>(10).fill(-1)]);
    expect(Math.floor(store.getState().time)).toBe(2020);
    marks[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(document.activeElement).toBe(marks[11]);
    marks[1]!.click();
    expect(Math.floor(store.getState().time)).toBe(2013);
    expect(marks[1]!.getAttribute('aria-current')).toBe('true');
    expect(caption.textContent).toBe(
      "28 Nov 2013 — Chang'an's first train leaves Xi'an · Source: Xinhua report, 28 November 2023",
    );
  });

  it('leave Space to the focused mark (a click), not to play', () => {
    const { store, marks } = timeline();
    marks[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    expect(store.getState().playing).toBe(false);
  });
});

describe('the caption', () => {
  it('shows the event of the year shown, and nothing for a year without one', () => {
    const { store, caption } = timeline({ year: 2013 });
    expect(caption.dataset.event).toBe('changan-first-train');
    store.getState().setYear(2015);
    expect(caption.textContent).toBe('');
    expect(caption.dataset.event).toBe('');
  });

  it('comes with its source as play passes the day, and is announced once', () => {
    const { store, caption, live } = timeline({ year: 2012 });
    store.getState().play();
    const observer = new MutationObserver(() => undefined);
    observer.observe(live, { childList: true, characterData: true, subtree: true });
    // Frames of play up to just past 28 November 2013.
    while (store.getState().time < decimalYear('2013-11-28')) store.getState().tick(1 / 30);
    expect(Math.floor(store.getState().time)).toBe(2013);
    expect(caption.textContent).toBe(
      "28 Nov 2013 — Chang'an's first train leaves Xi'an · Source: Xinhua report, 28 November 2023",
    );
    store.getState().tick(1 / 30);
    store.getState().tick(1 / 30);
    // Set once (textContent replaces the text node: one record), and not for the years passed.
    expect(observer.takeRecords()).toHaveLength(1);
    observer.disconnect();
    expect(live.textContent).toBe(
      "28 Nov 2013 — Chang'an's first train leaves Xi'an. Source: Xinhua report, 28 November 2023",
    );
  });

  it('with a year step, is announced with the year', () => {
    const { store, live } = timeline({ year: 2016, lang: 'zh' });
    store.getState().stepYear(1);
    expect(live.textContent).toBe(
      '2017年。2017年4月28日 — 西部陆海新通道首趟测试班列：钦州港东站—重庆团结村站。来源：China.com.cn 中国网, Guangxi channel, 22 September 2025 (reprint of a Xinhua photo caption by 张爱林)',
    );
  });
});

describe('the data table', () => {
  it('has a section of events: date, event and source', () => {
    const store = createCorridorStore(data, { lang: 'en', year: 2013, today: 2025 });
    const el = document.createElement('div');
    document.body.append(el);
    teardowns.push(createTable(el, store));
    const table = el.querySelector('table.cm-events-table')!;
    expect(table.querySelector('caption')?.textContent).toBe('Events on the timeline');
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(12);
    const cells = [...rows[1]!.children].map((c) => c.textContent);
    expect(cells).toEqual([
      '28 Nov 2013',
      "Chang'an's first train leaves Xi'an",
      'Xinhua report, 28 November 2023',
    ]);
    expect(rows[1]!.getAttribute('aria-current')).toBe('true');
    store.getState().setYear(2024);
    expect(
      el
        .querySelector('tr[data-event="china-europe-100000th-train"]')
        ?.getAttribute('aria-current'),
    ).toBe('true');
  });
});
