/**
 * The static picture of the map (DESIGN §4): what a reader sees without WebGL or before the
 * interactive map loads. A standalone SVG document string, made in Node at build time from the
 * same validated data and basemap as the live map; no DOM.
 *
 * Everything is projected point by point with Web Mercator and drawn with straight segments,
 * as maplibre and deck.gl draw GeoJSON lines, so the picture matches the interactive map rather
 * than d3's great-circle rendering (which would also read the RFC 7946 winding of the basemap
 * as "everything but the land").
 */
import { geoPath } from 'd3-geo';
import type { Geometry, Position } from 'geojson';
import type { Basemap } from '../data/basemap.ts';
import { CORRIDORS } from '../data/types.ts';
import type { Corridor, CorridorData, Lang } from '../data/types.ts';
import { CORRIDOR_NAMES, t } from '../i18n/strings.ts';
import { LAND_COLORS } from '../shared/colors.ts';
import type { PictureStyle } from '../shared/houseStyle.ts';
import { placeLabels, textWidth } from '../data/labels.ts';
import { fitProjection, visibleBasemap } from './projection.ts';
import type { Box } from '../data/labels.ts';
import { element, escapeXml } from './xml.ts';

export interface StaticMapOptions {
  /** Size in CSS pixels; the SVG scales (viewBox), these set its proportions and detail. */
  width: number;
  height: number;
  lang: Lang;
  /** CSS colour per corridor, the same as the live map's. */
  colors: Record<Corridor, string>;
  /** A house style's sea, land, labels, hubs and font (src/shared/houseStyle.ts); none: the default. */
  house?: PictureStyle;
}

export const FONT_FAMILY = '"Noto Sans SC", "Noto Sans CJK SC", sans-serif';
// The picture is drawn at 960 px and mostly shown at 400–700: text and marks are sized for that.
const FONT_SIZE = 18;
const HUB_RADIUS = 6;
// The live map's light theme, so the picture that stands in for it looks the same.
const STYLE = { ...LAND_COLORS.light, text: '#222', halo: '#fff', hub: '#fff', font: FONT_FAMILY };
type Style = typeof STYLE;

/** The default style, or a house style's colours and font in its place. */
function styleOf(house: PictureStyle | undefined): Style {
  if (!house) return STYLE;
  const { sea, land, label: text, halo, hub, font } = house;
  return { ...STYLE, sea, land, text, halo, hub, font: font || FONT_FAMILY };
}

