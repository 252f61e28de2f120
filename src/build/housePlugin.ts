/**
 * `virtual:corridor-house.css`: the house style file a deployment names at build time
 * (`CORRIDOR_MAP_STYLE=house.css npm run build`, src/build/houseFile.ts), imported by the map right
 * after its default stylesheet (src/embed/mount.ts), so the house values win by the cascade alone.
 * The id resolves to the file itself: vite then ships the fonts its `@font-face` blocks name as
 * hashed assets, as for any stylesheet. Without a house file it resolves to an empty stylesheet.
 * The frame is an iframe, so this is the one way a house style reaches `embed.html`.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { houseWarnings, type HouseFile } from './houseFile.ts';

export const HOUSE_MODULE_ID = 'virtual:corridor-house.css';
const NO_HOUSE = fileURLToPath(new URL('../embed/house-none.css', import.meta.url));

export function housePlugin(house: HouseFile | undefined): Plugin {
  return {
    name: 'corridor-house-style',
    buildStart() {
      if (!house) return;
      this.addWatchFile(house.file);
      for (const warning of houseWarnings(house.style, house.name)) this.warn(warning);
    },
    resolveId(id) {
      if (id !== HOUSE_MODULE_ID) return undefined;
      return house?.file ?? NO_HOUSE;
    },
  };
}
