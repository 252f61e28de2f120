import { continuousLongitudes } from './antimeridian.ts';
import { DATA_FILES, type DataFile } from './types.ts';
import { safeProblem, type Problem } from './problems.ts';
import { validateData, validateDataInSteps, type Validated } from './validate.ts';

/**
 * Reads one file: its bytes (preferred: decoding is then the same everywhere) or its text;
 * undefined means the file could not be read at all.
 */
export type ReadFile = (file: DataFile) => Promise<ArrayBuffer | Uint8Array | string | undefined>;

type Decoded = { text: string } | { problem: string };

/**
 * The one place where a data file's bytes become text, for the page (fetch) and for Node (the
 * CLI, the build) alike, so that both accept and refuse the same files:
 * - UTF-8, with or without a byte-order mark (the BOM is dropped: editors on Windows write it);
 * - UTF-16 (a UTF-16 BOM, or NUL bytes in the first characters) is refused with a message
 *   saying how to fix it, rather than read as garbage;
 * - bytes that are not UTF-8 are refused.
 */
export function decodeData(content: ArrayBuffer | Uint8Array | string): Decoded {
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    const bytes = content instanceof Uint8Array ? content : new Uint8Array(content);
    const utf16 =
      (bytes[0] === 0xff && bytes[1] === 0xfe) ||
      (bytes[0] === 0xfe && bytes[1] === 0xff) ||
      bytes.subarray(0, 64).includes(0);
    if (utf16) return { problem: 'is UTF-16 (or binary); save it as UTF-8' };
    try {
      // `ignoreBOM: true` keeps a BOM in the text, so that it is dropped below in one place for
      // bytes and strings alike.
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return { problem: 'is not UTF-8 text; save it as UTF-8' };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { problem: 'is empty' };
  return { text };
}

/**
 * Reads the four data files through `read` (fetch in the browser, fs in Node), decodes, parses
 * and validates them. A file that is missing, empty or is not JSON is reported and treated as
 * empty; the others still load. Never throws; every problem returned is one short line.
 *
 * With `pause`, validation awaits it between files (a page passes a yield to its main thread).
 */
export async function loadData(read: ReadFile, pause?: () => Promise<void>): Promise<Validated> {
  const files: Partial<Record<DataFile, unknown>> = {};
  const problems: Problem[] = [];
  const fileProblem = (file: DataFile, message: string) =>
    problems.push({ file, feature: '', field: '', message });
  await Promise.all(
    DATA_FILES.map(async (file) => {
      let content: Awaited<ReturnType<ReadFile>>;
      try {
        content = await read(file);
      } catch (error) {
        fileProblem(file, `could not be read (${String(error)})`);
        return;
      }
      if (content === undefined) {
        fileProblem(file, 'could not be read (missing file)');
        return;
      }
      const decoded = decodeData(content);
      if ('problem' in decoded) {
        fileProblem(file, decoded.problem);
        return;
      }
      try {
        files[file] = JSON.parse(decoded.text);
      } catch (error) {
        // V8 quotes the text around the error, newlines and all; one problem stays one line.
        fileProblem(file, `not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')})`);
      }
    }),
  );
  // Promise.all settles in any order; report file problems in the files' own order.
  problems.sort(
    (a, b) => DATA_FILES.indexOf(a.file as DataFile) - DATA_FILES.indexOf(b.file as DataFile),
  );
  let validated: Validated;
  try {
    validated = pause
      ? await validateDataInSteps(files, problems, pause)
      : validateData(files, problems);
  } catch (error) {
    // validateData is written not to throw; if a case slips through, the reader still gets an
    // empty map with a message instead of a dead page (the fuzz tests look for this line).
    validated = {
      data: { hubs: [], places: [], routes: [], metrics: { sources: [], series: [], events: [] } },
      problems: [
        ...problems,
        { file: '', feature: '', field: '', message: `internal error (${String(error)})` },
      ].map(safeProblem),
    };
  }
  // After validation, which checks longitudes in −180…180 as the files give them.
  return { ...validated, data: continuousLongitudes(validated.data) };
}

/**
 * Loads from a base URL (a folder holding the four files), with the page's fetch; `pause` as in
 * loadData.
 */
export function loadDataFromUrl(
  base: string,
  fetchFn: typeof fetch = fetch,
  pause?: () => Promise<void>,
): Promise<Validated> {
  const folder = base.endsWith('/') ? base : base + '/';
  return loadData(async (file) => {
    const response = await fetchFn(new URL(file, new URL(folder, globalThis.location?.href)));
    // Bytes, not response.text(): text() would drop a BOM and decode UTF-16 as garbage where
    // Node's readFile does otherwise; decodeData treats both the same.
    return response.ok ? response.arrayBuffer() : undefined;
  }, pause);
}
