/**
 * The moving trains: a layer of its own module, loaded when a reader first plays (createMap.ts),
 * so that a map that is only looked at never fetches the data-filter extension it needs.
 */
import type { Layer } from '@deck.gl/core';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { TripsLayer } from '@deck.gl/geo-layers';
import { TRAIN_LOOP, trainCounts, type Derived, type Train } from '../data/derive.ts';
import { LAYER_IDS } from './buildLayers.ts';
import { corridorColor } from './style.ts';

/** Length of a moving train's trail, in loop time. */
const TRAIN_TRAIL = 0.06;

// An extension holds no per-instance state, so one serves every map on the page.
const filter4 = new DataFilterExtension({ filterSize: 4 });

/** The trains at `now` (years after the epoch) in `year`. Pure, like buildLayers. */
export function trainsLayer(year: number, now: number, derived: Derived): Layer {
  const loopTime = ((now % TRAIN_LOOP) + TRAIN_LOOP) % TRAIN_LOOP;
  const allowed = trainCounts(derived, year);
  return new TripsLayer<Train, DataFilterExtensionProps<Train>>({
    id: LAYER_IDS.trains,
    data: derived.trains,
    getPath: (d) => d.path as [number, number][],
    getTimestamps: (d) => d.timestamps,
    getColor: (d) => corridorColor(d.corridor),
    getWidth: 5,
    widthUnits: 'pixels',
    capRounded: true,
    currentTime: loopTime,
    trailLength: TRAIN_TRAIL,
    extensions: [filter4],
    getFilterValue: (d: Train) => [
      d.running,
      d.rank - (allowed.get(d.routeId) ?? 0),
      d.timestamps[0]!,
      d.timestamps.at(-1)!,
    ],
    // Running since before now, ranked below this year's number of trains, and a piece of the
    // route the train (head or trail) is on now.
    filterRange: [
      [-1e6, now],
      [-1e6, -0.5],
      [-1e6, loopTime],
      [loopTime - TRAIN_TRAIL, 1e6],
    ],
    updateTriggers: { getFilterValue: year },
  });
}

export type TrainsLayer = typeof trainsLayer;
