import { isObject, MAX_ID } from './fields.ts';
import { describe, type Problem } from './problems.ts';

/** One feature of a collection, with what is needed to report on it. */
export interface RawFeature {
  /** The feature's id for messages: its `properties.id`, else `#index`. */
  label: string;
  geometry: unknown;
  properties: Record<string, unknown>;
}

/**
 * Splits a FeatureCollection into features whose outer shape is right, reporting the rest.
 * The checks of each feature's own fields happen in the file's validator.
 */
export function readCollection(file: string, json: unknown, problems: Problem[]): RawFeature[] {
  if (!isObject(json) || json.type !== 'FeatureCollection') {
    problems.push({
      file,
      feature: '',
      field: 'type',
      message: `expected a FeatureCollection, got ${describe(isObject(json) ? json.type : json)}`,
    });
    return [];
  }
  if (!Array.isArray(json.features)) {
    problems.push({
      file,
      feature: '',
      field: 'features',
      message: `expected an array, got ${describe(json.features)}`,
    });
    return [];
  }
  const out: RawFeature[] = [];
  const features = json.features as unknown[];
  for (let index = 0; index < features.length; index++) {
    if (!(index in features)) continue; // a hole (never from JSON), skipped as forEach did
    const feature = features[index];
    const props = isObject(feature) ? feature.properties : undefined;
    // An id too long to be one (its own problem says so) is not quoted as the feature's name.
    const label =
      isObject(props) &&
      typeof props.id === 'string' &&
      props.id !== '' &&
      props.id.length <= MAX_ID
        ? props.id
        : `#${index}`;
    if (!isObject(feature) || feature.type !== 'Feature') {
      problems.push({
        file,
        feature: label,
        field: 'type',
        message: `expected a Feature, got ${describe(isObject(feature) ? feature.type : feature)}`,
      });
    } else if (!isObject(props)) {
      problems.push({
        file,
        feature: label,
        field: 'properties',
        message: `expected an object, got ${describe(props)}`,
      });
    } else {
      out.push({ label, geometry: feature.geometry, properties: props });
    }
  }
  return out;
}
