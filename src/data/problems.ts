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

/** `file › feature › field: what is wrong`, leaving out the parts that are empty. */
export function formatProblem({ file, feature, field, message }: Problem): string {
  return [file, feature, field].filter(Boolean).join(' › ') + ': ' + message;
}

/** Short, safe description of a value for a message (never the whole object). */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `a ${typeof value}`;
}
