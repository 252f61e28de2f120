/**
 * The house style as the page has it (issue 22): the computed `--cm-*` values of a map's root,
 * whether they come from the build's house file (embed.html) or from the host page's own CSS
 * (`mount()` without a frame). Read once at mount and on a theme change, never per frame: the
 * live map's basemap and deck.gl colours, the credit line and the exported picture take them.
 */
import { CORRIDORS, type Corridor } from '../data/types.ts';
import type { RGB, Theme } from '../shared/colors.ts';
import {
  borderColor,
  corridorProperty,
  HOUSE_PROPERTIES,
  parseColor,
  parseCssString,
  pictureStyle,
  resolveHouse,
  NO_HOUSE_STYLE,
  type PictureStyle,
} from '../shared/houseStyle.ts';

/** The computed value of every house property on `el` ('' where none is set). */
function computed(el: Element): Record<string, string> {
  const style = (el.ownerDocument.defaultView ?? window).getComputedStyle(el);
  return Object.fromEntries(
    HOUSE_PROPERTIES.map((p) => [p.name, style.getPropertyValue(p.name).trim()]),
  );
}

/**
 * Any CSS colour a page may write (`oklch()`, a name, `color-mix()`…) as `#rrggbb`, through a 2D
 * canvas's own parser; undefined if the browser has no canvas or the value is no colour.
 */
function normalizeColor(value: string, doc: Document): string | undefined {
  if (!value) return undefined;
  if (parseColor(value)) return value;
  const context = doc.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  context.fillStyle = '#010203';
  context.fillStyle = value;
  const parsed = parseColor(String(context.fillStyle));
  return parsed && String(context.fillStyle) !== '#010203' ? String(context.fillStyle) : undefined;
}

/** The house values of `el` in `theme`, colours as the picture reads them, defaults for the rest. */
export function houseValues(el: Element, theme: Theme): Record<string, string> {
  const defaults = resolveHouse(NO_HOUSE_STYLE, theme);
  const values = computed(el);
  const out: Record<string, string> = {};
  for (const p of HOUSE_PROPERTIES) {
    const value = values[p.name] ?? '';
    out[p.name] =
      p.kind === 'color'
        ? (normalizeColor(value, el.ownerDocument) ?? defaults[p.name]!)
        : value || defaults[p.name]!;
  }
  return out;
}

/** The credit line the page sets (`--cm-credit: "Graphic: …"`), '' for none. */
export function creditOf(el: Element): string {
  return parseCssString(computed(el)['--cm-credit'] ?? '');
}

/** The colours of the live map: its basemap and its routes (deck.gl takes arrays). */
export interface MapColors {
  sea: string;
  land: string;
  border: string;
  corridors: Record<Corridor, RGB>;
}

export function mapColors(el: Element, theme: Theme): MapColors {
  const values = houseValues(el, theme);
  const rgb = (name: string): RGB => parseColor(values[name] ?? '') ?? [0, 0, 0];
  return {
    sea: values['--cm-sea']!,
    land: values['--cm-land']!,
    border: borderColor(theme),
    corridors: Object.fromEntries(CORRIDORS.map((c) => [c, rgb(corridorProperty(c))])) as Record<
      Corridor,
      RGB
    >,
  };
}

/** The picture style of what `el` shows now: its colours, font stack and credit line. */
export function housePictureStyle(el: Element, theme: Theme): PictureStyle {
  return pictureStyle(houseValues(el, theme), theme);
}

/**
 * The font files of the families `stack` names, from the page's `@font-face` rules (the house
 * file's, or the host page's), as absolute URLs: the exported picture embeds them, since a
 * picture drawn into a canvas uses no font of the page. Stylesheets of another origin are skipped.
 */
export function fontFacesOf(doc: Document, stack: string): { family: string; url: string }[] {
  const families = stack.split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
  const found: { family: string; url: string }[] = [];
  for (const sheet of Array.from(doc.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = rule.style
        .getPropertyValue('font-family')
        .trim()
        .replace(/^["']|["']$/g, '');
      const src = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(rule.style.getPropertyValue('src'))?.[1];
      if (!src || !families.includes(family) || found.some((f) => f.family === family)) continue;
      found.push({ family, url: new URL(src, sheet.href ?? doc.baseURI).href });
    }
  }
  return found;
}
