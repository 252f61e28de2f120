import { LANGS, type Lang } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
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

/** Per document: resolves once the panels' fonts are open; a second map on the page starts none. */
const opening = new WeakMap<Document, Promise<void>>();

/**
 * Opens the fonts of `root`'s text in a worker, off the page's main thread, once the map's own
 * view has its fonts and while the panels wait. The first Chinese text on a page made the
 * browser open the system's CJK font, a file per weight: 90–130 ms of main-thread layout each at
 * 1× CPU on Debian's Chromium (four times that on Lighthouse's phone), the blocking time of the
 * panels' first layout and of the language switch's first frame (issue 20). Once a worker has
 * opened them, the same text costs the main thread about 3 ms.
 *
 * Resolves once the panels' fonts are open (or the worker failed, or after WAIT_MS): the panels
 * wait for it so that their first layout does not wait on the font file instead. Where there are
 * no workers it resolves at once and the main thread opens the fonts as before.
 */
export function warmFontsOffThread(root: HTMLElement, lang: Lang): Promise<void> {
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
  const opened = !worker
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        const timer = win!.setTimeout(resolve, WAIT_MS);
        const finish = () => {
          win!.clearTimeout(timer);
          resolve();
        };
        const plan = fontWarmupPlan(win!.getComputedStyle(root).fontFamily, lang);
        worker!.onmessage = ({ data }: MessageEvent<FontWorkerReply>) => {
          if (data === 'done') worker!.terminate();
          if (data === 'done' || data.measured >= plan.panelsAfter) finish();
        };
        worker!.onerror = () => {
          finish();
          worker!.terminate();
        };
        worker!.postMessage(plan.message);
      });
  opening.set(doc, opened);
  return opened;
}
