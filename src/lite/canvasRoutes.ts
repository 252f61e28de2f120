/**
 * The lite view's routes drawn into a canvas, for a folder of many routes (more than
 * `CANVAS_ROUTES`). As SVG paths every changed route cost 1–3 ms of style and layout on a
 * phone-class CPU (4× slowdown): a year's step changed about 770 of 10,000 routes, an event mark's
 * jump thousands, a language switch restyled all of them (`lang` is inherited), each seconds
 * (issue 20). Here the routes' projected vertices are kept per layout in typed arrays, and a
 * change sends one frame (growth, widths) to a worker that strokes them into the canvas
 * (routeWorker.ts, routePaint.ts: rastering the lines is what costs, and there it holds up no
 * control); where there is no worker or `OffscreenCanvas`, the page paints them itself, once per
 * frame. Growth is cut where `partialPath` cuts it. A selection dims the canvas with one CSS
 * opacity and repaints nothing; the selected route and the event's are drawn again on top as SVG
 * by the lite view (`shape`). Clicks find their route through a grid of the projected segments
 * (routeIndex.ts). The real data (a handful of routes) stays SVG: its pictures, hover titles and
 * tests are the SVG's.
 */
import type { Position } from 'geojson';
import { partialPath, routeProgress, type RoutePath } from '../data/derive.ts';
import { WIDTH, widthInYear } from '../data/encoding.ts';
import { CORRIDORS } from '../data/types.ts';
import { CORRIDOR_COLORS, toHex } from '../shared/colors.ts';
import { corridorProperty } from '../shared/houseStyle.ts';
import { pixel } from './labelNodes.ts';
import type { RouteDrawing } from './routeDrawing.ts';
import { buildRouteIndex, type RouteIndex } from './routeIndex.ts';
import {
  drawOrder,
  GROWING,
  HIDDEN,
  paintRoutes,
  WHOLE,
  type RouteFrame,
  type RouteShapes,
} from './routePaint.ts';
import type { RouteWorkerMessage, RouteWorkerReply } from './routeWorker.ts';

/** Past this many routes the lite view draws them into a canvas (docs/architecture.md says why). */
export const CANVAS_ROUTES = 1_000;

/** How far outside a line, in CSS pixels, a click still takes it. */
const SLOP = 4;

/** The canvas drawing: a `RouteDrawing` and its element (under the hubs' and labels' SVG). */
export interface CanvasRoutes extends RouteDrawing {
  canvas: HTMLCanvasElement;
}

