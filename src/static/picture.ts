/**
 * The exported picture (issue 12, "pictures out"): the current view — year, selection, language,
 * theme — as one standalone SVG document with the title, the map as the lite view draws it, the
 * legend, the source line and the attribution inside the picture, so that it can be printed or
 * posted on its own. Pure (strings, no DOM): the download control in the page, `npm run export`
 * and the build's social cards all call `renderPicture`.
 *
 * Laid out at 1200 units wide and scaled to the width asked for (1200 or 2400 px): the 2400 px
 * picture is the 1200 one at twice the resolution. The map is the lite view at 800 CSS px,
 * scaled 1.5×, so its lines, markers and labels keep the lite view's proportions.
 */
import { routeProgress, type Derived } from '../data/derive.ts';
import type { LandPath } from '../data/landPath.ts';
import { dataAsOf } from '../data/periods.ts';
import { textWidth } from '../data/labels.ts';
import { yearEnd } from '../data/time.ts';
import { CORRIDORS, type CorridorData, type Lang } from '../data/types.ts';
import { formatDate } from '../i18n/format.ts';
import { CORRIDOR_NAMES, t } from '../i18n/strings.ts';
import { headlineText } from '../lite/headline.ts';
import type { Theme } from '../shared/colors.ts';
import { defaultPictureStyle, type PictureStyle } from '../shared/houseStyle.ts';
import { findHub, findRoute, pointYear, yearRange } from '../state/selectors.ts';
import type { Selection } from '../state/store.ts';
import { mapMarkup, round } from './pictureMap.ts';
import { FONT_FAMILY } from './staticMap.ts';
import { element, escapeXml } from './xml.ts';

/** The widths the download control and the CLI offer. */
export const PICTURE_WIDTHS = [1200, 2400] as const;
/** The social card (Open Graph, Twitter `summary_large_image`). */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

export interface PictureInput {
  data: CorridorData;
  derived: Derived;
  /** The lite view's land (src/data/landPath.ts). */
  land: LandPath;
}

export interface PictureOptions {
  lang: Lang;
  year: number;
  selection?: Selection;
  theme?: Theme;
  /** Width of the picture in pixels (default 1200); the height follows the content. */
  width?: number;
  /** `picture` (default) or `card`: the 1200 × 630 social card (title, year, map, corridors). */
  format?: 'picture' | 'card';
  /**
   * Fonts to embed as `@font-face` (`data:` URLs): a browser drawing the SVG into a canvas uses no
   * font of the page, so the download control passes the shipped subset (and a house font) here.
   */
  fonts?: readonly { family: string; url: string }[];
  /**
   * Colours, font and credit line (a house style, src/shared/houseStyle.ts): the page passes its
   * computed values, the build those of its house file. Default: the default style of `theme`.
   */
  style?: PictureStyle;
}

export interface Picture {
  svg: string;
  width: number;
  height: number;
}

/** Layout units: the picture is drawn 1200 wide, then scaled. */
const W = 1200;
const PAD = 40;
/** The lite view's CSS pixels per layout unit. */
const MAP_SCALE = 1.5;
const MAP_HEIGHT = 675; // 16:9, as the page's map box

/**
 * The picture of the view `options` describes. Throws `invalid <name>: <value>` for a width or
 * year that is not a number; an unknown selection is drawn as no selection.
 */
