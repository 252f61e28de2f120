/**
 * Links in the project's Markdown, for tests/unit/docsLinks.test.ts: every inline link, image and
 * reference definition outside code, and each heading's anchor as GitHub makes it. Kept apart
 * from the test so that the test can also run it on broken samples and see it fail.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

export interface MarkdownLink {
  target: string;
  line: number;
}

/** Fenced code blocks blanked (line numbers kept), inline code spans removed. */
function prose(text: string): string[] {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line.replace(/(`+)[^`]*?\1/g, '');
  });
}

const INLINE = /!?\[(?:[^\][]|\[[^\]]*\])*\]\(\s*<?([^\s)>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;

export function markdownLinks(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  prose(text).forEach((line, i) => {
    for (const m of line.matchAll(INLINE)) links.push({ target: m[1] ?? '', line: i + 1 });
    const definition = DEFINITION.exec(line);
    if (definition?.[1]) links.push({ target: definition[1], line: i + 1 });
  });
  return links;
}

/** GitHub's anchor for each heading: lower case, punctuation dropped, spaces to hyphens, -1… on repeats. */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const outsideCode = prose(text);
  for (const line of text.split('\n').map((l, i) => (outsideCode[i] === '' ? '' : l))) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading?.[1]) continue;
    const base = heading[1]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Words that name places outside the repository (the team's shared folder, tool caches). */
export const OUTSIDE_NAMES = [
  '../shared',
  'shared/facts',
  'shared/seed',
  '.library',
  'CORRIDORS.md',
];

/**
 * What is wrong with the links of one Markdown file under `root`, one message per problem,
 * each naming the file, line and target. External http(s) and mailto links are not fetched.
 */
export function linkProblems(root: string, file: string, text: string): string[] {
  const problems: string[] = [];
  const where = (line: number) => `${relative(root, file)}:${line}`;
  text.split('\n').forEach((line, i) => {
    for (const name of OUTSIDE_NAMES) {
      if (line.includes(name))
        problems.push(`${where(i + 1)}: names "${name}", outside the repository`);
    }
  });
  for (const { target, line } of markdownLinks(text)) {
    const at = `${where(line)}: ${target || '(empty)'}`;
    if (/^(https?|mailto):/i.test(target)) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
      problems.push(`${at}: not an http(s) link nor a path in the repository`);
      continue;
    }
    const [path = '', anchor] = target.split('#', 2);
    if (isAbsolute(path)) {
      problems.push(`${at}: an absolute path; use a path relative to this file`);
      continue;
    }
    if (path === '' && anchor !== undefined) {
      if (!headingAnchors(text).has(anchor))
        problems.push(`${at}: no heading with anchor #${anchor} here`);
      continue;
    }
    const resolved = resolve(dirname(file), decodeURIComponent(path));
    const inside = relative(root, resolved);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      problems.push(`${at}: resolves outside the repository (${resolved})`);
      continue;
    }
    if (!existsSync(resolved)) {
      problems.push(`${at}: no such file or folder in the repository`);
      continue;
    }
    if (anchor && resolved.endsWith('.md') && statSync(resolved).isFile()) {
      if (!headingAnchors(readFileSync(resolved, 'utf8')).has(anchor)) {
        problems.push(`${at}: no heading with anchor #${anchor} in ${relative(root, resolved)}`);
      }
    }
  }
  return problems;
}
