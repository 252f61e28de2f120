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

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a real calendar day written YYYY-MM-DD (2023-02-30 is not one). */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

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

  string(field: string): string | undefined {
    const v = this.obj[field];
    if (v === undefined) return this.fail(field, 'missing');
    if (typeof v !== 'string' || v.trim() === '') {
      return this.fail(field, `expected a non-empty string, got ${describe(v)}`);
    }
    return v;
  }

  /** A string shown to readers: no markup allowed. */
  text(field: string): string | undefined {
    const v = this.string(field);
    if (v === undefined) return undefined;
    const tag = MARKUP.exec(v);
    if (tag) {
      return this.fail(field, `contains HTML markup ${JSON.stringify(tag[0])}: write plain text`);
    }
    return v;
  }

  optionalText(field: string): string | undefined {
    return this.obj[field] === undefined ? undefined : this.text(field);
  }

  localized(field: string): Localized | undefined {
    const child = this.object(field);
    if (!child) return undefined;
    const zh = child.text('zh');
    const en = child.text('en');
    return zh !== undefined && en !== undefined ? { zh, en } : undefined;
  }

  optionalLocalized(field: string): Localized | undefined {
    return this.obj[field] === undefined ? undefined : this.localized(field);
  }

  number(field: string): number | undefined {
    const v = this.obj[field];
    if (v === undefined) return this.fail(field, 'missing');
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return this.fail(field, `expected a finite number, got ${describe(v)}`);
    }
    return v;
  }

  /** A calendar day, YYYY-MM-DD. */
  day(field: string): string | undefined {
    const v = this.string(field);
    if (v === undefined) return undefined;
    return isIsoDay(v) ? v : this.fail(field, `expected a date as YYYY-MM-DD, got ${describe(v)}`);
  }

  optionalDay(field: string): string | undefined {
    return this.obj[field] === undefined ? undefined : this.day(field);
  }

  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  partialDate(field: string): string | undefined {
    const v = this.string(field);
    if (v === undefined) return undefined;
    const ok = ISO_PARTIAL.test(v) && (v.length < 10 || isIsoDay(v));
    return ok
      ? v
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
    const bad = v.findIndex((s) => typeof s !== 'string' || s === '');
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
