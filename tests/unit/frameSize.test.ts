// The frame's side of embedding, in Node: height messages in the forms AMP, @newswire/frames and
// pym.js read; which parent messages are answered; and the host commands and events
// (src/embed/hostMessages.ts). Every "ignored" case is one a real page can send.
import { describe, expect, test, vi } from 'vitest';
import {
  heightMessages,
  parseParentMessage,
  pymChildId,
  startFrameSize,
  type FrameWindow,
} from '../../src/embed/frameSize.ts';
import {
  applyCommand,
  connectHost,
  eventsFor,
  parseCommand,
  type HostWindow,
} from '../../src/embed/hostMessages.ts';
import { createCorridorStore } from '../../src/state/store.ts';
import { yearOf } from '../../src/data/time.ts';
import { MAP_VERSION } from '../../src/shared/version.ts';
import { loadGeo } from './helpers.ts';

const { data } = await loadGeo();

/** A window with a parent that records what it was sent, and a way to deliver messages. */
function fakeWindow() {
  const sent: unknown[] = [];
  const parent = { postMessage: (message: unknown) => void sent.push(message) };
  const stranger = { postMessage: () => {} };
  const listeners = new Map<string, Set<(event: MessageEvent) => void>>();
  const win = {
    parent,
    addEventListener: (type: string, fn: (event: MessageEvent) => void) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(fn);
    },
    removeEventListener: (type: string, fn: (event: MessageEvent) => void) =>
      listeners.get(type)?.delete(fn),
  };
  const deliver = (data: unknown, source: unknown = parent) => {
    for (const fn of listeners.get('message') ?? []) fn({ data, source } as MessageEvent);
  };
  const fire = (type: string) => {
    for (const fn of listeners.get(type) ?? []) fn({} as MessageEvent);
  };
  const count = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { win: win as FrameWindow & HostWindow, sent, parent, stranger, deliver, fire, count };
}

describe('height messages', () => {
  test('AMP/@newswire/frames form always; the pym.js string only with a childId', () => {
    expect(heightMessages(812.2, null)).toEqual([
      { sentinel: 'amp', type: 'embed-size', height: 813 },
    ]);
    expect(heightMessages(600, 'pym-map')).toEqual([
      { sentinel: 'amp', type: 'embed-size', height: 600 },
      'pymxPYMxpym-mapxPYMxheightxPYMx600',
    ]);
  });

  test('the pym childId comes from the URL, and only a plain id is used', () => {
    expect(pymChildId('?lang=en&initialWidth=480&childId=pym-map')).toBe('pym-map');
    expect(pymChildId('?lang=en')).toBeNull();
    expect(pymChildId('?childId=')).toBeNull();
    expect(pymChildId('?childId=axPYMxb')).toBeNull();
    expect(pymChildId('?childId=%3Cscript%3E')).toBeNull();
    expect(pymChildId(`?childId=${'a'.repeat(201)}`)).toBeNull();
  });

  test('frames-init and pym width are understood; every other shape is not', () => {
    expect(parseParentMessage({ sentinel: 'amp', type: 'frames-init' }, null)).toEqual({
      kind: 'frames-init',
    });
    expect(parseParentMessage('pymxPYMxmapxPYMxwidthxPYMx480', 'map')).toEqual({
      kind: 'pym-width',
      width: 480,
    });
    for (const data of [
      null,
      undefined,
      42,
      [],
      'frames-init',
      { type: 'frames-init' },
      { sentinel: 'amp', type: 'embed-size', height: 10 },
      { sentinel: 'pym', type: 'frames-init' },
      'pymxPYMxotherxPYMxwidthxPYMx480', // another child's message
      'pymxPYMxmapxPYMxheightxPYMx480', // a type the parent sends only to others
      'pymxPYMxmapxPYMxwidthxPYMx-1',
      'pymxPYMxmapxPYMxwidthxPYMx480xPYMxextra',
      'pymxPYMxmapxPYMxwidthxPYMx',
    ]) {
      expect({ data, parsed: parseParentMessage(data, 'map') }).toEqual({ data, parsed: null });
    }
    // Without a childId no pym string is ours.
    expect(parseParentMessage('pymxPYMxmapxPYMxwidthxPYMx480', null)).toBeNull();
  });
});