export function createCanvasRoutes(
  paths: readonly RoutePath[],
  maxVolume: number,
  position: (p: Position) => [number, number],
): CanvasRoutes {
  const n = paths.length;
  let canvas = routeCanvas();
  const byId = new Map(paths.map((path, i) => [path.id, i]));
  const start = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + paths[i]!.path.length;
  const vertices = start[n]!;
  const shapes: RouteShapes = {
    start,
    fraction: new Float32Array(vertices),
    corridor: Uint8Array.from(paths, (path) => CORRIDORS.indexOf(path.corridor)),
    xy: new Float32Array(2 * vertices),
  };
  for (let i = 0; i < n; i++) shapes.fraction.set(paths[i]!.fractions, start[i]!);
  // The routes now: how much of each is drawn, its width, where a growing one ends (x, y).
  const progress = new Float64Array(n).fill(-1);
  const width = new Float64Array(n).fill(NaN);
  const tip = new Float32Array(2 * n);
  const state = new Uint8Array(n);
  let colors: string[] = [];
  let styleChanged = true;
  const order = new Float64Array(n);
  let orderStale = true;
  let index: RouteIndex | undefined;
  let box = { width: 0, height: 0, ratio: 1 };
  let colorsRead = false;
  let drawnYear = NaN;
  let wholeChanged = true;

  const setDrawn = (count: number) => {
    if (canvas.dataset.routesDrawn !== String(count)) canvas.dataset.routesDrawn = String(count);
  };

  // A worker paints where the browser has one that can take the canvas; the page otherwise.
  let worker: Worker | undefined;
  try {
    if (typeof Worker === 'function' && 'transferControlToOffscreen' in canvas) {
      worker = new Worker(new URL('./routeWorker.ts', import.meta.url), { type: 'module' });
      const offscreen = canvas.transferControlToOffscreen();
      worker.postMessage({ kind: 'canvas', canvas: offscreen } satisfies RouteWorkerMessage, [
        offscreen,
      ]);
      worker.onmessage = (event: MessageEvent<RouteWorkerReply>) => setDrawn(event.data.drawn);
      // Who paints, for tests and host pages: the worker, or the page itself (below).
      canvas.dataset.painter = 'worker';
      // Refused (a page's policy) or broken: a canvas of the page's own, painted here.
      worker.onerror = () => {
        worker?.terminate();
        worker = undefined;
        const own = routeCanvas();
        own.className = canvas.className;
        own.dataset.painter = 'page';
        canvas.replaceWith(own);
        canvas = own;
        wholeChanged = true;
        request();
      };
    }
  } catch {
    worker = undefined;
  }
  canvas.dataset.painter ??= 'page';
  // The page's own painting: the whole routes kept in a second canvas.
  const cache = document.createElement('canvas');
  let whole = 0;
  let seq = 0;

  function readColors() {
    const style = getComputedStyle(canvas);
    // The house style's colours as the stylesheet gives them to the SVG routes (a canvas takes
    // any CSS colour); the defaults where the page has none of our CSS.
    colors = CORRIDORS.map(
      (c) => style.getPropertyValue(corridorProperty(c)).trim() || toHex(CORRIDOR_COLORS[c]),
    );
    colorsRead = true;
    styleChanged = true;
  }

  /** The frame to paint: the growing routes listed, four numbers each (routePaint.ts). */
  function frameNow(): RouteFrame {
    let count = 0;
    for (let i = 0; i < n; i++) if (state[i] === GROWING) count++;
    const growing = new Float32Array(4 * count);
    let g = 0;
    for (let i = 0; i < n; i++) {
      if (state[i] !== GROWING) continue;
      growing[g++] = i;
      growing[g++] = progress[i]!;
      growing[g++] = tip[2 * i]!;
      growing[g++] = tip[2 * i + 1]!;
    }
    return { state, growing, width, colors };
  }

  let requested = false;
  /** One frame sent (or painted) per task or animation frame, however many changes asked. */
  function request() {
    if (requested) return;
    requested = true;
    if (worker) queueMicrotask(send);
    else requestAnimationFrame(paintHere);
  }
  function send() {
    requested = false;
    if (!worker || box.width < 1) return;
    if (!colorsRead) readColors();
    const { state: now, growing } = frameNow();
    if (styleChanged) {
      const style: RouteWorkerMessage = { kind: 'style', width: Float32Array.from(width), colors };
      worker.postMessage(style);
      styleChanged = false;
    }
    const message: RouteWorkerMessage = {
      kind: 'frame',
      frame: { state: now, growing },
      wholeChanged,
      seq: ++seq,
    };
    worker.postMessage(message);
    wholeChanged = false;
  }
  function paintHere() {
    requested = false;
    if (box.width < 1) return;
    if (!colorsRead) readColors();
    const painted = paintRoutes(canvas, cache, shapes, frameNow(), { ...box, wholeChanged }, whole);
    wholeChanged = false;
    whole = painted.whole;
    setDrawn(painted.count);
  }

  return {
    kind: 'canvas',
    get canvas() {
      return canvas;
    },
    layout(w, h) {
      box = { width: w, height: h, ratio: window.devicePixelRatio || 1 };
      for (let i = 0; i < n; i++) {
        const { path } = paths[i]!;
        for (let k = 0; k < path.length; k++) {
          const [x, y] = position(path[k]!);
          shapes.xy[2 * (start[i]! + k)] = x;
          shapes.xy[2 * (start[i]! + k) + 1] = y;
        }
      }
      index = buildRouteIndex(shapes, { width: w, height: h, maxWidth: WIDTH.max, slop: SLOP });
      progress.fill(-1); // positions moved: the next draw paints every route
      state.fill(HIDDEN);
      wholeChanged = true;
      const message: RouteWorkerMessage = { kind: 'layout', shapes, ...box };
      worker?.postMessage(message);
    },
    draw(time, year) {
      // Widths change once a year, growth every frame of play.
      const newYear = year !== drawnYear;
      drawnYear = year;
      let changed = false;
      for (let i = 0; i < n; i++) {
        const path = paths[i]!;
        const was = progress[i]!;
        const p = routeProgress(path, time);
        if (newYear) {
          const w = widthInYear(path.widthSeries, year, maxVolume);
          if (w !== width[i]) {
            width[i] = w;
            changed = true;
            styleChanged = true;
            if (p >= 1 || was >= 1) wholeChanged = true;
          }
        }
        if (p === was) continue;
        progress[i] = p;
        changed = true;
        if (p >= 1 || was >= 1) wholeChanged = true;
        state[i] = p >= 1 ? WHOLE : p > 0 ? GROWING : HIDDEN;
        if (p > 0 && p < 1) {
          // Growing: its end where partialPath cuts it, projected.
          const cut = partialPath(path, p);
          const [x, y] = position(cut[cut.length - 1]!);
          tip[2 * i] = x;
          tip[2 * i + 1] = y;
        }
      }
      if (changed) {
        orderStale = true;
        request();
      }
      return changed;
    },
    hit(x, y) {
      if (orderStale) {
        drawOrder(shapes, { state, growing: new Float32Array(0), width, colors }, order);
        orderStale = false;
      }
      const i = index?.hit(x, y, { progress, width, order }) ?? -1;
      return i < 0 ? undefined : paths[i]!.id;
    },
    shape(id) {
      const i = byId.get(id);
      if (i === undefined || !(progress[i]! > 0)) return undefined;
      let d = '';
      partialPath(paths[i]!, progress[i]!).forEach((q, k) => {
        const [x, y] = position(q);
        d += `${k ? 'L' : 'M'}${pixel(x)} ${pixel(y)}`;
      });
      return { d, width: width[i]!, corridor: paths[i]!.corridor };
    },
    select(id) {
      // The others dimmed: one opacity on the canvas (CSS), nothing painted again.
      canvas.classList.toggle('cm-dimmed', id !== '');
    },
    // The event's route is drawn again on top, as SVG, by the lite view.
    event: () => undefined,
    // No title per route: a reader reaches a route by name through the list (src/panels).
    rename: () => undefined,
    over(on) {
      canvas.classList.toggle('cm-lite-over', on);
    },
    restyle() {
      colorsRead = false;
      wholeChanged = true;
      if (box.width >= 1) request();
    },
    destroy() {
      worker?.terminate();
      canvas.remove();
    },
  };
}

function routeCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.className = 'cm-lite-canvas';
  canvas.setAttribute('aria-hidden', 'true');
  return canvas;
}
