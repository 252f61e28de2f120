/**
 * The lite view (DESIGN §1): the map as SVG in the page, from the same store, camera, growth rule,
 * widths and label placement as the live map, and none of its code. Hubs are buttons (click, Tab +
 * Enter), routes are clickable, routes grow with the timeline; a tooltip names a hub and its
 * headline figure. It is what every reader sees first and what a reader without WebGL keeps.
 *
 * What it cannot do — zoom, pan, moving trains — is the reader "reaching for the map": a drag,
 * a pinch, Ctrl/⌘ + wheel, a zoom button, a zoom or pan key on the focused map, or the explore
 * button call `onReach`, and the live map takes over (src/embed/mapView.ts). The view stays over
 * it with its hubs, places and labels, placed with the live camera (`setLive`, `follow`).
 */
import type { Position } from 'geojson';
import { dataExtent, fitViewClear, mapPadding, project, type View } from '../data/camera.ts';
import type { Derived } from '../data/derive.ts';
import type { LandPath } from '../data/landPath.ts';
import { MARKER_RADIUS, svgLabels } from '../data/mapLabels.ts';
import { drawTime, yearOf } from '../data/time.ts';
import type { HubFeature, Lang } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
import { h } from '../shared/dom.ts';
import { selectEventHub, selectEventRoute } from '../state/events.ts';
import { selectSelection, selectYear, tuple } from '../state/selectors.ts';
import type { CorridorStore } from '../state/store.ts';
import { watch } from '../state/watch.ts';
import { CANVAS_ROUTES, createCanvasRoutes } from './canvasRoutes.ts';
import { controlsBox, createControls } from './controls.ts';
import { headlineFigure } from './headline.ts';
import { labelNodes, pixel, svgNode } from './labelNodes.ts';
import type { RouteDrawing } from './routeDrawing.ts';
import { createSvgRoutes } from './svgRoutes.ts';

/** What the reader did that needs the live map. */
export type Reach = 'drag' | 'pinch' | 'wheel' | 'zoom-in' | 'zoom-out' | 'key' | 'explore';

export interface LiteViewOptions {
  derived: Derived;
  land: LandPath;
  /** The reader reached for what only the live map does; absent: the controls are not shown. */
  onReach?: (reach: Reach) => void;
}

/** The live map's camera, for what the lite view draws over it. */
export interface LiveCamera {
  project(position: Position): [x: number, y: number];
}

export interface LiteView {
  svg: SVGSVGElement;
  /** The camera the view shows now (the live map starts from it). */
  view(): View;
  /**
   * The live map took over (`camera`: its projection) or gave back (null). Over the live map the
   * view keeps its hubs, places and labels, placed with the live camera — one set of markers and
   * labels for both views — and stops drawing land, sea and routes (the live map draws them; the
   * routes would otherwise be redrawn on every frame of play for no reader).
   */
  setLive(camera: LiveCamera | null): void;
  /** The live camera moved (`settled`: and stopped): markers follow, labels are placed again. */
  follow(settled: boolean): void;
  /** The house colours changed (the theme): what the stylesheet does not colour reads them again. */
  restyle(): void;
  destroy(): void;
}

/** Pixels a pointer may move and still be a click, not a drag. */
const DRAG_PIXELS = 6;

