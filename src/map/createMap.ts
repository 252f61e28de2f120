import { MapLibreOverlay } from '@deck.gl/maplibre';
import { WebGLDevice } from '@luma.gl/webgl';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Basemap } from '../data/basemap.ts';
import type { Derived } from '../data/derive.ts';
import { t } from '../i18n/strings.ts';
import { buildLayers, selectionFromPick } from '../layers/buildLayers.ts';
import type { RGB, Theme } from '../shared/colors.ts';
import type { Corridor } from '../data/types.ts';
import { selectEventRoute } from '../state/events.ts';
import { selectSelection, tuple } from '../state/selectors.ts';
import type { CorridorStore } from '../state/store.ts';
import { watch } from '../state/watch.ts';
import { basemapStyle } from './style.ts';

maplibregl.setWorkerUrl(workerUrl);

export interface CorridorMap {
  map: maplibregl.Map;
  overlay: MapLibreOverlay;
  /**
   * Follows a theme change after load (the reader's system setting, or the host's option), with
   * the house colours the page has in that theme.
   */
  setTheme(theme: Theme, colors: LiveColors): void;
  destroy(): void;
}

/** The house colours of the live map (src/embed/houseValues.ts `mapColors`). */
export interface LiveColors {
  sea: string;
  land: string;
  corridors: Record<Corridor, RGB>;
}

export interface CreateMapOptions {
  basemap: Basemap;
  derived: Derived;
  theme: Theme;
  colors: LiveColors;
  /** The camera of the lite view it replaces (data/camera.ts `mapCamera`), so the two line up. */
  camera: { center: [number, number]; zoom: number };
  /** The camera moved (`settled`: and stopped, or the map was resized). */
  onCamera?: (settled: boolean) => void;
  /** Called once, after the basemap and the deck.gl layers have drawn their first frame. */
  onRendered?: () => void;
  /** The GPU took the context away (too many maps, a driver reset); the view falls back. */
  onContextLost?: () => void;
  onContextRestored?: () => void;
}

/**
 * The live view: the maplibre map with the offline basemap and the deck.gl overlay, interleaved
 * so that the routes sit in the map's own WebGL context. Picks become store actions; store
 * changes become layer updates through `watch`, one selector for what the layers draw.
 */
