// @vitest-environment jsdom
/**
 * Panels at newsroom scale (issue 9): with 10,000 routes the list becomes a search and the table
 * pages, so that neither grows with the data, and every route is still reachable by name. The
 * real data (9 routes) keeps its full lists: see panels.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadDataDir } from '../../src/data/loadDir.ts';
import { FULL_LIST_LIMIT, SHOWN_MATCHES } from '../../src/panels/findItems.ts';
import { createItemList } from '../../src/panels/itemList.ts';
import { createTable } from '../../src/panels/table.ts';
import { createCorridorStore } from '../../src/state/store.ts';
import { writeSyntheticData } from '../bench/synthetic.ts';

const folder = mkdtempSync(join(tmpdir(), 'corridor-scale-'));
writeSyntheticData(join(process.cwd(), 'geo'), folder, 10_000);
const { data } = await loadDataDir(folder);

/** After the next frame and the task that follows it: what `afterPaint` (src/shared/dom.ts) runs. */
const afterPaint = () =>
  new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const teardowns: (() => void)[] = [];
afterEach(() => {
  while (teardowns.length) teardowns.pop()!();
  document.body.replaceChildren();
});

function mounted(
  create: (el: HTMLElement, store: ReturnType<typeof createCorridorStore>) => () => void,
  options: Parameters<typeof createCorridorStore>[1] = {},
) {
  const store = createCorridorStore(data, { lang: 'en', year: 2024, ...options });
  const el = document.createElement('section');
  document.body.append(el);
  teardowns.push(create(el, store));
  return { store, el };
}

function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const routeSection = (el: HTMLElement) =>
  el.querySelector<HTMLElement>('.cm-find[data-kind="route"]')!;

