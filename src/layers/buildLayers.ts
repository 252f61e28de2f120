import type { Layer, PickingInfo } from '@deck.gl/core';
import { TripsLayer } from '@deck.gl/geo-layers';
import type { Derived, RouteLeg, RoutePath } from '../data/derive.ts';
import { widthInYear } from '../data/encoding.ts';
import { drawTime, yearOf } from '../data/time.ts';
import type { Selection } from '../state/store.ts';
import { corridorColor } from './style.ts';
import type { TrainsLayer } from './trainsLayer.ts';

/** The part of the store the layers depend on. */
export interface LayerState {
  time: number;
  selection: Selection;
  playing: boolean;
  reducedMotion: boolean;
  /**
   * Route and hub of the timeline event told now (state/events.ts `selectEventHighlight`); '' or
   * absent for none. The route is drawn wider; the hub is ringed by the lite view, which draws
   * the hubs, places and labels over the live map too (lite/liteView.ts `setLive`).
   */
  highlight?: readonly [route: string, hub: string];
}

/** Layer ids: stable, so deck.gl matches layers across renders and keeps their GPU buffers. */
export const LAYER_IDS = {
  paths: 'route-paths',
  arcs: 'route-arcs',
  trains: 'trains',
} as const;

/**
 * The deck.gl layers for one moment of one map. Pure: the same state gives equal layers. Data
 * arrays come from `derived` and never change while time moves; animation goes through
 * `currentTime` and `filterRange` (uniforms), and per-year accessors through `updateTriggers`.
 */
export function buildLayers(
  state: LayerState,
  derived: Derived,
  /** The moving trains (trainsLayer.ts), loaded once the reader first plays; none until then. */
  trains?: TrainsLayer,
): Layer[] {
  const { time, selection, playing, reducedMotion } = state;
  const year = yearOf(time);
  const now = drawTime(time, reducedMotion) - derived.epoch;
  const selectedRoute = selection?.kind === 'route' ? selection.id : undefined;
  const [eventRoute] = state.highlight ?? ['', ''];
  const routeIdOf = (d: RoutePath | RouteLeg) => ('routeId' in d ? d.routeId : d.id);
  const isEvent = (d: RoutePath | RouteLeg) => eventRoute !== '' && routeIdOf(d) === eventRoute;
  // Widths follow the year shown, not every frame: a drawing value, never shown as a figure.
  // The event's route is drawn a few pixels wider while its caption shows.
  const width = (d: RoutePath | RouteLeg) =>
    widthInYear(d.widthSeries, year, derived.maxVolume) + (isEvent(d) ? 3 : 0);
  const emphasis = (d: RoutePath | RouteLeg) =>
    isEvent(d) || selectedRoute === undefined || routeIdOf(d) === selectedRoute ? 1 : 0.35;

  const layers: Layer[] = [
    new TripsLayer<RoutePath>({
      id: LAYER_IDS.paths,
      data: derived.paths,
      getPath: (d) => d.path as [number, number][],
      getTimestamps: (d) => d.timestamps,
      getColor: (d) => corridorColor(d.corridor, Math.round(230 * emphasis(d))),
      getWidth: width,
      widthUnits: 'pixels',
      widthMinPixels: 1,
      capRounded: true,
      jointRounded: true,
      currentTime: now,
      trailLength: 1e4,
      fadeTrail: false,
      pickable: true,
      updateTriggers: {
        getWidth: [year, eventRoute],
        getColor: [selectedRoute ?? '', eventRoute],
      },
    }),
    // The arcs between stops (data/arcs.ts): the routes' layer type, so one GPU program for both.
    new TripsLayer<RouteLeg>({
      id: LAYER_IDS.arcs,
      data: derived.legs,
      getPath: (d) => d.path as [number, number][],
      getTimestamps: (d) => d.timestamps,
      getColor: (d) => corridorColor(d.corridor, Math.round(150 * emphasis(d))),
      getWidth: (d) => Math.max(1, width(d) * 0.6),
      widthUnits: 'pixels',
      jointRounded: true,
      currentTime: now,
      trailLength: 1e4,
      fadeTrail: false,
      pickable: true,
      updateTriggers: {
        getWidth: [year, eventRoute],
        getColor: [selectedRoute ?? '', eventRoute],
      },
    }),
  ];

  if (playing && !reducedMotion && trains) layers.splice(2, 0, trains(year, now, derived));
  return layers;
}

/** What a click or a keyboard pick on the map means for the store. */
export function selectionFromPick(info: Pick<PickingInfo, 'layer' | 'object'>): Selection {
  const object = info.object as RoutePath | RouteLeg | undefined;
  if (!object || !info.layer) return null;
  switch (info.layer.id) {
    case LAYER_IDS.paths:
      return { kind: 'route', id: (object as RoutePath).id };
    case LAYER_IDS.arcs:
      return { kind: 'route', id: (object as RouteLeg).routeId };
    default:
      return null;
  }
}
