import type { Layer, PickingInfo } from '@deck.gl/core';
import { TripsLayer } from '@deck.gl/geo-layers';
import type { Derived, RouteLeg, RoutePath } from '../data/derive.ts';
import { widthInYear } from '../data/encoding.ts';
import { drawTime, yearOf } from '../data/time.ts';
import type { Selection } from '../state/store.ts';
import { corridorColor, type Palette } from './style.ts';
import { trainsLayer } from './trainsLayer.ts';

/** The part of the store the layers depend on. */
export interface LayerState {
  time: number;
  selection: Selection;
  playing: boolean;
  reducedMotion: boolean;
  /**
   * The route of the timeline event told now (state/events.ts `selectEventRoute`), drawn wider;
   * '' or absent for none. Its hub is ringed by the lite view, which draws the hubs, places and
   * labels over the live map too (lite/liteView.ts `setLive`).
   */
  eventRoute?: string;
  /** Corridor colours of a house style (src/embed/houseValues.ts); the default when absent. */
  palette?: Palette;
}

/** Layer ids: stable, so deck.gl matches layers across renders and keeps their GPU buffers. */
export const LAYER_IDS = {
  routes: 'routes',
  trains: 'trains',
} as const;

/** A line of the routes layer: a route, or the arc of one of its legs. */
type RouteLine = RoutePath | RouteLeg;
const isArc = (d: RouteLine): d is RouteLeg => 'routeId' in d;
const routeIdOf = (d: RouteLine) => (isArc(d) ? d.routeId : d.id);

/**
 * The deck.gl layers for one moment of one map. Pure: the same state gives equal layers. Data
 * arrays come from `derived` and never change while time moves: the routes grow through
 * `currentTime` (a uniform), per-year accessors change through `updateTriggers`. Only the moving
 * trains are new data each frame: a short trail per train on the map (data/trainTrails.ts).
 */
export function buildLayers(state: LayerState, derived: Derived): Layer[] {
  const { time, selection, playing, reducedMotion, palette } = state;
  const year = yearOf(time);
  const now = drawTime(time, reducedMotion) - derived.epoch;
  const selectedRoute = selection?.kind === 'route' ? selection.id : undefined;
  const eventRoute = state.eventRoute ?? '';
  const isEvent = (d: RouteLine) => eventRoute !== '' && routeIdOf(d) === eventRoute;
  // Widths follow the year shown, not every frame: a drawing value, never shown as a figure.
  // The event's route is drawn a few pixels wider while its caption shows.
  const width = (d: RouteLine) =>
    widthInYear(d.widthSeries, year, derived.maxVolume) + (isEvent(d) ? 3 : 0);
  const emphasis = (d: RouteLine) =>
    isEvent(d) || selectedRoute === undefined || routeIdOf(d) === selectedRoute ? 1 : 0.35;

  // The routes alone, as the lite view and the static picture draw them: one picture in every
  // view (issue 20). The arcs between stops (data/arcs.ts, derived.lines) are no longer drawn:
  // an arc is the chord of a leg the schematic route already draws where the trains run, a
  // second, thinner line of the same colour that told the reader nothing more, drew a different
  // picture from the lite view every reader sees first, and cost vertices in software WebGL.
  const layers: Layer[] = [
    new TripsLayer<RouteLine>({
      id: LAYER_IDS.routes,
      data: derived.paths,
      getPath: (d) => d.path as [number, number][],
      getTimestamps: (d) => d.timestamps,
      getColor: (d) =>
        corridorColor(d.corridor, Math.round((isArc(d) ? 150 : 230) * emphasis(d)), palette),
      getWidth: (d) => (isArc(d) ? Math.max(1, width(d) * 0.6) : width(d)),
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
        getColor: [selectedRoute ?? '', eventRoute, palette ? JSON.stringify(palette) : ''],
      },
    }),
  ];

  // Trains move only while playing: a paused map, or a reader who asked for less motion, sees
  // the routes still.
  if (playing && !reducedMotion)
    layers.push(trainsLayer(LAYER_IDS.trains, year, now, derived, palette));
  return layers;
}

/** What a click or a keyboard pick on the map means for the store. */
export function selectionFromPick(info: Pick<PickingInfo, 'layer' | 'object'>): Selection {
  const object = info.object as RouteLine | undefined;
  if (!object || info.layer?.id !== LAYER_IDS.routes) return null;
  return { kind: 'route', id: routeIdOf(object) };
}
