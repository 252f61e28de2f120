/**
 * Writes every folder of the hostile corpus (tests/fixtures/hostile/<case>/) and its README from
 * `hostileCases.ts`: `npx tsx tests/unit/hostileBuild.ts`. Then `UPDATE=1 npx vitest run
 * --project unit tests/unit/hostile.test.ts` writes each folder's expected problems.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, HOSTILE, writeCase } from './hostileCases.ts';

for (const c of CASES) writeCase(c);
const lines = [
  '# Hostile data corpus',
  '',
  'Each folder is `../valid-small/` with one thing broken (issue 10, item 5). `expected.txt` lists',
  'the problems `npm run validate <folder>` prints, one per line; `loaded.txt` what still loads.',
  'Written by `npx tsx tests/unit/hostileBuild.ts` from `tests/unit/hostileCases.ts`; the expected',
  'files by `UPDATE=1 npx vitest run --project unit tests/unit/hostile.test.ts`. The big file of a',
  'generated case is git-ignored and written by the test on first use.',
  '',
  '| case | what is broken |',
  '| --- | --- |',
  ...CASES.map((c) => `| \`${c.name}\` | ${c.about.replace(/\|/g, '\\|')} |`),
  '',
];
writeFileSync(join(HOSTILE, 'README.md'), lines.join('\n'));
console.log(`${CASES.length} cases written to ${HOSTILE}`);
