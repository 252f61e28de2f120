// @vitest-environment jsdom
/**
 * The one schema of options (issue 22) walked option by option: parseOptions reads every option
 * the frame takes, each sample value survives the snippet's attributes, embed.html's query string
 * and the share hash, the loader passes exactly the frame's options on, and the desk's form offers
 * exactly the schema's options.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/data/types.ts';
import { frameTitle, PASSED_OPTIONS } from '../../src/embed/loader.ts';
import { OPTION_KEYS, parseEmbedQuery, parseOptions } from '../../src/embed/options.ts';
import {
  FRAME_KEYS,
  HASH_KEYS,
  OPTION_SCHEMA,
  type OptionKey,
  type OptionSpec,
} from '../../src/embed/optionsSchema.ts';
import {
  embedQuery,
  givenOptions,
  iframeHtml,
  shareHash,
  shareLink,
  snippetHtml,
  type OptionValues,
} from '../../src/embed/snippet.ts';
import { parseHash } from '../../src/embed/urlState.ts';
import { createPublishForm, type Choices } from '../../src/publish/form.ts';

const schema = OPTION_SCHEMA as readonly OptionSpec[];
const BASE = 'https://example.org/corridor-map/';
const PAGE = `${BASE}embed.html`;

/** Values to try per option: every listed value, and one of each other kind. */
function samples(spec: OptionSpec): string[] {
  switch (spec.kind) {
    case 'enum':
      return [...spec.values!];
    case 'list':
      return [spec.values!.slice(0, 2).join(','), spec.values!.join(','), 'none'];
    case 'hub':
      return ['xian'];
    case 'route':
      return ['china-laos'];
    case 'year':
      return ['2019'];
    case 'boolean':
      return ['1', '0'];
    case 'snapshot':
      return ['2026-12-05'];
    case 'text':
      return ['Map: where the trains run <"&">'];
  }
}
const cases = schema.flatMap((spec) =>
  samples(spec).map((value) => ({ key: spec.key as OptionKey, value })),
);

/** The snippet's element, read back as the loader reads it (its dataset). */
function snippetData(html: string): Record<string, string | undefined> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const el = doc.querySelector<HTMLElement>('[data-corridor-map]')!;
  const { corridorMap, ...rest } = el.dataset;
  expect(corridorMap).toBe('');
  return rest;
}

const silent = () => {};

describe('the options schema', () => {
  it('is the list parseOptions and embed.html read, and the one embed.js passes on', () => {
    expect([...OPTION_KEYS]).toEqual(schema.filter((o) => o.frame).map((o) => o.key));
    expect([...PASSED_OPTIONS].sort()).toEqual([...FRAME_KEYS].sort());
    expect(HASH_KEYS).toEqual(['lang', 'hub', 'route', 'year']);
  });

  it('labels every option and every listed value in every language', () => {
    for (const spec of schema) {
      for (const lang of LANGS) {
        expect(spec.label[lang].trim(), `${spec.key} ${lang}`).not.toBe('');
        if (spec.values) expect(spec.valueLabels?.[lang]).toHaveLength(spec.values.length);
      }
    }
  });

  it.each(cases)('parseOptions takes $key=$value without a warning', ({ key, value }) => {
    const spec = schema.find((o) => o.key === key)!;
    const warnings: string[] = [];
    const parsed = parseOptions({ [key]: value }, (m) => warnings.push(m), PAGE);
    expect(warnings).toEqual([]);
    if (spec.frame) expect(parsed).toHaveProperty(key);
    else expect(parsed).toEqual({}); // the frame's title: the loader's, not the map's
  });

  it.each(cases)('$key=$value survives the snippet, the query and the hash', ({ key, value }) => {
    const values: OptionValues = { [key]: value };
    const spec = schema.find((o) => o.key === key)!;
    const expected = parseOptions(values, silent, PAGE);
    const isDefault = givenOptions(values).length === 0;
    expect(isDefault).toBe(value === spec.default);

    // The snippet's data-* attributes, read back through the DOM as embed.js reads them.
    const data = snippetData(snippetHtml(values, BASE));
    expect(parseOptions(data, silent, PAGE)).toEqual(isDefault ? {} : expected);
    if (key === 'title') expect(frameTitle(data)).toBe(value);
    expect(data).toEqual(isDefault ? {} : { [key]: value });

    // embed.html's query string (the plain iframe's and the loader's), as the frame reads it.
    const warnings: string[] = [];
    const query = parseEmbedQuery(embedQuery(values), (m) => warnings.push(m), PAGE);
    expect(warnings).toEqual([]);
    expect(query).toEqual(isDefault || !spec.frame ? {} : expected);
    const iframe = new DOMParser()
      .parseFromString(iframeHtml(values, BASE, 500), 'text/html')
      .querySelector('iframe')!;
    expect(parseEmbedQuery(new URL(iframe.src).search, silent, PAGE)).toEqual(query);

    // The share link's hash, as index.html reads it.
    const hash = parseHash(shareHash(values), silent);
    const link = new URL(shareLink(values, BASE));
    expect(link.pathname).toBe('/corridor-map/index.html');
    expect(parseHash(link.hash, silent)).toEqual(hash);
    expect(hash).toEqual(spec.hash && !isDefault ? { [key]: expected[key as 'lang'] } : {});
  });

  it('writes the controls as a set: default left out, none as "none"', () => {
    expect(givenOptions({ controls: 'list,legend,timeline' })).toEqual([]);
    expect(givenOptions({ controls: '' })).toEqual([['controls', 'none']]);
    expect(givenOptions({ controls: 'legend, table' })).toEqual([['controls', 'legend,table']]);
  });
});

