/**
 * Issue 19: the map is current to 2025, every 2025 point names the outlet that states it, and
 * nothing a reader sees cites this project's own notes. `POINTS_2025` is written out by hand from
 * the outlets list for 2025 (one row per figure it supports, with the source entry that carries
 * that outlet); geo/NOTES.md says which rows were left out and why.
 */
import { describe, expect, it } from 'vitest';
import { PROJECT_PUBLISHER } from '../../src/data/ownSources.ts';
import { formatProblem, type Problem } from '../../src/data/problems.ts';
import type { Qualifier } from '../../src/data/types.ts';
import { validateData } from '../../src/data/validate.ts';
import { yearRange } from '../../src/state/selectors.ts';
import { createCorridorStore } from '../../src/state/store.ts';
import { getAt, loadGeo, readFixture, setAt } from './helpers.ts';

const messages = (problems: Problem[]) => problems.map(formatProblem);

/** `[series, t, value, qualifier, source]`. */
const POINTS_2025: [string, string, number, Qualifier, string][] = [
  ['china-europe-trains', '2025', 20022, 'exact', 'yicai-2026-01-21'],
  ['china-europe-central-asia-trains', '2025', 34300, 'exact', 'netease-crct-2026'],
  ['central-asia-trains', '2025', 14254, 'exact', 'netease-crct-2026'],
  ['china-europe-teu', '2025', 2050200, 'exact', 'netease-crct-2026'],
  ['china-europe-trains-cumulative', '2025-06-10', 110000, 'over', 'cri-shandong-2025-06-10'],
  ['china-europe-trains-cumulative', '2025-10-31', 118600, 'exact', 'imsilkroad-2025-11-18'],
  [
    'china-europe-trains-cumulative',
    '2025-11-28',
    120000,
    'exact',
    'peoples-daily-online-2025-11-29',
  ],
  ['changan-trains', '2024', 4900, 'over', 'imsilkroad-2025-01-01'],
  ['changan-trains', '2025', 6037, 'exact', 'peoples-daily-shaanxi-2026-03-02'],
  ['changan-europe-trains', '2025', 4912, 'exact', 'yicai-2026-01-21'],
  ['changan-trains-cumulative', '2025-08-13', 30000, 'over', 'workercn-2025-08-14'],
  ['yixinou-yiwu-jinhua-trains', '2025', 3000, 'over', '10100-2025-12'],
  ['land-sea-trains', '2025', 10000, 'over', 'netease-telegraph-2025-12-31'],
  ['land-sea-teu', '2025', 1425000, 'exact', 'livedoor-xinhua-2026-01-09'],
  ['land-sea-teu-cumulative', '2025-11-29', 5003000, 'exact', 'yuhaojiang-2025-11-30'],
  ['beibu-gulf-rail-sea-teu', '2025', 500000, 'over', 'netease-telegraph-2025-12-31'],
  ['china-laos-cross-border-freight', '2025', 5460000, 'exact', 'peoples-daily-online-2026-03-12'],
  [
    'china-laos-cross-border-cumulative',
    '2026-03-11',
    18000000,
    'over',
    'peoples-daily-online-2026-03-12',
  ],
  ['china-laos-freight', '2025', 24480000, 'exact', 'reportify-2026-01-04'],
  ['china-laos-freight-cumulative', '2025-10-28', 70000000, 'over', 'chinanews-2025-10-29'],
  ['chengdu-chongqing-trains', '2025', 5000, 'over', 'imsilkroad-2026-01-25'],
];

