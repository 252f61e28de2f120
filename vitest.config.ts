import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { versionDefine } from './src/build/version.ts';
import LongFirstSequencer from './tests/sequencer.ts';

/**
 * Browser files whose checks depend on the machine's time budget — trains that must move between
 * two pictures, samples taken while the live map starts, Event Timing durations — run one at a
 * time, after the others. Every other browser file runs three at a time on the two cores (part
 * of a browser test is waiting on its page: a third worker saved 26 s of the suite, a fourth
 * would mostly add contention). Each opens its own Chromium and asserts only what a slower frame
 * cannot change (memory and many snippets count their own page's nodes, heap and WebGL
 * contexts, not time).
 */
const ALONE = [
  'tests/browser/timeline.test.ts',
  'tests/browser/swap.test.ts',
  'tests/browser/controls-inp.test.ts',
  // Whether the font worker is done before the panels' layout is a race other files' load skews.
  'tests/browser/fonts.test.ts',
];

const browserProject = (
  name: string,
  files: { include: string[]; exclude?: string[] },
  order: { groupOrder: number; maxWorkers: number },
): TestProjectInlineConfiguration => ({
  test: {
    name,
    ...files,
    environment: 'node',
    maxWorkers: order.maxWorkers,
    // One module graph per worker, not per file: the files share no state but the server's
    // address (each launches and closes its own Chromium, nothing is mocked), and importing
    // playwright and the harness again for every file was a fifth of the suite's import time.
    isolate: false,
    sequence: { groupOrder: order.groupOrder },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits on the app's signals (data-selected once a panel's figures are in, after
    // the paint that shows its heading); a loaded two-core machine takes seconds, not one.
    expect: { poll: { timeout: 10_000 } },
    globalSetup: ['tests/browser/globalSetup.ts'],
  },
});

export default defineConfig({
  test: {
    // The ten slowest files after the summary, so that a slow new test shows in every run.
    reporters: ['default', './tests/reporters/slowestFiles.ts'],
    sequence: { sequencer: LongFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Beside the first browser files: unit files are short and mostly script, and the
          // browser files of this group assert nothing a slower frame changes.
          sequence: { groupOrder: 1 },
          // vitest asks the projects of one group for the same number of workers.
          maxWorkers: 3,
          // A bound for a hung test, not a speed check (speed is the bench's): the fuzz files run
          // thousands of cases, seconds on a shared two-core machine.
          testTimeout: 20_000,
        },
        // As vite.config.ts: the app's modules read package.json's version from it.
        define: versionDefine(),
      },
      browserProject(
        'browser',
        { include: ['tests/browser/**/*.test.ts'], exclude: ALONE },
        { groupOrder: 1, maxWorkers: 3 },
      ),
      browserProject('browser-alone', { include: ALONE }, { groupOrder: 2, maxWorkers: 1 }),
    ],
  },
});
