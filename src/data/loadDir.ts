import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadData } from './parse.ts';
import type { Validated } from './validate.ts';

/**
 * Node-only: loads and validates the data folder `dir` (the CLI, the build plugins and tests use
 * it). Reads bytes, so decoding (BOM, UTF-16, invalid UTF-8) happens in `loadData`, exactly as
 * for the page.
 */
export function loadDataDir(dir: string): Promise<Validated> {
  return loadData(async (file) => {
    try {
      return await readFile(join(dir, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  });
}
