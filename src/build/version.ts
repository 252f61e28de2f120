/**
 * The map's version, read from package.json at build time: the one place a release changes it.
 * vite.config.ts and vitest.config.ts hand it to the code as `__CORRIDOR_MAP_VERSION__` (see
 * src/shared/version.ts); the loader build writes it in embed.js's first line.
 */
import { readFileSync } from 'node:fs';
import { VERSION_PATTERN } from '../shared/version.ts';

export const VERSION_GLOBAL = '__CORRIDOR_MAP_VERSION__';

export function packageVersion(): string {
  const raw: unknown = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  );
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'string' || !VERSION_PATTERN.test(version)) {
    throw new Error(`package.json: expected a version as 1.2.3, got ${JSON.stringify(version)}`);
  }
  return version;
}

/** A vite `define` that puts the version where src/shared/version.ts reads it. */
export function versionDefine(): Record<string, string> {
  return { [VERSION_GLOBAL]: JSON.stringify(packageVersion()) };
}
