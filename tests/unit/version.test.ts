// The version stamp (issue 21): package.json's version reaches the frame's `corridor:ready`
// event, the article's DOM event and the first line of embed.js, so a newsroom can tell which
// build it runs. Each check fails if the build stops stamping, not merely if the value changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import viteConfig from '../../vite.config.ts';
import { buildLoader } from '../../src/build/loaderBuild.ts';
import { packageVersion } from '../../src/build/version.ts';
import { readyEvent } from '../../src/embed/hostMessages.ts';
import { corridorEvent } from '../../src/embed/loader.ts';
import { MAP_VERSION, VERSION_PATTERN } from '../../src/shared/version.ts';
import { createCorridorStore } from '../../src/state/store.ts';
import { loadGeo, ROOT } from './helpers.ts';

const version = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

describe('version stamp', () => {
  test("package.json's version is a release version, and the build config defines it", () => {
    expect(version).toMatch(VERSION_PATTERN);
    expect(packageVersion()).toBe(version);
    expect(viteConfig.define).toEqual({ __CORRIDOR_MAP_VERSION__: JSON.stringify(version) });
  });

  test('the ready message carries the version', async () => {
    const { data } = await loadGeo();
    const store = createCorridorStore(data, { lang: 'en', year: 2019 });
    expect(MAP_VERSION).toBe(version);
    expect(readyEvent(store.getState())).toEqual({
      type: 'corridor:ready',
      year: 2019,
      lang: 'en',
      kind: null,
      id: null,
      version,
    });
  });

  test('embed.js passes a version on to the article, and only one of the right shape', () => {
    const ready = { type: 'corridor:ready', year: 2019, lang: 'en', kind: null, id: null };
    expect(corridorEvent({ ...ready, version })).toEqual({ ...ready, version });
    expect(corridorEvent({ ...ready, version: '1.2.3-beta.1' })).toEqual({
      ...ready,
      version: '1.2.3-beta.1',
    });
    // A frame from before versions is still ready; a version that is not one is not passed on.
    expect(corridorEvent(ready)).toEqual({ ...ready, version: '' });
    for (const bad of ['<img onerror=x>', '1.2', 'x'.repeat(1e5), 12, null]) {
      expect(corridorEvent({ ...ready, version: bad })).toEqual({ ...ready, version: '' });
    }
  });

  test('embed.js names its version in its first line', { timeout: 60_000 }, async () => {
    const code = await buildLoader(ROOT);
    expect(code.split('\n')[0]).toBe(`/*! corridor-map ${version} embed.js */`);
  });
});
