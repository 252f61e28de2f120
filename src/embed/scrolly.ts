/**
 * Scrollytelling without code, the DOM half (the pure half is src/embed/steps.ts): watches the
 * `[data-corridor-step]` elements of a page and, when one crosses the viewport's middle line,
 * hands its map's snippet element and the step's commands to `drive`. Part of embed.js.
 *
 * Per map, the step in the band decides the view: scrolling down or back up to a step gives that
 * step's view again. Between steps (or above the first) the map keeps the last step's view; a
 * step that left the band and comes back is sent again (the reader may have clicked around).
 */
import type { HostCommand } from './hostMessages.ts';
import { STEP_BAND, STEP_SELECTOR, bindStep, parseStep, stepCommands } from './steps.ts';
import type { Placed, Step } from './steps.ts';

export interface StepWatcher {
  /** Binds and observes steps added since the last scan. */
  scan(): void;
  destroy(): void;
}

export function watchSteps(
  doc: Document,
  drive: (map: HTMLElement, commands: HostCommand[]) => void,
): StepWatcher {
  const win = doc.defaultView;
  const seen = new WeakSet<Element>();
  const bound = new Map<Element, { map: HTMLElement; step: Step }>();
  const inBand = new Set<Element>();
  const active = new Map<HTMLElement, Element>();
  const warn = (text: string) => console.warn(`corridor-map: a [data-corridor-step]: ${text}`);

  const onEntries = (entries: IntersectionObserverEntry[]) => {
    const maps = new Set<HTMLElement>();
    for (const { target, isIntersecting } of entries) {
      const b = bound.get(target);
      if (!b) continue;
      if (isIntersecting) inBand.add(target);
      else inBand.delete(target);
      maps.add(b.map);
    }
    for (const map of maps) {
      // Two steps are in the band together only when they touch: the later one wins.
      let current: Element | undefined;
      for (const s of inBand) {
        if (bound.get(s)?.map !== map) continue;
        if (!current || current.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING)
          current = s;
      }
      if (!current) active.delete(map);
      else if (active.get(map) !== current) {
        active.set(map, current);
        const reduced = win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
        drive(map, stepCommands(bound.get(current)!.step, reduced));
      }
    }
  };
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(onEntries, { rootMargin: STEP_BAND })
      : null;

  return {
    scan() {
      const els = [...doc.querySelectorAll<HTMLElement>(`[data-corridor-map],${STEP_SELECTOR}`)];
      const items: Placed[] = els.map((el) =>
        el.hasAttribute('data-corridor-map')
          ? { map: true, id: el.id }
          : { map: false, target: el.dataset.corridorTarget },
      );
      els.forEach((el, i) => {
        if (items[i]!.map || seen.has(el)) return;
        seen.add(el);
        const { step, problems } = parseStep(el.dataset);
        problems.forEach(warn);
        const k = bindStep(items, i);
        if (k === null) return warn('no map before it or with its data-corridor-target id');
        bound.set(el, { map: els[k]!, step });
        observer?.observe(el);
      });
    },
    destroy: () => observer?.disconnect(),
  };
}