export function renderPicture(input: PictureInput, options: PictureOptions): Picture {
  const { data } = input;
  const { lang, year, format = 'picture' } = options;
  const theme = options.theme ?? 'light';
  const width = options.width ?? W;
  if (!Number.isFinite(width) || width < 100 || width > 10_000) {
    throw new Error(`invalid width: ${width}`);
  }
  if (!Number.isInteger(year)) throw new Error(`invalid year: ${year}`);
  const selection = knownSelection(data, options.selection ?? null);
  const colors = options.style ?? defaultPictureStyle(theme);
  const card = format === 'card';
  const parts: string[] = [];
  const text = (
    x: number,
    y: number,
    content: string,
    attrs: Record<string, string | number> = {},
  ) => parts.push(element('text', { x, y, ...attrs }, escapeXml(content)));

  // Header: the title, and the year large at the right.
  const yearSize = card ? 72 : 64;
  const yearText = String(year);
  const titleSize = card ? 44 : 36;
  const titleRoom = W - 2 * PAD - textWidth(yearText, yearSize) - 32;
  let y = PAD;
  for (const line of wrap(t(lang, 'title'), titleSize, titleRoom, 2)) {
    y += titleSize * 1.15;
    text(PAD, y, line, { class: 'title', 'font-size': titleSize, 'font-weight': 700 });
  }
  text(W - PAD, PAD + yearSize * 0.9, yearText, {
    class: 'year',
    'font-size': yearSize,
    'font-weight': 700,
    'text-anchor': 'end',
  });
  const [first, last] = yearRange(data, year);
  const subtitle = t(lang, 'subtitle', { first, last: Math.max(last, first) });
  for (const line of wrap(subtitle, 20, titleRoom, 2)) {
    y += 28;
    text(PAD, y, line, { class: 'subtitle', 'font-size': 20, fill: colors.muted });
  }
  y = Math.max(y, PAD + yearSize);
  const caption = card ? [] : selectionCaption(data, selection, lang);
  for (const [i, line] of caption.entries()) {
    for (const piece of wrap(line, i === 0 ? 20 : 16, W - 2 * PAD, 2)) {
      y += i === 0 ? 30 : 24;
      text(PAD, y, piece, {
        class: 'caption',
        'font-size': i === 0 ? 20 : 16,
        ...(i > 0 && { fill: colors.muted }),
      });
    }
  }
  y += 20;

  // The map, edge to edge.
  const footer = card ? 64 : 0;
  const mapHeight = card ? CARD_SIZE.height - y - footer : MAP_HEIGHT;
  const map = mapMarkup(data, input.derived, input.land, {
    lang,
    year,
    selection,
    style: colors,
    width: W / MAP_SCALE,
    height: mapHeight / MAP_SCALE,
  });
  parts.push(
    element(
      'svg',
      {
        class: 'map',
        x: 0,
        y: round(y),
        width: W,
        height: round(mapHeight),
        viewBox: `0 0 ${round(W / MAP_SCALE)} ${round(mapHeight / MAP_SCALE)}`,
      },
      `\n${map}\n`,
    ),
  );
  y += mapHeight;
  if (card) {
    // The attribution inside the card too, small in the map's corner.
    const attribution = [colors.credit, t(lang, 'attribution')].filter(Boolean).join(' · ');
    text(W - 12, round(y - 10), attribution, {
      class: 'source',
      'font-size': 14,
      'text-anchor': 'end',
      fill: colors.muted,
    });
  }

  // Legend: the corridors by colour and name, then what width and grey dots mean.
  y += card ? 40 : 44;
  let x = PAD;
  const legendSize = card ? 18 : 20;
  const present = CORRIDORS.filter((c) => data.routes.some((r) => r.properties.corridor === c));
  for (const corridor of present) {
    const name = CORRIDOR_NAMES[corridor][lang];
    const itemWidth = 36 + textWidth(name, legendSize) + 28;
    if (x > PAD && x + itemWidth > W - PAD) {
      x = PAD;
      y += legendSize * 1.6;
    }
    parts.push(
      element('line', {
        class: 'swatch',
        x1: x,
        x2: x + 28,
        y1: round(y - legendSize * 0.35),
        y2: round(y - legendSize * 0.35),
        stroke: colors.corridors[corridor],
        'stroke-width': 6,
        'stroke-linecap': 'round',
      }),
    );
    text(x + 36, round(y), name, { class: 'legend', 'font-size': legendSize });
    x += itemWidth;
  }
  if (!card) {
    const notes = [`${t(lang, 'widthMeans')} ${t(lang, 'noYearly')}`, t(lang, 'unlabelled')];
    y += 8;
    for (const note of notes) {
      for (const line of wrap(note, 16, W - 2 * PAD, 2)) {
        y += 24;
        text(PAD, round(y), line, { class: 'legend-note', 'font-size': 16, fill: colors.muted });
      }
    }
    // Sources and attribution, under a rule.
    y += 20;
    parts.push(
      element('line', {
        x1: PAD,
        x2: W - PAD,
        y1: y,
        y2: y,
        stroke: colors.line,
        'stroke-width': 1,
      }),
    );
    y += 4;
    const asOf = dataAsOf(data);
    const lines = [
      ...(colors.credit ? wrap(colors.credit, 16, W - 2 * PAD, 1) : []),
      ...(asOf ? [t(lang, 'dataAsOf', { date: formatDate(asOf, lang) })] : []),
      ...wrap(sourceLine(input, selection, year, lang), 16, W - 2 * PAD, 3),
      ...wrap(`${t(lang, 'attribution')} ${t(lang, 'schematic')}`, 16, W - 2 * PAD, 2),
    ];
    for (const line of lines) {
      y += 24;
      text(PAD, round(y), line, { class: 'source', 'font-size': 16, fill: colors.muted });
    }
    y += PAD - 8;
  } else {
    y = CARD_SIZE.height;
  }

  const height = Math.ceil(y);
  const outWidth = Math.round(width);
  const outHeight = Math.round((height * outWidth) / W);
  const fonts = options.fonts ?? [];
  const stack = colors.font || FONT_FAMILY;
  // The embedded fonts first (the label subset: Chinese everywhere), unless the house stack names
  // them itself; a house font named in its stack is found there.
  const extra = fonts.filter((f) => !stack.includes(f.family)).map((f) => `"${f.family}"`);
  const fontFamily = colors.font ? [stack, ...extra].join(', ') : [...extra, stack].join(', ');
  const defs = fonts.length
    ? element(
        'defs',
        {},
        element(
          'style',
          {},
          escapeXml(
            fonts
              .map(
                (f) =>
                  `@font-face{font-family:"${f.family.replace(/["\\]/g, '')}";src:url(${f.url})}`,
              )
              .join(''),
          ),
        ),
      )
    : '';
  const body = [
    element('title', {}, escapeXml(`${t(lang, 'title')} · ${year}`)),
    defs,
    element('rect', { width: W, height, fill: colors.bg }),
    element('g', { fill: colors.text }, `\n${parts.join('\n')}\n`),
  ].filter(Boolean);
  const root = {
    xmlns: 'http://www.w3.org/2000/svg',
    width: outWidth,
    height: outHeight,
    viewBox: `0 0 ${W} ${height}`,
    role: 'img',
    lang: lang === 'zh' ? 'zh-Hans' : 'en',
    'font-family': fontFamily,
    'data-year': year,
    'data-theme': theme,
  };
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${element('svg', root, `\n${body.join('\n')}\n`)}\n`;
  return { svg, width: outWidth, height: outHeight };
}

function knownSelection(data: CorridorData, selection: Selection): Selection {
  if (selection?.kind === 'hub' && findHub(data, selection.id)) return selection;
  if (selection?.kind === 'route' && findRoute(data, selection.id)) return selection;
  return null;
}

/** What is selected, in words: a hub and its headline figure, or a route and its first train. */
function selectionCaption(data: CorridorData, selection: Selection, lang: Lang): string[] {
  const dash = lang === 'zh' ? '——' : ' — ';
  const colon = lang === 'zh' ? '：' : ': ';
  const [open, close] = lang === 'zh' ? ['（', '）'] : [' (', ')'];
  if (selection?.kind === 'hub') {
    const hub = findHub(data, selection.id);
    if (!hub) return [];
    const headline = headlineText(data, hub, lang);
    const name = hub.properties.name[lang];
    return headline
      ? [`${name}${dash}${headline.label}${colon}${headline.value}`, headline.source]
      : [name];
  }
  if (selection?.kind === 'route') {
    const route = findRoute(data, selection.id);
    if (!route) return [];
    const { name, corridor, opened } = route.properties;
    return [
      `${name[lang]}${open}${CORRIDOR_NAMES[corridor][lang]}${close}${dash}${t(lang, 'opened')}${colon}${formatDate(opened, lang)}`,
    ];
  }
  return [];
}

/**
 * The sources of what the picture shows: the yearly figures behind the line widths of `year`
 * and the selected hub's headline figure, each publisher named once.
 */
function sourceLine(
  { data, derived }: PictureInput,
  selection: Selection,
  year: number,
  lang: Lang,
): string {
  const ids = new Set<string>();
  if (selection?.kind === 'hub') {
    const hub = findHub(data, selection.id);
    const headline = hub && headlineText(data, hub, lang);
    if (headline) ids.add(headline.sourceId);
  }
  for (const path of derived.paths) {
    if (routeProgress(path, yearEnd(year)) <= 0) continue;
    for (const point of path.widthSeries?.points ?? []) {
      if (pointYear(point) === year) ids.add(point.source);
    }
  }
  const names = [...ids].flatMap((id) => {
    const source = data.metrics.sources.find((s) => s.id === id);
    return source ? [source.publisher] : [];
  });
  const unique = [...new Set(names)];
  const list = unique.length ? unique : data.metrics.sources.slice(0, 1).map((s) => s.publisher);
  const colon = lang === 'zh' ? '：' : ': ';
  return `${t(lang, 'sources')}${colon}${list.join(lang === 'zh' ? '；' : '; ')}`;
}

/**
 * `text` in lines of at most `maxWidth` (estimated as labels.ts does), broken between words,
 * or between any two CJK characters; past `maxLines` the last line ends with an ellipsis.
 */
export function wrap(text: string, fontSize: number, maxWidth: number, maxLines = 10): string[] {
  const tokens = text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && textWidth((line + token).trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let lastLine = kept[maxLines - 1] ?? '';
  while (lastLine && textWidth(lastLine + '…', fontSize) > maxWidth) {
    lastLine = [...lastLine].slice(0, -1).join('');
  }
  kept[maxLines - 1] = lastLine.trimEnd() + '…';
  return kept;
}
