// Issue 21: the project is whole inside its repository. Every link and image of README.md,
// CHANGELOG.md and docs/ must name a file (and heading) that exists in the repository; nothing
// may point outside it. External http(s) links are allowed and not fetched.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { headingAnchors, linkProblems, markdownLinks } from './markdownLinks.ts';
import { ROOT } from './helpers.ts';

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const FILES = [
  join(ROOT, 'README.md'),
  join(ROOT, 'CHANGELOG.md'),
  ...markdownUnder(join(ROOT, 'docs')),
];

describe('links in README.md, CHANGELOG.md and docs/', () => {
  test.each(FILES.map((file) => [file.slice(ROOT.length), file]))('%s', (_, file) => {
    const text = readFileSync(file, 'utf8');
    expect(linkProblems(ROOT, file, text)).toEqual([]);
  });

  test('the checker fails a broken link for the reason it names', () => {
    const file = join(ROOT, 'docs', 'sample.md');
    const text = [
      '# A sample',
      '',
      'Fine: [data](data.md#the-contract), [up](../README.md), [here](#a-sample),',
      '![picture](export-2019-en.png), [web](https://example.org/x), `[code](../../x)`.',
      '',
      'Bad: [gone](missing.md), [heading](data.md#no-such-heading), [out](../../elsewhere.md),',
      '[shared](../shared/DESIGN.md), [root](/etc/passwd), [js](javascript:alert(1)).',
      '',
      '```',
      '[in code](nowhere.md)',
      '```',
    ].join('\n');
    const problems = linkProblems(ROOT, file, text);
    expect(problems).toEqual([
      'docs/sample.md:7: names "../shared", outside the repository',
      'docs/sample.md:6: missing.md: no such file or folder in the repository',
      'docs/sample.md:6: data.md#no-such-heading: no heading with anchor #no-such-heading in docs/data.md',
      `docs/sample.md:6: ../../elsewhere.md: resolves outside the repository (${join(ROOT, '..', 'elsewhere.md')})`,
      'docs/sample.md:7: ../shared/DESIGN.md: no such file or folder in the repository',
      'docs/sample.md:7: /etc/passwd: an absolute path; use a path relative to this file',
      'docs/sample.md:7: javascript:alert(1: not an http(s) link nor a path in the repository',
    ]);
  });

  test('README.md links into docs/', () => {
    const targets = markdownLinks(readFileSync(join(ROOT, 'README.md'), 'utf8')).map(
      (l) => l.target,
    );
    for (const doc of ['embedding', 'data', 'architecture', 'performance', 'security']) {
      expect(targets).toContain(`docs/${doc}.md`);
    }
  });

  test("headings' anchors as GitHub makes them", () => {
    const anchors = headingAnchors(
      '# Pictures out: the `npm run export`\n## Data flows one way — two views\n## Tests\n## Tests\n',
    );
    expect([...anchors]).toEqual([
      'pictures-out-the-npm-run-export',
      'data-flows-one-way--two-views',
      'tests',
      'tests-1',
    ]);
  });
});
