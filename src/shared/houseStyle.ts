/**
 * A newsroom's house style (issue 22): the `--cm-*` custom properties a deployment may set, with
 * their defaults (the values of src/embed/corridor-map.css), and the colours a picture drawn
 * without that stylesheet takes from them. Pure: the build reads a house file into `HouseValues`
 * (src/build/houseFile.ts), the page reads the element's computed values (src/embed/houseValues.ts),
 * and both resolve them here, so a picture follows the same values as the page.
 */
import { CORRIDORS, type Corridor } from '../data/types.ts';
import { CORRIDOR_COLORS, LAND_COLORS, toHex, type RGB, type Theme } from './colors.ts';

export type HouseKind = 'color' | 'font' | 'length' | 'string';

export interface HouseProperty {
  name: `--cm-${string}`;
  kind: HouseKind;
  /** What it changes, for the docs. */
  changes: string;
  light: string;
  /** The dark theme's default; absent: the same in both themes. */
  dark?: string;
}

/** The custom property of a corridor's colour: `--cm-corridor-<id>`. */
export const corridorProperty = (corridor: Corridor) => `--cm-corridor-${corridor}` as const;

const SYSTEM_FONT =
  "system-ui, -apple-system, 'Segoe UI', 'Noto Sans SC', 'Noto Sans CJK SC', 'Corridor Sans', sans-serif";

/** Every property a house style may set, in the order of the docs' table. */
export const HOUSE_PROPERTIES: readonly HouseProperty[] = [
  {
    name: '--cm-font',
    kind: 'font',
    changes: 'every text: panels, labels, picture',
    light: SYSTEM_FONT,
  },
  { name: '--cm-text', kind: 'color', changes: 'text', light: '#1d1d1d', dark: '#ececec' },
  {
    name: '--cm-muted',
    kind: 'color',
    changes: 'secondary text, button edges',
    light: '#595959',
    dark: '#b4b4b4',
  },
  { name: '--cm-bg', kind: 'color', changes: 'background', light: '#ffffff', dark: '#15191e' },
  {
    name: '--cm-panel',
    kind: 'color',
    changes: 'the hub or route panel, the selected table row',
    light: '#f6f6f4',
    dark: '#1f252c',
  },
  {
    name: '--cm-line',
    kind: 'color',
    changes: 'rules between rows, quiet borders',
    light: '#d0d0d0',
    dark: '#3d444d',
  },
  {
    name: '--cm-accent',
    kind: 'color',
    changes: 'links, slider, the event told now',
    light: '#0b5cad',
    dark: '#8cc4ff',
  },
  {
    name: '--cm-focus',
    kind: 'color',
    changes: 'the focus ring',
    light: '#0b5cad',
    dark: '#8cc4ff',
  },
  {
    name: '--cm-radius',
    kind: 'length',
    changes: 'corners of the map box, panels, buttons',
    light: '4px',
  },
  {
    name: '--cm-credit',
    kind: 'string',
    changes: 'a credit line in the footer and the picture',
    light: '""',
  },
  {
    name: '--cm-sea',
    kind: 'color',
    changes: 'sea (both views, picture)',
    light: '#dfe8ef',
    dark: '#14202b',
  },
  {
    name: '--cm-land',
    kind: 'color',
    changes: 'land (both views, picture)',
    light: '#f7f5f0',
    dark: '#2a3038',
  },
  {
    name: '--cm-label',
    kind: 'color',
    changes: 'map labels and their leader lines',
    light: '#191919',
  },
  { name: '--cm-halo', kind: 'color', changes: 'the halo around map labels', light: '#ffffff' },
  { name: '--cm-hub', kind: 'color', changes: 'hub markers (fill)', light: '#ffffff' },
  {
    name: '--cm-marker',
    kind: 'color',
    changes: 'hub markers (outline; fill when selected)',
    light: '#222222',
  },
  { name: '--cm-place', kind: 'color', changes: 'the grey dots of places', light: '#5a5a5a' },
  ...CORRIDORS.map((corridor): HouseProperty => ({
    name: corridorProperty(corridor),
    kind: 'color',
    changes: `routes of ${corridor} (both views, legend, picture)`,
    light: toHex(CORRIDOR_COLORS[corridor]),
  })),
];

/** `--cm-fg`, the name `--cm-text` had before issue 22: still read, as an alias. */
export const ALIASES: Readonly<Record<string, string>> = { '--cm-fg': '--cm-text' };

/** Values set by a house style or a page, by property name; absent: the default. */
export type HouseValues = Partial<Record<string, string>>;