describe('the real data, up to date', async () => {
  const { data, problems } = await loadGeo();
  const series = (id: string) => data.metrics.series.find((s) => s.id === id);
  const source = (id: string) => data.metrics.sources.find((s) => s.id === id);

  it('validates with no problem', () => {
    expect(messages(problems)).toEqual([]);
  });

  it.each(POINTS_2025)('%s %s: %d (%s), cited to %s', (id, t, value, qualifier, src) => {
    const point = series(id)?.points.find((p) => p.t === t);
    expect(point).toMatchObject({ value, qualifier, source: src, status: 'reported' });
    // An outlet a reader can follow: publisher, date and address.
    const cited = source(src)!;
    expect(cited.publisher).not.toBe(PROJECT_PUBLISHER);
    expect(cited.url).toMatch(/^https?:\/\//);
    expect(cited.date).toMatch(/^\d{4}(-\d{2}){0,2}$/);
  });

  it('keeps scopes apart: China–Europe alone, with Central Asia, and Chang’an Europe-bound are three series', () => {
    const defined = (id: string) => series(id)?.definition?.en ?? '';
    expect(defined('china-europe-central-asia-trains')).toMatch(/not the same count/);
    expect(defined('changan-europe-trains')).toMatch(/not the same count/);
    expect(defined('beibu-gulf-rail-sea-teu')).toMatch(/narrower scope/);
    expect(series('china-europe-trains')?.points.some((p) => p.value === 34300)).toBe(false);
  });

  it('cites no source of the project’s own, but for unverified points that say no outlet was found', () => {
    const own = new Set(
      data.metrics.sources.filter((s) => s.publisher === PROJECT_PUBLISHER).map((s) => s.id),
    );
    expect(data.metrics.events.filter((e) => own.has(e.source)).map((e) => e.id)).toEqual([]);
    expect(data.routes.filter((r) => own.has(r.properties.openedSource))).toEqual([]);
    for (const s of data.metrics.series) {
      for (const p of s.points.filter((p) => own.has(p.source))) {
        expect([s.id, p.t, p.status, p.note?.en]).toEqual([
          s.id,
          p.t,
          'unverified',
          'No outlet found that states this figure',
        ]);
      }
    }
  });

  it('ends the timeline at the newest data year, and opens there', () => {
    const newest = Math.max(
      ...data.metrics.series
        .filter((s) => s.kind === 'annual')
        .flatMap((s) => s.points.filter((p) => !p.through).map((p) => Number(p.t))),
    );
    expect(newest).toBe(2025);
    expect(yearRange(data, 2030)[1]).toBe(newest);
    expect(Math.floor(createCorridorStore(data, { today: 2030 }).getState().time)).toBe(newest);
  });
});

describe('validation of sources of the project’s own', () => {
  const base = readFixture('valid-small');
  const withOwnSource = () => {
    const files = structuredClone(base);
    const sources = getAt(files['metrics.json'], ['sources']) as unknown[];
    sources.push({ id: 'notes', title: 'Our notes', publisher: PROJECT_PUBLISHER, date: '2025' });
    return files;
  };

  it('reports a series point, an event and a route opening that cite one, naming file, feature and field', () => {
    const files = withOwnSource();
    setAt(files['metrics.json'], ['series', 0, 'points', 0, 'source'], 'notes');
    setAt(files['routes.geojson'], ['features', 0, 'properties', 'openedSource'], 'notes');
    const found = messages(validateData(files).problems);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(
      /^routes\.geojson › \S+ › openedSource: cites notes, a source of this project's own/,
    );
    expect(found[1]).toMatch(/^metrics\.json › \S+ › points\[t=\d{4}\]\.source: cites notes/);
  });

  it('lets an unverified point cite one when its note says no outlet was found', () => {
    const files = withOwnSource();
    const path = ['series', 0, 'points', 0];
    setAt(files['metrics.json'], [...path, 'source'], 'notes');
    setAt(files['metrics.json'], [...path, 'status'], 'unverified');
    setAt(files['metrics.json'], [...path, 'note'], {
      zh: '未找到载明此数的媒体来源',
      en: 'No outlet found that states this figure',
    });
    expect(messages(validateData(files).problems)).toEqual([]);
    // Unverified alone is not enough: the note must say why.
    setAt(files['metrics.json'], [...path, 'note'], { zh: '待核实', en: 'To check' });
    expect(messages(validateData(files).problems)).toHaveLength(1);
  });
});