describe('the route list past the threshold', () => {
  it('is a labelled search with a bounded list and a live count', () => {
    expect(data.routes.length).toBeGreaterThan(FULL_LIST_LIMIT);
    const { el } = mounted(createItemList);
    const section = routeSection(el);
    const input = section.querySelector<HTMLInputElement>('input[type="search"]')!;
    const label = section.querySelector(`label[for="${input.id}"]`)!;
    expect(label.textContent).toBe('Find a route');
    expect(section.querySelectorAll('button')).toHaveLength(SHOWN_MATCHES);
    const status = section.querySelector('[role="status"]')!;
    expect(status.textContent).toMatch(/^[\d,]+ routes; the first 50 are listed/);
    // The hubs are few: still a button each.
    expect(el.querySelectorAll('button[data-kind="hub"]')).toHaveLength(data.hubs.length);
    expect(el.querySelectorAll('*').length).toBeLessThan(500);

    type(input, 'route 123');
    expect(status.textContent).toBe(
      `11 of ${data.routes.length.toLocaleString('en')} routes match.`,
    );
    const names = [...section.querySelectorAll('button')].map((b) => b.textContent);
    expect(names[0]).toBe('Route 123');
    expect(names).toHaveLength(11);

    type(input, '线路9999');
    expect([...section.querySelectorAll('button')].map((b) => b.dataset.id)).toEqual([
      'synthetic-9999',
    ]);
    type(input, 'no such route');
    expect(section.querySelectorAll('button')).toHaveLength(0);
    expect(status.textContent).toBe('No routes match “no such route”.');
  });

  it('opens a result with the store, marks it pressed, and follows the language', () => {
    const { store, el } = mounted(createItemList);
    const section = routeSection(el);
    const input = section.querySelector<HTMLInputElement>('input')!;
    type(input, 'Route 4321');
    const button = section.querySelector<HTMLButtonElement>('button[data-id="synthetic-4321"]')!;
    button.click();
    expect(store.getState().selection).toEqual({ kind: 'route', id: 'synthetic-4321' });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    // A selection keeps the results (and focus) where they are.
    expect(section.querySelector('button[data-id="synthetic-4321"]')).toBe(button);

    store.getState().setLang('zh');
    expect(section.querySelector('label')!.textContent).toBe('查找线路');
    expect(section.querySelector('button[data-id="synthetic-4321"]')!.textContent).toBe('线路4321');
    expect(section.querySelector('[role="status"]')!.textContent).toMatch(/中有1项符合/);
  });

  it('moves from the field to the results and back with the arrow keys', () => {
    const { el } = mounted(createItemList);
    const section = routeSection(el);
    const input = section.querySelector<HTMLInputElement>('input')!;
    type(input, 'route 77');
    input.focus();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    const buttons = [...section.querySelectorAll('button')];
    expect(document.activeElement).toBe(buttons[0]);
    buttons[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(buttons[1]);
    buttons[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    buttons[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(document.activeElement).toBe(input);
  });

  it('does not redraw for animation frames, only for a new year', async () => {
    const { store, el } = mounted(createItemList, { year: 2019 });
    let mutations = 0;
    const observer = new MutationObserver((records) => (mutations += records.length));
    observer.observe(el, { childList: true, subtree: true });
    for (let i = 1; i < 40; i++) store.setState({ time: 2019 + i * 0.02 });
    await Promise.resolve();
    expect(mutations).toBe(0);
    store.getState().setYear(2020);
    await Promise.resolve();
    expect(mutations).toBeGreaterThan(0);
    observer.disconnect();
  });
});

describe('the data table past the threshold', () => {
  it('shows one page of routes, says how many there are, and pages', () => {
    const { el } = mounted(createTable);
    const total = data.routes.length.toLocaleString('en');
    const rows = () => [...el.querySelectorAll<HTMLElement>('tr[data-route]')];
    expect(rows()).toHaveLength(SHOWN_MATCHES);
    expect(rows()[0]!.dataset.route).toBe(data.routes[0]!.properties.id);
    const caption = () => el.querySelectorAll('caption')[1]!.textContent;
    expect(caption()).toBe(`Routes · 2024 (Routes 1–50 of ${total})`);
    expect(el.querySelectorAll('*').length).toBeLessThan(1000);

    const pager = el.querySelector('.cm-pager[data-kind="route"]')!;
    const [previous, next] = [...pager.querySelectorAll('button')];
    expect(previous!.disabled).toBe(true);
    next!.focus();
    next!.click();
    expect(caption()).toMatch(/Routes 51–100 of/);
    expect(rows()[0]!.dataset.route).toBe(data.routes[50]!.properties.id);
    // Focus stays on the button pressed, though the table was drawn again.
    expect((document.activeElement as HTMLElement).dataset.pager).toBe('route:1');
    expect(pager.isConnected).toBe(false);
    expect(el.querySelector('.cm-pager[data-kind="route"] [role="status"]')!.textContent).toMatch(
      /51–100/,
    );
  });

  it("turns to the selected route's page and marks its row, after the click's paint", async () => {
    const { store, el } = mounted(createTable);
    store.getState().select({ kind: 'route', id: data.routes[9876]!.properties.id });
    // The click paints its answer first (issue 20): the page turns after it.
    expect(el.querySelector('tr[data-route][aria-current="true"]')).toBeNull();
    await afterPaint();
    const current = el.querySelector<HTMLElement>('tr[aria-current="true"]')!;
    expect(current.dataset.route).toBe(data.routes[9876]!.properties.id);
    expect(el.querySelectorAll('tr[data-route]')).toHaveLength(SHOWN_MATCHES);
    expect(el.querySelectorAll('caption')[1]!.textContent).toMatch(/Routes 9,851–9,900 of/);
  });
});

describe('the events table past the threshold', () => {
  // 260 events in date order, one a fortnight from 2011 (the table reads them as validated data).
  const day = (i: number) => new Date(Date.UTC(2011, 0, 1 + 14 * i)).toISOString().slice(0, 10);
  const events = Array.from({ length: 260 }, (_, i) => ({
    id: `event-${i}`,
    date: day(i),
    text: { zh: `事件${i}`, en: `Event ${i}` },
    source: data.metrics.sources[0]!.id,
  }));
  const many = { ...data, metrics: { ...data.metrics, events } };
  const table = (year: number) => {
    const store = createCorridorStore(many, { lang: 'en', year });
    const el = document.createElement('section');
    document.body.append(el);
    teardowns.push(createTable(el, store));
    return { store, el };
  };
  const rows = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('tr[data-event]')];
  const caption = (el: HTMLElement) => el.querySelector('.cm-events-table caption')!.textContent;

  it('shows one page of events, says how many there are, and pages like the routes', () => {
    expect(events.length).toBeGreaterThan(FULL_LIST_LIMIT);
    const { el } = table(2011);
    expect(rows(el)).toHaveLength(SHOWN_MATCHES);
    expect(rows(el)[0]!.dataset.event).toBe('event-0');
    expect(caption(el)).toBe('Events on the timeline (Events 1–50 of 260)');
    const pager = el.querySelector('.cm-pager[data-kind="event"]')!;
    expect(pager.getAttribute('aria-label')).toBe('events');
    const [previous, next] = [...pager.querySelectorAll('button')];
    expect(previous!.disabled).toBe(true);
    next!.focus();
    next!.click();
    expect(caption(el)).toBe('Events on the timeline (Events 51–100 of 260)');
    expect(rows(el)[0]!.dataset.event).toBe('event-50');
    expect((document.activeElement as HTMLElement).dataset.pager).toBe('event:1');
    // The routes' pages are their own.
    expect(el.querySelectorAll('caption')[1]!.textContent).toMatch(/Routes 1–50 of/);
  });

  it('turns to the page of the event told now and marks its row', async () => {
    const { store, el } = table(2011);
    // Event 200 is on 2018-08-29; a year viewed on its own tells the last event of that year.
    store.getState().setYear(2018);
    await afterPaint();
    const told = el.querySelector<HTMLElement>('tr[data-event][aria-current="true"]')!;
    const i = Number(told.dataset.event!.slice('event-'.length));
    expect(events[i]!.date.slice(0, 4)).toBe('2018');
    expect(events[i + 1]!.date.slice(0, 4)).toBe('2019');
    const first = Math.floor(i / SHOWN_MATCHES) * SHOWN_MATCHES;
    expect(rows(el)[0]!.dataset.event).toBe(`event-${first}`);
    expect(caption(el)).toBe(`Events on the timeline (Events ${first + 1}–${first + 50} of 260)`);
  });

  it('lists a few events whole, with no pager', () => {
    const few = { ...data, metrics: { ...data.metrics, events: events.slice(0, 8) } };
    const store = createCorridorStore(few, { lang: 'en', year: 2011 });
    const el = document.createElement('section');
    document.body.append(el);
    teardowns.push(createTable(el, store));
    expect(rows(el)).toHaveLength(8);
    expect(el.querySelector('.cm-pager[data-kind="event"]')).toBeNull();
    expect(caption(el)).toBe('Events on the timeline');
  });
});