/** A house style: values for the light theme (and both), and for the dark theme. */
export interface HouseStyle {
  light: HouseValues;
  dark: HouseValues;
}

export const NO_HOUSE_STYLE: HouseStyle = { light: {}, dark: {} };

/**
 * The value of every property in `theme`: the dark block of a house style wins over its light
 * block in the dark theme only for what the default's dark block also sets (as the CSS cascade
 * does: the defaults' `.cm-root.cm-dark` outranks a house's `.cm-root`).
 */
export function resolveHouse(house: HouseStyle, theme: Theme): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of HOUSE_PROPERTIES) {
    const themed = theme === 'dark' && p.dark !== undefined;
    const value = themed
      ? (house.dark[p.name] ?? p.dark)
      : (house[theme][p.name] ?? house.light[p.name] ?? p.light);
    out[p.name] = value ?? p.light;
  }
  return out;
}

/**
 * `#rgb`, `#rrggbb`, `rgb(r g b)` or `rgb(r, g, b)` (0…255 each) as RGB; undefined otherwise.
 * The forms a house file may use for colours; the page reads any CSS colour through the browser.
 */
export function parseColor(value: string): RGB | undefined {
  const v = value.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  if (short) return short.slice(1).map((c) => parseInt(c + c, 16)) as RGB;
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(v);
  if (long) return long.slice(1).map((c) => parseInt(c, 16)) as RGB;
  const rgb = /^rgba?\(\s*(\d{1,3})\s*,?\s*(\d{1,3})\s*,?\s*(\d{1,3})\s*\)$/.exec(v);
  if (rgb) {
    const channels = rgb.slice(1).map(Number) as RGB;
    return channels.every((c) => c <= 255) ? channels : undefined;
  }
  return undefined;
}

/** A CSS string (`"Graphic: The Demo Gazette"` or with single quotes) as its text; '' if none. */
export function parseCssString(value: string): string {
  const v = value.trim();
  const quoted = /^(["'])((?:\\.|(?!\1).)*)\1$/s.exec(v);
  if (!quoted) return '';
  return quoted[2]!.replace(/\\(.)/gs, '$1');
}

/** The colours, font and credit of a picture drawn without the page's stylesheet. */
export interface PictureStyle {
  bg: string;
  text: string;
  muted: string;
  line: string;
  sea: string;
  land: string;
  label: string;
  halo: string;
  hub: string;
  marker: string;
  place: string;
  corridors: Record<Corridor, string>;
  /** The house's font stack (a CSS font-family list); '' for the default (the picture's own). */
  font: string;
  /** The credit line, '' for none. */
  credit: string;
}

/**
 * The picture style of resolved values (`resolveHouse`, or the page's computed ones). A colour
 * the picture cannot read falls back to the default of its theme.
 */
export function pictureStyle(values: Readonly<Record<string, string>>, theme: Theme): PictureStyle {
  const defaults = resolveHouse(NO_HOUSE_STYLE, theme);
  const color = (name: string) => {
    const rgb = parseColor(values[name] ?? '') ?? parseColor(defaults[name] ?? '');
    return rgb ? toHex(rgb) : '#000000';
  };
  return {
    bg: color('--cm-bg'),
    text: color('--cm-text'),
    muted: color('--cm-muted'),
    line: color('--cm-line'),
    sea: color('--cm-sea'),
    land: color('--cm-land'),
    label: color('--cm-label'),
    halo: color('--cm-halo'),
    hub: color('--cm-hub'),
    marker: color('--cm-marker'),
    place: color('--cm-place'),
    corridors: Object.fromEntries(CORRIDORS.map((c) => [c, color(corridorProperty(c))])) as Record<
      Corridor,
      string
    >,
    font: sameFont(values['--cm-font'] ?? '', defaults['--cm-font'] ?? '')
      ? ''
      : (values['--cm-font'] ?? '').trim(),
    credit: parseCssString(values['--cm-credit'] ?? ''),
  };
}

/** Two font stacks alike but for quotes and spaces (a computed value is re-serialised). */
function sameFont(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/'/g, '"')
      .replace(/\s+/g, ' ')
      .replace(/\s*,\s*/g, ',')
      .trim();
  return norm(a) === '' || norm(a) === norm(b);
}

/** The default picture style of `theme` (no house style). */
export const defaultPictureStyle = (theme: Theme): PictureStyle =>
  pictureStyle(resolveHouse(NO_HOUSE_STYLE, theme), theme);

/** The basemap's country lines, which no house style sets (the live map hides them anyway). */
export const borderColor = (theme: Theme) => LAND_COLORS[theme].border;
