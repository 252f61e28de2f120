/**
 * Painting the lite view's canvas routes (canvasRoutes.ts), the same code in the page and in the
 * worker that paints them where the browser has one (routeWorker.ts). No DOM: a 2D context of a
 * canvas or an `OffscreenCanvas`, and typed arrays.
 *
 * Rastering anti-aliased lines is the cost here, not the script: 10,000 routes of 1.5 px took
 * 0.35–0.45 s on this project's machine and 1–1.8 s at 4× CPU slowdown (a phone-class CPU) in
 * probes, whatever the batching. Hence the worker (the page's main thread, where a control
 * answers, never rasters them) and the cache of whole routes (a frame of play strokes only the
 * growing ones).
 */

/** A 2D context of a canvas or of an OffscreenCanvas. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** The routes' shapes, fixed per layout. */
export interface RouteShapes {
  /** Where route `i`'s vertices start: `start[i]` to `start[i + 1]`. */
  start: Uint32Array;
  /** Per vertex, the fraction of its route's length from the origin (growth cuts there). */
  fraction: Float32Array;
  /** Per route, its corridor's index in `colors`. */
  corridor: Uint8Array;
  /** Projected vertices, x then y, in the box's CSS pixels. */
  xy: Float32Array;
}

/** What a route is now. */
export const HIDDEN = 0;
export const GROWING = 1;
export const WHOLE = 2;

/** The routes now: changes with time and year. Small, since it is sent every frame of play. */
export interface RouteFrame {
  /** Per route: `HIDDEN`, `GROWING` or `WHOLE`. */
  state: Uint8Array;
  /**
   * The growing routes, four numbers each: the route's index, how much of it is drawn (0…1),
   * and where it ends now (x, y), cut as `partialPath` cuts it.
   */
  growing: Float32Array;
  /** Each route's line width in CSS pixels. */
  width: ArrayLike<number>;
  /** Corridor colours, any CSS colour (the house style's `--cm-corridor-*`). */
  colors: readonly string[];
}

/**
 * Groups routes by corridor and width, in the order the data first names each group. Keyed by
 * numbers, not strings: a click asks this of 10,000 routes (`drawOrder`).
 */
function grouped<T>(corridor: Uint8Array, width: ArrayLike<number>, make: (i: number) => T) {
  const byCorridor: Map<number, T>[] = [];
  return (i: number): T => {
    const groups = (byCorridor[corridor[i]!] ??= new Map<number, T>());
    let group = groups.get(width[i]!);
    if (group === undefined) groups.set(width[i]!, (group = make(i)));
    return group;
  };
}

/**
 * Each route's place in the drawing (higher is drawn later, on top): whole routes first, then
 * the growing ones over them, each in strokes by corridor and width in the order the data first
 * names them. Written to `order`; the hit index reads it.
 */
export function drawOrder(shapes: RouteShapes, frame: RouteFrame, order: Float64Array): void {
  const n = frame.state.length;
  for (const kind of [WHOLE, GROWING]) {
    let ranks = 0;
    const rank = grouped(shapes.corridor, frame.width, () => ++ranks);
    const above = kind === WHOLE ? 0 : n * n;
    for (let i = 0; i < n; i++) {
      if (frame.state[i] === kind) order[i] = above + rank(i) * n + i;
    }
  }
}

/**
 * Strokes the routes that are whole (`whole`) or growing into `context` at device pixel
 * `ratio`, one stroke per corridor and width; returns how many.
 */
export function strokeRoutes(
  context: Context2D,
  shapes: RouteShapes,
  frame: RouteFrame,
  whole: boolean,
  ratio: number,
): number {
  const { start, fraction, corridor, xy } = shapes;
  const { state, growing, width, colors } = frame;
  const batches: { color: string; width: number; path: Path2D }[] = [];
  const batch = grouped(corridor, width, (i) => {
    const made = { color: colors[corridor[i]!] ?? '#000', width: width[i]!, path: new Path2D() };
    batches.push(made);
    return made;
  });
  /** Route `i` up to `p` of its length, ending at (tx, ty) if it ends before its last vertex. */
  const trace = (i: number, p: number, tx: number, ty: number) => {
    const path = batch(i).path;
    const from = start[i]!;
    const end = start[i + 1]!;
    path.moveTo(xy[2 * from]!, xy[2 * from + 1]!);
    for (let k = from + 1; k < end; k++) {
      if (fraction[k]! > p) {
        path.lineTo(tx, ty);
        return;
      }
      path.lineTo(xy[2 * k]!, xy[2 * k + 1]!);
    }
  };
  let count = 0;
  if (whole) {
    for (let i = 0; i < state.length; i++) {
      if (state[i] !== WHOLE) continue;
      trace(i, 1, 0, 0);
      count++;
    }
  } else {
    for (let g = 0; g + 3 < growing.length; g += 4) {
      trace(growing[g]!, growing[g + 1]!, growing[g + 2]!, growing[g + 3]!);
      count++;
    }
  }
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.lineCap = 'round';
  context.lineJoin = 'round';
  // As each SVG route's stroke-opacity (corridor-map.css .cm-lite-route).
  context.globalAlpha = 0.9;
  for (const { color, width: lineWidth, path } of batches) {
    context.strokeStyle = color;
    context.lineWidth = lineWidth;
    context.stroke(path);
  }
  return count;
}

/** A canvas of either kind, sized in device pixels. */
export interface Surface {
  width: number;
  height: number;
  getContext(kind: '2d'): Context2D | null;
}

/** Sizes `surface` to `width` × `height` CSS pixels at `ratio` and clears it. */
function clear(surface: Surface, width: number, height: number, ratio: number) {
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  const context = surface.getContext('2d');
  if (surface.width !== w || surface.height !== h) {
    surface.width = w;
    surface.height = h;
  } else if (context) {
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, w, h);
  }
  return context;
}

/**
 * Paints every drawn route into `target`: the whole ones copied from `cache`, stroked there
 * again only when `wholeChanged`, then the growing ones. Returns how many routes it holds.
 */
export function paintRoutes(
  target: Surface,
  cache: Surface & CanvasImageSource,
  shapes: RouteShapes,
  frame: RouteFrame,
  box: { width: number; height: number; ratio: number; wholeChanged: boolean },
  wholeBefore: number,
): { count: number; whole: number } {
  const { width, height, ratio } = box;
  let whole = wholeBefore;
  if (box.wholeChanged) {
    const context = clear(cache, width, height, ratio);
    whole = context ? strokeRoutes(context, shapes, frame, true, ratio) : 0;
  }
  const context = clear(target, width, height, ratio);
  if (!context) return { count: 0, whole };
  context.globalAlpha = 1;
  if (whole > 0) context.drawImage(cache, 0, 0);
  return { count: whole + strokeRoutes(context, shapes, frame, false, ratio), whole };
}
