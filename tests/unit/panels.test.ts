// @vitest-environment jsdom
/**
 * Panels and the URL hash in jsdom: what a panel shows for the store's state, that it redraws for
 * what it shows and not for animation frames, and that the hash and the store follow each other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { syncHash } from '../../src/embed/syncHash.ts';
import { createDetails } from '../../src/panels/details.ts';
import { createItemList } from '../../src/panels/itemList.ts';
import { createTable } from '../../src/panels/table.ts';
import { createCorridorStore } from '../../src/state/store.ts';
import { join } from 'node:path';
import { loadDataDir } from '../../src/data/loadDir.ts';

// helpers.ts resolves paths from import.meta.url, which jsdom's URL cannot turn into a path.
const { data } = await loadDataDir(join(process.cwd(), 'geo'));
const teardowns: (() => void)[] = [];
afterEach(() => {
  while (teardowns.length) teardowns.pop()!();
  document.body.replaceChildren();
});

function mounted<
  T extends (el: HTMLElement, store: ReturnType<typeof createCorridorStore>) => () => void,
>(create: T, options: Parameters<typeof createCorridorStore>[1] = {}) {
  const store = createCorridorStore(data, { lang: 'en', ...options });
  const el = document.createElement('section');
  document.body.append(el);
  teardowns.push(create(el, store));
  return { store, el };
}

describe('details panel', () => {
  it("shows Xi'an's figures with their source, and the latest reported yearly point", () => {
    const { store, el } = mounted(createDetails, { hub: 'xian', year: 2024 });
    expect(el.hidden).toBe(false);
    expect(el.textContent).toContain('20,045 trains');
    expect(el.textContent).toContain('Source: ');
    const cumulative = el.querySelector('li[data-series="changan-trains-cumulative"]')!;
    expect(cumulative.textContent).toMatch(/2023: 21,405 trains.*latest reported/);
    store.getState().setYear(2025);
    const changan = el.querySelector('li[data-series="changan-trains"]')!;
    expect(changan.textContent).toMatch(/^Chang'an trains per year: 6,037 trains/);
    expect(changan.textContent).toContain(
      "Source: People's Daily Online, Shaanxi channel, 2 March 2026",
    );
    expect(changan.textContent).toContain('as of 31 Dec 2025');
    store.getState().select(null);
    expect(el.hidden).toBe(true);
    expect(el.childNodes).toHaveLength(0);
  });

  it('redraws for a new year, not for animation frames within one', () => {
    const { store, el } = mounted(createDetails, { hub: 'xian', year: 2019 });
    let mutations = 0;
    const observer = new MutationObserver((records) => (mutations += records.length));
    observer.observe(el, { childList: true, subtree: true });
    for (let i = 1; i < 40; i++) store.setState({ time: 2019.0 + i * 0.02 });
    // MutationObserver callbacks are microtasks: flush them.
    return Promise.resolve().then(() => {
      expect(mutations).toBe(0);
      store.getState().setYear(2020);
      return Promise.resolve().then(() => {
        expect(mutations).toBeGreaterThan(0);
        observer.disconnect();
      });
    });
  });

  it('says an unverified point is unverified, in words', () => {
    const { el } = mounted(createDetails, { route: 'changan', year: 2016 });
    expect(el.textContent).toMatch(/unverified/);
  });
});

describe('item list', () => {
  it('marks the selected hub pressed, by value not identity, and keeps its buttons', () => {
    const { store, el } = mounted(createItemList);
    const button = el.querySelector<HTMLButtonElement>('button[data-id="yiwu"]')!;
    button.click();
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(store.getState().selection).toEqual({ kind: 'hub', id: 'yiwu' });
    store.getState().select({ kind: 'hub', id: 'yiwu' });
    expect(el.querySelector('button[data-id="yiwu"]')).toBe(button);
  });
});

describe('details panel, part of a year', () => {
  it('says the China–Laos Q1 2024 figure as its quarter, in both languages', () => {
    const { store, el } = mounted(createDetails, { route: 'china-laos', year: 2024 });
    const cargo = () => el.querySelector('li[data-series="china-laos-cargo"]')!.textContent!;
    expect(cargo()).toContain('Jan–Mar 2024: 1.38 million tonnes');
    expect(cargo()).toContain('(first quarter only)');
    store.getState().setLang('zh');
    expect(cargo()).toContain('2024年1—3月：138万吨');
    expect(cargo()).toContain('（仅一季度）');
    // In 2025 it is the latest figure, still said as the quarter it is.
    store.getState().setYear(2025);
    expect(cargo()).toMatch(/2024年1—3月：138万吨[\s\S]*（仅一季度）[\s\S]*最新公布/);
  });
});

describe('table', () => {
  it('heads the yearly column with what its cells hold; China–Laos says tonnes, Q1 2024', () => {
    const { el } = mounted(createTable, { year: 2024 });
    const header = el.querySelectorAll('table')[1]!.querySelectorAll('thead th');
    expect(header[header.length - 1]!.textContent).toBe('Yearly figure, 2024');
    const laos = el.querySelector('tr[data-route="china-laos"] td:last-child')!.textContent!;
    expect(laos).toMatch(/tonnes/);
    // The quarter in the cell's own words, never as the year's figure.
    expect(laos).toMatch(/^[^:]+: Jan–Mar 2024: 1\.38 million tonnes/);
    expect(laos).toContain('(first quarter only)');
  });

  it('says a part-year value in Chinese too: 2024年1—3月：138万吨（仅一季度）', () => {
    const { el } = mounted(createTable, { year: 2024, lang: 'zh' });
    const laos = el.querySelector('tr[data-route="china-laos"] td:last-child')!.textContent!;
    expect(laos).toContain('2024年1—3月：138万吨');
    expect(laos).toContain('（仅一季度）');
  });
});

describe('syncHash', () => {
  it('writes the view to the hash (replaced, not pushed) and reads it back', () => {
    const store = createCorridorStore(data, { lang: 'en', year: 2019 });
    const before = history.length;
    teardowns.push(syncHash(store, window));
    expect(location.hash).toBe('#year=2019&lang=en');
    store.getState().select({ kind: 'hub', id: 'xian' });
    expect(location.hash).toBe('#hub=xian&year=2019&lang=en');
    store.getState().setYear(2021);
    expect(location.hash).toBe('#hub=xian&year=2021&lang=en');
    expect(history.length).toBe(before);

    location.hash = '#route=china-laos&year=2022&lang=zh';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const s = store.getState();
    expect(s.selection).toEqual({ kind: 'route', id: 'china-laos' });
    expect(s.lang).toBe('zh');
    expect(Math.floor(s.time)).toBe(2022);
  });
});
