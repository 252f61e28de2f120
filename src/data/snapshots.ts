/**
 * Dated snapshots of the data folder (issue 22, "published stays published"): every build writes
 * the data it ships as `geo/<YYYY-MM-DD>/` beside the current `geo/`, and a snippet may pin one
 * with `data-data="2026-12-05"`, so an article keeps the figures it was published with after
 * `geo/` changes. The build keeps the snapshot folders an earlier build left in its output and
 * lists them all in `geo/snapshots.json`.
 *
 * Pure: dates, the manifest and the plan of one build. The files are read and hashed by the
 * build (src/build/geoDataPlugin.ts), the dates are read by the options (src/embed/options.ts).
 */

/** A snapshot's name: a calendar date, `YYYY-MM-DD`. */
export const SNAPSHOT_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The manifest of snapshots, beside the current data: `geo/snapshots.json`. */
export const SNAPSHOTS_FILE = 'snapshots.json';

/** A value that was meant as a date (`2026-12-5`, `2026-13-01`), not a folder name. */
export function looksLikeDate(value: string): boolean {
  return /^\s*\d{4}-\d{1,2}(-\d{1,2})?\s*$/.test(value);
}

/**
 * `value` as a snapshot date (`2026-12-05`), or null when it is not a real calendar date in that
 * exact form (`2026-02-30`, `2026-12-5`, ` 2026-12-05`).
 */
export function parseSnapshotDate(value: string): string | null {
  const match = SNAPSHOT_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : null;
}

/** The date of `now` on the build machine's calendar, as a snapshot name. */
export function snapshotDateOf(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The folder of a snapshot, relative to the page's folder (where `geo/` is). */
export function snapshotFolder(date: string): string {
  return `geo/${date}/`;
}

/** One snapshot: its date and the content hash of each file (`sha256-<hex>`), by file name. */
export interface SnapshotEntry {
  date: string;
  files: Record<string, string>;
}

export interface SnapshotManifest {
  version: 1;
  /**
   * The snapshot that holds exactly the current data (`geo/`), which "pin to today's data"
   * pins; null when none does (a rebuild the same day after a data change: see planSnapshots).
   */
  current: string | null;
  /** Every snapshot in the output, oldest first. */
  snapshots: SnapshotEntry[];
}

const sameFiles = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/**
 * What one build does with snapshots (pure). `kept` are the snapshot folders already in the
 * output (an earlier build's, kept as they are), `date` the build's date, `current` the hashes of
 * the data it ships.
 *
 * Snapshots are immutable: when `kept` already holds `date` with other content (the data changed
 * and the build ran again the same day), that snapshot stays as it was first published — an
 * article pinned to it earlier that day keeps its figures — and the build warns; the current data
 * then has no snapshot until the next day's build (`current` is null unless an older snapshot
 * happens to hold the same data).
 */
export function planSnapshots(
  kept: readonly SnapshotEntry[],
  date: string,
  current: Record<string, string>,
): { write: boolean; manifest: SnapshotManifest; warnings: string[] } {
  const warnings: string[] = [];
  const same = kept.find((s) => s.date === date);
  const write = same === undefined;
  if (same && !sameFiles(same.files, current)) {
    warnings.push(
      `data snapshot geo/${date}/ already exists with other data: kept as first published ` +
        `(snapshots are immutable; articles pinned to ${date} keep its figures). The current data ` +
        `(geo/) is built as usual but has no snapshot until a build on a later date.`,
    );
  }
  const snapshots = [...kept, ...(write ? [{ date, files: { ...current } }] : [])].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const holding = snapshots.filter((s) => sameFiles(s.files, current));
  return {
    write,
    manifest: { version: 1, current: holding.at(-1)?.date ?? null, snapshots },
    warnings,
  };
}
