/**
 * A house style file (issue 22): the CSS file a deployment names with `CORRIDOR_MAP_STYLE` at build
 * time. The contract (docs/embedding.md, "House style"):
 *
 * - blocks `.cm-root { … }` (light theme, and what is the same in both) and `.cm-root.cm-dark { … }`
 *   (dark theme), holding only the documented `--cm-*` properties (src/shared/houseStyle.ts);
 * - `@font-face { … }` blocks whose `src` is a `url()` of a file beside the house file (relative
 *   path; no network, no other site): vite ships it with the build under a hashed name;
 * - comments. Anything else is refused, with the file and line named: a typo silently ignored
 *   would ship a look nobody chose.
 *
 * The build appends the file after the default stylesheet (src/build/housePlugin.ts), so its
 * values win by the cascade alone; the pictures drawn at build time read the same values.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { CORRIDORS } from '../data/types.ts';
import {
  ALIASES,
  corridorProperty,
  HOUSE_PROPERTIES,
  parseColor,
  parseCssString,
  resolveHouse,
  type HouseStyle,
} from '../shared/houseStyle.ts';
import type { RGB, Theme } from '../shared/colors.ts';
import { checkPalette, type Ground } from '../shared/palette.ts';

export interface HouseFile {
  /** Absolute path of the house file. */
  file: string;
  /** Its path as given (relative to the working folder), for messages. */
  name: string;
  style: HouseStyle;
  /** Absolute paths of the font files its `@font-face` blocks name. */
  fonts: string[];
}

export interface ParsedHouse {
  style: HouseStyle;
  /** `url()`s of the `@font-face` blocks, as written. */
  fontUrls: string[];
  /** What the contract refuses: `<file>:<line>: <what>`. */
  problems: string[];
}

const SELECTORS: Readonly<Record<string, Theme>> = {
  '.cm-root': 'light',
  '.cm-root.cm-dark': 'dark',
};
const FONT_FACE_DESCRIPTORS = new Set([
  'font-family',
  'src',
  'font-weight',
  'font-style',
  'font-display',
  'unicode-range',
  'font-stretch',
]);

/** Comments blanked out, newlines kept, so offsets still give the right line. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
}

/** Splits `body` on `;` outside strings and parentheses; each piece with its offset. */
function declarations(body: string, offset: number): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let quote = '';
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if ((c === ';' && depth === 0) || c === undefined) {
      const text = body.slice(start, i);
      if (text.trim()) out.push({ text, at: offset + start + text.search(/\S/) });
      start = i + 1;
    }
  }
  return out;
}

