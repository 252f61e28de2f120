import { defineConfig } from 'vite';
import { addressesPlugin } from './src/build/addressesPlugin.ts';
import { basemapPlugin } from './src/build/basemapPlugin.ts';
import { fontPlugin } from './src/build/fontPlugin.ts';
import { loadHouseFile } from './src/build/houseFile.ts';
import { housePlugin } from './src/build/housePlugin.ts';
import { buildSnapshotDate, geoDataPlugin } from './src/build/geoDataPlugin.ts';
import { loaderPlugin } from './src/build/loaderBuild.ts';
import { parseBaseUrl, sharePlugin } from './src/build/sharePlugin.ts';
import { staticMapPlugin } from './src/build/staticMapPlugin.ts';
import { versionDefine } from './src/build/version.ts';

// The data folder the build ships (default `geo`; tests build from a changed copy elsewhere).
const geoDir = process.env.CORRIDOR_MAP_GEO_DIR || 'geo';
// The newsroom's house style (docs/embedding.md, "House style"): a CSS file of --cm-* values,
// checked here (a refused file stops the build, naming its lines), appended after the map's own
// stylesheet, and read by the pictures the build draws.
const houseFile = process.env.CORRIDOR_MAP_STYLE;
const house = houseFile ? loadHouseFile(houseFile) : undefined;
const houseStyle = house?.style;

export default defineConfig({
  // Relative asset URLs: the built folder works wherever a newsroom puts it.
  base: './',
  // package.json's version, for the `corridor:ready` event (src/shared/version.ts).
  define: versionDefine(),
  plugins: [
    basemapPlugin(),
    // geo/ as it is, and as the dated snapshot geo/<date>/ (CORRIDOR_MAP_SNAPSHOT_DATE=2026-12-05
    // fixes the date; default: today), keeping the snapshots earlier builds left in dist/.
    geoDataPlugin({
      dir: geoDir,
      snapshotDate: buildSnapshotDate(process.env.CORRIDOR_MAP_SNAPSHOT_DATE),
    }),
    // 16:9 like the map's box (.cm-map): the picture stands in for the map without a jump.
    staticMapPlugin({ width: 960, height: 540, geoDir, house: houseStyle }),
    loaderPlugin(),
    fontPlugin({ dir: geoDir }),
    // Social cards and oembed.json; CORRIDOR_MAP_BASE_URL (the deployed folder, e.g.
    // https://example.org/corridor-map/) makes their URLs absolute, as oEmbed consumers need.
    sharePlugin({
      baseUrl: parseBaseUrl(process.env.CORRIDOR_MAP_BASE_URL),
      geoDir,
      house: houseStyle,
    }),
    housePlugin(house),
    addressesPlugin(),
  ],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    manifest: true,
    // Every browser this map supports has modulepreload; the polyfill would be one more request.
    modulePreload: { polyfill: false },
    // embed.html: one map filling a frame, for news pages (src/embed/embedPage.ts).
    // mount.ts as an entry of its own keeps its export names: pages and tests that compose maps
    // themselves (several per page, mount and destroy in a single-page app) import `mount` from it.
    rolldownOptions: {
      // publish.html: the publishing desk, building the snippet with a live preview (src/publish/).
      input: {
        index: 'index.html',
        embed: 'embed.html',
        publish: 'publish.html',
        'corridor-map': 'src/embed/mount.ts',
      },
      preserveEntrySignatures: 'exports-only',
    },
  },
});
