import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import {
  parseSnapshotDate,
  planSnapshots,
  snapshotDateOf,
  snapshotFolder,
  SNAPSHOTS_FILE,
  type SnapshotEntry,
} from '../data/snapshots.ts';
import { DATA_FILES } from '../data/types.ts';

/** A snapshot folder found in the output: its date and its files' bytes, by name. */
export interface KeptSnapshot {
  date: string;
  files: Map<string, Buffer>;
}

/** `sha256-<hex>` of a file's bytes: the manifest's content hash. */
export function contentHash(bytes: Buffer | string): string {
  return `sha256-${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * The snapshot folders an earlier build left in `outDir` (`geo/<YYYY-MM-DD>/`), with their bytes.
 * Read before vite empties the output (`build.emptyOutDir`), so the build can write them back
 * unchanged: a snapshot, once published, stays.
 */
export function readKeptSnapshots(outDir: string): KeptSnapshot[] {
  const geo = join(outDir, 'geo');
  if (!existsSync(geo)) return [];
  return readdirSync(geo, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && parseSnapshotDate(entry.name) !== null)
    .map((entry) => {
      const dir = join(geo, entry.name);
      const files = new Map<string, Buffer>();
      for (const file of readdirSync(dir, { withFileTypes: true })) {
        if (file.isFile()) files.set(file.name, readFileSync(join(dir, file.name)));
      }
      return { date: entry.name, files };
    })
    .filter((snapshot) => snapshot.files.size > 0);
}

/**
 * `CORRIDOR_MAP_SNAPSHOT_DATE` (a fixed snapshot date, for reproducible builds and tests) or the
 * build machine's date today. A value that is not a date as 2026-12-05 stops the build.
 */
export function buildSnapshotDate(value: string | undefined, now = new Date()): string {
  if (!value) return snapshotDateOf(now);
  const date = parseSnapshotDate(value);
  if (!date) {
    throw new Error(
      `invalid CORRIDOR_MAP_SNAPSHOT_DATE: ${JSON.stringify(value)} (expected a date as 2026-12-05)`,
    );
  }
  return date;
}

export interface GeoDataOptions {
  /** The data folder, relative to the vite root. Default `geo`. */
  dir?: string;
  /** The date of this build's snapshot (see buildSnapshotDate). Default: today. */
  snapshotDate?: string;
}

/**
 * Ships the data folder with the app as plain files under `geo/`, so that the map loads the same
 * files a newsroom edits, and `npm run validate` checks exactly what readers get. In dev they are
 * read fresh on every request: edit, reload, see.
 *
 * The build also writes the data as a dated snapshot, `geo/<date>/`, keeps every snapshot folder
 * an earlier build left in the output (read before vite empties it, written back byte for byte),
 * and lists them with a content hash per file in `geo/snapshots.json` (src/data/snapshots.ts:
 * a snapshot is never overwritten).
 */
export function geoDataPlugin({ dir = 'geo', snapshotDate }: GeoDataOptions = {}): Plugin {
  let root = resolve(dir);
  let outDir = resolve('dist');
  let isBuild = false;
  let kept: KeptSnapshot[] = [];
  return {
    name: 'corridor-geo-data',
    configResolved(config) {
      root = resolve(config.root, dir);
      outDir = resolve(config.root, config.build.outDir);
      isBuild = config.command === 'build';
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = DATA_FILES.find((f) => req.url?.split('?')[0] === `/geo/${f}`);
        if (!file) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(readFileSync(resolve(root, file)));
      });
    },
    buildStart() {
      // Before renderStart, where vite empties outDir.
      if (isBuild) kept = readKeptSnapshots(outDir);
    },
    generateBundle() {
      const current = new Map(DATA_FILES.map((f) => [f, readFileSync(resolve(root, f))]));
      for (const [file, source] of current) {
        this.emitFile({ type: 'asset', fileName: `geo/${file}`, source });
      }
      const hashes = (files: Map<string, Buffer>) =>
        Object.fromEntries(
          [...files.keys()].sort().map((name) => [name, contentHash(files.get(name)!)]),
        );
      const entries: SnapshotEntry[] = kept.map((s) => ({ date: s.date, files: hashes(s.files) }));
      const date = snapshotDate ?? snapshotDateOf(new Date());
      const plan = planSnapshots(entries, date, hashes(current));
      for (const warning of plan.warnings) this.warn(warning);
      const write = (folder: string, files: Map<string, Buffer>) => {
        for (const [file, source] of files) {
          this.emitFile({ type: 'asset', fileName: `${folder}${file}`, source });
        }
      };
      for (const snapshot of kept) write(snapshotFolder(snapshot.date), snapshot.files);
      if (plan.write) write(snapshotFolder(date), current);
      this.emitFile({
        type: 'asset',
        fileName: `geo/${SNAPSHOTS_FILE}`,
        source: JSON.stringify(plan.manifest, null, 2) + '\n',
      });
    },
  };
}
