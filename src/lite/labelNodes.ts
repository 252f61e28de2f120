/**
 * The map's labels as SVG nodes (the lite view draws them, over its own map and over the live
 * map's canvas): one placement (data/mapLabels.ts `svgLabels`) and one drawing, and what each
 * label moves with while the live camera moves.
 */
import type { MapLabel } from '../data/mapLabels.ts';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgNode<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

/** A tenth of a pixel: finer changes nothing on screen and only lengthens the markup. */
export function pixel(value: number): number {
  return Math.round(value * 10) / 10;
}

export interface LabelNodes {
  /** Leaders first, then names, so that no leader line is drawn across a name. */
  nodes: SVGElement[];
  /** Each label with its name and leader: what moves with its point while the live map pans. */
  parts: { label: MapLabel; nodes: SVGElement[] }[];
}

/** `leaders`: one per label set away from its point, in the labels' order (`svgLabels`). */
export function labelNodes(
  labels: readonly MapLabel[],
  leaders: readonly (readonly [number, number, number, number])[],
): LabelNodes {
  const lines: SVGElement[] = [];
  const texts: SVGElement[] = [];
  const parts: LabelNodes['parts'] = [];
  let next = 0;
  for (const label of labels) {
    const text = svgNode('text', {
      class: `cm-lite-label cm-lite-label-${label.kind}`,
      x: pixel(label.box.x + label.box.width / 2),
      y: pixel(label.box.y + label.box.height / 2),
      'font-size': label.fontSize,
    });
    text.dataset.label = label.id;
    text.textContent = label.text;
    texts.push(text);
    const part = { label, nodes: [text] as SVGElement[] };
    const leader = label.leader ? leaders[next++] : undefined;
    if (leader) {
      const [x1, y1, x2, y2] = leader;
      const line = svgNode('line', {
        class: 'cm-lite-leader',
        x1: pixel(x1),
        y1: pixel(y1),
        x2: pixel(x2),
        y2: pixel(y2),
      });
      lines.push(line);
      part.nodes.push(line);
    }
    parts.push(part);
  }
  return { nodes: [...lines, ...texts], parts };
}
