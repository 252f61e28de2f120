/**
 * The moving trains: one short trail per train on the map (data/trainTrails.ts), drawn with the
 * routes' own layer type, so playing compiles no GPU program and loads no code of its own.
 */
import type { Layer, LayerData } from '@deck.gl/core';
import { TripsLayer } from '@deck.gl/geo-layers';
import type { Derived } from '../data/derive.ts';
import { TRAIN_TRAIL, trainTrails } from '../data/trainTrails.ts';
import { corridorColor, type Palette } from './style.ts';

/** The trains at `now` (years after the epoch) in `year`. Pure, like buildLayers. */
export function trainsLayer(
  id: string,
  year: number,
  now: number,
  derived: Derived,
  palette?: Palette,
): Layer {
  const trails = trainTrails(derived, year, now);
  return new TripsLayer<unknown>({
    id,
    // Binary data: deck.gl reads the typed arrays as they are, without an object per vertex.
    // (`startIndices` is read by the path layers, not part of deck.gl's LayerData type.)
    data: {
      length: trails.length,
      startIndices: trails.startIndices,
      attributes: {
        getPath: { value: trails.positions, size: 2 },
        getTimestamps: { value: trails.timestamps, size: 1 },
      },
    } as LayerData<unknown>,
    _pathType: 'open',
    getColor: (_, { index }) => corridorColor(trails.trains[index]!.corridor, 255, palette),
    getWidth: 5,
    widthUnits: 'pixels',
    capRounded: true,
    jointRounded: true,
    // Timestamps count back from each head (0): the trail fades towards its tail.
    currentTime: 0,
    trailLength: TRAIN_TRAIL,
  });
}
