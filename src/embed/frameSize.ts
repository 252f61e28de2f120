/**
 * The frame's side of auto-height (DESIGN §4): tells the parent window how tall the content is, on
 * start and whenever it changes, in the two forms newsroom loaders already read —
 *
 * - `{ sentinel: 'amp', type: 'embed-size', height }`: AMP's `amp-iframe`, `@newswire/frames`
 *   and our own `embed.js`;
 * - `pymxPYMx<childId>xPYMxheightxPYMx<height>`: pym.js, sent only when pym gave us a `childId`
 *   in the URL (its parent matches the id exactly).
 *
 * It answers `{ sentinel: 'amp', type: 'frames-init' }` (a framer that starts listening late) and
 * pym's `width` message by sending the height again. Every other message, and every message whose
 * `source` is not the parent window, is ignored. Like @newswire/frames' frame side, but with a
 * ResizeObserver instead of polling, and with the message checks in pure functions.
 */
import { isRecord } from '../data/ids.ts';

export const AMP_SENTINEL = 'amp';
const PYM_DELIMITER = 'xPYMx';

export interface EmbedSizeMessage {
  sentinel: typeof AMP_SENTINEL;
  type: 'embed-size';
  height: number;
}

export type ParentMessage = { kind: 'frames-init' } | { kind: 'pym-width'; width: number };

/** pym.js ids come from element ids; anything else (or an id holding the delimiter) is refused. */
const PYM_ID = /^[\w.:-]{1,200}$/;

/** The `childId` pym.js adds to the frame's URL, or null when there is none (or it is odd). */
export function pymChildId(search: string): string | null {
  const id = new URLSearchParams(search).get('childId');
  return id && PYM_ID.test(id) && !id.includes(PYM_DELIMITER) ? id : null;
}

/** The messages that tell a parent the frame is `height` CSS pixels tall. */
export function heightMessages(
  height: number,
  pymId: string | null,
): (EmbedSizeMessage | string)[] {
  const h = Math.max(0, Math.ceil(height));
  const amp: EmbedSizeMessage = { sentinel: AMP_SENTINEL, type: 'embed-size', height: h };
  return pymId ? [amp, ['pym', pymId, 'height', String(h)].join(PYM_DELIMITER)] : [amp];
}

/**
 * What a message from the parent asks of the frame, or null for any shape we do not know.
 * The caller checks `event.source` first; this only reads `event.data`.
 */
export function parseParentMessage(data: unknown, pymId: string | null): ParentMessage | null {
  if (isRecord(data)) {
    return data.sentinel === AMP_SENTINEL && data.type === 'frames-init'
      ? { kind: 'frames-init' }
      : null;
  }
  if (typeof data !== 'string' || !pymId) return null;
  const parts = data.split(PYM_DELIMITER);
  if (parts.length !== 4 || parts[0] !== 'pym' || parts[1] !== pymId || parts[2] !== 'width') {
    return null;
  }
  const width = Number(parts[3]);
  return /^\d+(\.\d+)?$/.test(parts[3] ?? '') && Number.isFinite(width)
    ? { kind: 'pym-width', width }
    : null;
}

/** The height of the document's content in CSS pixels, rounded up. */
export function contentHeight(doc: Document): number {
  return Math.ceil(doc.documentElement.getBoundingClientRect().height);
}

/** The part of `window` this module uses, so that tests can hand in a fake. */
export interface FrameWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  addEventListener(type: 'message' | 'load', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message' | 'load', listener: (event: MessageEvent) => void): void;
}

export interface FrameSizeOptions {
  /** Default `window`. */
  win?: FrameWindow;
  /** pym.js child id; default from the URL (`pymChildId(location.search)`). */
  pymId?: string | null;
  /** Measures the content; default `contentHeight(document)`. */
  measure?: () => number;
  /** Calls `changed` whenever the content may have changed size; returns its stop. */
  observe?: (changed: () => void) => () => void;
}

export interface FrameSize {
  /** Sends the height if it changed since the last message (`force`: send it anyway). */
  update(force?: boolean): void;
  /** Stops observing and listening. */
  stop(): void;
}

function observeDocument(changed: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') {
    window.addEventListener('resize', changed);
    return () => window.removeEventListener('resize', changed);
  }
  const observer = new ResizeObserver(changed);
  observer.observe(document.documentElement);
  return () => observer.disconnect();
}

/**
 * Starts telling the parent window the frame's height. Does nothing (and returns a no-op) when
 * the page is not in a frame.
 */
export function startFrameSize(options: FrameSizeOptions = {}): FrameSize {
  const win: FrameWindow = options.win ?? window;
  if ((win.parent as unknown) === win) return { update() {}, stop() {} };
  const pymId = options.pymId !== undefined ? options.pymId : pymChildId(location.search);
  const measure = options.measure ?? (() => contentHeight(document));
  let last = -1;

  const update = (force = false) => {
    const height = measure();
    if (!force && height === last) return;
    last = height;
    for (const message of heightMessages(height, pymId)) win.parent.postMessage(message, '*');
  };
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent) return;
    if (parseParentMessage(event.data, pymId)) update(true);
  };
  const onLoad = () => update();
  const changed = () => update();

  win.addEventListener('message', onMessage);
  win.addEventListener('load', onLoad);
  const unobserve = (options.observe ?? observeDocument)(changed);
  update(true);
  return {
    update,
    stop() {
      unobserve();
      win.removeEventListener('message', onMessage);
      win.removeEventListener('load', onLoad);
    },
  };
}
