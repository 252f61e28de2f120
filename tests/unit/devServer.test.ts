// `npm start` lists the pages a newcomer wants (src/build/addressesPlugin.ts): each must exist,
// at the path the dev server serves it from (the root, or public/ for the demo pages).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DEV_PAGES, pageLines } from '../../src/build/addressesPlugin.ts';
import { ROOT } from './helpers.ts';

test('every page npm start names exists', () => {
  for (const { path } of DEV_PAGES) {
    const found = [join(ROOT, path), join(ROOT, 'public', path)].some((file) => existsSync(file));
    expect({ path, found }).toEqual({ path, found: true });
  }
});

test('the pages are printed under the server base URL', () => {
  const lines = pageLines('http://127.0.0.1:5174/');
  expect(lines).toHaveLength(DEV_PAGES.length);
  expect(lines.join('\n')).toContain('http://127.0.0.1:5174/demo/scrolly.html');
  expect(lines.join('\n')).toContain('http://127.0.0.1:5174/embed.html');
});
