/**
 * The worker that paints the lite view's canvas routes (canvasRoutes.ts) into the page's canvas,
 * handed over with `transferControlToOffscreen`: rastering thousands of lines takes a phone-class
 * CPU a second, and here it never holds up the page's main thread, where a control paints its
 * answer (issue 20). It keeps the shapes of a layout and paints the latest frame it was sent.
 */
import { paintRoutes, type RouteFrame, type RouteShapes } from './routePaint.ts';

/** What the page sends. */
export type RouteWorkerMessage =
  | { kind: 'canvas'; canvas: OffscreenCanvas }
  | { kind: 'layout'; shapes: RouteShapes; width: number; height: number; ratio: number }
  | {
      kind: 'frame';
      frame: Omit<RouteFrame, 'width' | 'colors'>;
      wholeChanged: boolean;
      seq: number;
    }
  | { kind: 'style'; width: Float32Array; colors: readonly string[] };

/** What it answers after each paint: how many routes the canvas holds, for which frame. */
export interface RouteWorkerReply {
  drawn: number;
  seq: number;
}

let canvas: OffscreenCanvas | undefined;
const cache = new OffscreenCanvas(1, 1);
let shapes: RouteShapes | undefined;
let box = { width: 0, height: 0, ratio: 1 };
let latest: { frame: Omit<RouteFrame, 'width' | 'colors'>; seq: number } | undefined;
// Widths and colours change once a year or theme, not every frame: sent apart.
let style: { width: Float32Array; colors: readonly string[] } | undefined;
let wholeChanged = true;
let whole = 0;
let pending = false;

function paint() {
  pending = false;
  if (!canvas || !shapes || !latest || !style || box.width < 1) return;
  const frame = { ...latest.frame, ...style };
  const painted = paintRoutes(canvas, cache, shapes, frame, { ...box, wholeChanged }, whole);
  wholeChanged = false;
  whole = painted.whole;
  const reply: RouteWorkerReply = { drawn: painted.count, seq: latest.seq };
  postMessage(reply);
}

onmessage = (event: MessageEvent<RouteWorkerMessage>) => {
  const message = event.data;
  if (message.kind === 'canvas') canvas = message.canvas;
  else if (message.kind === 'layout') {
    ({ shapes } = message);
    box = { width: message.width, height: message.height, ratio: message.ratio };
    wholeChanged = true;
  } else if (message.kind === 'style') {
    style = { width: message.width, colors: message.colors };
    wholeChanged = true;
  } else {
    latest = { frame: message.frame, seq: message.seq };
    wholeChanged ||= message.wholeChanged;
  }
  // Frames sent while a paint ran are painted once, the latest of them.
  if (!pending) {
    pending = true;
    setTimeout(paint, 0);
  }
};
