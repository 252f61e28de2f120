// Crafted links must never load another site's data, and snippet attributes must never become
// script: every case here was a working exploit against the regex this replaced.
import { describe, expect, test, vi } from 'vitest';
import { parseEmbedQuery, parseOptions } from '../../src/embed/options.ts';
import { folderOf, httpUrl, quote, sameOriginFolder } from '../../src/embed/urls.ts';

const PAGE = 'https://news.example/graphics/corridor-map/embed.html?lang=en#hub=xian';

describe('sameOriginFolder', () => {
  test('folders of the page, relative or absolute, resolve to absolute folder URLs', () => {
    expect(sameOriginFolder('geo/', PAGE)).toBe('https://news.example/graphics/corridor-map/geo/');
    expect(sameOriginFolder('geo2', PAGE)).toBe('https://news.example/graphics/corridor-map/geo2/');
    expect(sameOriginFolder('./data/2024/', PAGE)).toBe(
      'https://news.example/graphics/corridor-map/data/2024/',
    );
    expect(sameOriginFolder('/graphics/corridor-map/geo/', PAGE)).toBe(
      'https://news.example/graphics/corridor-map/geo/',
    );
    expect(sameOriginFolder('https://news.example/graphics/corridor-map/x/?a=1#b', PAGE)).toBe(
      'https://news.example/graphics/corridor-map/x/',
    );
  });

  test.each([
    ['protocol-relative', '//evil.example/'],
    ['backslash', '/\\evil.example/'],
    ['tab after the slash', '/\t/evil.example/'],
    ['newline', '/\n/evil.example/'],
    ['encoded tab, decoded by URLSearchParams first', decodeURIComponent('/%09/evil.example/')],
    ['absolute other host', 'https://evil.example/'],
    ['same host, other port', 'https://news.example:8443/graphics/corridor-map/geo/'],
    ['http on an https page', 'http://news.example/graphics/corridor-map/geo/'],
    ['credentials', 'https://user:pw@news.example/graphics/corridor-map/geo/'],
    ['outside the folder', '/other-graphic/geo/'],
    ['up and out', '../secret/'],
    ['javascript', 'javascript:alert(1)//'],
    ['data URL', 'data:application/json,{}'],
    ['blob', 'blob:https://news.example/1234'],
    ['empty host', 'https:///evil.example/'],
    ['backslashes as slashes', '\\\\evil.example\\'],
  ])('refuses %s', (_, value) => {
    expect(sameOriginFolder(value, PAGE)).toBeNull();
  });

  test('a folder of the page is the path up to its last slash', () => {
    expect(folderOf(PAGE).href).toBe('https://news.example/graphics/corridor-map/');
    expect(folderOf('http://127.0.0.1:5173/').href).toBe('http://127.0.0.1:5173/');
  });
});

describe('data= through the option parsers', () => {
  test('a crafted data= falls back to the default with one warning', () => {
    for (const query of [
      '?data=//evil.example/',
      '?data=/%5Cevil.example/',
      '?data=/%09/evil.example/',
      '?data=https://evil.example/',
      '?data=javascript:alert(1)',
    ]) {
      const warn = vi.fn();
      const options = parseEmbedQuery(query + '&lang=en', warn, PAGE);
      expect(options).toEqual({ lang: 'en' });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]![0]).toMatch(/ignored invalid option "data=/);
    }
  });

  test('a folder of the page passes, resolved', () => {
    expect(parseOptions({ data: 'geo2/' }, vi.fn(), PAGE)).toEqual({
      data: 'https://news.example/graphics/corridor-map/geo2/',
    });
  });

  test('without a page to resolve against (Node), data= is refused', () => {
    const warn = vi.fn();
    expect(parseOptions({ data: 'geo/' }, warn, undefined)).toEqual({});
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test('a warning quotes at most about 200 characters of a hostile value', () => {
    const warn = vi.fn();
    parseOptions({ hub: 'x'.repeat(100_000) + '<script>' }, warn, PAGE);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0]).length).toBeLessThan(300);
  });
});

describe('httpUrl (the snippet attribute naming embed.html)', () => {
  test.each([
    'javascript:alert(document.domain)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://news.example/uuid',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ])('refuses %j', (value) => {
    expect(httpUrl(value.trim(), PAGE)).toBeNull();
  });

  test('http(s) URLs, absolute or relative, pass', () => {
    expect(httpUrl('embed.html', PAGE)).toBe(
      'https://news.example/graphics/corridor-map/embed.html',
    );
    expect(httpUrl('https://cdn.example/map/embed.html', PAGE)).toBe(
      'https://cdn.example/map/embed.html',
    );
  });
});

test('quote shortens and escapes', () => {
  expect(quote('a"b')).toBe('"a\\"b"');
  expect(quote('x'.repeat(500)).length).toBeLessThanOrEqual(204);
});
