/**
 * What a publishing desk pastes, from one set of option values (src/embed/optionsSchema.ts): the
 * snippet (`data-*` attributes and `embed.js`), a plain iframe of `embed.html` for other loaders,
 * the share link (`index.html#…`) and the oEmbed URL. Pure: strings in, strings out; the values
 * are written as given (the map checks them), and every one is escaped for HTML.
 */
import type { Lang } from '../data/types.ts';
import { frameTitle } from './loader.ts';
import {
  FRAME_KEYS,
  HASH_KEYS,
  OPTION_SCHEMA,
  type OptionKey,
  type OptionSpec,
} from './optionsSchema.ts';

/** Raw option values as the snippet writes them (`controls`: a comma list, `none` for none). */
export type OptionValues = Partial<Record<OptionKey, string>>;

const words = (list: string) => list.split(/[\s,]+/).filter((w) => w && w !== 'none');

function isDefault(spec: OptionSpec, value: string): boolean {
  if (spec.kind === 'list' && spec.default !== undefined) {
    const [a, b] = [words(value), words(spec.default)];
    return a.length === b.length && a.every((w) => b.includes(w));
  }
  return value === spec.default;
}

/**
 * The options a snippet must carry, in the schema's order: those given and not the default. An
 * empty `list` is written `none` (the map alone); other empty values are left out.
 */
export function givenOptions(values: OptionValues): [OptionKey, string][] {
  const out: [OptionKey, string][] = [];
  for (const spec of OPTION_SCHEMA as readonly OptionSpec[]) {
    const key = spec.key as OptionKey;
    const raw = values[key]?.trim();
    if (raw === undefined) continue;
    const value = spec.kind === 'list' ? words(raw).join(',') || 'none' : raw;
    if (value === '' || isDefault(spec, value)) continue;
    out.push([key, value]);
  }
  return out;
}

/** Text for HTML: `&`, `<`, `>` and `"` escaped (enough in text and in quoted attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `embed.html`'s query string for the values (`?hub=xian&lang=en`), or '' for none. */
export function embedQuery(values: OptionValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of givenOptions(values)) {
    if ((FRAME_KEYS as readonly string[]).includes(key)) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The share link's hash (`#hub=xian&year=2019&lang=en`), or '' when none of its keys is set. */
export function shareHash(values: OptionValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of givenOptions(values)) {
    if ((HASH_KEYS as readonly string[]).includes(key)) params.set(key, value);
  }
  const hash = params.toString();
  return hash ? `#${hash}` : '';
}

/** The full page of the view (`index.html#…`) in the deployed folder `base` (ends with `/`). */
export function shareLink(values: OptionValues, base: string): string {
  return new URL(`index.html${shareHash(values)}`, base).href;
}

/** The oEmbed response of the map in a language (the build writes one per language). */
export function oembedUrl(lang: Lang, base: string): string {
  return new URL(lang === 'en' ? 'oembed-en.json' : 'oembed.json', base).href;
}

const langOf = (values: OptionValues): Lang => (values.lang === 'en' ? 'en' : 'zh');

/** The snippet a desk pastes: the map's element, its fallback link and `embed.js` from `base`. */
export function snippetHtml(values: OptionValues, base: string): string {
  const given = givenOptions(values);
  const attributes = given.map(([key, value]) => ` data-${key}="${escapeHtml(value)}"`).join('');
  const title = frameTitle({ ...Object.fromEntries(given), lang: langOf(values) });
  const script = new URL('embed.js', base).href;
  return [
    `<div data-corridor-map${attributes}>`,
    `  <a href="${escapeHtml(shareLink(values, base))}">${escapeHtml(title)}</a>`,
    `</div>`,
    `<script src="${escapeHtml(script)}" async></script>`,
  ].join('\n');
}

/**
 * A plain iframe of `embed.html` for loaders other than ours (pym.js, AMP, @newswire/frames),
 * `height` px tall until a loader sizes it.
 */
export function iframeHtml(values: OptionValues, base: string, height: number): string {
  const given = givenOptions(values);
  const src = new URL(`embed.html${embedQuery(values)}`, base).href;
  const title = frameTitle({ ...Object.fromEntries(given), lang: langOf(values) });
  return (
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="100%" ` +
    `height="${Math.round(height)}" frameborder="0" scrolling="no"></iframe>`
  );
}
