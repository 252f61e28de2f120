// Longest browser files first. With two files at a time, a long file started last runs on alone
// while the other core idles: on a clean clone (CI) vitest has no recorded durations and orders
// files by size, which put the memory test (then 83 s) near the end. Files not listed follow in
// vitest's own order (by recorded duration once there is one).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Slowest first, as the slow-file report of a clean-clone run shows them (December 2026). */
export const LONG_FIRST: readonly string[] = [
  'tests/browser/golden.test.ts',
  'tests/browser/lite.test.ts',
  'tests/browser/memory.test.ts',
  'tests/browser/many.test.ts',
  'tests/browser/app.test.ts',
  'tests/browser/snapshots.test.ts',
  'tests/browser/house.test.ts',
  'tests/browser/parity.test.ts',
  'tests/browser/soak.test.ts',
  'tests/browser/csp.test.ts',
  'tests/browser/a11y.test.ts',
  'tests/browser/embed.test.ts',
  'tests/browser/publish.test.ts',
  'tests/browser/scale.test.ts',
];

/** `files` with those named in `first` moved to the front, in `first`'s order; the rest keep theirs. */
export function longFirst<T>(
  files: readonly T[],
  path: (file: T) => string,
  first = LONG_FIRST,
): T[] {
  const rank = (file: T) => {
    const i = first.findIndex((name) => path(file).endsWith(name));
    return i < 0 ? first.length : i;
  };
  // Array.prototype.sort is stable: unlisted files keep vitest's order.
  return [...files].sort((a, b) => rank(a) - rank(b));
}

export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return longFirst(await super.sort(files), (f) => f.moduleId);
  }
}
