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

/** The data table's rows laid out in one task while the panels mount (about 10 ms at 1× CPU). */
const ROWS_PER_TASK = 12;

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
  // One panel per task, top to bottom, each laid out in a task of its own (below): each appears
  // below what is painted already, so nothing painted moves (CLS). The footer, under them all,
  // shows once the last is in. The data table's rows are shown a few at a time at the end: laid
  // out at once, with their first text, they made a 26–63 ms task at 1× CPU (issue 20).
  let pendingRows: HTMLElement[][] = [];
  const steps: (() => () => void)[] = [
    () => createProblems(layout.problems, store),
    () => createLangSwitch(layout.controls, store),
    () => createTimeline(layout.timeline, store, layout.live),
    () => createDetails(layout.details, store),
    // The lists are bounded (a search past LIST_THRESHOLD items), so this stays a short task.
    () => createItemList(layout.lists, store),
    () => createLegend(layout.legend, store),
    () => createAnnouncer(layout.live, store),
    () => {
      const stop = createTable(layout.table, store);
      const rows = [...layout.table.querySelectorAll<HTMLElement>('tbody tr')];
      for (const row of rows) row.hidden = true;
      pendingRows = chunk(rows, ROWS_PER_TASK);
      return stop;
    },
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
    if (stopped()) {
      pendingRows.length = 0;
      return;
    }
    teardowns.push(step());
    await layOut(root);
  }
  // Rows the table drew again meanwhile (a new year) are new elements, shown already. Each
  // batch is let go once shown: a callback made here (the download's) keeps this function's
  // variables alive, and rows the table has since replaced must not stay in memory with them.
  for (let rows = pendingRows.shift(); rows; rows = pendingRows.shift()) {
    if (stopped()) {
      pendingRows.length = 0;
      return;
    }
    for (const row of rows) row.hidden = false;
    await layOut(root);
  }
  layout.footer.hidden = false;
}

/**
 * Lays out what the last step added, in a task of its own, then yields again. The browser lays
 * out at its next frame, and the steps that ran between two frames were laid out together: with
 * the panels' first text that was one task of 60–170 ms at 1× CPU, the page's blocking time on
 * Lighthouse's phone (issue 20); now each is a build task and a layout task of a few ms.
 */
async function layOut(root: HTMLElement): Promise<void> {
  await yieldToMain();
  void root.offsetHeight;
  await yieldToMain();
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
