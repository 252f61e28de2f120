import { SLUG } from './ids.ts';
import { FieldReader, isObject, listedIds, MAX_TEXT } from './fields.ts';
import { describe, type Problem } from './problems.ts';
import { readEvents } from './validateEvents.ts';
import {
  QUALIFIERS,
  STATUSES,
  UNITS,
  type Metrics,
  type Series,
  type SeriesPoint,
  type Source,
  type Unit,
} from './types.ts';

const FILE = 'metrics.json';

function push(problems: Problem[], feature: string, issues: FieldReader['issues']): void {
  for (const { field, message } of issues) problems.push({ file: FILE, feature, field, message });
}

function readSource(raw: unknown, index: number, problems: Problem[]): Source | undefined {
  if (!isObject(raw)) {
    problems.push({
      file: FILE,
      feature: `sources[${index}]`,
      field: '',
      message: `expected an object, got ${describe(raw)}`,
    });
    return undefined;
  }
  const label = typeof raw.id === 'string' && raw.id ? raw.id : `sources[${index}]`;
  const r = new FieldReader(raw);
  const id = r.slug('id');
  const title = r.text('title', MAX_TEXT);
  const publisher = r.text('publisher', MAX_TEXT);
  const date = r.partialDate('date');
  const fatal = r.issues.length > 0;
  // A bad address costs only the address: the source, and every figure, point and route that
  // cites it, stay (a source without `url` is shown as title and publisher only).
  const url = r.raw('url') === undefined ? undefined : r.url('url');
  push(problems, label, r.issues);
  if (
    fatal ||
    id === undefined ||
    title === undefined ||
    publisher === undefined ||
    date === undefined
  ) {
    return undefined;
  }
  return { id, title, publisher, date, ...(url !== undefined && { url }) };
}

function readPoint(
  r: FieldReader,
  kind: Series['kind'],
  unit: Unit,
  sources: Pick<ReadonlySet<string>, 'has'>,
): SeriesPoint | undefined {
  const before = r.issues.length;
  const t = kind === 'annual' ? r.string('t') : r.day('t');
  if (kind === 'annual' && t !== undefined) {
    if (!/^\d{4}$/.test(t)) r.fail('t', `an annual series takes a year (YYYY), got ${describe(t)}`);
    else r.inRange('t', t);
  }
  const value = r.number('value');
  if (value !== undefined && unit !== 'percent' && value < 0)
    r.fail('value', `a count or amount cannot be negative, got ${value}`);
  const status = r.oneOf('status', STATUSES);
  const qualifier = r.optionalOneOf('qualifier', QUALIFIERS, 'exact');
  const source = r.string('source');
  if (source !== undefined && !sources.has(source))
    r.fail('source', `unknown source ${describe(source)} (not in metrics.json sources)`);
  const through = r.optionalDay('through');
  const scope = r.raw('scope') === undefined ? undefined : r.string('scope');
  if (scope !== undefined && !SLUG.test(scope))
    r.fail('scope', `expected a lower-case slug, got ${describe(scope)}`);
  const note = r.optionalLocalized('note', MAX_TEXT);
  if (r.issues.length > before) return undefined;
  return {
    t: t!,
    value: value!,
    status: status!,
    qualifier: qualifier!,
    source: source!,
    ...(through !== undefined && { through }),
    ...(scope !== undefined && { scope }),
    ...(note !== undefined && { note }),
  };
}

/** A point as read, with its index in the file, for messages. */
interface ReadPoint {
  point: SeriesPoint;
  index: number;
}

const scopeName = (scope: string | undefined) => (scope === undefined ? 'none' : describe(scope));

/**
 * One series, one definition: the first point (in file order) sets the scope, and a point whose
 * scope differs — or that has none where the first has one, or the other way round — is reported
 * and left out, so that no line joins two scopes.
 */
