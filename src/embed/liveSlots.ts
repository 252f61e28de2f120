/**
 * A page holds at most LIVE_CAP live maps (WebGL contexts). Browsers allow only a few contexts
 * per page (Chromium drops the oldest past 16) and each costs tens of MB, so when one map too
 * many goes live, the one furthest from view gives its context back and shows the lite view; it
 * comes back live when the reader scrolls back to it (mapView.ts).
 *
 * One rule, two places: maps mounted in one document share a registry here; maps in frames are
 * counted by embed.js on the host page, which can see where every frame is (loader.ts).
 */

export const LIVE_CAP = 6;

export interface LiveEntry<T> {
  item: T;
  /** Pixels between the map's box and the viewport; 0 when any of it is in view. */
  distance: number;
  /** When it went live: among maps equally far, the one live longest gives way first. */
  since: number;
}

/** The live maps that must give their context back so that at most `cap` stay live. */
export function toRelease<T>(live: readonly LiveEntry<T>[], cap: number = LIVE_CAP): T[] {
  if (live.length <= cap) return [];
  return [...live]
    .sort((a, b) => b.distance - a.distance || a.since - b.since)
    .slice(0, live.length - cap)
    .map((entry) => entry.item);
}

/** Pixels between `rect` and a viewport `height` tall (0 when they overlap). */
export function distanceFromView(rect: { top: number; bottom: number }, height: number): number {
  return Math.max(0, rect.top - height, -rect.bottom);
}

export interface LiveSlot {
  /** The map went live (true) or back to the lite view (false). */
  live(on: boolean): void;
  leave(): void;
}

interface Member {
  box: HTMLElement;
  release(): void;
  since: number | null;
}

const registries = new WeakMap<Document, Set<Member>>();

/** Joins the maps of `box`'s document; `release` is called when this map must go lite. */
export function joinLiveSlots(box: HTMLElement, release: () => void): LiveSlot {
  const doc = box.ownerDocument;
  let members = registries.get(doc);
  if (!members) registries.set(doc, (members = new Set()));
  const member: Member = { box, release, since: null };
  members.add(member);
  return {
    live(on) {
      member.since = on ? performance.now() : null;
      if (!on) return;
      const height = doc.defaultView?.innerHeight ?? 0;
      const live = [...members].flatMap((m) =>
        m.since === null
          ? []
          : [
              {
                item: m,
                since: m.since,
                distance: distanceFromView(m.box.getBoundingClientRect(), height),
              },
            ],
      );
      for (const m of toRelease(live)) m.release();
    },
    leave() {
      members.delete(member);
    },
  };
}