/** A standalone SVG document of the routes, hubs and their names over the land. */
export function renderStaticMap(
  data: CorridorData,
  basemap: Basemap,
  options: StaticMapOptions,
): string {
  const { width, height, lang, colors } = checkOptions(options);
  const style = styleOf(options.house);
  const projection = fitProjection(data, width, height);
  const project = (p: Position): Position => projection([p[0] ?? NaN, p[1] ?? NaN]) ?? [NaN, NaN];
  const path = geoPath().digits(1);
  const d = (geometry: Geometry | undefined): string => (geometry && path(geometry)) || '';

  const legend = legendOf(data, lang, colors, height, style);
  const hubPoints = data.hubs.map((hub) => project(hub.geometry.coordinates));

  const routes = data.routes.map((route) => {
    const { id, corridor, name, mode } = route.properties;
    const line = {
      type: 'LineString' as const,
      coordinates: route.geometry.coordinates.map(project),
    };
    const title = element('title', {}, escapeXml(name[lang]));
    return element(
      'path',
      {
        class: 'route',
        'data-route': id,
        'data-corridor': corridor,
        stroke: colors[corridor],
        // Sea legs dashed, so the mode never rests on the legend alone.
        'stroke-dasharray': mode === 'sea' ? '6 4' : undefined,
        d: d(line),
      },
      title,
    );
  });

  const hubs = data.hubs.map((hub, i) => {
    const [x = NaN, y = NaN] = hubPoints[i] ?? [];
    const title = element('title', {}, escapeXml(hub.properties.name[lang]));
    return element(
      'circle',
      { 'data-hub': hub.properties.id, cx: fix(x), cy: fix(y), r: HUB_RADIUS },
      title,
    );
  });

  const labels = hubLabels(data, hubPoints, lang, { x: 0, y: 0, width, height }, legend.box);

  const { land, borders } = visibleBasemap(basemap, projection, width, height);
  const landPath = d({
    type: 'MultiPolygon',
    coordinates: land.map((p) => p.map((r) => r.map(project))),
  });
  const borderPath = d({
    type: 'MultiLineString',
    coordinates: borders.map((l) => l.map(project)),
  });

  const body = [
    element('title', {}, escapeXml(t(lang, 'title'))),
    element('desc', {}, escapeXml(describeMap(data, lang))),
    element('rect', { class: 'sea', width, height, fill: style.sea }),
    element('path', { class: 'land', fill: style.land, d: landPath }),
    element('path', {
      class: 'borders',
      fill: 'none',
      stroke: STYLE.border,
      'stroke-width': 0.6,
      d: borderPath,
    }),
    group(
      {
        class: 'routes',
        fill: 'none',
        'stroke-width': 4,
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
      },
      routes,
    ),
    group({ class: 'hubs', fill: style.hub, stroke: style.text, 'stroke-width': 1.5 }, hubs),
    group({ class: 'labels', ...textStyle(style) }, labels),
    legend.markup,
  ];
  const root = {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    lang: lang === 'zh' ? 'zh-Hans' : 'en',
    'font-family': style.font,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('svg', root, `\n${body.join('\n')}\n`)}\n`;
}

function checkOptions(options: StaticMapOptions): StaticMapOptions {
  for (const key of ['width', 'height'] as const) {
    const value = options[key];
    if (!Number.isFinite(value) || value <= 0) throw new Error(`invalid ${key}: ${value}`);
  }
  return options;
}

/** Hub names in `lang`, each beside its marker where it fits (see `labels.ts`). */
function hubLabels(
  data: CorridorData,
  points: readonly Position[],
  lang: Lang,
  bounds: Box,
  legend: Box,
): string[] {
  const requests = data.hubs.map((hub, i) => {
    const [x = NaN, y = NaN] = points[i] ?? [];
    return { id: hub.properties.id, x, y, text: hub.properties.name[lang] };
  });
  const markers: Box[] = requests.map(({ x, y }) => ({
    x: x - HUB_RADIUS,
    y: y - HUB_RADIUS,
    width: 2 * HUB_RADIUS,
    height: 2 * HUB_RADIUS,
  }));
  const placed = placeLabels(requests, {
    fontSize: FONT_SIZE,
    radius: HUB_RADIUS,
    bounds,
    obstacles: [...markers, legend],
  });
  return requests.flatMap(({ id, text }, i) => {
    const label = placed[i];
    if (!label) return [];
    const { x, y, anchor } = label;
    return [
      element(
        'text',
        { 'data-hub': id, x: fix(x), y: fix(y), 'text-anchor': anchor },
        escapeXml(text),
      ),
    ];
  });
}

/** Corridor key, bottom left: colour is never the only carrier of the corridor's name. */
function legendOf(
  data: CorridorData,
  lang: Lang,
  colors: Record<Corridor, string>,
  height: number,
  style: Style,
): { markup: string; box: Box } {
  const present = CORRIDORS.filter((c) => data.routes.some((r) => r.properties.corridor === c));
  const line = FONT_SIZE + 6;
  const swatch = 18;
  const textWidths = present.map((c) => textWidth(CORRIDOR_NAMES[c][lang], FONT_SIZE));
  const box: Box = {
    x: 8,
    y: height - 8 - 8 - line * present.length,
    width: 8 + swatch + 6 + Math.max(0, ...textWidths) + 8,
    height: 8 + line * present.length,
  };
  if (!present.length) return { markup: '', box: { ...box, width: 0, height: 0 } };
  const rows = present.map((corridor, i) => {
    const y = box.y + 4 + line * i + line / 2;
    return [
      element('line', {
        x1: fix(box.x + 8),
        x2: fix(box.x + 8 + swatch),
        y1: fix(y),
        y2: fix(y),
        stroke: colors[corridor],
        'stroke-width': 3,
      }),
      element(
        'text',
        { x: fix(box.x + 8 + swatch + 6), y: fix(y + FONT_SIZE * 0.35) },
        escapeXml(CORRIDOR_NAMES[corridor][lang]),
      ),
    ].join('');
  });
  const background = element('rect', { ...box, fill: '#fff', 'fill-opacity': 0.85, rx: 3 });
  const markup = group({ class: 'legend', 'font-size': FONT_SIZE, fill: style.text }, [
    background,
    ...rows,
  ]);
  return { markup, box };
}

/** `<title>`/`<desc>` text: what the picture shows, in words, for screen readers and search. */
function describeMap(data: CorridorData, lang: Lang): string {
  const zh = lang === 'zh';
  const list = (items: string[]): string => items.join(zh ? '、' : ', ');
  const sentence = (text: string): string =>
    /[.。]$/.test(text) ? text : text + (zh ? '。' : '.');
  const colon = zh ? '：' : ': ';
  const corridors = CORRIDORS.flatMap((corridor) => {
    const names = data.routes
      .filter((r) => r.properties.corridor === corridor)
      .map((r) => r.properties.name[lang]);
    return names.length ? [CORRIDOR_NAMES[corridor][lang] + colon + list(names)] : [];
  });
  const hubs = data.hubs.map((h) => h.properties.name[lang]);
  return [
    t(lang, 'mapLabel'),
    ...corridors,
    ...(hubs.length ? [t(lang, 'hubs') + colon + list(hubs)] : []),
    t(lang, 'schematic'),
    t(lang, 'attribution'),
  ]
    .map(sentence)
    .join(zh ? '' : ' ');
}

function textStyle(style: Style): Record<string, string | number> {
  // A halo drawn under the letters (paint-order) keeps names legible over lines and land.
  return {
    'font-size': FONT_SIZE,
    fill: style.text,
    stroke: style.halo,
    'stroke-width': 3,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
  };
}

function group(values: Record<string, string | number>, children: string[]): string {
  return element('g', values, children.length ? `\n${children.join('\n')}\n` : '');
}

/** One decimal: a tenth of a pixel is below what any screen shows. */
function fix(value: number): number {
  return Math.round(value * 10) / 10;
}