describe('startFrameSize', () => {
  test('sends the height at once and on change, not again for the same height', () => {
    const { win, sent } = fakeWindow();
    let height = 500;
    let changed = () => {};
    const size = startFrameSize({
      win,
      pymId: null,
      measure: () => height,
      observe: (fn) => ((changed = fn), () => {}),
    });
    expect(sent).toEqual([{ sentinel: 'amp', type: 'embed-size', height: 500 }]);
    changed();
    expect(sent).toHaveLength(1);
    height = 640;
    changed();
    expect(sent.at(-1)).toEqual({ sentinel: 'amp', type: 'embed-size', height: 640 });
    expect(sent).toHaveLength(2);
    size.stop();
  });

  test('answers frames-init and pym width from the parent only', () => {
    const { win, sent, stranger, deliver, fire } = fakeWindow();
    startFrameSize({ win, pymId: 'map', measure: () => 700, observe: () => () => {} });
    expect(sent).toHaveLength(2);

    deliver({ sentinel: 'amp', type: 'frames-init' }, stranger);
    deliver({ sentinel: 'amp', type: 'frames-init' }, win); // the frame itself
    deliver('pymxPYMxmapxPYMxwidthxPYMx480', stranger);
    deliver({ sentinel: 'amp', type: 'frames-unknown' });
    deliver('hello');
    expect(sent).toHaveLength(2);

    deliver({ sentinel: 'amp', type: 'frames-init' });
    expect(sent).toHaveLength(4);
    deliver('pymxPYMxmapxPYMxwidthxPYMx480');
    expect(sent.slice(-2)).toEqual([
      { sentinel: 'amp', type: 'embed-size', height: 700 },
      'pymxPYMxmapxPYMxheightxPYMx700',
    ]);
    // Images loaded late: the height is checked again (unchanged here, so nothing is sent).
    fire('load');
    expect(sent).toHaveLength(6);
  });

  test('stop removes every listener and the observer', () => {
    const { win, count } = fakeWindow();
    const unobserve = vi.fn();
    const size = startFrameSize({ win, pymId: null, measure: () => 1, observe: () => unobserve });
    expect(count()).toBe(2);
    size.stop();
    expect(count()).toBe(0);
    expect(unobserve).toHaveBeenCalledOnce();
  });

  test('a page that is not in a frame sends nothing and listens to nothing', () => {
    const { win, sent, count } = fakeWindow();
    // A top-level window is its own parent.
    const top = { ...win, postMessage: vi.fn() };
    top.parent = top;
    startFrameSize({ win: top, pymId: null, measure: () => 1, observe: () => () => {} });
    expect(connectHost(createCorridorStore(data), top)).toBeTypeOf('function');
    expect(top.postMessage).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    expect(count()).toBe(0);
  });
});

