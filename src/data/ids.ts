/** The one shape of an id in the data, in links and in host commands: a lowercase slug. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A plain object (not null, not an array): what JSON objects and message payloads must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