function checkValue(kind: string, value: string): string | undefined {
  switch (kind) {
    case 'color':
      return parseColor(value) ? undefined : 'a colour as #rrggbb, #rgb or rgb(r g b)';
    case 'length':
      return /^(0|\d+(\.\d+)?(px|rem|em))$/.test(value) ? undefined : 'a length as 4px or 0.25rem';
    case 'string':
      return /^(["']).*\1$/s.test(value) && parseCssString(value) === parseCssString(value).trim()
        ? undefined
        : 'a quoted string';
    default:
      return value && !/[{}<>]|url\(/i.test(value) ? undefined : 'a font-family list';
  }
}

/**
 * Reads the text of a house file (`name` is used in messages only). Pure: every problem comes
 * back in `problems`, with its line; nothing is thrown.
 */
export function parseHouseCss(text: string, name: string): ParsedHouse {
  const css = stripComments(text);
  const lineOf = (offset: number) => css.slice(0, offset).split('\n').length;
  const style: HouseStyle = { light: {}, dark: {} };
  const fontUrls: string[] = [];
  const problems: string[] = [];
  const problem = (offset: number, what: string) =>
    problems.push(`${name}:${lineOf(offset)}: ${what}`);
  const known = new Map(HOUSE_PROPERTIES.map((p) => [p.name, p]));

  const block = /([^{}]*)\{([^{}]*)\}/g;
  let last = 0;
  for (let match = block.exec(css); match; match = block.exec(css)) {
    const head = match[1]!;
    const headAt = match.index + head.search(/\S|$/);
    const selector = head.trim().replace(/\s+/g, ' ');
    const bodyAt = match.index + head.length + 1;
    last = block.lastIndex;
    if (selector === '@font-face') {
      for (const { text: decl, at } of declarations(match[2]!, bodyAt)) {
        const [prop = '', ...rest] = decl.split(':');
        const property = prop.trim().toLowerCase();
        const value = rest.join(':').trim();
        if (!FONT_FACE_DESCRIPTORS.has(property)) {
          problem(
            at,
            `@font-face: ${property} is not one of ${[...FONT_FACE_DESCRIPTORS].join(', ')}`,
          );
        } else if (property === 'src') {
          const urls = [...value.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/g)].map((m) => m[2]!);
          if (urls.length === 0)
            problem(at, '@font-face src must be a url() of a file beside the house file');
          for (const url of urls) {
            if (/^[a-z][a-z0-9+.-]*:|^\/\/|^\//i.test(url) || url.split('/').includes('..')) {
              problem(
                at,
                `@font-face src ${url}: a file beside the house file (a relative path, no network)`,
              );
            } else fontUrls.push(url);
          }
          if (/\blocal\(/.test(value))
            problem(at, '@font-face src: local() would differ per reader; ship the file');
        }
      }
      continue;
    }
    const theme = SELECTORS[selector];
    if (!theme) {
      problem(headAt, `unknown selector "${selector}": use .cm-root or .cm-root.cm-dark`);
      continue;
    }
    for (const { text: decl, at } of declarations(match[2]!, bodyAt)) {
      const colon = decl.indexOf(':');
      const written = (colon < 0 ? decl : decl.slice(0, colon)).trim();
      const value = colon < 0 ? '' : decl.slice(colon + 1).trim();
      const property = ALIASES[written] ?? written;
      const spec = known.get(property as `--cm-${string}`);
      if (!spec) {
        problem(
          at,
          `${written} is not a house style property (see docs/embedding.md, House style)`,
        );
        continue;
      }
      if (/!important$/i.test(value)) {
        problem(at, `${written}: no !important (a house file wins by coming last)`);
        continue;
      }
      const wrong = checkValue(spec.kind, value);
      if (wrong) problem(at, `${written}: ${JSON.stringify(value)} is not ${wrong}`);
      else style[theme][property] = value;
    }
  }
  const rest = css.slice(last).trim();
  if (rest)
    problem(last + css.slice(last).search(/\S/), `unexpected ${JSON.stringify(rest.slice(0, 20))}`);
  return { style, fontUrls, problems };
}

/** The land and sea of each theme, as the house style sets them. */
export function groundsOf(style: HouseStyle): Ground[] {
  return (['light', 'dark'] as const).flatMap((theme) => {
    const values = resolveHouse(style, theme);
    return (['land', 'sea'] as const).map((g) => ({
      name: `the ${theme} ${g}`,
      color: parseColor(values[`--cm-${g}`] ?? '') ?? [0, 0, 0],
    }));
  });
}

/**
 * What the build warns of (the file is taken all the same): a corridor palette that fails the
 * project's checks (src/shared/palette.ts) in either theme, when the house sets corridor colours;
 * a font stack without "Corridor Sans" (Chinese labels then need a CJK font on the reader's system).
 */
export function houseWarnings(style: HouseStyle, name: string): string[] {
  const warnings: string[] = [];
  const setsCorridors = CORRIDORS.some(
    (c) => style.light[corridorProperty(c)] ?? style.dark[corridorProperty(c)],
  );
  if (setsCorridors) {
    for (const theme of ['light', 'dark'] as const) {
      const values = resolveHouse(style, theme);
      const palette = Object.fromEntries(
        CORRIDORS.map((c) => [c, parseColor(values[corridorProperty(c)] ?? '') ?? [0, 0, 0]]),
      ) as Record<string, RGB>;
      const grounds = groundsOf(style).filter((g) => g.name.includes(theme));
      for (const failure of checkPalette(palette, grounds)) {
        warnings.push(`${name}: corridor colours (${theme} theme): ${failure}`);
      }
    }
  }
  const fonts = [style.light['--cm-font'], style.dark['--cm-font']].filter(Boolean) as string[];
  for (const font of fonts) {
    if (!/corridor sans/i.test(font)) {
      warnings.push(
        `${name}: --cm-font has no "Corridor Sans": Chinese labels need a CJK font on the reader's system`,
      );
    }
  }
  return warnings;
}

/**
 * Reads and checks the house file at `path` (relative to `cwd`). Throws one error listing every
 * problem, each with its file and line: a build must not ship a house style half applied.
 */
export function loadHouseFile(path: string, cwd = process.cwd()): HouseFile {
  const file = isAbsolute(path) ? path : resolve(cwd, path);
  if (!existsSync(file)) throw new Error(`CORRIDOR_MAP_STYLE: no file ${path}`);
  const name = relative(cwd, file) || file;
  const parsed = parseHouseCss(readFileSync(file, 'utf8'), name);
  const fonts = parsed.fontUrls.map((url) => resolve(dirname(file), url));
  for (const [i, font] of fonts.entries()) {
    if (!existsSync(font))
      parsed.problems.push(`${name}: @font-face file ${parsed.fontUrls[i]} not found`);
  }
  if (parsed.problems.length) {
    throw new Error(`house style ${name} refused:\n  ${parsed.problems.join('\n  ')}`);
  }
  return { file, name, style: parsed.style, fonts };
}
