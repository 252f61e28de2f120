/**
 * The labels of the map for one view size and language: which names show and where, in pixels
 * beside their points. The lite view and the live map both call this with their own projection
 * of the same camera, so their labels are the same and never overlap (labels.ts).
 */
import type { Position } from 'geojson';
import type { Derived } from './derive.ts';
import { placeLabels, type Box } from './labels.ts';
import type { Lang } from './types.ts';

/** Label sizes in pixels: hubs stand out, terminals and ports stay quiet. */
export const LABEL_SIZE = { hub: 13, place: 11 };
/** Marker radii in pixels, the same in both views. */
export const MARKER_RADIUS = { hub: 7, place: 3 };

/**
 * Longest label on the map, in characters as a reader counts them (graphemes): a longer name is
 * cut with an ellipsis there (validation refuses names past 200 characters; 200 would cover the
 * map). The full name stays in the panel, the tooltip and the table.
 */
export const MAX_LABEL_CHARS = 32;

// Made on first use: building a segmenter loads ICU's break rules, a long task on a slow phone,
// and the corridors' own names never need it.
let graphemes: Intl.Segmenter | undefined;

/** `text` cut to MAX_LABEL_CHARS graphemes, the last one an ellipsis, when it is longer. */
export function mapLabelText(text: string): string {
  if (text.length <= MAX_LABEL_CHARS) return text; // fewer code units than that: short enough
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  if (parts.length <= MAX_LABEL_CHARS) return text;
  return (
    parts
      .slice(0, MAX_LABEL_CHARS - 1)
      .join('')
      .trimEnd() + '…'
  );
}

export interface MapLabel {
  id: string;
  kind: 'hub' | 'place';
  /** The labelled point, [lon, lat]. */
  position: Position;
  text: string;
  fontSize: number;
  /** The text's box in view pixels. */
  box: Box;
  /** Set away from a crowded marker: draw a leader line from the point to the box. */
  leader: boolean;
}

/**
 * Places the labels of `derived.labels` (hubs first) in a view of `width` × `height` pixels,
 * keeping clear of every marker in `markers` (all drawn points, [lon, lat]) and of the `reserved`
 * boxes (the map's controls, in view pixels). Labels that find no free spot are left out.
 */
export function placeMapLabels(
  derived: Derived,
  lang: Lang,
  project: (position: Position) => [number, number],
  width: number,
  height: number,
  markers: readonly Position[] = [],
  reserved: readonly Box[] = [],
): MapLabel[] {
  const items = derived.labels.map((feature) => {
    const kind = 'figures' in feature.properties ? ('hub' as const) : ('place' as const);
    const [x, y] = project(feature.geometry.coordinates);
    return { feature, kind, x, y, text: mapLabelText(feature.properties.name[lang]) };
  });
  const obstacles: Box[] = [...reserved];
  for (const item of items) {
    const r = MARKER_RADIUS[item.kind];
    obstacles.push({ x: item.x - r, y: item.y - r, width: 2 * r, height: 2 * r });
  }
  for (const marker of markers) {
    const [x, y] = project(marker);
    const r = MARKER_RADIUS.place;
    obstacles.push({ x: x - r, y: y - r, width: 2 * r, height: 2 * r });
  }
  const placed = placeLabels(
    items.map(({ x, y, text, kind }) => ({
      x,
      y,
      text,
      fontSize: LABEL_SIZE[kind],
      radius: MARKER_RADIUS[kind],
      rings: kind === 'hub' ? 4 : 1,
    })),
    {
      fontSize: LABEL_SIZE.place,
      radius: MARKER_RADIUS.place,
      bounds: { x: 2, y: 2, width: width - 4, height: height - 4 },
      // Every marker, its own included: the candidate spots stand clear of their own marker.
      obstacles,
    },
  );
  const labels: MapLabel[] = [];
  items.forEach((item, i) => {
    const label = placed[i];
    if (!label) return;
    const { box } = label;
    labels.push({
      id: item.feature.properties.id,
      kind: item.kind,
      position: item.feature.geometry.coordinates,
      text: item.text,
      fontSize: LABEL_SIZE[item.kind],
      box,
      leader: label.ring > 0,
    });
  });
  return labels;
}

/**
 * The leader line of a label set away from its point (`label.leader`), both views alike: from the
 * point (`at`, in view pixels) to the nearest point of the label's box. [x1, y1, x2, y2].
 */
export function leaderLine(
  label: MapLabel,
  at: readonly [number, number],
): [number, number, number, number] {
  const [x, y] = at;
  const { box } = label;
  const tx = Math.max(box.x, Math.min(x, box.x + box.width));
  const ty = Math.max(box.y, Math.min(y, box.y + box.height));
  return [x, y, tx, ty];
}

/**
 * The labels of an SVG view (the lite view, the exported picture) with the leader line of each
 * label set away from its point: one call, so that both views place them alike. `markers`: the
 * drawn points besides the labelled ones (the places); `reserved`: boxes no label may cover.
 */
export function svgLabels(
  derived: Derived,
  lang: Lang,
  project: (position: Position) => [number, number],
  width: number,
  height: number,
  markers: readonly Position[],
  reserved: readonly Box[] = [],
): { labels: MapLabel[]; leaders: [number, number, number, number][] } {
  const labels = placeMapLabels(derived, lang, project, width, height, markers, reserved);
  const leaders = labels
    .filter((label) => label.leader)
    .map((label) => leaderLine(label, project(label.position)));
  return { labels, leaders };
}
