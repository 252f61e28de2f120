import { describe, expect, test, vi } from 'vitest';
import { parseHash, serializeHash } from '../../src/embed/urlState.ts';
import { yearEnd } from '../../src/data/time.ts';

describe('URL hash state', () => {
  test('reads a shared view', () => {
    const warn = vi.fn();
    expect(parseHash('#hub=xian&year=2019&lang=en', warn)).toEqual({
      hub: 'xian',
      year: 2019,
      lang: 'en',
    });
    expect(parseHash('#route=china-laos&year=2022', warn)).toEqual({
      route: 'china-laos',
      year: 2022,
    });
    expect(parseHash('', warn)).toEqual({});
    expect(warn).not.toHaveBeenCalled();
  });

  test('serialises a view and reads it back unchanged', () => {
    const views = [
      { selection: { kind: 'hub', id: 'xian' }, time: yearEnd(2019), lang: 'en' },
      { selection: { kind: 'route', id: 'china-laos' }, time: 2022.4, lang: 'zh' },
      { selection: null, time: yearEnd(2011), lang: 'zh' },
    ] as const;
    for (const view of views) {
      const hash = serializeHash(view);
      const back = parseHash(hash, () => {
        throw new Error('no warning expected');
      });
      expect(back.lang).toBe(view.lang);
      expect(back.year).toBe(Math.floor(view.time));
      expect(view.selection ? back[view.selection.kind] : (back.hub ?? back.route)).toBe(
        view.selection?.id,
      );
    }
    expect(serializeHash(views[0])).toBe('#hub=xian&year=2019&lang=en');
  });

  test.each([
    ['#year=abc', 'year=abc'],
    ['#year=1900', 'year=1900'],
    ['#year=2019.5', 'year=2019.5'],
    ['#hub=%3Cscript%3E', 'hub=<script>'],
    ['#hub=<script>alert(1)</script>', 'hub=<script>alert(1)</script>'],
    ['#lang=fr', 'lang=fr'],
  ])('%s falls back to the defaults with one warning', (hash, named) => {
    const warn = vi.fn();
    expect(() => parseHash(hash, warn)).not.toThrow();
    expect(parseHash(hash, () => {})).toEqual({});
    parseHash(hash, warn);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]![0]).toContain(JSON.stringify(named));
  });

  test('keeps the good values when one is bad, and warns once for several bad ones', () => {
    const warn = vi.fn();
    expect(parseHash('#hub=xian&year=abc&lang=xx', warn)).toEqual({ hub: 'xian' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/year=abc.*lang=xx/);
  });
});