function sameScope(label: string, points: ReadPoint[], problems: Problem[]): ReadPoint[] {
  const first = points[0];
  return points.filter(({ point, index }) => {
    if (!first || point.scope === first.point.scope) return true;
    problems.push({
      file: FILE,
      feature: label,
      field: `points[${index}].scope`,
      message:
        `scope ${scopeName(point.scope)} differs from ${scopeName(first.point.scope)} of ` +
        `points[${first.index}]: a series counts one thing; put this point in a series of its own`,
    });
    return false;
  });
}

function readSeries(
  raw: unknown,
  index: number,
  sources: Pick<ReadonlySet<string>, 'has'>,
  problems: Problem[],
): Series | undefined {
  if (!isObject(raw)) {
    problems.push({
      file: FILE,
      feature: `series[${index}]`,
      field: '',
      message: `expected an object, got ${describe(raw)}`,
    });
    return undefined;
  }
  const label = typeof raw.id === 'string' && raw.id ? raw.id : `series[${index}]`;
  const r = new FieldReader(raw);
  const id = r.slug('id');
  const subject = r.string('subject');
  const metric = r.localized('metric');
  const kind = r.oneOf('kind', ['annual', 'cumulative'] as const);
  const unit = r.oneOf('unit', UNITS);
  const definition = r.optionalLocalized('definition', MAX_TEXT);
  const rawPoints = r.array('points') ?? [];
  const fatal = r.issues.length > 0;
  push(problems, label, r.issues);
  if (fatal || kind === undefined || unit === undefined) return undefined;

  // A bad point is left out on its own; the rest of the series still draws.
  const read: ReadPoint[] = [];
  const seen = new Set<string>();
  rawPoints.forEach((p, i) => {
    // Issues go to the parent reader even when the point is not an object at all (`null`, a
    // number): `element` reports that there, so a bad point is never dropped silently.
    const parent = new FieldReader({ points: rawPoints });
    const pr = parent.element('points', i, p);
    const point = pr && readPoint(pr, kind, unit, sources);
    push(problems, label, parent.issues);
    if (!point) return;
    if (seen.has(point.t)) {
      problems.push({
        file: FILE,
        feature: label,
        field: `points[${i}].t`,
        message: `duplicate point for ${point.t}`,
      });
      return;
    }
    seen.add(point.t);
    read.push({ point, index: i });
  });
  const points = sameScope(label, read, problems).map(({ point }) => point);
  // ISO dates sort by code unit; localeCompare would make an ICU collator for it (tens of ms on a
  // phone, in the map's start-up).
  points.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  return {
    id: id!,
    subject: subject!,
    metric: metric!,
    kind,
    unit: unit!,
    points,
    ...(definition && { definition }),
  };
}

/** Validates metrics.json; sources come first because everything else points at them. */
export function validateMetrics(json: unknown, problems: Problem[]): Metrics {
  if (!isObject(json)) {
    problems.push({
      file: FILE,
      feature: '',
      field: '',
      message: `expected an object with sources and series, got ${describe(json)}`,
    });
    return { sources: [], series: [], events: [] };
  }
  const top = new FieldReader(json);
  const rawSources = top.array('sources') ?? [];
  const rawSeries = top.array('series') ?? [];
  push(problems, '', top.issues);

  const sources = uniqueById(
    rawSources.map((s, i) => readSource(s, i, problems)),
    'sources',
    problems,
  );
  // A point citing a source that is listed but left out for its own problem (reported there)
  // keeps its value; only a source the file does not list at all costs the point.
  const known = listedIds(json, 'sources') ?? { has: () => true };
  const series = uniqueById(
    rawSeries.map((s, i) => readSeries(s, i, known, problems)),
    'series',
    problems,
  );
  const events = readEvents(json.events, known, problems);
  return { sources, series, events };
}

function uniqueById<T extends { id: string }>(
  items: (T | undefined)[],
  list: string,
  problems: Problem[],
): T[] {
  const seen = new Set<string>();
  return items.filter((item): item is T => {
    if (!item) return false;
    if (seen.has(item.id)) {
      problems.push({
        file: FILE,
        feature: item.id,
        field: 'id',
        message: `duplicate id in ${list}; only the first is kept`,
      });
      return false;
    }
    seen.add(item.id);
    return true;
  });
}
