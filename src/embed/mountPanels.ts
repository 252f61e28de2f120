import { createAnnouncer } from '../panels/announcer.ts';
import { createDetails } from '../panels/details.ts';
import { createHeader } from '../panels/header.ts';
import { createItemList } from '../panels/itemList.ts';
import { createLangSwitch } from '../panels/langSwitch.ts';
import { createLegend } from '../panels/legend.ts';
import { createProblems } from '../panels/problems.ts';
import { createSources } from '../panels/sources.ts';
import { createTable } from '../panels/table.ts';
import { createTableToggle } from '../panels/tableToggle.ts';
import { createTimeline } from '../panels/timeline.ts';
import type { CorridorStore } from '../state/store.ts';
import { applyControls, type Layout } from './layout.ts';
import type { Control } from './options.ts';

/**
 * Every panel of one map, each from the same store: header, lists, details, timeline, legend,
 * sources, problems, the data table and its toggle. Returns one teardown for all of them.
 */
export function mountPanels(
  root: HTMLElement,
  layout: Layout,
  store: CorridorStore,
  controls: readonly Control[] | undefined,
): () => void {
  applyControls(layout, controls);
  // The table is always in the page for screen readers; the button shows it to everyone
  // (`controls=table` shows it from the start).
  layout.table.hidden = !controls?.includes('table');
  const teardowns = [
    createLangSwitch(layout.controls, store),
    createSources(layout.sources, store),
    createDetails(layout.details, store),
    createItemList(layout.lists, store),
    createLegend(layout.legend, store),
    createProblems(layout.problems, store),
    createTable(layout.table, store),
    createTableToggle(layout.controls, layout.table, store),
    createTimeline(layout.timeline, store, layout.live),
    createAnnouncer(layout.live, store),
    createHeader(root, layout, store),
  ];
  return () => {
    while (teardowns.length) teardowns.pop()!();
  };
}
