// Property-based fuzz of everything that parses input a stranger can write: option strings,
// embed queries, URL hashes, data folders, host commands and frame messages. Thousands of cases:
// no exception, values in range, at most one warning per call.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCommand } from '../../src/embed/hostMessages.ts';
import { corridorEvent, parseSizeMessage, HEIGHT_RANGE } from '../../src/embed/loader.ts';
import { OPTION_KEYS, parseEmbedQuery, parseOptions } from '../../src/embed/options.ts';
import { parseHash } from '../../src/embed/urlState.ts';
import { sameOriginFolder } from '../../src/embed/urls.ts';

const PAGE = 'https://news.example/graphics/map/embed.html';
const RUNS = { numRuns: 2000 };
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '//evil.example/',
    '/\\evil.example/',
    '/\t/evil.example/',
    'javascript:alert(1)',
  ),
  fc.string({ minLength: 1000, maxLength: 5000 }),
  fc.webUrl(),
);

describe('option parsers', () => {
  test('parseOptions: never throws, keeps values in range, warns at most once', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...OPTION_KEYS, 'other'), hostile), (raw) => {
        const warnings: string[] = [];
        const o = parseOptions(raw, (m) => warnings.push(m), PAGE);
        expect(warnings.length).toBeLessThanOrEqual(1);
        for (const w of warnings) expect(w.length).toBeLessThan(3000);
        if (o.year !== undefined) expect(o.year).toBeGreaterThan(1990);
        if (o.lang !== undefined) expect(['zh', 'en']).toContain(o.lang);
        if (o.data !== undefined)
          expect(o.data.startsWith('https://news.example/graphics/map/')).toBe(true);
        if (o.hub !== undefined) expect(o.hub).toMatch(/^[a-z0-9-]+$/);
      }),
      RUNS,
    );
  });

  test('parseEmbedQuery and parseHash: never throw, at most one warning', () => {
    fc.assert(
      fc.property(hostile, hostile, (query, hash) => {
        const warnings: string[] = [];
        parseEmbedQuery(query, (m) => warnings.push(m), PAGE);
        expect(warnings.length).toBeLessThanOrEqual(1);
        const hashWarnings: string[] = [];
        parseHash(hash, (m) => hashWarnings.push(m));
        expect(hashWarnings.length).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  test('sameOriginFolder: null, or a folder of the page on its origin', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const folder = sameOriginFolder(value, PAGE);
        if (folder === null) return;
        const url = new URL(folder);
        expect(url.origin).toBe('https://news.example');
        expect(url.pathname.startsWith('/graphics/map/')).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('message parsers', () => {
  test('parseCommand, corridorEvent, parseSizeMessage: never throw; what passes is well-formed', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const command = parseCommand(data);
        if (command?.type === 'corridor:setYear') expect(Number.isInteger(command.year)).toBe(true);
        const event = corridorEvent(data);
        if (event && 'id' in event && event.id !== null) expect(event.id).toMatch(/^[a-z0-9-]+$/);
        const height = parseSizeMessage(data);
        if (height !== null) {
          expect(height).toBeGreaterThanOrEqual(HEIGHT_RANGE.min);
          expect(height).toBeLessThanOrEqual(HEIGHT_RANGE.max);
        }
      }),
      RUNS,
    );
  });

  test('embed-size messages with any height: a height in range or nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.string(), fc.integer()), (height) => {
        const h = parseSizeMessage({ sentinel: 'amp', type: 'embed-size', height });
        if (h !== null) expect(h >= HEIGHT_RANGE.min && h <= HEIGHT_RANGE.max).toBe(true);
      }),
      RUNS,
    );
  });
});
