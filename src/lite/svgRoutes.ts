/**
 * The lite view's routes as SVG paths, one each (up to `CANVAS_ROUTES`, canvasRoutes.ts): each
 * a click target with a pointer's title in the reader's language, grown with the timeline, its
 * width by year. Only what changed is touched: a path given a width or a class, even the same
 * one, is restyled and laid out again (issue 20).
 */
import type { Position } from 'geojson';
import { partialPath, routeProgress, type RoutePath } from '../data/derive.ts';
import { widthInYear } from '../data/encoding.ts';
import type { Lang, RouteFeature } from '../data/types.ts';
import { afterPaint } from '../shared/dom.ts';
import { pixel, svgNode } from './labelNodes.ts';
import type { RouteDrawing } from './routeDrawing.ts';

interface SvgRoute {
  path: RoutePath;
  el: SVGPathElement;
  title: SVGTitleElement;
  progress: number;
  width: number;
}

export function createSvgRoutes(
  layer: SVGGElement,
  paths: readonly RoutePath[],
  features: readonly RouteFeature[],
  maxVolume: number,
  position: (p: Position) => [number, number],
  onRoute: (id: string) => void,
): RouteDrawing {
  const routes = new Map<string, SvgRoute>();
  for (const path of paths) {
    const title = svgNode('title');
    const el = svgNode('path', {
      class: 'cm-lite-route',
      'data-route': path.id,
      // Its colour from the stylesheet by corridor (--cm-corridor-*: the house style sets them).
      'data-corridor': path.corridor,
    });
    el.append(title);
    layer.append(el);
    routes.set(path.id, { path, el, title, progress: -1, width: NaN });
  }
  // One listener for every route, not one each (100,000 routes, issue 9).
  const onClick = (event: MouseEvent) => {
    const id = (event.target as Element).closest<SVGPathElement>('.cm-lite-route')?.dataset.route;
    if (id === undefined) return;
    event.stopPropagation();
    onRoute(id);
  };
  layer.addEventListener('click', onClick);

  let named: Lang | undefined;
  function nameRoutes() {
    if (named === undefined) return;
    for (const route of features) {
      const drawn = routes.get(route.properties.id);
      if (drawn) drawn.title.textContent = route.properties.name[named];
    }
  }
  const laterTitles = afterPaint(nameRoutes);

  let drawnYear = NaN;
  function pathData(positions: readonly Position[]): string {
    let d = '';
    for (const p of positions) {
      const [x, y] = position(p);
      d += `${d ? 'L' : 'M'}${pixel(x)} ${pixel(y)}`;
    }
    return d;
  }

  /**
   * Moves `className` from the route element that has it (`marked`) to the route `id` ('' for
   * none), touching those two only: 100,000 routes are not rewritten for one change (issue 9).
   * Returns the element marked now.
   */
  function mark(marked: SVGPathElement | undefined, id: string, className: string) {
    const el = id ? routes.get(id)?.el : undefined;
    if (el !== marked) {
      marked?.classList.remove(className);
      el?.classList.add(className);
    }
    return el;
  }
  let selected: SVGPathElement | undefined;
  let told: SVGPathElement | undefined;

  return {
    kind: 'svg',
    layout() {
      for (const r of routes.values()) r.progress = -1; // positions moved: redraw every route
      drawnYear = NaN;
    },
    draw(time, year) {
      // Widths change once a year, growth every frame: touch only what changed.
      const newYear = year !== drawnYear;
      drawnYear = year;
      let changed = false;
      for (const route of routes.values()) {
        const progress = routeProgress(route.path, time);
        if (newYear) {
          // Set only where it changed: a path given a width, even the same one, is restyled and
          // laid out again, and a year then touched every one of 10,000 routes (issue 20).
          const width = widthInYear(route.path.widthSeries, year, maxVolume);
          if (width !== route.width) {
            route.width = width;
            route.el.setAttribute('stroke-width', String(width));
            changed = true;
          }
        }
        if (progress === route.progress) continue;
        route.progress = progress;
        changed = true;
        route.el.classList.toggle('cm-hidden', progress <= 0);
        route.el.setAttribute('d', progress > 0 ? pathData(partialPath(route.path, progress)) : '');
      }
      return changed;
    },
    // Each path takes its own clicks (above).
    hit: () => undefined,
    shape(id) {
      const route = routes.get(id);
      if (!route || route.el.classList.contains('cm-hidden')) return undefined;
      return {
        d: route.el.getAttribute('d') ?? '',
        width: route.width,
        corridor: route.path.corridor,
      };
    },
    select(id) {
      // One opacity on the routes' group (liteView.ts), the class on the selected path only.
      selected = mark(selected, id, 'cm-selected');
    },
    event(id) {
      told = mark(told, id, 'cm-event');
    },
    rename(lang) {
      const first = named === undefined;
      named = lang;
      // Every route's title (a pointer's tooltip) after the paint, but for the first time: 10,000
      // titles rewritten were a quarter of the language switch's script there (issue 20).
      if (first) nameRoutes();
      else laterTitles.request();
    },
    // The stylesheet colours the paths.
    restyle: () => undefined,
    // The stylesheet hides the routes' group over the live map (.cm-lite-over).
    over: () => undefined,
    destroy() {
      laterTitles.cancel();
      layer.removeEventListener('click', onClick);
    },
  };
}
