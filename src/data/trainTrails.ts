/**
 * Where the moving trains are at one moment: one short path per train on the map (its trail, up
 * to its head), as deck.gl's binary path data. Worked out on the CPU for the trains running now —
 * tens, a few thousand on the largest maps — rather than drawing every train's whole route and
 * discarding all but its trail on the GPU: software WebGL (phones without a GPU driver, headless
 * browsers) pays for every vertex a path layer draws, seen or not, and the whole-route trains
 * cost the live map a fifth of its frame rate.
 */
import type { Position } from 'geojson';
import { TRAIN_LOOP, TRAIN_TRIP, trainCounts, type Derived, type Train } from './derive.ts';

/** Length of a moving train's trail, in loop time. */
export const TRAIN_TRAIL = 0.06;

export interface TrainTrails {
  /** Trails, one per train on the map now. */
  length: number;
  /** Index of each trail's first vertex. */
  startIndices: Uint32Array;
  /** [lon, lat] per vertex. */
  positions: Float64Array;
  /**
   * Per vertex, loop time before the head (−TRAIN_TRAIL at a full trail's tail, 0 at the head): a
   * TripsLayer at currentTime 0 with trailLength TRAIN_TRAIL fades each trail towards its tail.
   */
  timestamps: Float32Array;
  /** The train of each trail (its colour). */
  trains: Train[];
}

/** Index of the last vertex at or before fraction `f` (fractions ascend from 0 to 1). */
function vertexBefore(fractions: number[], f: number): number {
  let lo = 0;
  let hi = fractions.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fractions[mid]! <= f) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The point at fraction `f` of a line, between its vertices. */
function pointAt(path: Position[], fractions: number[], f: number): [number, number] {
  const i = Math.min(vertexBefore(fractions, f), path.length - 2);
  const [a, b] = [path[i]!, path[i + 1]!];
  const span = fractions[i + 1]! - fractions[i]!;
  const t = span > 0 ? Math.min(1, Math.max(0, (f - fractions[i]!) / span)) : 0;
  return [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t];
}

/**
 * The trails of the trains moving at `now` (years after the epoch) in `year`: on routes fully
 * drawn by then, ranked below the year's number of trains (trainCounts), with the head or a part
 * of the trail on the route. Pure: the same moment gives equal arrays.
 */
export function trainTrails(derived: Derived, year: number, now: number): TrainTrails {
  const loopTime = ((now % TRAIN_LOOP) + TRAIN_LOOP) % TRAIN_LOOP;
  const allowed = trainCounts(derived, year);
  const trail = TRAIN_TRAIL / TRAIN_TRIP;
  const shown: {
    train: Train;
    tail: number;
    front: number;
    head: number;
    from: number;
    to: number;
  }[] = [];
  let vertices = 0;
  for (const train of derived.trains) {
    if (train.running > now || train.rank >= (allowed.get(train.routeId) ?? 0)) continue;
    if (train.path.length < 2) continue;
    const head = (loopTime - train.departs) / TRAIN_TRIP;
    if (head <= 0 || head - trail >= 1) continue;
    const tail = Math.max(0, head - trail);
    const front = Math.min(1, head);
    // Vertices strictly inside (tail, front), between the two interpolated ends.
    const from = vertexBefore(train.fractions, tail) + 1;
    let to = vertexBefore(train.fractions, front);
    if (train.fractions[to] === front) to--;
    shown.push({ train, tail, front, head, from, to });
    vertices += 2 + Math.max(0, to - from + 1);
  }
  const startIndices = new Uint32Array(shown.length);
  const positions = new Float64Array(vertices * 2);
  const timestamps = new Float32Array(vertices);
  let v = 0;
  const put = ([lon, lat]: Position, f: number, head: number) => {
    positions[v * 2] = lon!;
    positions[v * 2 + 1] = lat!;
    timestamps[v] = (f - head) * TRAIN_TRIP;
    v++;
  };
  shown.forEach(({ train, tail, front, head, from, to }, i) => {
    const { path, fractions } = train;
    startIndices[i] = v;
    put(pointAt(path, fractions, tail), tail, head);
    for (let k = from; k <= to; k++) put(path[k]!, fractions[k]!, head);
    put(pointAt(path, fractions, front), front, head);
  });
  return {
    length: shown.length,
    startIndices,
    positions,
    timestamps,
    trains: shown.map((s) => s.train),
  };
}
