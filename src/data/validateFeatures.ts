import { readCollection, type RawFeature } from './collection.ts';
import { FieldReader, MAX_ID, MAX_TEXT } from './fields.ts';
import { readPoint } from './geometry.ts';
import { describe, type Problem } from './problems.ts';
import {
  PLACE_KINDS,
  QUALIFIERS,
  STATUSES,
  UNITS,
  type Figure,
  type HubFeature,
  type Note,
  type PlaceFeature,
} from './types.ts';

/** What the feature validators need to know about the other files. */
export interface Known {
  sources: Pick<ReadonlySet<string>, 'has'>;
}

function report(problems: Problem[], file: string, feature: string, reader: FieldReader): void {
  for (const { field, message } of reader.issues) problems.push({ file, feature, field, message });
}

/** The id, name and coordinates every point feature has; undefined if any is wrong. */
function readPointBase(raw: RawFeature) {
  const r = new FieldReader(raw.properties);
  const id = r.slug('id');
  const name = r.localized('name');
  const coordSource = r.string('coordSource');
  const point = readPoint(raw.geometry);
  if (!('ok' in point)) r.issues.push(point);
  return { r, id, name, coordSource, coordinates: 'ok' in point ? point.ok : undefined };
}

/**
 * Reports a coordinate source that metrics.json does not list. Not fatal: where the position
 * comes from is a footnote, and losing the hub (and every route through it) over it would cost
 * far more than the one bad reference.
 */
function checkCoordSource(r: FieldReader, coordSource: string | undefined, known: Known): void {
  if (coordSource !== undefined && !known.sources.has(coordSource)) {
    r.fail('coordSource', `unknown source ${describe(coordSource)} (not in metrics.json sources)`);
  }
}

function readFigure(r: FieldReader, known: Known): Figure | undefined {
  const before = r.issues.length;
  const id = r.string('id', MAX_ID);
  const label = r.localized('label');
  const value = r.number('value');
  const unit = r.oneOf('unit', UNITS);
  if (value !== undefined && unit !== undefined && unit !== 'percent' && value < 0)
    r.fail('value', `a count or amount cannot be negative, got ${value}`);
  const asOf = r.day('asOf');
  const source = r.string('source');
  if (source !== undefined && !known.sources.has(source)) {
    r.fail('source', `unknown source ${describe(source)} (not in metrics.json sources)`);
  }
  const status = r.oneOf('status', STATUSES);
  const qualifier = r.optionalOneOf('qualifier', QUALIFIERS, 'exact');
  const quote = r.optionalText('quote', MAX_TEXT);
  if (r.issues.length > before) return undefined;
  return {
    id: id!,
    label: label!,
    value: value!,
    unit: unit!,
    asOf: asOf!,
    source: source!,
    status: status!,
    qualifier: qualifier!,
    ...(quote !== undefined && { quote }),
  };
}

function readNote(r: FieldReader, known: Known): Note | undefined {
  const before = r.issues.length;
  const id = r.string('id', MAX_ID);
  const text = r.localized('text', MAX_TEXT);
  const asOf = r.day('asOf');
  const source = r.string('source');
  if (source !== undefined && !known.sources.has(source)) {
    r.fail('source', `unknown source ${describe(source)} (not in metrics.json sources)`);
  }
  const quote = r.optionalText('quote', MAX_TEXT);
  if (r.issues.length > before) return undefined;
  return {
    id: id!,
    text: text!,
    asOf: asOf!,
    source: source!,
    ...(quote !== undefined && { quote }),
  };
}

/** Reads an array of entries one by one: a bad entry is reported and dropped, not the feature. */
function readEntries<T extends { id: string }>(
  r: FieldReader,
  field: string,
  read: (entry: FieldReader) => T | undefined,
): T[] {
  const raw = r.raw(field) === undefined ? [] : (r.array(field) ?? []);
  const seen = new Set<string>();
  const out: T[] = [];
  raw.forEach((value, i) => {
    const entry = r.element(field, i, value);
    const item = entry && read(entry);
    if (!item) return;
    if (seen.has(item.id)) {
      r.fail(`${field}[${i}].id`, `duplicate id ${describe(item.id)}`);
      return;
    }
    seen.add(item.id);
    out.push(item);
  });
  return out;
}

export function validateHubs(json: unknown, known: Known, problems: Problem[]): HubFeature[] {
  const file = 'hubs.geojson';
  return readCollection(file, json, problems).flatMap((raw): HubFeature[] => {
    const { r, id, name, coordSource, coordinates } = readPointBase(raw);
    const province = r.localized('province');
    const role = r.localized('role');
    const fatal = r.issues.length;
    checkCoordSource(r, coordSource, known);
    // Figures and notes are read after the fatal check: one bad figure loses that figure only.
    const figures = readEntries(r, 'figures', (e) => readFigure(e, known));
    const notes = readEntries(r, 'notes', (e) => readNote(e, known));
    report(problems, file, raw.label, r);
    if (fatal || !coordinates) return [];
    return [
      {
        type: 'Feature',
        id: id!,
        geometry: { type: 'Point', coordinates },
        properties: {
          id: id!,
          name: name!,
          province: province!,
          role: role!,
          figures,
          notes,
          coordSource: coordSource!,
        },
      },
    ];
  });
}

export function validatePlaces(json: unknown, known: Known, problems: Problem[]): PlaceFeature[] {
  const file = 'places.geojson';
  return readCollection(file, json, problems).flatMap((raw): PlaceFeature[] => {
    const { r, id, name, coordSource, coordinates } = readPointBase(raw);
    const kind = r.oneOf('kind', PLACE_KINDS);
    const fatal = r.issues.length;
    checkCoordSource(r, coordSource, known);
    report(problems, file, raw.label, r);
    if (fatal || !coordinates) return [];
    return [
      {
        type: 'Feature',
        id: id!,
        geometry: { type: 'Point', coordinates },
        properties: { id: id!, name: name!, kind: kind!, coordSource: coordSource! },
      },
    ];
  });
}
