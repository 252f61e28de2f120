import { describe, expect, it } from 'vitest';
import {
  findItems,
  fold,
  FULL_LIST_LIMIT,
  indexItems,
  pageCount,
  pageOf,
  SHOWN_MATCHES,
  type Findable,
} from '../../src/panels/findItems.ts';

const item = (id: string, en: string, zh: string): Findable => ({ id, name: { en, zh } });
const many = Array.from({ length: 10_000 }, (_, i) =>
  item(`synthetic-${i}`, `Route ${i}`, `线路${i}`),
);
const index = indexItems(many, (x) => x);
const ids = (found: { shown: Findable[] }) => found.shown.map((x) => x.id);

describe('finding items by name', () => {
  it('folds case, accents, full-width forms and spaces, whatever the system locale', () => {
    expect(fold('  ŁÓDŹ  Kaliszki ')).toBe('lodz kaliszki');
    expect(fold('Małaszewicze')).toBe('malaszewicze');
    expect(fold('Ｒｏｕｔｅ １２')).toBe('route 12');
    expect(fold('İSTANBUL')).toBe('istanbul');
  });

  it('matches en and zh names and the id, case-insensitive, counting every match', () => {
    expect(findItems(index, 'route 1234')).toEqual({ shown: [many[1234]], total: 1 });
    expect(ids(findItems(index, 'ROUTE 9999'))).toEqual(['synthetic-9999']);
    expect(ids(findItems(index, '线路42'))).toEqual(
      ['synthetic-42', ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `synthetic-42${d}`)].concat(
        Array.from({ length: 100 }, (_, d) => `synthetic-42${String(d).padStart(2, '0')}`).slice(
          0,
          SHOWN_MATCHES - 11,
        ),
      ),
    );
    expect(findItems(index, '线路42').total).toBe(111);
    expect(ids(findItems(index, 'SYNTHETIC-77'))[0]).toBe('synthetic-77');
  });

  it('shows at most the limit, names that start with the query first, in data order', () => {
    const found = findItems(index, '7');
    expect(found.total).toBe(many.filter((x) => x.name.en.includes('7')).length);
    expect(found.shown).toHaveLength(SHOWN_MATCHES);
    const small = indexItems(
      [
        item('a', 'Chengdu–Łódź', '成都—罗兹'),
        item('b', 'Łódź–Chengdu', '罗兹—成都'),
        item('c', 'Xi’an', '西安'),
      ],
      (x) => x,
    );
    expect(ids(findItems(small, 'lodz'))).toEqual(['b', 'a']);
    expect(ids(findItems(small, '成都'))).toEqual(['a', 'b']);
    expect(ids(findItems(small, 'LODZ', 1))).toEqual(['b']);
    expect(findItems(small, 'lodz', 1).total).toBe(2);
  });

  it('takes the query as text, never as a pattern', () => {
    const small = indexItems(
      [item('a', 'A (north) route.*', '甲'), item('b', 'Anything', '乙')],
      (x) => x,
    );
    expect(ids(findItems(small, '.*'))).toEqual(['a']);
    expect(ids(findItems(small, '(north'))).toEqual(['a']);
    expect(findItems(small, '[').total).toBe(0);
  });

  it('an empty query lists the first items and counts them all', () => {
    const found = findItems(index, '   ');
    expect(found.total).toBe(10_000);
    expect(ids(found)).toEqual(many.slice(0, SHOWN_MATCHES).map((x) => x.id));
  });

  it('searches 10,000 items in a few milliseconds', () => {
    const start = performance.now();
    for (const q of ['r', 'ro', 'rou', 'route 1', 'route 12', '线', '线路9']) findItems(index, q);
    expect((performance.now() - start) / 7).toBeLessThan(50);
  });

  it('pages: which page holds an item, how many pages', () => {
    expect(pageOf(0, 50)).toBe(0);
    expect(pageOf(49, 50)).toBe(0);
    expect(pageOf(50, 50)).toBe(1);
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(10_000, 50)).toBe(200);
    expect(pageCount(10_001, 50)).toBe(201);
    expect(FULL_LIST_LIMIT).toBeGreaterThan(SHOWN_MATCHES);
  });
});
