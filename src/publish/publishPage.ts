/**
 * Entry of publish.html, the publishing desk (issue 22): a form for every option of the snippet,
 * the real embed at a phone's width and at the article column's width, the texts to paste with
 * Copy buttons, and the picture of the view. The page's own address takes the snippet's options
 * (`publish.html?hub=xian&lang=en`), checked as the map checks them: a bad value gets the map's
 * warning and its default.
 */
import { loadDataFromUrl } from '../data/parse.ts';
import { SNAPSHOTS_FILE } from '../data/snapshots.ts';
import type { Lang } from '../data/types.ts';
import { estimateHeight, frameTitle } from '../embed/loader.ts';
import { yearRange } from '../state/selectors.ts';
import { parseEmbedQuery, resolveOptions, type ResolvedOptions } from '../embed/options.ts';
import {
  embedQuery,
  givenOptions,
  iframeHtml,
  oembedUrl,
  shareLink,
  snippetHtml,
  type OptionValues,
} from '../embed/snippet.ts';
import { pt } from '../i18n/publishStrings.ts';
import { h } from '../shared/dom.ts';
import { createDownloads } from './downloads.ts';
import { createPublishForm, type Choices } from './form.ts';
import { createOutputs } from './outputs.ts';
import { createPreview } from './preview.ts';
import './publish.css';
// The deployment's house style (src/build/housePlugin.ts): its rules reach only `.cm-root`, here
// the hidden root the picture reads (downloads.ts).
import 'virtual:corridor-house.css';

const PHONE = 375;
const WIDTHS = [480, 640, 720, 960] as const;
const HTML_LANG: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

/** The deployed folder: where publish.html, embed.js, embed.html and index.html live. */
const base = new URL('./', location.href).href;

/** The snapshot holding the current data, from geo/snapshots.json (none in `npm run dev`). */
async function currentSnapshot(): Promise<string | null> {
  try {
    const response = await fetch(new URL(`geo/${SNAPSHOTS_FILE}`, base));
    if (!response.ok) return null;
    const manifest = (await response.json()) as { current?: unknown };
    return typeof manifest.current === 'string' ? manifest.current : null;
  } catch {
    return null;
  }
}

/** The form's first values: the page address's options, as the map resolved them. */
function initialValues(resolved: ResolvedOptions, given: Set<string>): OptionValues {
  const out: OptionValues = {};
  const { lang, hub, route, year, autoplay, speed, theme, controls, live, data } = resolved;
  if (lang) out.lang = lang;
  if (hub) out.hub = hub;
  if (route) out.route = route;
  if (given.has('year') && year !== undefined) out.year = String(year);
  if (autoplay !== undefined) out.autoplay = autoplay ? '1' : '0';
  if (speed !== undefined) out.speed = String(speed);
  out.theme = theme;
  if (controls) out.controls = controls.join(',');
  out.live = live;
  if (data) out.data = data;
  return out;
}

