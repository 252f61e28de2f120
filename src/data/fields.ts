import { isRecord, SLUG } from './ids.ts';
import { describe } from './problems.ts';
import type { Localized } from './types.ts';

export interface FieldIssue {
  field: string;
  message: string;
}

// A tag-like run: `<b>`, `</a>`, `<script`, `<img src=…>`. Text from data is only ever set with
// textContent, so markup would show up literally: it is always a mistake in the data.
const MARKUP = /<\/?[a-z!][^>]*>?/i;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_PARTIAL = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Plausibility limits of the data contract (DESIGN §2). Every date of the data (openings,
 * figures' as-of dates, series points, sources) lies in this range: the corridors opened from
 * 2011, sources on them are later still, and a typo like 1000-01-01 or 9999-12-31 would
 * otherwise stretch the timeline to a thousand years.
 */
export const FIRST_DAY = '1990-01-01';
export const LAST_DAY = '2100-12-31';
/** Longest name or label (name, province, role, figure label, metric): 200 characters. */
export const MAX_NAME = 200;
/** Longest longer text (note, quote, source title and publisher, definition): 500 characters. */
export const MAX_TEXT = 500;
/** Longest id (hubs, places, routes, sources, series, figures): 100 characters. */
export const MAX_ID = 100;
/** Longest string of any other kind (references, URLs): 2,000 characters. */
export const MAX_STRING = 2000;

// In text shown to readers: control characters, and bidirectional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069), which reorder the text around them on the page. The
// marks U+200E/U+200F and joiners U+200C/U+200D have legitimate uses and are allowed. A lone
// surrogate (broken UTF-16 from a `\ud800` escape) is refused with them.
const CONTROL = /[\p{Cc}\p{Cs}\u202a-\u202e\u2066-\u2069]/u;
// Characters that draw nothing: white space, zero-width and format characters.
const BLANK = /^[\s\p{Cf}\p{Mn}\u115f\u1160\u3164]*$/u;
// Names inherited from Object.prototype: harmless in a Map, a trap in any `byId[id]` lookup.
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

const hex = (c: string) => 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/** A plain JSON object (ids.ts `isRecord`, under the name validation has always used). */
export const isObject = isRecord;

/**
 * Every string id that the objects of `json[list]` carry, kept or not; undefined when
 * `json[list]` is not an array at all (then nothing can say which ids exist, and references to
 * them go unchecked rather than every citing item being lost over one broken file).
 */
export function listedIds(json: unknown, list: string): Set<string> | undefined {
  if (!isObject(json) || !Array.isArray(json[list])) return undefined;
  const ids = new Set<string>();
  for (const item of json[list] as unknown[]) {
    if (isObject(item) && typeof item.id === 'string') ids.add(item.id);
  }
  return ids;
}

/**
 * True for a real calendar day written YYYY-MM-DD (2023-02-30 is not one), in the proleptic
 * Gregorian calendar of `Date`. Arithmetic rather than a `Date` per call: a data folder of
 * 100,000 routes checks as many days (issue 9). Years 0000–0099 are refused, as a round trip
 * through `Date.UTC` (which reads them as 1900–1999) always refused them.
 */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Reads typed fields off one untrusted object and records what is wrong with each, under the
 * field's path. Every reader returns `undefined` on a bad value, so callers can decide whether
 * the whole feature or only one entry is lost.
 */
export class FieldReader {
  constructor(
    private readonly obj: Record<string, unknown>,
    readonly issues: FieldIssue[] = [],
    private readonly prefix = '',
  ) {}

  path(field: string): string {
    return this.prefix ? `${this.prefix}.${field}` : field;
  }

  fail(field: string, message: string): undefined {
    this.issues.push({ field: this.path(field), message });
    return undefined;
  }

  raw(field: string): unknown {
    return this.obj[field];
  }

  string(field: string, max = MAX_STRING): string | undefined {
    const v = this.obj[field];
    if (v === undefined) return this.fail(field, 'missing');
    if (typeof v !== 'string' || v.trim() === '') {
      return this.fail(field, `expected a non-empty string, got ${describe(v)}`);
    }
    if (v.length > max) {
      return this.fail(field, `longer than ${max} characters: ${describe(v)}`);
    }
    return v;
  }

  /** An id: a lower-case slug like "xian" of at most MAX_ID characters. */
  slug(field: string): string | undefined {
    const v = this.string(field, MAX_ID);
    if (v === undefined) return undefined;
    if (!SLUG.test(v))
      return this.fail(field, `expected a lower-case slug like "xian", got ${describe(v)}`);
    if (RESERVED.has(v))
      return this.fail(field, `${describe(v)} is a reserved name; choose another id`);
    return v;
  }

  /**
   * A string shown to readers, at most `max` characters: no markup, no control or
   * bidirectional-override characters, and something visible.
   */
  text(field: string, max = MAX_NAME): string | undefined {
    const v = this.string(field, max);
    if (v === undefined) return undefined;
    const tag = MARKUP.exec(v);
    if (tag) {
      return this.fail(field, `contains HTML markup ${describe(tag[0])}: write plain text`);
    }
    const control = CONTROL.exec(v);
    if (control) {
      return this.fail(
        field,
        `contains the invisible control character ${hex(control[0])}: remove it`,
      );
    }
    if (BLANK.test(v)) return this.fail(field, `has no visible characters, got ${describe(v)}`);
    return v;
  }

  optionalText(field: string, max = MAX_NAME): string | undefined {
    return this.obj[field] === undefined ? undefined : this.text(field, max);
  }

  localized(field: string, max = MAX_NAME): Localized | undefined {
    const child = this.object(field);
    if (!child) return undefined;
    const zh = child.text('zh', max);
    const en = child.text('en', max);
    return zh !== undefined && en !== undefined ? { zh, en } : undefined;
  }

  optionalLocalized(field: string, max = MAX_NAME): Localized | undefined {
    return this.obj[field] === undefined ? undefined : this.localized(field, max);
  }

  /**
   * An http(s) address, parsed as browsers do (WHATWG URL): no `javascript:`, `data:` or other
   * schemes, no user name or password in it.
   */
  url(field: string): string | undefined {
    const v = this.string(field);
    if (v === undefined) return undefined;
    let url: URL | undefined;
    try {
      url = new URL(v);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
      return this.fail(field, `expected an http(s) address, got ${describe(v)}`);
    }
    if (url.username || url.password) {
      return this.fail(field, `must not hold a user name or password, got ${describe(v)}`);
    }
    return v;
  }

  number(field: string): number | undefined {
    const v = this.obj[field];
    if (v === undefined) return this.fail(field, 'missing');
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return this.fail(field, `expected a finite number, got ${describe(v)}`);
    }
    return v;
  }

  /** A calendar day, YYYY-MM-DD, between FIRST_DAY and LAST_DAY. */
  day(field: string): string | undefined {
    const v = this.string(field);
    if (v === undefined) return undefined;
    if (!isIsoDay(v)) return this.fail(field, `expected a date as YYYY-MM-DD, got ${describe(v)}`);
    return this.inRange(field, v);
  }

  /** `v` (YYYY, YYYY-MM or YYYY-MM-DD) if it falls between FIRST_DAY and LAST_DAY. */
  inRange(field: string, v: string): string | undefined {
    const first = FIRST_DAY.slice(0, v.length);
    const last = LAST_DAY.slice(0, v.length);
    return v >= first && v <= last
      ? v
      : this.fail(field, `${v} is outside the plausible range ${first}…${last}`);
  }

  optionalDay(field: string): string | undefined {
    return this.obj[field] === undefined ? undefined : this.day(field);
  }

  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  partialDate(field: string): string | undefined {
    const v = this.string(field);
    if (v === undefined) return undefined;
    const month = Number(v.slice(5, 7));
    const ok =
      ISO_PARTIAL.test(v) &&
      (v.length === 4 || (month >= 1 && month <= 12)) &&
      (v.length < 10 || isIsoDay(v));
    return ok
      ? this.inRange(field, v)
      : this.fail(field, `expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got ${describe(v)}`);
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const v = this.obj[field];
    if (v === undefined) return this.fail(field, `missing (one of ${allowed.join(', ')})`);
    return allowed.includes(v as T)
      ? (v as T)
      : this.fail(field, `expected one of ${allowed.join(', ')}, got ${describe(v)}`);
  }

  optionalOneOf<T extends string>(
    field: string,
    allowed: readonly T[],
    fallback: T,
  ): T | undefined {
    return this.obj[field] === undefined ? fallback : this.oneOf(field, allowed);
  }

  boolean(field: string): boolean | undefined {
    const v = this.obj[field];
    return typeof v === 'boolean'
      ? v
      : this.fail(field, `expected true or false, got ${describe(v)}`);
  }

  stringArray(field: string): string[] | undefined {
    const v = this.obj[field];
    if (!Array.isArray(v))
      return this.fail(field, `expected an array of strings, got ${describe(v)}`);
    const bad = v.findIndex((s) => typeof s !== 'string' || s === '' || s.length > MAX_STRING);
    return bad === -1
      ? (v as string[])
      : this.fail(`${field}[${bad}]`, `expected a non-empty string, got ${describe(v[bad])}`);
  }

  array(field: string): unknown[] | undefined {
    const v = this.obj[field];
    return Array.isArray(v) ? v : this.fail(field, `expected an array, got ${describe(v)}`);
  }

  object(field: string): FieldReader | undefined {
    const v = this.obj[field];
    if (v === undefined) return this.fail(field, 'missing');
    if (!isObject(v)) return this.fail(field, `expected an object, got ${describe(v)}`);
    return new FieldReader(v, this.issues, this.path(field));
  }

  /** A reader for one element of an array field, recording issues under `field[i]`. */
  element(field: string, index: number, value: unknown): FieldReader | undefined {
    const at = `${field}[${index}]`;
    if (!isObject(value)) return this.fail(at, `expected an object, got ${describe(value)}`);
    return new FieldReader(value, this.issues, this.path(at));
  }
}
