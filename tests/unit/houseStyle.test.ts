// The house style (issue 22): the palette check the build runs on a house's corridor colours, the
// house file's contract (only documented properties, named lines for the rest), the defaults
// being those of the stylesheet, and the pictures' colours following the values.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  groundsOf,
  houseWarnings,
  loadHouseFile,
  parseHouseCss,
} from '../../src/build/houseFile.ts';
import { CORRIDORS } from '../../src/data/types.ts';
import { CORRIDOR_COLORS, LAND_COLORS, toHex } from '../../src/shared/colors.ts';
import {
  defaultPictureStyle,
  HOUSE_PROPERTIES,
  NO_HOUSE_STYLE,
  parseColor,
  parseCssString,
  pictureStyle,
  resolveHouse,
} from '../../src/shared/houseStyle.ts';
import { checkPalette, contrastRatio } from '../../src/shared/palette.ts';

const DEFAULT_GROUNDS = groundsOf(NO_HOUSE_STYLE);
const css = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('checkPalette', () => {
  test('passes the default palette', () => {
    expect(checkPalette(CORRIDOR_COLORS, DEFAULT_GROUNDS)).toEqual([]);
  });

  test('fails a red and a green that deuteranopes cannot tell apart', () => {
    const failures = checkPalette(
      {
        'china-europe': [200, 60, 60],
        'china-laos': [60, 140, 60],
        'new-western-land-sea': [0, 90, 200],
      },
      [],
    );
    expect(failures).toEqual([
      'china-europe and china-laos are too close (deuteranopia: ΔE 6.0, at least 20)',
    ]);
  });

  test('fails a colour too close to the land or the sea, naming which', () => {
    // A pale yellow: apart from the others for every vision, but lost on the light land.
    const palette = {
      ...CORRIDOR_COLORS,
      'china-laos': [240, 228, 66] as [number, number, number],
    };
    const failures = checkPalette(palette, DEFAULT_GROUNDS);
    expect(failures).toContain(
      'china-laos has too little contrast against the light land (1.21:1, at least 2.5:1)',
    );
    expect(failures.some((f) => f.includes('the light sea'))).toBe(true);
    expect(failures.some((f) => f.includes('the dark'))).toBe(false);
  });

  test('contrastRatio is WCAG 2 (black on white 21:1, equal colours 1:1)', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([90, 90, 90], [90, 90, 90])).toBe(1);
  });
});

