/**
 * Where to put hub labels in the static picture. Hubs sit close together (Chengdu and Chongqing
 * are a dozen pixels apart at the size of an article image), and overlapping text is worse than
 * none: each label takes the first free spot of four around its point, in the order the data
 * lists the hubs, and is left out when none is free. The picture comes with the data table and
 * each marker keeps its name as a `<title>`, so nothing is lost for good.
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
}

export interface PlacedLabel {
  /** Baseline anchor of the text. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

export interface LabelOptions {
  fontSize: number;
  /** Radius of the marker the label stands beside. */
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
  return requests.map(({ x, y, text }) => {
    const width = textWidth(text, fontSize);
    const gap = radius + 3;
    // Baseline offsets that centre the text's x-height on the point, or clear it above/below.
    const candidates: PlacedLabel[] = [
      at(x + gap, y + fontSize * 0.35, 'start', width, fontSize),
      at(x - gap, y + fontSize * 0.35, 'end', width, fontSize),
      at(x, y - gap - fontSize * 0.25, 'middle', width, fontSize),
      at(x, y + gap + fontSize * 0.85, 'middle', width, fontSize),
    ];
    const free = candidates.find(
      ({ box }) => inside(box, bounds) && !taken.some((other) => overlaps(box, other)),
    );
    if (free) taken.push(free.box);
    return free;
  });
}

/**
 * Width of `text` without a font engine: CJK characters are one em wide in every CJK font;
 * other characters average a little over half an em in sans-serif faces. Slightly generous,
 * so estimates err towards leaving a label out rather than overlapping.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.58;
  return ems * fontSize;
}

function at(
  x: number,
  y: number,
  anchor: PlacedLabel['anchor'],
  width: number,
  fontSize: number,
): PlacedLabel {
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  // The box runs from ascender to descender around the baseline.
  return { x, y, anchor, box: { x: left, y: y - fontSize * 0.9, width, height: fontSize * 1.15 } };
}

function inside(a: Box, b: Box): boolean {
  return (
    a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height
  );
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
