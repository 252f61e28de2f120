/**
 * Finding a hub or route by name when there are too many to list (issue 9: a newsroom's folder
 * of 10,000 routes). Pure: no DOM, so that it is tested in Node. Plain substring matching on
 * folded text — the reader's input is never turned into a regular expression.
 */
import type { Lang } from '../data/types.ts';

/** Past this many items a list or table stops drawing one element per item. */
export const FULL_LIST_LIMIT = 200;
/** At most this many matches are drawn at once; the rest are counted. */
export const SHOWN_MATCHES = 50;

export interface Findable {
  id: string;
  name: Readonly<Record<Lang, string>>;
}

export interface FindIndex<T> {
  readonly items: readonly T[];
  /** Folded names and id of each item, one string per name. */
  readonly keys: readonly (readonly string[])[];
}

export interface Found<T> {
  /** The first `limit` matches: names that start with the query first, then the rest, each in data order. */
  shown: T[];
  /** How many items match in all. */
  total: number;
}

/** Latin letters that carry their stroke in the letter itself, not as an accent NFKD removes. */
const PLAIN: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};

/**
 * Text as it is compared: compatibility forms folded (full-width Ｒ → R), accents dropped
 * (Łódź → lodz, Małaszewicze → malaszewicze), lower case by the root rules (not the browser's
 * locale: a Turkish system must not turn I into ı), spaces collapsed.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('und')
    .replace(/[łøđħıßæœ]/g, (c) => PLAIN[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Folds every item's zh and en names and id once per data set; queries then only compare.
 * `describe` gives an item's id and names (a feature's `properties`).
 */
export function indexItems<T>(items: readonly T[], describe: (item: T) => Findable): FindIndex<T> {
  return {
    items,
    keys: items.map((item) => {
      const { id, name } = describe(item);
      return [fold(name.en), fold(name.zh), fold(id)];
    }),
  };
}

/**
 * The items whose zh or en name or id contains `query`, case- and accent-insensitive. An empty
 * query matches everything (the first `limit` are shown, in data order). One pass over the
 * index, whatever the number of matches.
 */
export function findItems<T>(index: FindIndex<T>, query: string, limit = SHOWN_MATCHES): Found<T> {
  const q = fold(query);
  const starts: T[] = [];
  const contains: T[] = [];
  let total = 0;
  index.items.forEach((item, i) => {
    const keys = index.keys[i]!;
    if (q === '' || keys.some((key) => key.startsWith(q))) {
      total++;
      if (starts.length < limit) starts.push(item);
    } else if (keys.some((key) => key.includes(q))) {
      total++;
      if (contains.length < limit) contains.push(item);
    }
  });
  return { shown: [...starts, ...contains].slice(0, limit), total };
}

/** The page (0-based) of `pageSize` items that holds item `i`. */
export function pageOf(i: number, pageSize: number): number {
  return Math.max(0, Math.floor(i / pageSize));
}

/** How many pages of `pageSize` items `count` items fill (at least one). */
export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}
