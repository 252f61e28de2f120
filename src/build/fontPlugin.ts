/**
 * `virtual:corridor-font`: a subset of Noto Sans SC (from the pinned npm package
 * `@expo-google-fonts/noto-sans-sc`) holding exactly the characters the map can show: every
 * string in the data folder (`geo/*.geojson`, `metrics.json`), every UI string of every language,
 * and printable ASCII. Built with `subset-font` (harfbuzz's hb-subset compiled to wasm) when vite
 * builds, or on first request in dev, and shipped as `assets/corridor-sans-<hash>.woff2`
 * (`/fonts/corridor-sans.woff2` in dev; tens of KB instead of the whole 10 MB font), so Chinese
 * labels render on machines without a CJK font. The strings of the data snapshots the build keeps
 * (geoDataPlugin.ts) are in it too: a pinned snippet draws an old snapshot with this font.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import subsetFont from 'subset-font';
import type { Plugin } from 'vite';
import { CORRIDOR_NAMES, MODE_NAMES, STATUS_NAMES, STRINGS } from '../i18n/strings.ts';
import { UNIT_WORDS } from '../i18n/units.ts';
import { snapshotFolder } from '../data/snapshots.ts';
import { readKeptSnapshots } from './geoDataPlugin.ts';

export const FONT_MODULE_ID = 'virtual:corridor-font';
const RESOLVED_ID = '\0' + FONT_MODULE_ID;
export const FONT_FAMILY_NAME = 'Corridor Sans';
export const FONT_FILE = 'fonts/corridor-sans.woff2';
const SOURCE_FONT = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

/**
 * Characters the app writes that appear in no string table: number and date formats of both
 * languages (Intl output: 亿/万 come from the unit words, but separators, signs and spaces do not)
 * and typographic punctuation.
 */
const EXTRA = '0123456789,.%¥€$+−-–—…×·•“”‘’「」（），。、：；！？ 年月日亿万元列约超过逾近余多';

/** Every string value anywhere inside a parsed JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** The text of every data file in `dir` (`*.geojson` and `*.json`). */
export function dataTexts(dir: string): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.geojson') || f.endsWith('.json'));
  return files.flatMap((f) => strings(JSON.parse(readFileSync(resolve(dir, f), 'utf8'))));
}

/** Every UI string of every language: STRINGS, corridor, mode, status and unit names. */
export function uiTexts(): string[] {
  return strings([STRINGS, CORRIDOR_NAMES, MODE_NAMES, STATUS_NAMES, UNIT_WORDS]);
}

/**
 * The sorted, de-duplicated characters of `texts`, plus printable ASCII and `EXTRA`. Pure: the
 * plugin and the unit test call it on the same input.
 */
export function collectCharacters(texts: readonly string[]): string {
  const set = new Set<string>();
  for (let c = 0x20; c < 0x7f; c++) set.add(String.fromCharCode(c));
  for (const text of [...texts, EXTRA]) {
    for (const ch of text) if (ch >= ' ') set.add(ch);
  }
  return [...set].sort().join('');
}

/** Reads the source font from node_modules, resolved like any dependency. */
function readSourceFont(): Buffer {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve(SOURCE_FONT));
}

/** The woff2 subset for `characters`. */
export async function buildSubset(characters: string): Promise<Buffer> {
  return subsetFont(readSourceFont(), characters, { targetFormat: 'woff2' });
}

/**
 * The text of the data snapshots kept in `outDir` (geoDataPlugin.ts): a pinned snippet draws an
 * old snapshot with this build's code and font, so their names count too.
 */
export function snapshotDataTexts(outDir: string): string[] {
  return readKeptSnapshots(outDir).flatMap((s) => dataTexts(join(outDir, snapshotFolder(s.date))));
}

export function fontPlugin({ dir = 'geo' }: { dir?: string } = {}): Plugin {
  let root = resolve(dir);
  let outDir = resolve('dist');
  let isBuild = false;
  let cached: { characters: string; font: Promise<Buffer> } | undefined;
  const snapshotTexts = () => (isBuild ? snapshotDataTexts(outDir) : []);
  // In dev the data can change under us: subset again when the characters do.
  const font = () => {
    const characters = collectCharacters([...uiTexts(), ...dataTexts(root), ...snapshotTexts()]);
    if (cached?.characters !== characters) cached = { characters, font: buildSubset(characters) };
    return cached.font;
  };
  return {
    name: 'corridor-font',
    configResolved(config) {
      isBuild = config.command === 'build';
      root = resolve(config.root, dir);
      outDir = resolve(config.root, config.build.outDir);
    },
    resolveId(id) {
      return id === FONT_MODULE_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const family = `export const FONT_FAMILY_NAME = ${JSON.stringify(FONT_FAMILY_NAME)};\n`;
      if (!isBuild) return `${family}export const FONT_URL = ${JSON.stringify('/' + FONT_FILE)};\n`;
      // A hashed name (assets/corridor-sans-<hash>.woff2), like every chunk: an embed.html from an
      // earlier build, still in a reader's cache, keeps loading the font its own strings need.
      const ref = this.emitFile({ type: 'asset', name: basename(FONT_FILE), source: await font() });
      return `${family}export const FONT_URL = import.meta.ROLLUP_FILE_URL_${ref};\n`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/' + FONT_FILE) return next();
        font().then(
          (buffer) => {
            res.setHeader('Content-Type', 'font/woff2');
            res.end(buffer);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
