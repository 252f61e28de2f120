// The shipped font subset (src/build/fontPlugin.ts) covers every character the map can show.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  buildSubset,
  collectCharacters,
  dataTexts,
  FONT_FAMILY_NAME,
  snapshotDataTexts,
  uiTexts,
} from '../../src/build/fontPlugin.ts';
import { CORRIDOR_NAMES, STRINGS } from '../../src/i18n/strings.ts';

const characters = collectCharacters([...uiTexts(), ...dataTexts('geo')]);
const covers = (text: string) => [...text].filter((ch) => !characters.includes(ch));

describe('collectCharacters', () => {
  test('covers hub and place names of the data', () => {
    expect(covers('西安')).toEqual([]);
    expect(covers('杜伊斯堡')).toEqual([]);
    expect(covers('万象')).toEqual([]);
  });

  test('covers every UI string of every language, and printable ASCII', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const text of Object.values(STRINGS[lang])) expect(covers(text)).toEqual([]);
      for (const names of Object.values(CORRIDOR_NAMES)) expect(covers(names[lang])).toEqual([]);
    }
    let ascii = '';
    for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c);
    expect(covers(ascii)).toEqual([]);
  });

  test('covers the names of the data snapshots a build keeps (issue 22: pinned maps)', () => {
    const out = mkdtempSync(join(tmpdir(), 'corridor-font-'));
    try {
      mkdirSync(join(out, 'geo/2026-12-04'), { recursive: true });
      const hubs = { type: 'FeatureCollection', features: [{ properties: { name: '鑫港' } }] };
      writeFileSync(join(out, 'geo/2026-12-04/hubs.geojson'), JSON.stringify(hubs));
      expect(covers('鑫')).toEqual(['鑫']);
      const withSnapshots = collectCharacters([...uiTexts(), ...snapshotDataTexts(out)]);
      expect(withSnapshots).toContain('鑫');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('is sorted, without duplicates or control characters', () => {
    const list = [...collectCharacters(['西安西安\n', 'ab'])];
    expect(new Set(list).size).toBe(list.length);
    expect([...list].sort()).toEqual(list);
    expect(list).not.toContain('\n');
  });

  test('the page and the map labels (SVG in both views) fall back to the shipped family', () => {
    const css = readFileSync(new URL('../../src/embed/corridor-map.css', import.meta.url), 'utf8');
    const rootFont = /:where\(\.cm-root\) \{[^}]*?--cm-font:([^;]*);/.exec(css)?.[1] ?? '';
    expect(rootFont).toContain(`'${FONT_FAMILY_NAME}'`);
  });
});

describe('buildSubset', () => {
  test('makes a woff2 of tens of KB, not the 10 MB font', { timeout: 30_000 }, async () => {
    const font = await buildSubset(characters);
    expect(font.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(font.length).toBeGreaterThan(10_000);
    expect(font.length).toBeLessThan(200_000);
  });
});
