/**
 * The version of this build of the map (package.json's), stamped in by vite's `define`
 * (src/build/version.ts). Scripts run by tsx have no define: they get 'dev' rather than a
 * ReferenceError, and tests/unit/version.test.ts holds the app and the loader to package.json.
 */
declare const __CORRIDOR_MAP_VERSION__: string | undefined;

/** A release version as package.json holds it (1.2.3, or 1.2.3-beta.1). */
export const VERSION_PATTERN = /^\d{1,6}\.\d{1,6}\.\d{1,6}(-[0-9A-Za-z.-]{1,40})?$/;

export const MAP_VERSION: string =
  typeof __CORRIDOR_MAP_VERSION__ === 'string' ? __CORRIDOR_MAP_VERSION__ : 'dev';
