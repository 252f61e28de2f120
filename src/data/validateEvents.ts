import { FieldReader, isObject, MAX_NAME } from './fields.ts';
import { describe, type Problem } from './problems.ts';
import type { TimelineEvent } from './types.ts';

const FILE = 'metrics.json';

/**
 * How an event is named in a message: `events › <id>`, or `events[<index>]` when it has no
 * usable id (`metrics.json › events › changan-first › date: …`). The list's name comes first
 * because event ids may equal a source's or a series' id.
 */
const eventLabel = (raw: unknown, index: number) =>
  isObject(raw) && typeof raw.id === 'string' && raw.id ? `events › ${raw.id}` : `events[${index}]`;

function readEvent(
  raw: unknown,
  index: number,
  sources: Pick<ReadonlySet<string>, 'has'>,
  problems: Problem[],
): TimelineEvent | undefined {
  const label = eventLabel(raw, index);
  if (!isObject(raw)) {
    problems.push({
      file: FILE,
      feature: label,
      field: '',
      message: `expected an object, got ${describe(raw)}`,
    });
    return undefined;
  }
  const r = new FieldReader(raw);
  const id = r.slug('id');
  const date = r.day('date');
  const text = r.localized('text', MAX_NAME);
  const source = r.string('source');
  if (source !== undefined && !sources.has(source))
    r.fail('source', `unknown source ${describe(source)} (not in metrics.json sources)`);
  const route = r.raw('route') === undefined ? undefined : r.slug('route');
  const hub = r.raw('hub') === undefined ? undefined : r.slug('hub');
  for (const { field, message } of r.issues)
    problems.push({ file: FILE, feature: label, field, message });
  if (r.issues.length > 0) return undefined;
  return {
    id: id!,
    date: date!,
    text: text!,
    source: source!,
    ...(route !== undefined && { route }),
    ...(hub !== undefined && { hub }),
  };
}

/**
 * The `events` of metrics.json: each checked on its own (a bad event is reported and left out,
 * the others stay), ids unique, in date order. Absent `events` is no problem: a data folder
 * without events has an empty list. Routes and hubs are checked later, by `linkEvents`, once the
 * feature files are read.
 */
export function readEvents(
  raw: unknown,
  sources: Pick<ReadonlySet<string>, 'has'>,
  problems: Problem[],
): TimelineEvent[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({
      file: FILE,
      feature: '',
      field: 'events',
      message: `expected an array, got ${describe(raw)}`,
    });
    return [];
  }
  const seen = new Set<string>();
  const events: TimelineEvent[] = [];
  raw.forEach((item, i) => {
    const event = readEvent(item, i, sources, problems);
    if (!event) return;
    if (seen.has(event.id)) {
      problems.push({
        file: FILE,
        feature: `events › ${event.id}`,
        field: 'id',
        message: 'duplicate id in events; only the first is kept',
      });
      return;
    }
    seen.add(event.id);
    events.push(event);
  });
  // Stable: events of one day keep their order in the file.
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Ids a reference may name; undefined: the file is unreadable, so references go unchecked. */
export interface EventTargets {
  routes: Pick<ReadonlySet<string>, 'has'> | undefined;
  hubs: Pick<ReadonlySet<string>, 'has'> | undefined;
}

/**
 * Leaves out (and reports) an event whose `route` is no route of routes.geojson or whose `hub` is
 * no hub of hubs.geojson: its caption would highlight nothing, which is a mistake in the data.
 * A route or hub that is listed but left out for its own problem keeps the event (that problem
 * is reported where it is).
 */
export function linkEvents(
  events: readonly TimelineEvent[],
  { routes, hubs }: EventTargets,
  problems: Problem[],
): TimelineEvent[] {
  const checks = [
    ['route', routes, 'routes.geojson'],
    ['hub', hubs, 'hubs.geojson'],
  ] as const;
  return events.filter((event) => {
    let ok = true;
    for (const [field, known, file] of checks) {
      const id = event[field];
      if (id === undefined || !known || known.has(id)) continue;
      problems.push({
        file: FILE,
        feature: `events › ${event.id}`,
        field,
        message: `unknown ${field} ${describe(id)} (not in ${file})`,
      });
      ok = false;
    }
    return ok;
  });
}
