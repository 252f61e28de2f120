import { DATA_FILES, type DataFile } from './types.ts';
import type { Problem } from './problems.ts';
import { validateData, type Validated } from './validate.ts';

/** Reads one file's text; undefined text means the file could not be read at all. */
export type ReadFile = (file: DataFile) => Promise<string | undefined>;

/**
 * Reads the four data files through `read` (fetch in the browser, fs in Node), parses and
 * validates them. A file that is missing or is not JSON is reported and treated as empty;
 * the others still load.
 */
export async function loadData(read: ReadFile): Promise<Validated> {
  const files: Partial<Record<DataFile, unknown>> = {};
  const problems: Problem[] = [];
  await Promise.all(
    DATA_FILES.map(async (file) => {
      let text: string | undefined;
      try {
        text = await read(file);
      } catch (error) {
        problems.push({
          file,
          feature: '',
          field: '',
          message: `could not be read (${String(error)})`,
        });
        return;
      }
      if (text === undefined) {
        problems.push({
          file,
          feature: '',
          field: '',
          message: 'could not be read (missing file)',
        });
        return;
      }
      try {
        files[file] = JSON.parse(text);
      } catch (error) {
        problems.push({
          file,
          feature: '',
          field: '',
          // V8 quotes the text around the error, newlines and all; one problem stays one line.
          message: `not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')})`,
        });
      }
    }),
  );
  // Promise.all settles in any order; report file problems in the files' own order.
  problems.sort(
    (a, b) => DATA_FILES.indexOf(a.file as DataFile) - DATA_FILES.indexOf(b.file as DataFile),
  );
  return validateData(files, problems);
}

/** Loads from a base URL (a folder holding the four files), with the page's fetch. */
export function loadDataFromUrl(base: string, fetchFn: typeof fetch = fetch): Promise<Validated> {
  const folder = base.endsWith('/') ? base : base + '/';
  return loadData(async (file) => {
    const response = await fetchFn(new URL(file, new URL(folder, globalThis.location?.href)));
    return response.ok ? response.text() : undefined;
  });
}