describe('the desk form', () => {
  const choices: Choices = {
    hubs: [{ id: 'xian', name: { zh: '西安', en: "Xi'an" } }],
    routes: [{ id: 'china-laos', name: { zh: '中老铁路', en: 'China–Laos Railway' } }],
    years: [2011, 2024],
    snapshot: '2026-12-05',
  };

  it('offers exactly the options of the schema, each one once', () => {
    const form = createPublishForm(choices, 'en', silent);
    const names = new Set(
      [...form.el.querySelectorAll<HTMLInputElement>('[name]')].map((el) => el.name),
    );
    expect([...names]).toEqual(schema.map((o) => o.key));
    const fields = [...form.el.querySelectorAll<HTMLElement>('[data-option]')];
    expect(fields.map((f) => f.dataset.option)).toEqual(schema.map((o) => o.key));
  });

  it('offers every listed value of the schema and the data’s hubs, routes and years', () => {
    const form = createPublishForm(choices, 'zh', silent);
    for (const spec of schema.filter((o) => o.values)) {
      const offered = [...form.el.querySelectorAll<HTMLInputElement>(`[name="${spec.key}"]`)]
        .flatMap((el) =>
          el instanceof HTMLSelectElement ? [...el.options].map((o) => o.value) : [el.value],
        )
        .filter(Boolean);
      expect(offered, spec.key).toEqual([...spec.values!]);
    }
    const options = (name: string) =>
      [...form.el.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!.options].map(
        (o) => o.value,
      );
    expect(options('hub')).toEqual(['', 'xian']);
    expect(options('route')).toEqual(['', 'china-laos']);
    expect(options('year')).toHaveLength(15);
  });

  it('gives back the values it was set to, and every field has a label', () => {
    const form = createPublishForm(choices, 'en', silent);
    const values: OptionValues = {
      lang: 'en',
      hub: 'xian',
      year: '2019',
      autoplay: '1',
      speed: '2',
      controls: 'legend,table',
      theme: 'dark',
      live: 'never',
      data: '2026-12-05',
      title: 'A title',
    };
    form.setValues(values);
    expect(form.values()).toEqual(values);
    document.body.append(form.el);
    for (const control of form.el.querySelectorAll<HTMLInputElement>('input, select')) {
      expect(control.labels?.[0]?.textContent?.trim(), control.id).toBeTruthy();
    }
  });

  it('opens a hub or a route, not both: choosing one clears the other', () => {
    const seen: OptionValues[] = [];
    const form = createPublishForm(choices, 'en', (v) => seen.push(v));
    const choose = (name: string, value: string) => {
      const select = form.el.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('hub', 'xian');
    expect(seen.at(-1)).toMatchObject({ hub: 'xian' });
    choose('route', 'china-laos');
    expect(seen.at(-1)).toMatchObject({ route: 'china-laos' });
    expect(seen.at(-1)).not.toHaveProperty('hub');
    choose('hub', 'xian');
    expect(seen.at(-1)).not.toHaveProperty('route');
  });
});
