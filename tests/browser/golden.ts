// Golden images in the style of maplibre-gl-js's render tests: a folder per case under
// tests/golden/<case>/ holds case.json (what to open and how to compare) and expected.png.
// A run compares a fresh screenshot with expected.png through pixelmatch; on failure it writes
// actual.png and diff.png beside expected.png (gitignored). `UPDATE=1` rewrites expected.png.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));

export interface Tolerance {
  /** pixelmatch's per-pixel colour threshold, 0 (exact) … 1 (anything matches). */
  threshold: number;
  /** Share of pixels (0…1) allowed to differ beyond `threshold`. */
  maxDiffRatio: number;
}

export interface GoldenCase extends Tolerance {
  name: string;
  dir: string;
  /**
   * `page`: a page of the app, waited on with waitForRendered (the live map); `lite`: a page of the
   * app in its lite view, waited on with waitForLite; `image`: a file Chromium shows as is.
   */
  kind: 'page' | 'lite' | 'image';
  /** Path and query/hash on the test server, e.g. `/?theme=dark#year=2023&lang=zh`. */
  url: string;
  width: number;
  height: number;
  /** What to photograph: a CSS selector (its box), or the whole viewport when absent. */
  selector?: string;
  colorScheme?: 'light' | 'dark';
}

/** Defaults for case.json, chosen from measurements: see tests/golden/README.md. */
export const DEFAULT_TOLERANCE: Tolerance = { threshold: 0.03, maxDiffRatio: 0.0005 };

function invalid(name: string, message: string): Error {
  return new Error(`tests/golden/${name}/case.json: ${message}`);
}

/** Reads one case.json, with defaults, and says exactly what is wrong in a bad one. */
export function readCase(dir: string): GoldenCase {
  const name = path.basename(dir);
  const raw = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const kind = raw.kind ?? 'page';
  if (kind !== 'page' && kind !== 'lite' && kind !== 'image')
    throw invalid(name, `invalid kind: ${String(kind)}`);
  if (typeof raw.url !== 'string' || !raw.url.startsWith('/'))
    throw invalid(name, `url must be a path starting with "/", got ${String(raw.url)}`);
  const number = (key: string, fallback?: number): number => {
    const value = raw[key] ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      throw invalid(name, `invalid ${key}: ${String(value)}`);
    return value;
  };
  const colorScheme = raw.colorScheme;
  if (colorScheme !== undefined && colorScheme !== 'light' && colorScheme !== 'dark')
    throw invalid(name, `invalid colorScheme: ${String(colorScheme)}`);
  if (raw.selector !== undefined && typeof raw.selector !== 'string')
    throw invalid(name, `invalid selector: ${String(raw.selector)}`);
  return {
    name,
    dir,
    kind,
    url: raw.url,
    width: number('width'),
    height: number('height'),
    threshold: number('threshold', DEFAULT_TOLERANCE.threshold),
    maxDiffRatio: number('maxDiffRatio', DEFAULT_TOLERANCE.maxDiffRatio),
    ...(typeof raw.selector === 'string' && { selector: raw.selector }),
    ...(colorScheme !== undefined && { colorScheme }),
  };
}

/** Every case folder (one holding a case.json), sorted by name. */
export function listCases(root = goldenDir): GoldenCase[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, 'case.json')))
    .map((entry) => readCase(path.join(root, entry.name)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface Comparison {
  /** Pixels beyond the threshold (every pixel when the sizes differ). */
  diffPixels: number;
  total: number;
  /** diffPixels / total. */
  ratio: number;
  /** The diff image (pixelmatch's: red where different), undefined when the sizes differ. */
  diff?: Buffer;
  sizeMismatch?: string;
}

/** Compares two PNGs with pixelmatch; pure (no files). */
export function comparePngs(expected: Buffer, actual: Buffer, threshold: number): Comparison {
  const a = PNG.sync.read(expected);
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height) {
    const total = Math.max(a.width * a.height, b.width * b.height);
    return {
      diffPixels: total,
      total,
      ratio: 1,
      sizeMismatch: `expected ${a.width}×${a.height}, got ${b.width}×${b.height}`,
    };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const diffPixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold });
  const total = a.width * a.height;
  return { diffPixels, total, ratio: diffPixels / total, diff: PNG.sync.write(diff) };
}

export interface GoldenResult extends Comparison {
  pass: boolean;
  updated: boolean;
  message: string;
}

/**
 * Checks `actual` (PNG bytes) against the case's expected.png. With `update` (UPDATE=1) it
 * writes expected.png instead and passes. On failure writes actual.png and diff.png; on success
 * removes stale ones from an earlier failed run.
 */
export async function checkGolden(
  golden: GoldenCase,
  actual: Buffer,
  update = process.env.UPDATE === '1' || process.env.UPDATE === 'true',
): Promise<GoldenResult> {
  const expectedFile = path.join(golden.dir, 'expected.png');
  const actualFile = path.join(golden.dir, 'actual.png');
  const diffFile = path.join(golden.dir, 'diff.png');
  const clean = () => Promise.all([rm(actualFile, { force: true }), rm(diffFile, { force: true })]);
  const { width, height } = PNG.sync.read(actual);
  const total = width * height;

  if (update) {
    await writeFile(expectedFile, actual);
    await clean();
    return { pass: true, updated: true, diffPixels: 0, total, ratio: 0, message: 'updated' };
  }
  if (!existsSync(expectedFile)) {
    await writeFile(actualFile, actual);
    return {
      pass: false,
      updated: false,
      diffPixels: total,
      total,
      ratio: 1,
      message: `${golden.name}: no expected.png; wrote ${actualFile}. Run with UPDATE=1 to accept it.`,
    };
  }
  const result = comparePngs(readFileSync(expectedFile), actual, golden.threshold);
  const pass = !result.sizeMismatch && result.ratio <= golden.maxDiffRatio;
  const summary =
    result.sizeMismatch ??
    `${result.diffPixels} of ${result.total} pixels differ (${(result.ratio * 100).toFixed(3)}%, ` +
      `allowed ${(golden.maxDiffRatio * 100).toFixed(3)}% at threshold ${golden.threshold})`;
  if (pass) {
    await clean();
    return { ...result, pass, updated: false, message: `${golden.name}: ${summary}` };
  }
  await writeFile(actualFile, actual);
  if (result.diff) await writeFile(diffFile, result.diff);
  else await rm(diffFile, { force: true });
  return {
    ...result,
    pass,
    updated: false,
    message:
      `${golden.name}: ${summary}. See ${actualFile}` +
      (result.diff ? ` and ${diffFile}` : '') +
      '; UPDATE=1 rewrites expected.png if the change is intended.',
  };
}