async function start(): Promise<void> {
  const root = document.querySelector<HTMLElement>('#publish');
  if (!root) throw new Error('publish.html: no #publish element');
  const messages: string[] = [];
  const warn = (message: string) => {
    console.warn(message);
    messages.push(message);
  };
  const options = parseEmbedQuery(location.search, warn);
  let lang: Lang = options.lang ?? 'zh';

  const heading = h('h1');
  const intro = h('p', { class: 'pub-intro' });
  const notice = h('div', { class: 'pub-warnings', role: 'alert', hidden: true });
  const langButtons = (['zh', 'en'] as const).map((l) =>
    h('button', { type: 'button', lang: l, 'data-lang': l }, l === 'zh' ? '中文' : 'English'),
  );
  const langGroup = h('div', { class: 'pub-lang', role: 'group' }, ...langButtons);
  root.replaceChildren(h('header', { class: 'pub-header' }, heading, langGroup), intro, notice);

  const [{ data, problems }, snapshot] = await Promise.all([
    loadDataFromUrl(new URL('geo/', base).href),
    currentSnapshot(),
  ]);
  if (!data.hubs.length && problems.length) {
    notice.hidden = false;
    notice.textContent = pt(lang, 'loadFailed', { message: problems[0]!.message });
    root.dataset.state = 'error';
    return;
  }
  const { options: resolved, warnings } = resolveOptions(options, data);
  for (const message of warnings) warn(message);

  const choices: Choices = {
    hubs: data.hubs.map((f) => ({ id: f.properties.id, name: f.properties.name })),
    routes: data.routes.map((f) => ({ id: f.properties.id, name: f.properties.name })),
    years: yearRange(data, new Date().getUTCFullYear()),
    snapshot,
  };

  const outputs = createOutputs(lang);
  const downloads = createDownloads(data, lang);
  const previews = [createPreview(PHONE, base, lang), createPreview(640, base, lang)];
  const widthSelect = h(
    'select',
    { id: 'pub-width', name: 'width' },
    WIDTHS.map((w) => h('option', { value: w }, `${w} px`)),
  );
  widthSelect.value = '640';
  const widthLabel = h('label', { for: widthSelect.id });
  const previewHeading = h('h2', { id: 'pub-preview-title' });
  const reservedNote = h('p', { class: 'pub-note' });
  const previewSection = h(
    'section',
    { class: 'pub-previews', 'aria-labelledby': previewHeading.id },
    previewHeading,
    h('div', { class: 'pub-width' }, widthLabel, widthSelect),
    reservedNote,
    h(
      'div',
      { class: 'pub-preview-row' },
      previews.map((p) => p.el),
    ),
  );

  let timer = 0;
  const update = (values: OptionValues) => {
    const controls = givenOptions(values).find(([key]) => key === 'controls')?.[1];
    const width = Number(widthSelect.value);
    outputs.update({
      snippet: snippetHtml(values, base),
      iframe: iframeHtml(values, base, estimateHeight(width, controls)),
      shareLink: shareLink(values, base),
      oembed: oembedUrl(values.lang === 'en' ? 'en' : 'zh', base),
    });
    downloads.update(values);
    root.dataset.query = embedQuery(values);
    // The previews reload the whole embed: wait until the desk pauses.
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      const snippet = snippetHtml(values, base);
      previews[1]!.setWidth(width);
      for (const p of previews) p.show(snippet, controls);
    }, 300);
  };
  const form = createPublishForm(choices, lang, update);
  form.setValues(initialValues(resolved, new Set(Object.keys(options))));
  widthSelect.addEventListener('change', () => update(form.values()));

  const main = h(
    'div',
    { class: 'pub-layout' },
    form.el,
    h('div', { class: 'pub-results' }, previewSection, outputs.el, downloads.el),
  );
  root.append(main);

  const setLang = (l: Lang) => {
    lang = l;
    document.documentElement.lang = HTML_LANG[l];
    document.title = `${pt(l, 'pageTitle')} · ${frameTitle({ lang: l })}`;
    heading.textContent = pt(l, 'pageTitle');
    intro.textContent = pt(l, 'intro');
    langGroup.setAttribute('aria-label', pt(l, 'pageLanguage'));
    for (const b of langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === l));
    previewHeading.textContent = pt(l, 'preview');
    widthLabel.textContent = pt(l, 'deskWidth');
    reservedNote.textContent = pt(l, 'reservedNote');
    form.setLang(l);
    outputs.setLang(l);
    downloads.setLang(l);
    for (const p of previews) p.setLang(l);
    if (messages.length) {
      notice.hidden = false;
      notice.replaceChildren(
        h('p', {}, pt(l, 'warnings')),
        h(
          'ul',
          {},
          messages.map((m) => h('li', {}, m)),
        ),
      );
    }
  };
  for (const b of langButtons) b.addEventListener('click', () => setLang(b.dataset.lang as Lang));
  setLang(lang);
  update(form.values());
  root.dataset.state = 'ready';
}

start().catch((error: unknown) => console.error('corridor-map: publish page failed', error));