export function createCorridorMap(
  container: HTMLElement,
  store: CorridorStore,
  {
    basemap,
    derived,
    theme,
    colors,
    camera,
    onCamera,
    onRendered,
    onContextLost,
    onContextRestored,
  }: CreateMapOptions,
): CorridorMap {
  let currentTheme = theme;
  let palette = colors.corridors;
  const map = new maplibregl.Map({
    container,
    // No country lines: the lite view, the picture every reader sees first, draws none, and the
    // two views draw one picture (issue 20; 1.3 of the 2.5% of pixels that differed at 1280 px).
    style: basemapStyle(basemap, theme, false, colors),
    center: camera.center,
    zoom: camera.zoom,
    renderWorldCopies: false,
    // No attribution control: the map's footer credits Natural Earth and GeoNames in both views,
    // and maplibre's box sat over the southernmost labels (Port of Singapore; issue 20).
    attributionControl: false,
    // An embed must not capture the page's scroll wheel: zoom needs Ctrl/⌘ until the map has focus.
    cooperativeGestures: true,
    dragRotate: false,
    pitchWithRotate: false,
  });
  map.touchZoomRotate.disableRotation();
  const navigation = new maplibregl.NavigationControl({ showCompass: false });
  map.addControl(navigation, 'top-right');

  const canvas = map.getCanvas();
  const onFocus = () => map.cooperativeGestures.disable();
  const onBlur = () => map.cooperativeGestures.enable();
  canvas.addEventListener('focus', onFocus);
  canvas.addEventListener('blur', onBlur);

  // "Rendered" is the first frame that holds everything the reader saw in the lite view: the
  // basemap loaded, every land tile in (map.loaded(): 'load' alone came while the land was still
  // missing, a frame of bare sea), and a deck.gl frame drawn in it. The box swaps to this map on
  // that signal (mapView.ts), so what it shows first must be whole (issue 20: an invisible swap).
  let rendered = false;
  let loaded = false;
  let drawn = false;
  const signal = () => {
    if (rendered || !loaded || !drawn || !map.loaded()) return;
    rendered = true;
    performance.mark('corridor:first-frame');
    // One pick now compiles deck.gl's picking shaders (most of a second in software WebGL):
    // done on a reader's first click instead, it blocks the main thread between pointerdown and
    // pointerup, and the click is lost as too slow to be a tap.
    overlay.pickObject({ x: 0, y: 0 });
    onRendered?.();
  };
  map.once('load', () => {
    loaded = true;
    signal();
  });
  // After each frame maplibre drew (the deck.gl layers drawn within it, interleaved): the frame
  // the swap shows is this one, complete.
  map.on('render', signal);
  map.on('idle', signal);

  const render = () => {
    const s = store.getState();
    overlay.setProps({
      layers: buildLayers(
        {
          time: s.time,
          selection: s.selection,
          playing: s.playing,
          reducedMotion: s.reducedMotion,
          eventRoute: selectEventRoute(s),
          palette,
        },
        derived,
      ),
    });
  };

  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: [],
    onClick: (info) => store.getState().select(selectionFromPick(info)),
    getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
    onAfterRender: () => {
      drawn = true;
    },
  });
  map.addControl(overlay);
  render();
  // Hubs, places and labels are the lite view's, over the canvas (mapView.ts): told of each move.
  const onMove = () => onCamera?.(false);
  const onMoveEnd = () => onCamera?.(true);
  map.on('move', onMove);
  map.on('moveend', onMoveEnd);
  map.on('resize', onMoveEnd);

  const unwatchLayers = watch(
    store,
    tuple(
      (s) => s.time,
      selectSelection,
      (s) => s.playing,
      (s) => s.reducedMotion,
      selectEventRoute,
    ),
    render,
    { immediate: false },
  );
  // The canvas's name and the zoom buttons follow the reader's language, not the first one.
  const unwatchLang = watch(
    store,
    (s) => s.lang,
    (lang) => {
      canvas.setAttribute('aria-label', t(lang, 'mapLabel'));
      container
        .querySelector('.maplibregl-ctrl-zoom-in')
        ?.setAttribute('aria-label', t(lang, 'zoomIn'));
      container.querySelector('.maplibregl-ctrl-zoom-in')?.setAttribute('title', t(lang, 'zoomIn'));
      container
        .querySelector('.maplibregl-ctrl-zoom-out')
        ?.setAttribute('aria-label', t(lang, 'zoomOut'));
      container
        .querySelector('.maplibregl-ctrl-zoom-out')
        ?.setAttribute('title', t(lang, 'zoomOut'));
    },
  );

  const onLost = (event: Event) => {
    event.preventDefault(); // tells the browser we want the context back
    onContextLost?.();
  };
  const onRestored = () => {
    // maplibre rebuilds its own resources; deck.gl's layers are re-created from scratch.
    overlay.setProps({ layers: [] });
    render();
    map.triggerRepaint();
    onContextRestored?.();
  };
  canvas.addEventListener('webglcontextlost', onLost);
  canvas.addEventListener('webglcontextrestored', onRestored);

  return {
    map,
    overlay,
    setTheme(next, nextColors) {
      if (next === currentTheme) return;
      currentTheme = next;
      palette = nextColors.corridors;
      map.setStyle(basemapStyle(basemap, next, false, nextColors));
      render();
    },
    destroy() {
      unwatchLayers();
      unwatchLang();
      map.off('idle', signal);
      map.off('render', signal);
      map.off('move', onMove);
      map.off('moveend', onMoveEnd);
      map.off('resize', onMoveEnd);
      canvas.removeEventListener('focus', onFocus);
      canvas.removeEventListener('blur', onBlur);
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', onRestored);
      const gl = canvas.getContext('webgl2');
      // deck.gl attached a luma.gl device to maplibre's context and does not destroy what it did
      // not create: the device's canvas observers (resize, intersection and a device-pixel-ratio
      // matchMedia listener) would hold this canvas, and the whole map with it, for the page's
      // life. Taken before finalize(), which unlinks the device from the context.
      const device = WebGLDevice.getDeviceFromContext(gl);
      map.removeControl(overlay);
      overlay.finalize();
      device?.canvasContext?.destroy();
      // Give the context back now rather than when the garbage collector finds it: a page of
      // many maps runs out of contexts long before it runs out of memory.
      map.remove();
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    },
  };
}
