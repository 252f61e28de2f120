// Issue 22, "published stays published": the pure parts of data snapshots — dates, the plan of one
// build (immutable snapshots, the manifest), the folders a build keeps, and what `data=` resolves
// to. The two builds and the pinned snippet in a browser: tests/browser/snapshots.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildSnapshotDate,
  contentHash,
  readKeptSnapshots,
} from '../../src/build/geoDataPlugin.ts';
import {
  looksLikeDate,
  parseSnapshotDate,
  planSnapshots,
  snapshotDateOf,
} from '../../src/data/snapshots.ts';
import { embedUrl } from '../../src/embed/loader.ts';
import { parseEmbedQuery, parseOptions } from '../../src/embed/options.ts';

const PAGE = 'https://news.example/maps/embed.html';

describe('snapshot dates', () => {
  it('takes real calendar dates as YYYY-MM-DD only', () => {
    expect(parseSnapshotDate('2026-12-05')).toBe('2026-12-05');
    expect(parseSnapshotDate('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-12-32', '2026-12-5', ' 2026-12-05']) {
      expect({ bad, date: parseSnapshotDate(bad) }).toEqual({ bad, date: null });
    }
    for (const bad of ['1999-12-31', '26-12-05', '2026/12/05', '2026-12-05/', '../2026-12-05']) {
      expect({ bad, date: parseSnapshotDate(bad) }).toEqual({ bad, date: null });
    }
  });

  it('tells a date meant as one (even malformed) from a folder name', () => {
    for (const date of ['2026-12-05', '2026-12-5', '2026-13-45', '2026-12']) {
      expect({ date, meant: looksLikeDate(date) }).toEqual({ date, meant: true });
    }
    for (const folder of ['data/', 'geo/2026-12-05/', 'https://x.example/2026-12-05', 'v2']) {
      expect({ folder, meant: looksLikeDate(folder) }).toEqual({ folder, meant: false });
    }
  });

  it('names the build date on the local calendar, or takes CORRIDOR_MAP_SNAPSHOT_DATE', () => {
    expect(snapshotDateOf(new Date(2026, 0, 7, 23, 59))).toBe('2026-01-07');
    expect(buildSnapshotDate(undefined, new Date(2026, 11, 5, 8))).toBe('2026-12-05');
    expect(buildSnapshotDate('2026-12-05')).toBe('2026-12-05');
    expect(() => buildSnapshotDate('2026-12-5')).toThrow(
      'invalid CORRIDOR_MAP_SNAPSHOT_DATE: "2026-12-5" (expected a date as 2026-12-05)',
    );
  });
});

describe('planSnapshots: one build', () => {
  const A = { 'hubs.geojson': 'sha256-a1', 'metrics.json': 'sha256-a2' };
  const B = { 'hubs.geojson': 'sha256-b1', 'metrics.json': 'sha256-a2' };

  it('a first build writes its date and names it current', () => {
    const plan = planSnapshots([], '2026-12-05', A);
    expect(plan).toEqual({
      write: true,
      manifest: {
        version: 1,
        current: '2026-12-05',
        snapshots: [{ date: '2026-12-05', files: A }],
      },
      warnings: [],
    });
  });

  it('keeps earlier snapshots, sorted by date, and adds today', () => {
    const kept = [
      { date: '2026-12-04', files: A },
      { date: '2026-11-30', files: A },
    ];
    const plan = planSnapshots(kept, '2026-12-05', B);
    expect(plan.write).toBe(true);
    expect(plan.manifest.snapshots.map((s) => s.date)).toEqual([
      '2026-11-30',
      '2026-12-04',
      '2026-12-05',
    ]);
    expect(plan.manifest.current).toBe('2026-12-05');
    expect(plan.manifest.snapshots[0]?.files).toEqual(A);
  });

  it('a rebuild the same day with the same data writes nothing new, silently', () => {
    const plan = planSnapshots([{ date: '2026-12-05', files: A }], '2026-12-05', { ...A });
    expect(plan).toMatchObject({ write: false, warnings: [] });
    expect(plan.manifest.current).toBe('2026-12-05');
  });

  it('a rebuild the same day after a data change keeps the first snapshot and warns', () => {
    const plan = planSnapshots([{ date: '2026-12-05', files: A }], '2026-12-05', B);
    expect(plan.write).toBe(false);
    expect(plan.manifest.snapshots).toEqual([{ date: '2026-12-05', files: A }]);
    // No snapshot holds today's data: "pin to today's data" has nothing to pin yet.
    expect(plan.manifest.current).toBeNull();
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatch(
      /^data snapshot geo\/2026-12-05\/ already exists with other data: kept as first published/,
    );
    // …unless an older snapshot holds exactly the current data.
    const back = planSnapshots(
      [
        { date: '2026-12-01', files: B },
        { date: '2026-12-05', files: A },
      ],
      '2026-12-05',
      B,
    );
    expect(back.manifest.current).toBe('2026-12-01');
  });
});

