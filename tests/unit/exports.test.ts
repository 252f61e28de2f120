// The public surface, pinned: a name added to or dropped from what mount.ts exports is a change
// for every page that imports it, so it must show up here (as @newswire/frames' first test does).
// embed.js's one global is pinned by tests/browser/exports.test.ts, in a real page.
import { expect, test, vi } from 'vitest';
import * as mountModule from '../../src/embed/mount.ts';

// A module that vite's font plugin makes at build time; its values do not matter here.
vi.mock('virtual:corridor-font', () => ({ FONT_FAMILY_NAME: 'test', FONT_URL: 'test.woff2' }));
vi.mock('virtual:corridor-land', () => ({ default: { scale: 1, d: '' } }));
// The house stylesheet (src/build/housePlugin.ts): a side effect only.
vi.mock('virtual:corridor-house.css', () => ({}));

test('src/embed/mount.ts exports exactly these values', () => {
  // Types (MountOptions, MountedMap, CorridorMapElement) leave nothing at run time.
  expect(Object.keys(mountModule).sort()).toEqual(['mount']);
  expect(typeof mountModule.mount).toBe('function');
});
