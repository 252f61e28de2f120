/**
 * The interface strings: both languages complete, the same placeholders in each, and a name in
 * both languages for every corridor, mode and status the data can hold.
 */
import { describe, expect, it } from 'vitest';
import { CORRIDORS, LANGS, MODES, STATUSES } from '../../src/data/types.ts';
import {
  CORRIDOR_NAMES,
  MODE_NAMES,
  STATUS_NAMES,
  STRINGS,
  t,
  type StringKey,
} from '../../src/i18n/strings.ts';
import { PUBLISH_STRINGS, pt, type PublishKey } from '../../src/i18n/publishStrings.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('STRINGS', () => {
  it('has the same keys in zh and en', () => {
    expect(Object.keys(STRINGS.zh).sort()).toEqual(Object.keys(STRINGS.en).sort());
  });

  it.each(LANGS)('has no empty string in %s', (lang) => {
    const empty = Object.entries(STRINGS[lang]).filter(([, s]) => s.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const differ = (Object.keys(STRINGS.en) as StringKey[]).filter(
      (key) =>
        JSON.stringify(placeholders(STRINGS.en[key])) !==
        JSON.stringify(placeholders(STRINGS.zh[key])),
    );
    expect(differ).toEqual([]);
  });

  it('writes every brace as a placeholder (no stray { or })', () => {
    const stray = LANGS.flatMap((lang) =>
      Object.entries(STRINGS[lang])
        .filter(([, s]) => /[{}]/.test(s.replace(/\{\w+\}/g, '')))
        .map(([key]) => `${lang}.${key}`),
    );
    expect(stray).toEqual([]);
  });
});

describe('t', () => {
  it('fills placeholders in each language', () => {
    expect(t('en', 'asOf', { date: '30 Sept 2023' })).toBe('as of 30 Sept 2023');
    expect(t('zh', 'asOf', { date: '2023年9月30日' })).toBe('截至2023年9月30日');
    expect(t('en', 'subtitle', { first: 2011, last: 2024 })).toBe(
      'Inland hubs and the rail and rail–sea routes they feed, 2011–2024',
    );
    expect(t('zh', 'noData', { year: 2013 })).toBe('2013年无数据');
  });

  it('leaves a placeholder without a value visible rather than blank', () => {
    expect(t('en', 'selected')).toBe('{name} selected');
  });

  it('does not read placeholders out of the values it fills in', () => {
    expect(t('en', 'selected', { name: '{year}' })).toBe('{year} selected');
  });
});

describe('names of enum values', () => {
  it.each([
    ['CORRIDOR_NAMES', CORRIDOR_NAMES, CORRIDORS],
    ['MODE_NAMES', MODE_NAMES, MODES],
    ['STATUS_NAMES', STATUS_NAMES, STATUSES],
  ] as const)('%s names every value in both languages', (_, names, values) => {
    expect(Object.keys(names).sort()).toEqual([...values].sort());
    for (const value of values) {
      const name = (names as Record<string, Record<string, string>>)[value];
      for (const lang of LANGS)
        expect([value, lang, name?.[lang]?.trim() !== '']).toEqual([value, lang, true]);
    }
  });

  it('gives distinct names, so the legend never shows two alike', () => {
    for (const names of [CORRIDOR_NAMES, MODE_NAMES, STATUS_NAMES]) {
      for (const lang of LANGS) {
        const all = Object.values(names).map((n: Record<string, string>) => n[lang]);
        expect(new Set(all).size).toBe(all.length);
      }
    }
  });

  it('names the corridors as the article does', () => {
    expect(CORRIDOR_NAMES['china-europe'].zh).toBe('中欧班列');
    expect(CORRIDOR_NAMES['china-laos'].zh).toBe('中老铁路');
    expect(CORRIDOR_NAMES['new-western-land-sea'].zh).toBe('西部陆海新通道');
  });
});

describe('PUBLISH_STRINGS (publish.html)', () => {
  it('has every key in both languages, none empty, with the same placeholders', () => {
    const keys = Object.keys(PUBLISH_STRINGS.en) as PublishKey[];
    expect(Object.keys(PUBLISH_STRINGS.zh).sort()).toEqual([...keys].sort());
    const differ = keys.filter(
      (key) =>
        PUBLISH_STRINGS.zh[key].trim() === '' ||
        JSON.stringify(placeholders(PUBLISH_STRINGS.en[key])) !==
          JSON.stringify(placeholders(PUBLISH_STRINGS.zh[key])),
    );
    expect(differ).toEqual([]);
    expect(pt('zh', 'pinToday', { date: '2026-12-05' })).toBe('固定为今天的数据（2026-12-05）');
  });
});
