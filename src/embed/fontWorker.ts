/**
 * The worker that opens the page's fonts before the page lays out any text in them
 * (warmFonts.ts): it measures a few words in each weight on an OffscreenCanvas, says how far
 * it is after each, and closes. The browser keeps an opened font file for every thread
 * of the page, so the main thread's first text in that font then costs a few ms, not the opening
 * (on Debian's Chromium 150 a system font file is read whole into shared memory on first use:
 * 90–130 ms for each weight of the 20 MB Noto Sans CJK, measured in a layout at 1× CPU; 3 ms
 * once a worker had opened it).
 */

/** What the page sends: its font stack, and the words to measure in which weight, in order. */
export interface FontWorkerMessage {
  family: string;
  texts: readonly { sample: string; weight: number }[];
}

/** What it answers: after each text, how many are measured; then `done`. */
export type FontWorkerReply = { measured: number } | 'done';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FontWorkerMessage>) => void) | null;
  postMessage(message: FontWorkerReply): void;
  close(): void;
};

scope.onmessage = ({ data }) => {
  // No OffscreenCanvas in this worker (older browsers): nothing to open, the page opens its fonts.
  const context =
    typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : null;
  let measured = 0;
  for (const { sample, weight } of context ? data.texts : []) {
    context!.font = `${weight} 16px ${data.family}`;
    context!.measureText(sample);
    scope.postMessage({ measured: ++measured });
  }
  scope.postMessage('done');
  scope.close();
};
