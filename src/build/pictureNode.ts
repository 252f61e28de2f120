/**
 * Node-only half of the exported pictures (src/static/picture.ts): the input read from a data
 * folder, and SVG → PNG with resvg (`@resvg/resvg-js`, a prebuilt binary per platform from the
 * npm registry: no browser, no system library, no network) and the Noto Sans SC faces of the
 * pinned `@expo-google-fonts/noto-sans-sc`, so that Chinese renders the same on every machine
 * and no system font is ever asked for. Used by `npm run export` and the build's social cards.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { deriveData } from '../data/derive.ts';
import { landPath, type LandPath } from '../data/landPath.ts';
import { loadDataDir } from '../data/loadDir.ts';
import type { Problem } from '../data/problems.ts';
import type { PictureInput } from '../static/picture.ts';
import { LAND_TOLERANCE, loadBasemap } from './basemapPlugin.ts';

/** The faces the pictures use: labels at 500/600, titles at 700, the rest at 400. */
const FONT_FILES = [
  '400Regular/NotoSansSC_400Regular.ttf',
  '600SemiBold/NotoSansSC_600SemiBold.ttf',
  '700Bold/NotoSansSC_700Bold.ttf',
].map((file) => `@expo-google-fonts/noto-sans-sc/${file}`);

let land: LandPath | undefined;

/** The lite view's land, as the build makes it for the page (basemapPlugin). */
export function liteLand(): LandPath {
  land ??= landPath(loadBasemap({ tolerance: LAND_TOLERANCE }));
  return land;
}

/** Data, derived data and land of the data folder `dir`, with the problems found in it. */
export async function loadPictureInput(
  dir: string,
): Promise<PictureInput & { problems: Problem[] }> {
  const { data, problems } = await loadDataDir(dir);
  return { data, derived: deriveData(data), land: liteLand(), problems };
}

/** The PNG of `svg` at `width` pixels (the height keeps the SVG's proportions). */
export function svgToPng(svg: string, width: number): Buffer {
  const require = createRequire(import.meta.url);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width) },
    font: {
      fontFiles: FONT_FILES.map((file) => require.resolve(file)),
      loadSystemFonts: false,
      defaultFontFamily: 'Noto Sans SC',
      sansSerifFamily: 'Noto Sans SC',
    },
  });
  return resvg.render().asPng();
}
