import type { DataFile } from './types.ts';

/**
 * One thing wrong with the data. Validation collects every problem instead of stopping at the
 * first, so that a newsroom editing `geo/` sees the whole list at once (maplibre's style
 * validators work the same way).
 */
export interface Problem {
  file: DataFile | string;
  /** Feature id, or `#index` when the feature has no usable id; empty for file-level problems. */
  feature: string;
  /** Dotted path inside the feature, e.g. `figures[2].source`; empty when the whole feature is meant. */
  field: string;
  message: string;
}

/** The most characters of a bad value a message quotes (a 20 MB name is not echoed). */
export const MAX_QUOTE = 200;

// Characters that change how the rest of a line reads without being seen: C0/C1 controls,
// bidirectional embeddings, overrides and isolates, zero-width characters, the BOM. Shown escaped
// in messages so that a hostile value cannot reorder or hide the text of a terminal line.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** `text` cut to at most `max` characters (an ellipsis marks the cut), invisible characters escaped. */
export function clip(text: string, max = MAX_QUOTE): string {
  const cut = text.length > max ? text.slice(0, max) + '…' : text;
  return cut.replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** `file › feature › field: what is wrong`, leaving out the parts that are empty. */
export function formatProblem({ file, feature, field, message }: Problem): string {
  return [file, feature, field].filter(Boolean).join(' › ') + ': ' + message;
}

/**
 * The same problem with every part safe to print: one line, at most a few hundred characters,
 * invisible characters escaped. Applied once to every problem `loadData`/`validateData` returns.
 */
export function safeProblem({ file, feature, field, message }: Problem): Problem {
  return {
    file: clip(String(file), 40),
    feature: clip(String(feature), 120),
    field: clip(String(field), 120),
    message: clip(String(message).replace(/\s+/g, ' '), 2 * MAX_QUOTE),
  };
}

/** Short, safe description of a value for a message (never the whole object). */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
    const length = value.length > 40 ? ` (${value.length} characters)` : '';
    return clip(shown, MAX_QUOTE) + length;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