describe('the house file', () => {
  test('the demo house style is taken whole, with its two font files', () => {
    const house = loadHouseFile('house/demo-gazette/house.css');
    expect(house.fonts.map((f) => f.replace(/.*\//, ''))).toEqual([
      'gazette-serif.woff2',
      'gazette-serif-bold.woff2',
    ]);
    expect(house.style.light['--cm-credit']).toBe("'Graphic: The Demo Gazette'");
    expect(house.style.light['--cm-bg']).toBe('#f8f1e3');
    expect(house.style.dark).toEqual({});
    expect(houseWarnings(house.style, house.name)).toEqual([]);
  });

  test('refuses what the contract does not name, with file and line', () => {
    const { problems, style } = parseHouseCss(
      [
        '/* a comment',
        '   over two lines */',
        '.cm-root {',
        '  --cm-bg: #fffdf5;',
        '  --cm-bgg: #fff;',
        '  color: red;',
        '  --cm-text: tomato;',
        '  --cm-radius: 4px !important;',
        '}',
        'body { --cm-bg: #000; }',
        '@font-face { font-family: X; src: url(https://fonts.example/x.woff2); }',
        '@font-face { font-family: Y; src: url(../y.woff2); }',
        '.cm-root.cm-dark { --cm-fg: #eeeeee; --cm-credit: "Graphic: A; B" }',
      ].join('\n'),
      'house.css',
    );
    expect(problems).toEqual([
      'house.css:5: --cm-bgg is not a house style property (see docs/embedding.md, House style)',
      'house.css:6: color is not a house style property (see docs/embedding.md, House style)',
      'house.css:7: --cm-text: "tomato" is not a colour as #rrggbb, #rgb or rgb(r g b)',
      'house.css:8: --cm-radius: no !important (a house file wins by coming last)',
      'house.css:10: unknown selector "body": use .cm-root or .cm-root.cm-dark',
      'house.css:11: @font-face src https://fonts.example/x.woff2: a file beside the house file (a relative path, no network)',
      'house.css:12: @font-face src ../y.woff2: a file beside the house file (a relative path, no network)',
    ]);
    // What is right is read all the same; --cm-fg is the alias of --cm-text.
    expect(style).toEqual({
      light: { '--cm-bg': '#fffdf5' },
      dark: { '--cm-text': '#eeeeee', '--cm-credit': '"Graphic: A; B"' },
    });
  });

  test('a missing file or font file stops the build with every problem', () => {
    expect(() => loadHouseFile('house/none.css')).toThrow(
      'CORRIDOR_MAP_STYLE: no file house/none.css',
    );
  });

  test('warns of a corridor palette that fails the checks, per theme', () => {
    const warnings = houseWarnings(
      { light: { '--cm-corridor-china-laos': '#f0e442' }, dark: {} },
      'house.css',
    );
    expect(warnings[0]).toBe(
      'house.css: corridor colours (light theme): china-laos has too little contrast against the light land (1.21:1, at least 2.5:1)',
    );
    expect(warnings.some((w) => w.includes('(dark theme)'))).toBe(false);
    expect(
      houseWarnings({ light: { '--cm-font': 'Georgia, serif' }, dark: {} }, 'house.css'),
    ).toEqual([
      'house.css: --cm-font has no "Corridor Sans": Chinese labels need a CJK font on the reader\'s system',
    ]);
  });
});

/** The custom properties of the first block of `selector` in `text`. */
function block(text: string, selector: string): Record<string, string> {
  const start = text.indexOf(`${selector} {`);
  const body = text.slice(start, text.indexOf('}', start)).replace(/\/\*[\s\S]*?\*\//g, '');
  return Object.fromEntries(
    [...body.matchAll(/(--cm-[\w-]+):\s*([^;]+);/g)].map((m) => [
      m[1]!,
      m[2]!.replace(/\s+/g, ' ').trim(),
    ]),
  );
}

describe('defaults and resolution', () => {
  const stylesheet = css('src/embed/corridor-map.css');
  const light = block(stylesheet, ':where(.cm-root)');
  const dark = block(stylesheet, '.cm-root.cm-dark');

  test.each(HOUSE_PROPERTIES.map((p) => [p.name, p] as const))(
    '%s: the documented defaults are the stylesheet’s',
    (name, p) => {
      const value = (v: string | undefined) => (v === 'var(--cm-fg)' ? undefined : v);
      const lightValue = name === '--cm-text' ? light['--cm-fg'] : light[name];
      expect(lightValue?.replace(/'/g, '"')).toBe(p.light.replace(/'/g, '"'));
      const darkValue = name === '--cm-text' ? dark['--cm-fg'] : value(dark[name]);
      expect(darkValue).toBe(p.dark);
    },
  );

  test('docs/embedding.md lists every property in its table', () => {
    const docs = css('docs/embedding.md');
    const rows = docs.split('\n').filter((line) => line.startsWith('| `--cm-'));
    expect(rows.map((row) => /^\| `(--cm-[\w-]+)`/.exec(row)?.[1])).toEqual(
      HOUSE_PROPERTIES.map((p) => p.name),
    );
  });

  test('no default picture changes: the default style is the old constants', () => {
    // The page's and the lite view's colours as the pictures had them before issue 22.
    const PAGE_COLORS = {
      light: { bg: '#ffffff', fg: '#1d1d1d', muted: '#595959', line: '#d0d0d0' },
      dark: { bg: '#15191e', fg: '#ececec', muted: '#b4b4b4', line: '#3d444d' },
    };
    const LITE_COLORS = {
      hub: { fill: '#ffffff', stroke: '#222222' },
      place: '#5a5a5a',
      label: '#191919',
      halo: '#ffffff',
    };
    for (const theme of ['light', 'dark'] as const) {
      const style = defaultPictureStyle(theme);
      expect(style).toMatchObject({
        bg: PAGE_COLORS[theme].bg,
        text: PAGE_COLORS[theme].fg,
        muted: PAGE_COLORS[theme].muted,
        line: PAGE_COLORS[theme].line,
        sea: LAND_COLORS[theme].sea,
        land: LAND_COLORS[theme].land,
        label: LITE_COLORS.label,
        halo: LITE_COLORS.halo,
        hub: LITE_COLORS.hub.fill,
        marker: LITE_COLORS.hub.stroke,
        place: LITE_COLORS.place,
        font: '',
        credit: '',
      });
      for (const c of CORRIDORS) expect(style.corridors[c]).toBe(toHex(CORRIDOR_COLORS[c]));
    }
  });

  test('a house light value holds in the dark theme only where the default has no dark value', () => {
    const house = {
      light: { '--cm-bg': '#f8f1e3', '--cm-credit': "'Graphic: X'", '--cm-label': '#2b2118' },
      dark: {},
    };
    expect(resolveHouse(house, 'light')['--cm-bg']).toBe('#f8f1e3');
    expect(resolveHouse(house, 'dark')['--cm-bg']).toBe('#15191e');
    expect(resolveHouse(house, 'dark')['--cm-label']).toBe('#2b2118');
    const style = pictureStyle(resolveHouse(house, 'dark'), 'dark');
    expect(style.credit).toBe('Graphic: X');
  });

  test('parseColor and parseCssString read the forms a house file may use', () => {
    expect(parseColor('#abc')).toEqual([170, 187, 204]);
    expect(parseColor('#F8F1E3')).toEqual([248, 241, 227]);
    expect(parseColor('rgb(1 2 3)')).toEqual([1, 2, 3]);
    expect(parseColor('rgb(1, 2, 300)')).toBeUndefined();
    expect(parseColor('tomato')).toBeUndefined();
    expect(parseCssString('"Graphic: \\"A\\""')).toBe('Graphic: "A"');
    expect(parseCssString("''")).toBe('');
    expect(parseCssString('Graphic')).toBe('');
  });
});
