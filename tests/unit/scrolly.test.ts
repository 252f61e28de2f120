// @vitest-environment jsdom
/**
 * Scrollytelling without code (issue 12, item 2): a step's attributes → the commands it sends,
 * which map a step drives (the nearest snippet before it, or the one its data-corridor-target
 * names), and in jsdom with a stand-in IntersectionObserver, which step's view each map gets as
 * steps enter and leave the middle band.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { parseCommand } from '../../src/embed/hostMessages.ts';
import type { HostCommand } from '../../src/embed/hostMessages.ts';
import { watchSteps } from '../../src/embed/scrolly.ts';
import { STEP_BAND, bindStep, parseStep, stepCommands } from '../../src/embed/steps.ts';
import type { Placed } from '../../src/embed/steps.ts';

describe('parseStep', () => {
  test('year, hub, route and play', () => {
    expect(parseStep({ corridorStep: '', year: '2017', hub: 'jiangjin' })).toEqual({
      step: { year: 2017, select: { kind: 'hub', id: 'jiangjin' }, play: false },
      problems: [],
    });
    expect(parseStep({ corridorStep: '', route: 'china-laos', play: '' })).toEqual({
      step: { year: null, select: { kind: 'route', id: 'china-laos' }, play: true },
      problems: [],
    });
    expect(parseStep({ year: ' 2011 ', hub: ' xian ', play: '1' }).step).toEqual({
      year: 2011,
      select: { kind: 'hub', id: 'xian' },
      play: true,
    });
    for (const off of ['0', 'false', 'FALSE'])
      expect(parseStep({ play: off }).step.play, off).toBe(false);
  });

  test('a step with neither hub nor route clears the selection', () => {
    expect(parseStep({ corridorStep: '' })).toEqual({
      step: { year: null, select: null, play: false },
      problems: [],
    });
  });

  test.each([
    ['year', 'abc'],
    ['year', '2017.5'],
    ['year', '1e3'],
    ['year', '0x7e1'],
    ['year', '17'],
    ['year', '1900'],
    ['year', '2200'],
    ['year', ''],
    ['hub', 'Xian'],
    ['hub', '<script>alert(1)</script>'],
    ['hub', 'a--b'],
    ['hub', ''],
    ['route', 'china laos'],
    ['route', '-china-laos'],
    ['route', 'x'.repeat(101)],
  ])('a bad data-%s (%j) is left out with one problem', (name, value) => {
    const { step, problems } = parseStep({ [name]: value });
    expect(step).toEqual({ year: null, select: null, play: false });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^data-${name}=".*" ignored$`));
    // Quoted and cut: a long or hostile value stays a short, inert string in the console.
    expect(problems[0]!.length).toBeLessThan(130);
  });

  test('one bad attribute does not spoil the others', () => {
    expect(parseStep({ year: '20x7', route: 'land-sea', play: '' })).toEqual({
      step: { year: null, select: { kind: 'route', id: 'land-sea' }, play: true },
      problems: ['data-year="20x7" ignored'],
    });
  });

  test('with both a hub and a route, the hub is selected and the route reported', () => {
    expect(parseStep({ hub: 'jiangjin', route: 'land-sea' })).toEqual({
      step: { year: null, select: { kind: 'hub', id: 'jiangjin' }, play: false },
      problems: ['data-route="land-sea" ignored'],
    });
  });
});

describe('stepCommands', () => {
  test('year, selection, then pause: the whole view of the step', () => {
    const commands = stepCommands(parseStep({ year: '2017', hub: 'jiangjin' }).step, false);
    expect(commands).toEqual([
      { type: 'corridor:setYear', year: 2017 },
      { type: 'corridor:select', id: 'jiangjin', kind: 'hub' },
      { type: 'corridor:pause' },
    ]);
  });

  test('no year: the year stays; no selection: it is cleared', () => {
    expect(stepCommands(parseStep({}).step, false)).toEqual([
      { type: 'corridor:select', id: null },
      { type: 'corridor:pause' },
    ]);
  });

  test('data-play plays from the step, except with reduced motion', () => {
    const step = parseStep({ year: '2011', route: 'yuxinou', play: '' }).step;
    expect(stepCommands(step, false).at(-1)).toEqual({ type: 'corridor:play' });
    expect(stepCommands(step, true).at(-1)).toEqual({ type: 'corridor:pause' });
    expect(stepCommands(step, true).map((c) => c.type)).not.toContain('corridor:play');
  });

  test('every command is one the frame accepts, unchanged', () => {
    const steps = [
      { year: '2011', route: 'yuxinou', play: '' },
      { year: '2024' },
      { hub: 'xian' },
      {},
    ];
    for (const attrs of steps) {
      for (const command of stepCommands(parseStep(attrs).step, false)) {
        expect(parseCommand(command)).toEqual(command);
      }
    }
  });
});

describe('bindStep', () => {
  const map = (id = ''): Placed => ({ map: true, id });
  const step = (target?: string): Placed => ({ map: false, target });

  test('a step drives the nearest snippet before it', () => {
    const items = [step(), map('a'), step(), step(), map(), step(), map('c')];
    expect(items.map((_, i) => bindStep(items, i))).toEqual([null, null, 1, 1, null, 4, null]);
  });

  test('data-corridor-target names a snippet by id, before or after the step', () => {
    const items = [map('a'), step('c'), map('b'), step('a'), step(' b '), map('c')];
    expect(bindStep(items, 1)).toBe(5);
    expect(bindStep(items, 3)).toBe(0);
    expect(bindStep(items, 4)).toBe(2);
  });

  test('an unknown target binds nowhere (it does not fall back); an empty one is no target', () => {
    const items = [map('a'), step('nope'), step(''), step('A')];
    expect(bindStep(items, 1)).toBeNull();
    expect(bindStep(items, 2)).toBe(0);
    expect(bindStep(items, 3)).toBeNull();
  });

  test('a map, or an index out of range, drives nothing', () => {
    const items = [map('a'), step()];
    expect(bindStep(items, 0)).toBeNull();
    expect(bindStep(items, 5)).toBeNull();
    expect(bindStep([], 0)).toBeNull();
  });
});

/** Replaces the body with a fixed test page's markup. */
function setBody(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

/** A stand-in IntersectionObserver: the test says which steps are in the band. */
class FakeObserver {
  static last: FakeObserver | undefined;
  observed = new Set<Element>();
  constructor(
    readonly callback: (entries: IntersectionObserverEntry[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  disconnect() {
    this.observed.clear();
  }
  /** Steps entering (true) and leaving (false) the band, in one callback. */
  fire(changes: [Element, boolean][]) {
    this.callback(
      changes
        .filter(([el]) => this.observed.has(el))
        .map(
          ([target, isIntersecting]) => ({ target, isIntersecting }) as IntersectionObserverEntry,
        ),
    );
  }
}

describe('watchSteps in a page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  function page(html: string) {
    setBody(html);
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const driven: [string, HostCommand[]][] = [];
    const watcher = watchSteps(document, (map, commands) => driven.push([map.id, commands]));
    watcher.scan();
    const io = FakeObserver.last!;
    const $ = (id: string) => document.getElementById(id)!;
    return { watcher, io, driven, warn, $ };
  }

  const TWO_MAPS = `
    <div id="m1" data-corridor-map></div>
    <section id="s1" data-corridor-step data-year="2011" data-route="yuxinou"></section>
    <section id="s2" data-corridor-step data-year="2017" data-hub="jiangjin"></section>
    <div id="m2" data-corridor-map></div>
    <section id="t1" data-corridor-step data-year="2021" data-route="china-laos"></section>
    <section id="t2" data-corridor-step data-corridor-target="m1" data-year="2024"></section>`;

  test('the band is the viewport middle line; each step drives its own map', () => {
    const { io, driven, warn, $ } = page(TWO_MAPS);
    expect(io.options.rootMargin).toBe(STEP_BAND);
    expect(io.observed.size).toBe(4);
    expect(warn).not.toHaveBeenCalled();

    io.fire([[$('s1'), true]]);
    io.fire([
      [$('s1'), false],
      [$('s2'), true],
    ]);
    io.fire([
      [$('s2'), false],
      [$('t1'), true],
    ]);
    io.fire([
      [$('t1'), false],
      [$('t2'), true],
    ]);
    expect(driven.map(([id, c]) => [id, c[0]])).toEqual([
      ['m1', { type: 'corridor:setYear', year: 2011 }],
      ['m1', { type: 'corridor:setYear', year: 2017 }],
      ['m2', { type: 'corridor:setYear', year: 2021 }],
      ['m1', { type: 'corridor:setYear', year: 2024 }],
    ]);
  });

  test('scrolling back up gives back the earlier step; a gap between steps changes nothing', () => {
    const { io, driven, $ } = page(TWO_MAPS);
    io.fire([[$('s1'), true]]);
    io.fire([[$('s1'), false]]); // between s1 and s2: the map keeps 2011
    io.fire([[$('s2'), true]]);
    io.fire([
      [$('s2'), false],
      [$('s1'), true],
    ]);
    expect(driven.map(([, c]) => c)).toEqual([
      stepCommands(parseStep({ year: '2011', route: 'yuxinou' }).step, false),
      stepCommands(parseStep({ year: '2017', hub: 'jiangjin' }).step, false),
      stepCommands(parseStep({ year: '2011', route: 'yuxinou' }).step, false),
    ]);
  });

  test('two touching steps in the band: the later one is the view, then the one left', () => {
    const { io, driven, $ } = page(TWO_MAPS);
    io.fire([
      [$('s1'), true],
      [$('s2'), true],
    ]);
    io.fire([[$('s2'), false]]);
    expect(driven.map(([, c]) => c[0])).toEqual([
      { type: 'corridor:setYear', year: 2017 },
      { type: 'corridor:setYear', year: 2011 },
    ]);
  });

  test('a step that stays in the band is sent once; one that comes back is sent again', () => {
    const { io, driven, $ } = page(TWO_MAPS);
    io.fire([[$('s1'), true]]);
    io.fire([[$('s1'), true]]);
    expect(driven).toHaveLength(1);
    io.fire([[$('s1'), false]]);
    io.fire([[$('s1'), true]]);
    expect(driven).toHaveLength(2);
  });

  test('reduced motion: a data-play step does not play', () => {
    const { io, driven, $ } = page(
      `<div id="m" data-corridor-map></div><p id="p" data-corridor-step data-year="2011" data-play></p>`,
    );
    vi.stubGlobal('matchMedia', (q: string) => ({ matches: q.includes('reduce') }));
    io.fire([[$('p'), true]]);
    expect(driven[0]![1].map((c) => c.type)).toEqual([
      'corridor:setYear',
      'corridor:select',
      'corridor:pause',
    ]);
  });

  test('bad attributes and unbound steps: one warning each, the page goes on', () => {
    const { io, driven, warn, $ } = page(`
      <section id="early" data-corridor-step data-year="2011"></section>
      <div id="m" data-corridor-map></div>
      <section id="bad" data-corridor-step data-year="soon" data-hub="Xi'an"></section>
      <section id="lost" data-corridor-step data-corridor-target="nowhere"></section>`);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      'corridor-map: a [data-corridor-step]: no map before it or with its data-corridor-target id',
      'corridor-map: a [data-corridor-step]: data-year="soon" ignored',
      `corridor-map: a [data-corridor-step]: data-hub="Xi'an" ignored`,
      'corridor-map: a [data-corridor-step]: no map before it or with its data-corridor-target id',
    ]);
    expect([...io.observed].map((el) => el.id)).toEqual(['bad']);
    io.fire([[$('bad'), true]]);
    expect(driven).toEqual([
      ['m', [{ type: 'corridor:select', id: null }, { type: 'corridor:pause' }]],
    ]);
  });

  test('a second scan binds only new steps and warns about nothing twice', () => {
    const { watcher, io, warn, $ } = page(
      `<div id="m" data-corridor-map></div><p id="a" data-corridor-step data-year="x"></p>`,
    );
    expect(warn).toHaveBeenCalledTimes(1);
    const added = document.createElement('p');
    added.id = 'b';
    added.setAttribute('data-corridor-step', '');
    $('a').after(added);
    watcher.scan();
    expect(warn).toHaveBeenCalledTimes(1);
    expect([...io.observed].map((el) => el.id)).toEqual(['a', 'b']);
    watcher.destroy();
    expect(io.observed.size).toBe(0);
  });

  test('without IntersectionObserver, steps do nothing and nothing throws', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    setBody(`<div data-corridor-map></div><p data-corridor-step data-year="2011"></p>`);
    const drive = vi.fn();
    const watcher = watchSteps(document, drive);
    expect(() => watcher.scan()).not.toThrow();
    watcher.destroy();
    expect(drive).not.toHaveBeenCalled();
  });
});