describe('readKeptSnapshots: the folders an earlier build left', () => {
  const out = mkdtempSync(join(tmpdir(), 'corridor-snapshots-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('reads dated folders under geo/ with their bytes, and nothing else', () => {
    mkdirSync(join(out, 'geo/2026-12-04'), { recursive: true });
    writeFileSync(join(out, 'geo/2026-12-04/hubs.geojson'), '{"a":1}');
    mkdirSync(join(out, 'geo/not-a-date'), { recursive: true });
    writeFileSync(join(out, 'geo/not-a-date/hubs.geojson'), '{}');
    mkdirSync(join(out, 'geo/2026-02-30'), { recursive: true });
    writeFileSync(join(out, 'geo/2026-02-30/hubs.geojson'), '{}');
    mkdirSync(join(out, 'geo/2026-12-03'), { recursive: true });
    writeFileSync(join(out, 'geo/hubs.geojson'), '{}');
    const kept = readKeptSnapshots(out);
    expect(kept.map((s) => s.date)).toEqual(['2026-12-04']);
    expect(kept[0]?.files.get('hubs.geojson')?.toString()).toBe('{"a":1}');
    expect(readKeptSnapshots(join(out, 'missing'))).toEqual([]);
  });

  it('hashes content as sha256-<hex>', () => {
    expect(contentHash('')).toBe(
      'sha256-e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});

describe('data= and data-data=: a snapshot date, a folder, or the current data', () => {
  const parse = (raw: Record<string, string>) => {
    const warnings: string[] = [];
    const options = parseOptions(raw, (m) => warnings.push(m), PAGE);
    return { data: options.data, warnings };
  };

  it('a date pins that snapshot (resolved beside the page by mount: geo/<date>/)', () => {
    expect(parse({ data: '2026-12-05' })).toEqual({ data: '2026-12-05', warnings: [] });
  });

  it('a malformed date falls back to the current data with one warning, never a folder', () => {
    for (const bad of ['2026-12-5', '2026-13-01', '2026-02-30']) {
      const { data, warnings } = parse({ data: bad });
      expect({ bad, data }).toEqual({ bad, data: undefined });
      expect(warnings).toEqual([
        `corridor-map: ignored invalid option "data=${bad}"; using the defaults`,
      ]);
    }
  });

  it('folders keep the same-origin rule; other sites are refused', () => {
    expect(parse({ data: 'archive/' }).data).toBe('https://news.example/maps/archive/');
    expect(parse({ data: 'https://evil.example/2026-12-05/' })).toMatchObject({
      data: undefined,
      warnings: [expect.stringContaining('data=https://evil.example/2026-12-05/')],
    });
    expect(parse({ data: '//evil.example/geo/' }).data).toBeUndefined();
  });

  it('embed.html takes ?data=2026-12-05, and embed.js passes data-data on', () => {
    expect(parseEmbedQuery('?data=2026-12-05&lang=en', () => {}, PAGE)).toEqual({
      data: '2026-12-05',
      lang: 'en',
    });
    const url = embedUrl(PAGE, { data: '2026-12-05', hub: 'xian' });
    expect(new URL(url).searchParams.get('data')).toBe('2026-12-05');
  });
});
