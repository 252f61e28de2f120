/**
 * Which route a pointer is on, where the lite view draws its routes into a canvas (past
 * `CANVAS_ROUTES`, src/lite/canvasRoutes.ts) and no element per route is there to be clicked: a
 * uniform grid over the map's box, each cell listing the route segments that pass within reach
 * of it. Built once per layout (box or camera), asked with the routes' state now (growth, width,
 * drawing order), so that a year or a frame of play changes nothing here. Pure: no DOM.
 */

/** The projected shape of every route, in the map box's CSS pixels. */
export interface RouteGeometry {
  /** Vertices of every route, x then y, route after route. */
  xy: Float32Array;
  /** Where route `i`'s vertices start (in vertices): `start[i]` to `start[i + 1]`; n + 1 entries. */
  start: Uint32Array;
  /** Per vertex, the fraction of its route's length from the origin (0…1): growth cuts there. */
  fraction: Float32Array;
}

/** The routes as drawn now. */
export interface RouteState {
  /** How much of route `i` is drawn, 0…1 (0: not at all). */
  progress: ArrayLike<number>;
  /** Its line width in pixels. */
  width: ArrayLike<number>;
  /** Its place in the drawing: of two routes under the pointer alike, the higher is on top. */
  order: ArrayLike<number>;
}

export interface RouteIndex {
  /** The route at (x, y), or -1: see `buildRouteIndex`. */
  hit(x: number, y: number, state: RouteState): number;
}

export interface RouteIndexOptions {
  width: number;
  height: number;
  /** The widest line any route may have (its half width counts as on the route). */
  maxWidth: number;
  /** How far outside a line a pointer still hits it: a finger is wider than a 2 px line. */
  slop: number;
  /** The grid's cell size in pixels (16: a few hundred segments in a cell by a hub of 10,000 routes). */
  cell?: number;
}

/**
 * The index of `geometry` in a box of `width` × `height`. `hit` answers the route whose drawn
 * line is nearest to the point, counting any point inside a line's width as distance 0, within
 * `slop` pixels of its edge; of routes alike (two lines over the point), the one drawn on top.
 * Only the drawn part of a growing route counts.
 */
export function buildRouteIndex(
  geometry: RouteGeometry,
  { width, height, maxWidth, slop, cell = 16 }: RouteIndexOptions,
): RouteIndex {
  const { xy, start, fraction } = geometry;
  const routes = start.length - 1;
  const vertices = start[routes] ?? 0;
  const cols = Math.max(1, Math.ceil(width / cell));
  const rows = Math.max(1, Math.ceil(height / cell));
  const reach = maxWidth / 2 + slop;
  const routeOf = new Uint32Array(vertices);
  for (let r = 0; r < routes; r++) routeOf.fill(r, start[r], start[r + 1]);

  /**
   * Calls `visit(cell)` for every cell a segment's reach may touch: row by row, the part of the
   * segment within the row's band, widened by `reach` (a few cells per segment, not its box).
   */
  const cellsOf = (k: number, visit: (c: number) => void) => {
    const x0 = xy[2 * k]!;
    const y0 = xy[2 * k + 1]!;
    const x1 = xy[2 * k + 2]!;
    const y1 = xy[2 * k + 3]!;
    const dy = y1 - y0;
    const rowFrom = Math.max(0, Math.floor((Math.min(y0, y1) - reach) / cell));
    const rowTo = Math.min(rows - 1, Math.floor((Math.max(y0, y1) + reach) / cell));
    for (let row = rowFrom; row <= rowTo; row++) {
      let t0 = 0;
      let t1 = 1;
      if (dy !== 0) {
        const a = (row * cell - reach - y0) / dy;
        const b = ((row + 1) * cell + reach - y0) / dy;
        t0 = Math.max(0, Math.min(a, b));
        t1 = Math.min(1, Math.max(a, b));
        if (t0 > t1) continue;
      }
      const xa = x0 + (x1 - x0) * t0;
      const xb = x0 + (x1 - x0) * t1;
      const colFrom = Math.max(0, Math.floor((Math.min(xa, xb) - reach) / cell));
      const colTo = Math.min(cols - 1, Math.floor((Math.max(xa, xb) + reach) / cell));
      for (let col = colFrom; col <= colTo; col++) visit(row * cols + col);
    }
  };
  const isSegment = (k: number) => k + 1 < vertices && routeOf[k] === routeOf[k + 1];

  // Two passes (count, then fill): one flat array of segments, cell after cell.
  const cellStart = new Uint32Array(cols * rows + 1);
  const count = (c: number) => (cellStart[c + 1] = cellStart[c + 1]! + 1);
  for (let k = 0; k < vertices; k++) if (isSegment(k)) cellsOf(k, count);
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1] = cellStart[c + 1]! + cellStart[c]!;
  const items = new Uint32Array(cellStart[cols * rows]!);
  const filled = cellStart.slice(0, cols * rows);
  for (let k = 0; k < vertices; k++) {
    if (!isSegment(k)) continue;
    cellsOf(k, (c) => {
      items[filled[c]!] = k;
      filled[c] = filled[c]! + 1;
    });
  }

  return {
    hit(x, y, { progress, width: lineWidth, order }) {
      if (!(x >= 0 && y >= 0 && x < cols * cell && y < rows * cell)) return -1;
      const c = Math.floor(y / cell) * cols + Math.floor(x / cell);
      let best = -1;
      let bestGap = Infinity;
      for (let i = cellStart[c]!; i < cellStart[c + 1]!; i++) {
        const k = items[i]!;
        const r = routeOf[k]!;
        const drawn = progress[r]!;
        const f0 = fraction[k]!;
        const f1 = fraction[k + 1]!;
        if (drawn <= 0 || drawn <= f0) continue;
        // The drawn part of the segment: all of it, or up to where the route has grown.
        const u = drawn >= f1 || f1 <= f0 ? 1 : (drawn - f0) / (f1 - f0);
        const ax = xy[2 * k]!;
        const ay = xy[2 * k + 1]!;
        const gap = Math.max(
          0,
          distanceToSegment(
            x,
            y,
            ax,
            ay,
            ax + (xy[2 * k + 2]! - ax) * u,
            ay + (xy[2 * k + 3]! - ay) * u,
          ) -
            lineWidth[r]! / 2,
        );
        if (gap > slop) continue;
        if (gap < bestGap || (gap === bestGap && order[r]! > order[best]!)) {
          best = r;
          bestGap = gap;
        }
      }
      return best;
    },
  };
}

/** The distance from (x, y) to the segment (ax, ay)–(bx, by). */
export function distanceToSegment(
  x: number,
  y: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const squared = dx * dx + dy * dy;
  const t = squared === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / squared));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}