export function createLiteView(
  container: HTMLElement,
  store: CorridorStore,
  { derived, land, onReach }: LiteViewOptions,
): LiteView {
  const { data } = store.getState();
  const extent = dataExtent(data);
  const root = svgNode('svg', { class: 'cm-lite', tabindex: 0, role: 'group' });
  const landGroup = svgNode('g', { class: 'cm-lite-land' });
  const landShape = svgNode('path', { d: land.d });
  landGroup.append(landShape);
  const routeLayer = svgNode('g', { class: 'cm-lite-routes' });
  // The selected route and the event's, drawn again over the others while they are dimmed:
  // dimming is one opacity on routeLayer, not a style on each of its paths (below).
  const topLayer = svgNode('g', { class: 'cm-lite-routes-top', 'aria-hidden': 'true' });
  const placeLayer = svgNode('g', { class: 'cm-lite-places', 'aria-hidden': 'true' });
  const hubLayer = svgNode('g', { class: 'cm-lite-hubs' });
  const labelLayer = svgNode('g', { class: 'cm-lite-labels', 'aria-hidden': 'true' });
  // Sea and land in an SVG of their own under the rest, each in a compositing layer of its own
  // (CSS): the land is most of what there is to paint, and a click that restyles routes, hubs or
  // labels (a selection dims every other route) then repaints them without it (issue 20).
  const base = svgNode('svg', { class: 'cm-lite-base', 'aria-hidden': 'true' });
  base.append(svgNode('rect', { class: 'cm-lite-sea', width: '100%', height: '100%' }), landGroup);
  root.append(routeLayer, topLayer, placeLayer, hubLayer, labelLayer);
  const tooltip = h('div', { class: 'cm-tooltip', role: 'tooltip', hidden: true });
  tooltip.id = `${container.id || 'cm'}-tooltip-${Math.random().toString(36).slice(2, 8)}`;
  container.append(base, root, tooltip);

  const controls = onReach ? createControls(container, store, onReach) : undefined;

  const selectRoute = (id: string) => {
    const s = store.getState();
    s.select(s.selection?.id === id ? null : { kind: 'route', id });
  };
  // Routes: an SVG path each, or past CANVAS_ROUTES one canvas under the hubs and labels
  // (canvasRoutes.ts says why); the lite view asks the same of both.
  const canvasRoutes =
    derived.paths.length > CANVAS_ROUTES
      ? createCanvasRoutes(derived.paths, derived.maxVolume, (p) => position(p))
      : undefined;
  const routes: RouteDrawing =
    canvasRoutes ??
    createSvgRoutes(
      routeLayer,
      derived.paths,
      data.routes,
      derived.maxVolume,
      (p) => position(p),
      selectRoute,
    );
  if (canvasRoutes) container.insertBefore(canvasRoutes.canvas, root);
  const hubs = data.hubs.map((hub) => {
    const el = svgNode('g', { class: 'cm-lite-hub', role: 'button', tabindex: 0 });
    el.dataset.hub = hub.properties.id;
    el.setAttribute('aria-describedby', tooltip.id);
    el.append(svgNode('circle', { r: MARKER_RADIUS.hub }));
    const select = () => {
      const s = store.getState();
      const id = hub.properties.id;
      s.select(s.selection?.kind === 'hub' && s.selection.id === id ? null : { kind: 'hub', id });
    };
    el.addEventListener('click', (event) => {
      event.stopPropagation();
      select();
    });
    el.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      event.stopPropagation();
      select();
    });
    const show = () => showTooltip(hub, el);
    // A pointer's tooltip waits for the next paint: on a phone a tap fires mouseenter in the same
    // run of events as its click, and building the headline figure's text (number formatting)
    // there held the hub panel's paint back (issue 20). A keyboard focus shows it at once.
    el.addEventListener('mouseenter', () => {
      cancelTooltip();
      tooltipFrame = requestAnimationFrame(() => {
        tooltipTimer = setTimeout(show, 0);
      });
    });
    // A tap or a click focuses the hub too: its mouseenter has already asked for the tooltip, and
    // building it here as well would put that work back into the press (issue 20).
    el.addEventListener('focus', () => {
      if (el.matches(':focus-visible')) show();
    });
    el.addEventListener('mouseleave', hideTooltip);
    el.addEventListener('blur', hideTooltip);
    hubLayer.append(el);
    return { hub, el };
  });
  const places = data.places.map((place) => {
    const el = svgNode('circle', { class: 'cm-lite-place', r: MARKER_RADIUS.place });
    el.dataset.place = place.properties.id;
    placeLayer.append(el);
    return { place, el };
  });

  // What must not sit under the controls: every marker and route end.
  const points = [
    ...data.hubs.map((hub) => hub.geometry.coordinates),
    ...data.places.map((place) => place.geometry.coordinates),
    ...data.routes.flatMap((route) => {
      const line = route.geometry.coordinates;
      return line.length ? [line[0]!, line[line.length - 1]!] : [];
    }),
  ];
  /**
   * The camera for a box of `width` × `height`, clear of the controls where there are any; kept
   * for the last size (a change of language lays the view out again, in the same box).
   */
  let fitted: { key: string; view: View } | undefined;
  const fit = (width: number, height: number) => {
    const key = `${width}×${height}`;
    if (fitted?.key !== key) {
      const keepOut = onReach ? controlsBox(width) : undefined;
      const view = fitViewClear(extent, width, height, mapPadding(width), points, keepOut);
      fitted = { key, view };
    }
    return fitted.view;
  };
  let view: View = fit(640, 360);
  let live: LiveCamera | null = null;
  const position = (p: Position) => (live ? live.project(p) : project(view, p));

  function showTooltip(hub: HubFeature, anchor: SVGGElement) {
    const { lang, data } = store.getState();
    const figure = headlineFigure(data, hub, lang);
    tooltip.replaceChildren(
      h('strong', {}, hub.properties.name[lang]),
      ...(figure ? [h('br'), figure] : []),
    );
    tooltip.hidden = false;
    anchor.classList.add('cm-hover');
    // Placed in the next frame, when the browser lays the page out anyway: its size read here
    // would force a layout of the whole frame in the pointer's task, just before the click that
    // follows it (issue 20: a hub's click within 100 ms on a phone).
    cancelTooltip();
    tooltipFrame = requestAnimationFrame(() => {
      const [x, y] = position(hub.geometry.coordinates);
      // Above the marker, kept inside the map box (CSSOM, not a style attribute: strict CSP).
      const width = tooltip.offsetWidth;
      tooltip.style.left = `${Math.max(4, Math.min(view.width - width - 4, x - width / 2))}px`;
      tooltip.style.top = `${Math.max(4, y - MARKER_RADIUS.hub - 8 - tooltip.offsetHeight)}px`;
    });
  }
  let tooltipFrame = 0;
  let tooltipTimer: ReturnType<typeof setTimeout> | undefined;
  function cancelTooltip() {
    cancelAnimationFrame(tooltipFrame);
    clearTimeout(tooltipTimer);
  }
  function hideTooltip() {
    cancelTooltip();
    tooltip.hidden = true;
    for (const { el } of hubs) el.classList.remove('cm-hover');
  }

  /** Everything that depends on the box size or the language: positions and labels. */
  // The box's size, from the ResizeObserver: reading it from the DOM would force a layout of the
  // whole page in the middle of mounting.
  let size = { width: 0, height: 0 };
  function layout(lang: Lang) {
    const { width, height } = size;
    if (width < 1 || height < 1) return;
    view = fit(width, height);
    for (const svg of [base, root]) {
      svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
      svg.setAttribute('width', String(width));
      svg.setAttribute('height', String(height));
    }
    const scale = view.k / land.scale;
    landGroup.setAttribute(
      'transform',
      `matrix(${scale} 0 0 ${scale} ${-view.x0 * view.k} ${-view.y0 * view.k})`,
    );
    placeMarkers();
    names(lang);
    // Positions moved: every route drawn again (over the live map, none: the map draws them).
    if (shown) routes.layout(width, height);
    drawRoutes();
  }

  /**
   * What a new language changes: names and labels, not positions — no route is redrawn for it
   * (issue 20: the language switch within 100 ms on a phone).
   */
  let named: Lang | undefined;
  function names(lang: Lang) {
    named = lang;
    for (const { hub, el } of hubs) el.setAttribute('aria-label', hub.properties.name[lang]);
    placeLabels(lang);
    routes.rename(lang);
    root.setAttribute('aria-label', t(lang, 'mapLabel'));
  }
  /** The language changed: only names, once the box has been laid out at all. */
  function relabel(lang: Lang) {
    if (named === undefined) layout(lang);
    else if (lang !== named) names(lang);
  }

  function placeMarkers() {
    for (const { hub, el } of hubs) {
      const [x, y] = position(hub.geometry.coordinates);
      el.setAttribute('transform', `translate(${pixel(x)} ${pixel(y)})`);
    }
    for (const { place, el } of places) {
      const [x, y] = position(place.geometry.coordinates);
      el.setAttribute('cx', String(pixel(x)));
      el.setAttribute('cy', String(pixel(y)));
    }
  }

  /** Each label's nodes and where its point was when placed: they move with it (follow). */
  let placed: { nodes: SVGElement[]; position: Position; at: [number, number] }[] = [];
  function placeLabels(lang: Lang) {
    const { labels, leaders } = svgLabels(
      derived,
      lang,
      position,
      size.width,
      size.height,
      data.places.map((p) => p.geometry.coordinates),
      // Clear of the controls, the lite view's and (in the same place) the live map's.
      onReach ? [controlsBox(size.width)] : [],
    );
    const { nodes, parts } = labelNodes(labels, leaders);
    labelLayer.replaceChildren(...nodes);
    placed = parts.map(({ label, nodes }) => ({
      nodes,
      position: label.position,
      at: position(label.position),
    }));
  }

  /** While the live camera moves: each label keeps its offset from its point. */
  function shiftLabels() {
    for (const { nodes, position: p, at } of placed) {
      const [x, y] = position(p);
      const shift = `translate(${pixel(x - at[0])} ${pixel(y - at[1])})`;
      for (const node of nodes) node.setAttribute('transform', shift);
    }
  }

  let shown = true;
  /** Route growth and widths for the time shown; only routes whose drawing changed are touched. */
  function drawRoutes() {
    if (!shown) return;
    const s = store.getState();
    if (routes.draw(drawTime(s.time, s.reducedMotion), yearOf(s.time))) drawTop();
  }

  /** The selected route and the event's ('' for none): what `drawTop` draws again on top. */
  let selectedRoute = '';
  let eventRoute = '';
  function drawSelection(key: string) {
    const isRoute = key.startsWith('route:');
    // One opacity on the routes' group, not a style on each route (a class on the SVG that every
    // path's style followed): with 10,000 routes that restyled and laid out every path, 2.6 s
    // of layout at 4× CPU in a route's click (issue 20).
    routeLayer.classList.toggle('cm-dimmed', isRoute);
    selectedRoute = isRoute ? key.slice('route:'.length) : '';
    routes.select(selectedRoute);
    drawTop();
    for (const { hub, el } of hubs) {
      const selected = key === `hub:${hub.properties.id}`;
      el.classList.toggle('cm-selected', selected);
      el.setAttribute('aria-pressed', String(selected));
    }
  }

  /** The route and hub of the event told now (state/events.ts), highlighted; '' for none. */
  function drawEvent([route, hub]: readonly [string, string]) {
    eventRoute = route;
    routes.event(route);
    drawTop();
    for (const { hub: h, el } of hubs) el.classList.toggle('cm-event', h.properties.id === hub);
  }

  /**
   * Copies of the selected route and the event's, drawn over the others, without pointer events
   * (a click reaches the route under its copy): while a route is selected (the others dimmed),
   * and on the canvas the event's route at all times (an SVG path has its own highlight,
   * `.cm-lite-route.cm-event`). At most two paths: a selection or a year touches these, not
   * every route.
   */
  function drawTop() {
    const dimmed = selectedRoute !== '';
    const ids = dimmed ? [selectedRoute, eventRoute] : canvasRoutes ? [eventRoute] : [];
    const copies: SVGPathElement[] = [];
    ids.forEach((id, i) => {
      const shape = id && ids.indexOf(id) === i ? routes.shape(id) : undefined;
      if (!shape) return;
      copies.push(
        svgNode('path', {
          class: id === eventRoute ? 'cm-lite-route-top cm-event' : 'cm-lite-route-top',
          'data-route': id,
          'data-corridor': shape.corridor,
          d: shape.d,
          'stroke-width': String(shape.width),
        }),
      );
    });
    topLayer.replaceChildren(...copies);
  }

  // Pointer: a click on the sea or land closes the panel; a drag or pinch reaches for the map.
  const pointers = new Map<number, { x: number; y: number }>();
  // The browser ends a drag with a click on the same element: that click must not close the panel.
  let dragged = false;
  const onPointerDown = (event: PointerEvent) => {
    dragged = false;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size > 1) onReach?.('pinch');
  };
  const onPointerMove = (event: PointerEvent) => {
    const start = pointers.get(event.pointerId);
    if (!start) return;
    if (Math.hypot(event.clientX - start.x, event.clientY - start.y) > DRAG_PIXELS) {
      pointers.clear();
      dragged = true;
      onReach?.('drag');
    }
  };
  const onPointerUp = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
  };
  const onClick = (event: MouseEvent) => {
    if (dragged) return;
    // On the canvas, the route under the pointer (its grid): read before anything is written, so
    // the box's position costs no layout of its own.
    const box = canvasRoutes && root.getBoundingClientRect();
    const id = box && routes.hit(event.clientX - box.left, event.clientY - box.top);
    if (id) selectRoute(id);
    else store.getState().select(null);
  };
  const onWheel = (event: WheelEvent) => {
    // Only a deliberate zoom: a plain wheel scrolls the article, as it must in an embed.
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    onReach?.('wheel');
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.target !== root) return;
    if (['+', '=', '-', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) {
      event.preventDefault();
      onReach?.(
        event.key === '+' || event.key === '=' ? 'zoom-in' : event.key === '-' ? 'zoom-out' : 'key',
      );
    }
  };
  root.addEventListener('pointerdown', onPointerDown);
  root.addEventListener('pointermove', onPointerMove);
  root.addEventListener('pointerup', onPointerUp);
  root.addEventListener('pointercancel', onPointerUp);
  root.addEventListener('click', onClick);
  root.addEventListener('wheel', onWheel, { passive: false });
  root.addEventListener('keydown', onKey);

  const resize = new ResizeObserver((entries) => {
    const box = entries.at(-1)?.contentRect;
    if (!box || (Math.round(box.width) === size.width && Math.round(box.height) === size.height))
      return;
    // Whole pixels, as the live map measures its box (maplibre reads clientWidth/clientHeight):
    // the two views fit the same camera to the same size and draw their lines on the same pixels.
    size = { width: Math.round(box.width), height: Math.round(box.height) };
    layout(store.getState().lang);
  });
  resize.observe(container);
  const unwatch = [
    watch(store, (s) => s.lang, relabel),
    watch(
      store,
      tuple((s) => drawTime(s.time, s.reducedMotion), selectYear),
      drawRoutes,
      {
        immediate: false,
      },
    ),
    watch(store, selectSelection, drawSelection),
    watch(store, tuple(selectEventRoute, selectEventHub), drawEvent),
  ];
  container.dataset.view = 'lite';

  return {
    svg: root,
    setLive(camera) {
      if (camera === live) return;
      live = camera;
      root.classList.toggle('cm-lite-over', live !== null);
      base.classList.toggle('cm-lite-over', live !== null);
      routes.over(live !== null);
      // Over the live map the canvas takes the keys; the hubs stay in the tab order.
      root.setAttribute('tabindex', live ? '-1' : '0');
      hideTooltip();
      shown = live === null;
      // Places everything for the camera now; shown again, every route is redrawn for the time
      // that passed under the live map.
      layout(store.getState().lang);
    },
    follow(settled) {
      if (!live) return;
      placeMarkers();
      if (settled) placeLabels(store.getState().lang);
      else shiftLabels();
    },
    restyle: () => routes.restyle(),
    view: () => {
      // Asked before the first resize callback (the live map loading at once): measure now.
      if (size.width < 1) {
        const { clientWidth: width, clientHeight: height } = container;
        if (width >= 1 && height >= 1) return fit(width, height);
      }
      return view;
    },
    destroy() {
      cancelTooltip();
      routes.destroy();
      resize.disconnect();
      for (const stop of unwatch) stop();
      controls?.();
      root.remove();
      base.remove();
      tooltip.remove();
      delete container.dataset.view;
    },
  };
}
