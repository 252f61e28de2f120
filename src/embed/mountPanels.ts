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
const ROWS_PER_TASK = 8;
/** What a step made but is shown (and laid out) a piece a task after it (corridor-map.css). */
const PENDING = 'cm-pending';

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
  // shows once the last is in. What a panel holds most of, an open hub's sections and the data
  // table's rows, is shown a piece a task right after it: laid out at once, with their first
  // text, they made tasks of 26–63 ms at 1× CPU (issue 20).
  const pending: HTMLElement[][] = [];
  const hold = (pieces: HTMLElement[][]) => {
    for (const piece of pieces) for (const el of piece) el.classList.add(PENDING);
    return pieces;
  };
  // The table's rows wait for its toggle, which makes the table visible to screen readers.
  let tableRows: HTMLElement[][] = [];
  const steps: (() => () => void)[] = [
    () => createProblems(layout.problems, store),
    () => createLangSwitch(layout.controls, store),
    () => createTimeline(layout.timeline, store, layout.live),
    () => {
      const stop = createDetails(layout.details, store);
      // The heading and the line under it first, then each section.
      pending.push(
        ...hold([...layout.details.children].slice(2).map((section) => [section as HTMLElement])),
      );
      return stop;
    },
    // The lists are bounded (a search past LIST_THRESHOLD items), so this stays a short task.
    () => createItemList(layout.lists, store),
    () => createLegend(layout.legend, store),
    () => createAnnouncer(layout.live, store),
    () => {
      const stop = createTable(layout.table, store);
      tableRows = hold(
        chunk([...layout.table.querySelectorAll<HTMLElement>('tbody tr')], ROWS_PER_TASK),
      );
      return stop;
    },
    () => {
      const stop = createTableToggle(layout.controls, layout.table, store);
      pending.push(...tableRows);
      tableRows = [];
      return stop;
    },
    // The picture code loads on the first click only (a chunk of its own).
    () =>
      createDownload(layout.controls, store, (request) =>
        import('./exportPicture.ts').then((m) => m.downloadPicture(root, store, request)),
      ),
    () => createSources(layout.sources, store),
  ];
  layout.footer.hidden = true;
  for (const step of steps) {
    if (stopped()) break;
    teardowns.push(step());
    await layOut(root);
    // Pieces a panel drew again meanwhile (a new year) are new elements, shown already. Each is
    // let go once shown: a callback made here (the download's) keeps this function's variables
    // alive, and elements a panel has since replaced must not stay in memory with them.
    for (let piece = pending.shift(); piece && !stopped(); piece = pending.shift()) {
      for (const el of piece) el.classList.remove(PENDING);
      await layOut(root);
    }
  }
  pending.length = 0;
  tableRows = [];
  if (stopped()) return;
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
