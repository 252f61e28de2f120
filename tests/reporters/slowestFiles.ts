// Prints the ten slowest test files of the run, unit and browser together, after vitest's own
// summary: the next test that makes `npm test` slow shows up in every run, not in a later audit.
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const SHOWN = 10;

export interface FileTime {
  project: string;
  file: string;
  ms: number;
}

/** The `count` slowest files, slowest first; files that did not run (skipped, filtered) drop out. */
export function slowestFiles(times: readonly FileTime[], count = SHOWN): FileTime[] {
  return times
    .filter((t) => t.ms > 0)
    .toSorted((a, b) => b.ms - a.ms)
    .slice(0, count);
}

/** One line per file, times in seconds to a tenth, aligned for a terminal. */
export function formatSlowest(rows: readonly FileTime[], total?: number): string {
  if (rows.length === 0) return '';
  const label = (r: FileTime) => `${r.project}  ${r.file}`;
  const width = Math.max(...rows.map((r) => label(r).length));
  const lines = rows.map(
    (r) => `  ${label(r).padEnd(width)}  ${(r.ms / 1000).toFixed(1).padStart(6)} s`,
  );
  const sum = total === undefined ? '' : ` (all files: ${(total / 1000).toFixed(1)} s)`;
  const title =
    rows.length === 1 ? 'The slowest test file' : `The ${rows.length} slowest test files`;
  return [`${title}${sum}:`, ...lines].join('\n');
}

export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const times = modules.map((m) => ({
      project: m.project.name,
      file: path.relative(process.cwd(), m.moduleId),
      ms: m.diagnostic().duration,
    }));
    const text = formatSlowest(
      slowestFiles(times),
      times.reduce((sum, t) => sum + t.ms, 0),
    );
    if (text) process.stdout.write(`\n${text}\n`);
  }
}
