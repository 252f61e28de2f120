/**
 * The map part of an exported picture: the lite view (src/lite/liteView.ts) at one year, as SVG
 * markup, from the same camera (data/camera.ts), growth rule (routeProgress, partialPath),
 * widths (widthInYear) and label placement (placeMapLabels). Pure: strings, no DOM.
 */
import type { Position } from 'geojson';
import { dataExtent, fitView, mapPadding, project } from '../data/camera.ts';
import { partialPath, routeProgress, type Derived } from '../data/derive.ts';
import { widthInYear } from '../data/encoding.ts';
import type { LandPath } from '../data/landPath.ts';
import { MARKER_RADIUS, svgLabels } from '../data/mapLabels.ts';
import { drawTime, yearEnd } from '../data/time.ts';
import type { CorridorData, Lang } from '../data/types.ts';
import type { PictureStyle } from '../shared/houseStyle.ts';
import type { Selection } from '../state/store.ts';
import { element, escapeXml } from './xml.ts';

export interface MapPictureOptions {
  lang: Lang;
  year: number;
  selection: Selection;
  /** Colours of the map (a house style, or the default of the theme). */
  style: PictureStyle;
  /** The box in CSS pixels, as the lite view would have it. */
  width: number;
  height: number;
}

/**
 * The lite view's content at the end of `year` (a whole year, as a link or a reader with reduced
 * motion sees it: every route opened that year drawn whole), in a `width` × `height` box.
 */
export function mapMarkup(
  data: CorridorData,
  derived: Derived,
  land: LandPath,
  { lang, year, selection, style, width, height }: MapPictureOptions,
): string {
  const view = fitView(dataExtent(data), width, height, mapPadding(width));
  const position = (p: Position) => project(view, p);
  const time = drawTime(yearEnd(year), true);
  const routeSelected = selection?.kind === 'route' ? selection.id : undefined;
  const scale = view.k / land.scale;

  const routes = derived.paths.flatMap((path) => {
    const progress = routeProgress(path, time);
    if (progress <= 0) return [];
    const dimmed = routeSelected !== undefined && routeSelected !== path.id;
    return [
      element('path', {
        'data-route': path.id,
        'data-corridor': path.corridor,
        stroke: style.corridors[path.corridor],
        'stroke-width': round(widthInYear(path.widthSeries, year, derived.maxVolume)),
        'stroke-opacity': dimmed ? 0.35 : 0.9,
        d: pathData(partialPath(path, progress), position),
      }),
    ];
  });
  const places = data.places.map((place) => {
    const [x, y] = position(place.geometry.coordinates);
    return element('circle', { cx: round(x), cy: round(y), r: MARKER_RADIUS.place });
  });
  const hubs = data.hubs.map((hub) => {
    const [x, y] = position(hub.geometry.coordinates);
    const selected = selection?.kind === 'hub' && selection.id === hub.properties.id;
    const { hub: fill, marker: stroke } = style;
    return element('circle', {
      'data-hub': hub.properties.id,
      cx: round(x),
      cy: round(y),
      r: MARKER_RADIUS.hub,
      fill: selected ? stroke : fill,
      stroke: selected ? fill : stroke,
    });
  });
  const { labels, leaders: lines } = svgLabels(
    derived,
    lang,
    position,
    width,
    height,
    data.places.map((p) => p.geometry.coordinates),
  );
  const leaders = lines.map(([x1, y1, x2, y2]) =>
    element('line', { x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2) }),
  );
  const texts = labels.map((label) =>
    element(
      'text',
      {
        'data-label': label.id,
        x: round(label.box.x + label.box.width / 2),
        // The lite view centres with `dominant-baseline: central`; an offset from the centre
        // does the same in every renderer (resvg and image viewers vary on baselines).
        y: round(label.box.y + label.box.height / 2 + label.fontSize * 0.35),
        'font-size': label.fontSize,
        'font-weight': label.kind === 'hub' ? 600 : 500,
      },
      escapeXml(label.text),
    ),
  );

  return [
    element('rect', { width, height, fill: style.sea }),
    element('path', {
      fill: style.land,
      transform: `matrix(${scale} 0 0 ${scale} ${-view.x0 * view.k} ${-view.y0 * view.k})`,
      d: land.d,
    }),
    group(
      {
        class: 'routes',
        fill: 'none',
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
      },
      routes,
    ),
    group({ class: 'places', fill: style.place, 'fill-opacity': 0.8 }, places),
    group({ class: 'hubs', 'stroke-width': 2 }, hubs),
    group({ class: 'leaders', stroke: style.label, 'stroke-width': 1 }, leaders),
    group(
      {
        class: 'labels',
        fill: style.label,
        stroke: style.halo,
        'stroke-width': 3,
        'stroke-linejoin': 'round',
        'paint-order': 'stroke',
        'text-anchor': 'middle',
      },
      texts,
    ),
  ].join('\n');
}

function pathData(
  positions: readonly Position[],
  position: (p: Position) => [number, number],
): string {
  let d = '';
  for (const p of positions) {
    const [x, y] = position(p);
    d += `${d ? 'L' : 'M'}${round(x)} ${round(y)}`;
  }
  return d;
}

export function group(values: Record<string, string | number>, children: string[]): string {
  return element('g', values, children.length ? `\n${children.join('\n')}\n` : '');
}

/** One decimal: a tenth of a pixel is below what any screen or print shows. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
