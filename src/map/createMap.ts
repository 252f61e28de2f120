import { MapLibreOverlay } from '@deck.gl/maplibre';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Basemap } from '../data/basemap.ts';
import { buildLayers, selectionFromPick, type LayerState } from '../layers/buildLayers.ts';
import type { Derived } from '../layers/derive.ts';
import { t } from '../i18n/strings.ts';
import type { CorridorState, CorridorStore } from '../state/store.ts';
import { dataBounds } from './camera.ts';
import { basemapStyle, type Theme } from './style.ts';

maplibregl.setWorkerUrl(workerUrl);

export interface CorridorMap {
  map: maplibregl.Map;
  overlay: MapLibreOverlay;
  destroy(): void;
}

export interface CreateMapOptions {
  basemap: Basemap;
  derived: Derived;
  theme: Theme;
  /** Called once, after the basemap and the deck.gl layers have drawn their first frame. */
  onRendered?: () => void;
}

function layerState(s: CorridorState): LayerState {
  return {
    time: s.time,
    lang: s.lang,
    selection: s.selection,
    playing: s.playing,
    reducedMotion: s.reducedMotion,
    hubs: s.data.hubs,
    places: s.data.places,
  };
}

const changed = (a: CorridorState, b: CorridorState) =>
  a.time !== b.time ||
  a.lang !== b.lang ||
  a.selection !== b.selection ||
  a.playing !== b.playing ||
  a.reducedMotion !== b.reducedMotion;

/**
 * The maplibre map with the offline basemap and the deck.gl overlay, interleaved so that the
 * routes sit in the map's own WebGL context. Picks become store actions; store changes become
 * layer updates. Returns its teardown.
 */
export function createCorridorMap(
  container: HTMLElement,
  store: CorridorStore,
  { basemap, derived, theme, onRendered }: CreateMapOptions,
): CorridorMap {
  const state = store.getState();
  const map = new maplibregl.Map({
    container,
    style: basemapStyle(basemap, theme),
    bounds: dataBounds(state.data),
    fitBoundsOptions: { padding: 40 },
    renderWorldCopies: false,
    attributionControl: { compact: true, customAttribution: 'GeoNames' },
    // An embed must not capture the page's scroll wheel: zoom needs Ctrl/⌘ until the map has focus.
    cooperativeGestures: true,
    dragRotate: false,
    pitchWithRotate: false,
    locale: {
      'NavigationControl.ZoomIn': t(state.lang, 'zoomIn'),
      'NavigationControl.ZoomOut': t(state.lang, 'zoomOut'),
    },
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');

  const canvas = map.getCanvas();
  canvas.setAttribute('aria-label', t(state.lang, 'mapLabel'));
  const onFocus = () => map.cooperativeGestures.disable();
  const onBlur = () => map.cooperativeGestures.enable();
  canvas.addEventListener('focus', onFocus);
  canvas.addEventListener('blur', onBlur);

  // "Rendered" needs both: the basemap loaded and a deck.gl frame drawn. Either can come last.
  let rendered = false;
  let loaded = false;
  let drawn = false;
  const signal = () => {
    if (rendered || !loaded || !drawn) return;
    rendered = true;
    onRendered?.();
  };
  map.once('load', () => {
    loaded = true;
    signal();
  });
  map.on('idle', signal);
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: buildLayers(layerState(state), derived),
    onClick: (info) => store.getState().select(selectionFromPick(info)),
    getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
    onAfterRender: () => {
      drawn = true;
      signal();
    },
  });
  map.addControl(overlay);

  const unsubscribe = store.subscribe((next, previous) => {
    if (changed(next, previous))
      overlay.setProps({ layers: buildLayers(layerState(next), derived) });
  });

  return {
    map,
    overlay,
    destroy() {
      unsubscribe();
      map.off('idle', signal);
      canvas.removeEventListener('focus', onFocus);
      canvas.removeEventListener('blur', onBlur);
      map.removeControl(overlay);
      overlay.finalize();
      map.remove();
    },
  };
}
