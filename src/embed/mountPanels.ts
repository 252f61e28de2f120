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
 * store: lists, details, timeline, legend, sources, problems, the data table and its toggle, the
 * download control. Each teardown is pushed to `teardowns` as it is made; once `stopped()` (the map
 * was destroyed while this ran) nothing more is made.
 */
export async function mountPanels(
  root: HTMLElement,
  layout: Layout,
  store: CorridorStore,
  controls: readonly Control[] | undefined,
  teardowns: (() => void)[],
  stopped: () => boolean = () => false,
): Promise<void> {
  applyControls(layout, controls);
  // The table is always in the page for screen readers; the button shows it to everyone
  // (`controls=table` shows it from the start).
  layout.table.hidden = !controls?.includes('table');
  // One panel per task, top to bottom, so that no task builds and lays out them all (a hub's
  // panel alone is a long layout on a phone): each appears below what is painted already, so
  // nothing painted moves (CLS). The footer, under them all, shows once the last is in.
  const steps: (() => () => void)[] = [
    () => createProblems(layout.problems, store),
    () => createLangSwitch(layout.controls, store),
    () => createTimeline(layout.timeline, store, layout.live),
    () => createDetails(layout.details, store),
    // The lists are bounded (a search past LIST_THRESHOLD items), so this stays a short task.
    () => createItemList(layout.lists, store),
    () => createLegend(layout.legend, store),
    () => createAnnouncer(layout.live, store),
    () => createTable(layout.table, store),
    () => createTableToggle(layout.controls, layout.table, store),
    // The picture code loads on the first click only (a chunk of its own).
    () =>
      createDownload(layout.controls, store, (request) =>
        import('./exportPicture.ts').then((m) => m.downloadPicture(root, store, request)),
      ),
    () => createSources(layout.sources, store),
  ];
  layout.footer.hidden = true;
  for (const step of steps) {
    if (stopped()) return;
    teardowns.push(step());
    await yieldToMain();
  }
  layout.footer.hidden = false;
}
