import { LANGS, type Lang } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
import { h } from '../shared/dom.ts';
import type { FontWorkerMessage, FontWorkerReply } from './fontWorker.ts';

/**
 * The weights the page's text uses (corridor-map.css: body, labels, headings and table heads),
 * the body's first.
 */
const WEIGHTS = [400, 600, 700, 500] as const;

/**
 * How long the panels wait at most for their fonts: a worker that has not got that far by then
 * (a device busy with other work) is left to finish, and the main thread opens what it needs.
 * The worker takes 100–300 ms on a quiet machine.
 */
const WAIT_MS = 3000;

/**
 * What a worker measures to open the fonts `family` sets for a page in `lang`, in order, and
 * after how many of them the panels' fonts are open: the page's language in every weight (a
 * few ms a font outside CJK), then the other languages' body weight (an English page shows
 * Chinese source titles), then their other weights (for a switch of language). While the worker
 * opens a 20 MB CJK file, the browser answers no other thread's font request: the page's own
 * fonts first, so the map's labels never wait on it. Pure, for the unit tests.
 */
export function fontWarmupPlan(
  family: string,
  lang: Lang,
): { message: FontWorkerMessage; panelsAfter: number } {
  const order = [lang, ...LANGS.filter((l) => l !== lang)];
  const texts = order.flatMap((l, i) =>
    (i === 0 ? WEIGHTS : WEIGHTS.slice(0, 1)).map((weight) => ({ sample: t(l, 'title'), weight })),
  );
  const panelsAfter = texts.length;
  for (const l of order.slice(1)) {
    for (const weight of WEIGHTS.slice(1)) texts.push({ sample: t(l, 'title'), weight });
  }
  return { message: { family, texts }, panelsAfter };
}

/** What a map waits on: the fonts its panels set, and every font the worker opens. */
export interface FontsOpening {
  panels: Promise<void>;
  all: Promise<void>;
}

/** Per document: a second map on the page starts no worker of its own. */
const opening = new WeakMap<Document, FontsOpening>();

/**
 * Opens the fonts of `root`'s text in a worker, off the page's main thread, once the map's own
 * view has its fonts and while the panels wait. The first Chinese text on a page made the
 * browser open the system's CJK font, a file per weight: 90–130 ms of main-thread layout each at
 * 1× CPU on Debian's Chromium (four times that on Lighthouse's phone), the blocking time of the
 * panels' first layout and of the language switch's first frame (issue 20). Once a worker has
 * opened them, the same text costs the main thread about 3 ms.
 *
 * `panels` resolves once the panels' fonts are open (or the worker failed, or after WAIT_MS):
 * the panels wait for it so that their first layout does not wait on the font file instead.
 * `all` once the worker is done (or failed). Where there are no workers both resolve at once and
 * the main thread opens the fonts as before.
 */
export function warmFontsOffThread(root: HTMLElement, lang: Lang): FontsOpening {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const known = opening.get(doc);
  if (known) return known;
  let worker: Worker | undefined;
  try {
    // Written as `new Worker(new URL(…))` so that vite bundles the worker as a file of its own.
    if (win && typeof Worker === 'function') {
      worker = new Worker(new URL('./fontWorker.ts', import.meta.url), { type: 'module' });
    }
  } catch {
    // A policy that forbids workers: the main thread opens the fonts as it lays the text out.
  }
  let fonts: FontsOpening = { panels: Promise.resolve(), all: Promise.resolve() };
  if (worker && win) {
    const plan = fontWarmupPlan(win.getComputedStyle(root).fontFamily, lang);
    let panelsOpen = () => {};
    let allOpen = () => {};
    fonts = {
      panels: new Promise<void>((resolve) => (panelsOpen = resolve)),
      all: new Promise<void>((resolve) => (allOpen = resolve)),
    };
    const timer = win.setTimeout(panelsOpen, WAIT_MS);
    const finish = () => {
      win.clearTimeout(timer);
      worker.terminate();
      panelsOpen();
      allOpen();
    };
    worker.onmessage = ({ data }: MessageEvent<FontWorkerReply>) => {
      if (data === 'done') finish();
      else if (data.measured >= plan.panelsAfter) panelsOpen();
    };
    worker.onerror = finish;
    worker.postMessage(plan.message);
  }
  opening.set(doc, fonts);
  return fonts;
}

/**
 * Steps for idle time, once the worker is done, that lay out a few words of each of `langs` in
 * each weight out of sight in `root`: the files are open, but the main thread still makes its
 * own font objects for them (a few ms a weight), which a first switch to another language would
 * otherwise make in its frame (the new language drawn 182–233 ms after the press at 4× CPU
 * without these steps, 167–178 ms with them).
 */
export function fontWarmups(root: HTMLElement, langs: readonly Lang[]): (() => void)[] {
  return WEIGHTS.map((weight) => () => {
    const probe = h(
      'span',
      { class: `cm-font-warm cm-font-warm-${weight}`, 'aria-hidden': 'true' },
      ...langs.map((l) => h('span', { lang: l }, t(l, 'title'))),
    );
    root.append(probe);
    // Laid out now, in this idle task: only the probe is new, so only it is laid out.
    void probe.offsetWidth;
    probe.remove();
  });
}
