import { createAnnouncer } from '../panels/announcer.ts';
import { createDetails } from '../panels/details.ts';
import { createDownload } from '../panels/download.ts';
import { createItemList } from '../panels/itemList.ts';
import { createLangSwitch } from '../panels/langSwitch.ts';
import { createLegend } from '../panels/legend.ts';
import { createProblems } from '../panels/problems.ts';
import { createSources } from '../panels/sources.ts';
import { createTable } from '../panels/table.ts';
import { createTableToggle } from '../panels/tableToggle.ts';
import { createTimeline } from '../panels/timeline.ts';
import { yieldToMain } from '../shared/dom.ts';
import type { CorridorStore } from '../state/store.ts';
import { applyControls, type Layout } from './layout.ts';
import type { Control } from './options.ts';

/**
 * Every panel of one map but the header (mount() makes it with the layout), each from the same
 * store: lists, details, timeline, legend,
 * sources, problems, the data table and its toggle, the download control, each teardown pushed to `teardowns` as it is
 * made (a map destroyed while this runs gives back what was made so far).
 */
export async function mountPanels(
  root: HTMLElement,
  layout: Layout,
  store: CorridorStore,
  controls: readonly Control[] | undefined,
  teardowns: (() => void)[],
): Promise<void> {
  applyControls(layout, controls);
  // The table is always in the page for screen readers; the button shows it to everyone
  // (`controls=table` shows it from the start).
  layout.table.hidden = !controls?.includes('table');
  // What a reader sees first, then a breath for the browser, then the rest: no one long task.
  // Everything that takes room on screen comes in this first group, so that nothing moves once
  // painted (the lists, added later, pushed the timeline and legend down: CLS 0.21 at 412 px).
  // The lists are bounded (a search past LIST_THRESHOLD items), so this stays a short task.
  teardowns.push(
    createLangSwitch(layout.controls, store),
    createDetails(layout.details, store),
    createItemList(layout.lists, store),
    createTimeline(layout.timeline, store, layout.live),
    createLegend(layout.legend, store),
    createProblems(layout.problems, store),
  );
  await yieldToMain();
  teardowns.push(createAnnouncer(layout.live, store));
  await yieldToMain();
  teardowns.push(createTable(layout.table, store));
  await yieldToMain();
  teardowns.push(
    createTableToggle(layout.controls, layout.table, store),
    // The picture code loads on the first click only (a chunk of its own).
    createDownload(layout.controls, store, (request) =>
      import('./exportPicture.ts').then((m) => m.downloadPicture(root, store, request)),
    ),
    createSources(layout.sources, store),
  );
}
