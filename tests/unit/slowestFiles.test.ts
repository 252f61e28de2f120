import { describe, expect, test } from 'vitest';
import { formatSlowest, slowestFiles } from '../reporters/slowestFiles.ts';
import { longFirst } from '../sequencer.ts';

const row = (file: string, ms: number, project = 'browser') => ({ project, file, ms });

describe('the slow-file report at the end of npm test', () => {
  test('keeps the ten slowest, slowest first, and drops files that did not run', () => {
    const times = [
      ...Array.from({ length: 12 }, (_, i) => row(`tests/browser/f${i}.test.ts`, (i + 1) * 1000)),
      row('tests/unit/skipped.test.ts', 0, 'unit'),
    ];
    const rows = slowestFiles(times);
    expect(rows).toHaveLength(10);
    expect(rows[0]!.file).toBe('tests/browser/f11.test.ts');
    expect(rows.map((r) => r.ms)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((s) => s * 1000));
    expect(slowestFiles([row('a', 0)])).toEqual([]);
  });

  test('names the project, the file and its seconds, aligned, with the total', () => {
    const text = formatSlowest(
      [row('tests/browser/scale.test.ts', 61_234), row('tests/unit/x.test.ts', 960, 'unit')],
      70_000,
    );
    expect(text.split('\n')).toEqual([
      'The 2 slowest test files (all files: 70.0 s):',
      '  browser  tests/browser/scale.test.ts    61.2 s',
      '  unit  tests/unit/x.test.ts               1.0 s',
    ]);
    expect(formatSlowest([row('a', 2000)])).toBe('The slowest test file:\n  browser  a     2.0 s');
    expect(formatSlowest([])).toBe('');
  });
});

describe('the longest browser files start first', () => {
  test('listed files go first in the list’s order, the others keep theirs', () => {
    const files = [
      '/r/tests/unit/a.test.ts',
      '/r/tests/browser/x.test.ts',
      '/r/tests/browser/m.test.ts',
    ];
    const first = ['tests/browser/m.test.ts', 'tests/browser/gone.test.ts'];
    expect(longFirst(files, (f) => f, first)).toEqual([
      '/r/tests/browser/m.test.ts',
      '/r/tests/unit/a.test.ts',
      '/r/tests/browser/x.test.ts',
    ]);
  });
});
