/**
 * Where labels go, for every view of the map: the live map, the lite (SVG) view and the static
 * picture all place their labels with this, so they agree and none overlaps another. Greedy, in
 * the order asked (hubs first, so hubs win over terminals): each label takes the first free spot
 * of eight around its point and is left out when none is free — overlapping text is worse than
 * none, and every point keeps its name in the lists, the tooltip and the table.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  x: number;
  y: number;
  text: string;
  /** Font size in pixels; `LabelOptions.fontSize` when absent. */
  fontSize?: number;
  /** Radius of the marker the label stands beside; `LabelOptions.radius` when absent. */
  radius?: number;
  /**
   * Farther rings of spots to try when the eight beside the marker are taken (hubs: a label a
   * little away from its crowded marker beats no label). Default 1: beside the marker only.
   */
  rings?: number;
}

export interface PlacedLabel {
  /** Baseline anchor of the text, for SVG `text-anchor`. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** The box the text takes (ascender to descender). */
  box: Box;
  /** 0 beside the marker; farther rings need a leader line to their point. */
  ring: number;
}

export interface LabelOptions {
  fontSize: number;
  radius: number;
  /** The drawing area; labels stay inside it. */
  bounds: Box;
  /** Areas labels must not cover (markers, the legend). */
  obstacles: readonly Box[];
}

/** One placement per request, in order; undefined where no spot was free. */
export function placeLabels(
  requests: readonly LabelRequest[],
  { fontSize, radius, bounds, obstacles }: LabelOptions,
): (PlacedLabel | undefined)[] {
  const taken: Box[] = [...obstacles];
  return requests.map((request) => {
    const { x, y, text } = request;
    const size = request.fontSize ?? fontSize;
    const width = textWidth(text, size);
    const mid = y + size * 0.35; // baseline that centres the x-height on the point
    const candidates: PlacedLabel[] = [];
    for (let ring = 0; ring < (request.rings ?? 1); ring++) {
      const gap = (request.radius ?? radius) + 3 + ring * size;
      const above = y - gap - size * 0.25;
      const below = y + gap + size * 0.85;
      const diagonal = gap * 0.7;
      candidates.push(
        ...[
          at(x + gap, mid, 'start', width, size),
          at(x - gap, mid, 'end', width, size),
          at(x, above, 'middle', width, size),
          at(x, below, 'middle', width, size),
          at(x + diagonal, above, 'start', width, size),
          at(x - diagonal, above, 'end', width, size),
          at(x + diagonal, below, 'start', width, size),
          at(x - diagonal, below, 'end', width, size),
        ].map((label) => ({ ...label, ring })),
      );
    }
    const free = candidates.find(
      ({ box }) => inside(box, bounds) && !taken.some((other) => overlaps(box, other)),
    );
    if (free) taken.push(free.box);
    return free;
  });
}

/**
 * Width of `text` without a font engine: CJK characters are one em wide in every CJK font;
 * other characters average a little over half an em in sans-serif faces, bold included.
 * Generous, so that estimates err towards leaving a label out rather than overlapping.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1.02 : 0.62;
  return ems * fontSize;
}

function at(
  x: number,
  y: number,
  anchor: PlacedLabel['anchor'],
  width: number,
  fontSize: number,
): Omit<PlacedLabel, 'ring'> {
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  // The box runs from ascender to descender around the baseline.
  return { x, y, anchor, box: { x: left, y: y - fontSize * 0.95, width, height: fontSize * 1.25 } };
}

function inside(a: Box, b: Box): boolean {
  return (
    a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height
  );
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
