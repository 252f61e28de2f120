// @vitest-environment jsdom
/**
 * mountPanels makes the panels one per task, top to bottom, then shows the data table's rows a
 * dozen a task, with the footer hidden until the last is in (so that nothing painted moves), and
 * stops making them once the map is destroyed.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataDir } from '../../src/data/loadDir.ts';
import { createLayout } from '../../src/embed/layout.ts';
import { mountPanels } from '../../src/embed/mountPanels.ts';
import { createCorridorStore } from '../../src/state/store.ts';

// helpers.ts resolves paths from import.meta.url, which jsdom's URL cannot turn into a path.
const { data } = await loadDataDir(join(process.cwd(), 'geo'));
afterEach(() => document.body.replaceChildren());

function setUp() {
  const root = document.createElement('div');
  document.body.append(root);
  const layout = createLayout(root);
  const store = createCorridorStore(data, { lang: 'en', hub: 'xian' });
  return { root, layout, store };
}

describe('mountPanels', () => {
  it('makes every panel, a task each, with the footer hidden until the last is in', async () => {
    const { root, layout, store } = setUp();
    const teardowns: (() => void)[] = [];
    const footerHidden: boolean[] = [];
    const hiddenRows: number[] = [];
    await mountPanels(root, layout, store, undefined, teardowns, () => {
      footerHidden.push(layout.footer.hidden);
      hiddenRows.push(layout.table.querySelectorAll('tbody tr.cm-pending').length);
      return false;
    });
    // Asked before each panel and each batch of table rows: many tasks, the footer hidden in
    // every one of them.
    expect(footerHidden.length).toBeGreaterThan(teardowns.length);
    expect(teardowns.length).toBeGreaterThan(5);
    expect(footerHidden.every(Boolean)).toBe(true);
    expect(layout.footer.hidden).toBe(false);
    // The table's rows are laid out eight at a time (one long layout task otherwise), and
    // every one of them is shown in the end.
    const rows = layout.table.querySelectorAll('tbody tr').length;
    expect(Math.max(...hiddenRows)).toBe(rows);
    const shownPerTask = hiddenRows.slice(1).map((n, i) => hiddenRows[i]! - n);
    expect(Math.max(...shownPerTask)).toBeLessThanOrEqual(8);
    expect(layout.table.querySelectorAll('.cm-pending')).toHaveLength(0);
    expect(layout.details.querySelectorAll('.cm-pending')).toHaveLength(0);
    expect(layout.details.textContent).toContain('20,045 trains');
    expect(layout.lists.querySelectorAll('button[data-kind="hub"]')).toHaveLength(4);
    expect(layout.timeline.querySelector('input[type="range"]')).not.toBeNull();
    expect(layout.sources.textContent).not.toBe('');
    for (const teardown of teardowns.reverse()) teardown();
  });

  it('stops once the map is destroyed: nothing is made after, what was made is given back', async () => {
    const { root, layout, store } = setUp();
    const teardowns: (() => void)[] = [];
    let asked = 0;
    await mountPanels(root, layout, store, undefined, teardowns, () => ++asked > 4);
    expect(teardowns).toHaveLength(4);
    expect(layout.details.textContent).toContain('20,045 trains'); // the 4th panel
    expect(layout.lists.childElementCount).toBe(0);
    expect(layout.sources.childElementCount).toBe(0);
    for (const teardown of teardowns.reverse()) teardown();
    expect(layout.details.childElementCount).toBe(0);
  });
});