describe('host commands', () => {
  test('exactly our shapes are commands', () => {
    expect(parseCommand({ type: 'corridor:setYear', year: 2019 })).toEqual({
      type: 'corridor:setYear',
      year: 2019,
    });
    expect(parseCommand({ type: 'corridor:select', id: 'xian' })).toEqual({
      type: 'corridor:select',
      id: 'xian',
    });
    expect(parseCommand({ type: 'corridor:select', id: 'changan', kind: 'route' })).toEqual({
      type: 'corridor:select',
      id: 'changan',
      kind: 'route',
    });
    expect(parseCommand({ type: 'corridor:select', id: null })).toEqual({
      type: 'corridor:select',
      id: null,
    });
    expect(parseCommand({ type: 'corridor:play' })).toEqual({ type: 'corridor:play' });
    expect(parseCommand({ type: 'corridor:pause', extra: 1 })).toEqual({ type: 'corridor:pause' });
    expect(parseCommand({ type: 'corridor:release' })).toEqual({ type: 'corridor:release' });
    for (const data of [
      null,
      'corridor:play',
      ['corridor:play'],
      { type: 'corridor:setYear', year: '2019' },
      { type: 'corridor:setYear', year: 2019.5 },
      { type: 'corridor:setYear', year: NaN },
      { type: 'corridor:setYear' },
      { type: 'corridor:select' },
      { type: 'corridor:select', id: 42 },
      { type: 'corridor:select', id: '<img src=x>' },
      { type: 'corridor:select', id: 'xian', kind: 'city' },
      { type: 'corridor:stop' },
      { type: 'corridor:year', year: 2019 }, // our own event echoed back is not a command
      { sentinel: 'amp', type: 'frames-init' },
    ]) {
      expect({ data, command: parseCommand(data) }).toEqual({ data, command: null });
    }
  });

  test('release goes to the view, not the store', () => {
    const store = createCorridorStore(data, { lang: 'en' });
    const before = store.getState();
    const release = vi.fn();
    applyCommand(store, { type: 'corridor:release' }, { release });
    expect(release).toHaveBeenCalledTimes(1);
    expect(store.getState()).toBe(before);
    expect(() => applyCommand(store, { type: 'corridor:release' })).not.toThrow();
  });

  test('commands act on the store; unknown ids change nothing', () => {
    const store = createCorridorStore(data, { lang: 'en' });
    applyCommand(store, { type: 'corridor:setYear', year: 2015 });
    expect(yearOf(store.getState().time)).toBe(2015);
    applyCommand(store, { type: 'corridor:select', id: 'xian' });
    expect(store.getState().selection).toEqual({ kind: 'hub', id: 'xian' });
    applyCommand(store, { type: 'corridor:select', id: 'changan' });
    expect(store.getState().selection).toEqual({ kind: 'route', id: 'changan' });
    applyCommand(store, { type: 'corridor:select', id: 'atlantis' });
    expect(store.getState().selection).toEqual({ kind: 'route', id: 'changan' });
    applyCommand(store, { type: 'corridor:select', id: 'xian', kind: 'route' });
    expect(store.getState().selection).toEqual({ kind: 'route', id: 'changan' });
    applyCommand(store, { type: 'corridor:select', id: null });
    expect(store.getState().selection).toBeNull();
    applyCommand(store, { type: 'corridor:play' });
    expect(store.getState().playing).toBe(true);
    applyCommand(store, { type: 'corridor:setYear', year: 2013 });
    expect(store.getState().playing).toBe(false);
    applyCommand(store, { type: 'corridor:play' });
    applyCommand(store, { type: 'corridor:pause' });
    expect(store.getState().playing).toBe(false);
  });

  test('events: a new selection, a new whole year; not a frame of the same year', () => {
    const store = createCorridorStore(data, { lang: 'en', year: 2015 });
    const before = store.getState();
    store.getState().select({ kind: 'hub', id: 'yiwu' });
    expect(eventsFor(store.getState(), before)).toEqual([
      { type: 'corridor:select', kind: 'hub', id: 'yiwu' },
    ]);
    const selected = store.getState();
    store.getState().select({ kind: 'hub', id: 'yiwu' }); // same item, new object
    expect(eventsFor(store.getState(), selected)).toEqual([]);
    store.setState({ time: 2016.2 });
    const early = store.getState();
    expect(eventsFor(early, selected)).toEqual([{ type: 'corridor:year', year: 2016 }]);
    store.setState({ time: 2016.7 });
    expect(eventsFor(store.getState(), early)).toEqual([]);
  });

  test('connectHost: ready at once, events to the parent, commands from the parent only', () => {
    const { win, sent, stranger, deliver, count } = fakeWindow();
    const store = createCorridorStore(data, { lang: 'en', year: 2018, hub: 'xian' });
    const disconnect = connectHost(store, win);
    expect(sent).toEqual([
      {
        type: 'corridor:ready',
        year: 2018,
        lang: 'en',
        kind: 'hub',
        id: 'xian',
        version: MAP_VERSION,
      },
    ]);
    deliver({ type: 'corridor:setYear', year: 2012 }, stranger);
    deliver({ type: 'corridor:setYear', year: 2012 }, win);
    deliver({ type: 'corridor:setYear', year: '2012' });
    expect(yearOf(store.getState().time)).toBe(2018);
    expect(sent).toHaveLength(1);

    deliver({ type: 'corridor:setYear', year: 2012 });
    expect(yearOf(store.getState().time)).toBe(2012);
    store.getState().select({ kind: 'route', id: 'changan' });
    expect(sent.slice(1)).toEqual([
      { type: 'corridor:year', year: 2012 },
      { type: 'corridor:select', kind: 'route', id: 'changan' },
    ]);
    disconnect();
    expect(count()).toBe(0);
    store.getState().setYear(2020);
    expect(sent).toHaveLength(3);
  });
});
