/**
 * Shared by the unit tests: paths, the real data loaded once per file, and fixture access.
 * Nothing here asserts; each test states its own expectations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataDir } from '../../src/data/loadDir.ts';
import type { Validated } from '../../src/data/validate.ts';
import { DATA_FILES, type DataFile } from '../../src/data/types.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const GEO = join(ROOT, 'geo');
export const FIXTURES = join(ROOT, 'tests/fixtures');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** The real `geo/` data, validated. */
export function loadGeo(): Promise<Validated> {
  return loadDataDir(GEO);
}

/** A fixture's four files, parsed but not validated: tests break them further in memory. */
export function readFixture(name: string): Record<DataFile, unknown> {
  const files = {} as Record<DataFile, unknown>;
  for (const file of DATA_FILES) {
    files[file] = JSON.parse(readFileSync(join(FIXTURES, name, file), 'utf8'));
  }
  return files;
}

/** Ids of features (hubs, places, routes) in order. */
export function ids(features: readonly { properties: { id: string } }[]): string[] {
  return features.map((f) => f.properties.id);
}

/**
 * Sets the value at `path` inside parsed JSON (arrays and objects alike), so a test can break one
 * thing in memory, e.g. `setAt(files['hubs.geojson'], ['features', 0, 'geometry'], null)`.
 */
export function setAt(json: unknown, path: readonly (string | number)[], value: unknown): void {
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => step(node, key), json);
  const last = path.at(-1);
  if (last === undefined || typeof parent !== 'object' || parent === null) {
    throw new Error(`setAt: no container at ${path.join('.')}`);
  }
  (parent as Record<string | number, unknown>)[last] = value;
}

/** The value at `path` inside parsed JSON (see {@link setAt}). */
export function getAt(json: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => step(node, key), json);
}

function step(node: unknown, key: string | number): unknown {
  if (typeof node !== 'object' || node === null) throw new Error(`no container for ${key}`);
  return (node as Record<string | number, unknown>)[key];
}
