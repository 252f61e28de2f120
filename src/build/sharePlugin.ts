/**
 * What other sites read about the map (issue 12): a social card per language
 * (`static/card-{zh,en}.png`, 1200 × 630, drawn by the same picture builder as the download
 * control, src/static/picture.ts), named in `index.html` and `embed.html` as `og:image` and
 * `twitter:image`; and `oembed.json` (oEmbed 1.0, type `rich`: the snippet as `html`), linked
 * from both pages, so that a CMS that reads oEmbed embeds the map from its URL.
 *
 * oEmbed consumers and social sites need absolute URLs. The build cannot know where the folder
 * will be served, so `baseUrl` (vite.config.ts passes `CORRIDOR_MAP_BASE_URL`) makes every URL
 * in these tags and in oembed.json absolute; without it they stay relative to the page, which
 * works for the page itself and for tests but not for a consumer fetching oembed.json alone.
 */
import { resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { formatProblem } from '../data/problems.ts';
import { LANGS, type Lang } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
import { yearRange } from '../state/selectors.ts';
import { CARD_SIZE, renderPicture } from '../static/picture.ts';
import { pictureStyle, resolveHouse, type HouseStyle } from '../shared/houseStyle.ts';
import { loadPictureInput, svgToPng } from './pictureNode.ts';

export interface SharePluginOptions {
  /** Folder with the data files, relative to the vite root. Default `geo`. */
  geoDir?: string;
  /** Absolute URL of the deployed folder (ends with `/`); undefined: relative URLs. */
  baseUrl?: string | undefined;
  /** The deployment's house style: the cards take its colours and credit line. */
  house?: HouseStyle | undefined;
}

export const CARD_FILES: Record<Lang, string> = {
  zh: 'static/card-zh.png',
  en: 'static/card-en.png',
};
/** The language of the pages' own cards and of oembed.json: the pages' default. */
const PAGE_LANG: Lang = 'zh';
/**
 * The oEmbed response per language: `oembed.json` in the pages' default language, and
 * `oembed-<lang>.json` for each other one (`oembed-en.json`).
 */
export const OEMBED_FILES = Object.fromEntries(
  LANGS.map((lang) => [lang, lang === PAGE_LANG ? 'oembed.json' : `oembed-${lang}.json`]),
) as Record<Lang, string>;
export const OEMBED_FILE = OEMBED_FILES[PAGE_LANG];
/** The frame's size at a common article width (the loader then sizes it to its content). */
export const OEMBED_SIZE = { width: 960, height: 820 };

/** `path` under the deployed folder: absolute when `baseUrl` is known. */
export function shareUrl(path: string, baseUrl: string | undefined): string {
  return baseUrl ? new URL(path, baseUrl).href : path;
}

/** Checks `CORRIDOR_MAP_BASE_URL`: an http(s) URL, made to end with `/`. */
export function parseBaseUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`invalid CORRIDOR_MAP_BASE_URL: ${JSON.stringify(value)} (not a URL)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`invalid CORRIDOR_MAP_BASE_URL: ${JSON.stringify(value)} (not http or https)`);
  }
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : url.href + '/';
}

/** The oEmbed 1.0 response for the map in `lang` (https://oembed.com, §2.3.4 "rich"). */
export function oembedResponse(lang: Lang, baseUrl: string | undefined) {
  const page = shareUrl(`index.html?lang=${lang}`, baseUrl);
  const loader = shareUrl('embed.js', baseUrl);
  const title = t(lang, 'title');
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  // The snippet of the README: the link is what readers see if the script never runs.
  const html =
    `<div data-corridor-map data-lang="${lang}"><a href="${escape(page)}">${escape(title)}</a></div>` +
    `<script src="${escape(loader)}" async></script>`;
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: 'corridor-map',
    ...(baseUrl && { provider_url: baseUrl }),
    html,
    width: OEMBED_SIZE.width,
    height: OEMBED_SIZE.height,
    thumbnail_url: shareUrl(CARD_FILES[lang], baseUrl),
    thumbnail_width: CARD_SIZE.width,
    thumbnail_height: CARD_SIZE.height,
  };
}

/** The `<head>` tags of a page: cards, Twitter card, oEmbed discovery. */
export function shareTags(baseUrl: string | undefined): HtmlTagDescriptor[] {
  const meta = (attrs: Record<string, string>): HtmlTagDescriptor => ({
    tag: 'meta',
    attrs,
    injectTo: 'head',
  });
  const langs = [PAGE_LANG, ...LANGS.filter((l) => l !== PAGE_LANG)];
  return [
    meta({ property: 'og:type', content: 'website' }),
    meta({ property: 'og:title', content: `${t('zh', 'title')} · ${t('en', 'title')}` }),
    ...langs.flatMap((lang) => [
      meta({ property: 'og:image', content: shareUrl(CARD_FILES[lang], baseUrl) }),
      meta({ property: 'og:image:type', content: 'image/png' }),
      meta({ property: 'og:image:width', content: String(CARD_SIZE.width) }),
      meta({ property: 'og:image:height', content: String(CARD_SIZE.height) }),
      meta({ property: 'og:image:alt', content: t(lang, 'mapLabel') }),
    ]),
    meta({ name: 'twitter:card', content: 'summary_large_image' }),
    meta({ name: 'twitter:image', content: shareUrl(CARD_FILES[PAGE_LANG], baseUrl) }),
    // One oEmbed link per language, the pages' default first (consumers take the first); the
    // page moves the link of the language it shows first (src/embed/oembedLinks.ts), so an
    // English page (`?lang=en`) names oembed-en.json first to a consumer that runs scripts.
    ...langs.map((lang): HtmlTagDescriptor => ({
      tag: 'link',
      attrs: {
        rel: 'alternate',
        type: 'application/json+oembed',
        href: shareUrl(OEMBED_FILES[lang], baseUrl),
        hreflang: lang,
        title: t(lang, 'title'),
      },
      injectTo: 'head',
    })),
  ];
}

/** The files this plugin writes, by output path, made on demand (the build and the dev server). */
export function shareFiles(
  geoDir: string,
  baseUrl: string | undefined,
  loaded?: Awaited<ReturnType<typeof loadPictureInput>>,
  house?: HouseStyle,
): Map<string, { type: string; make: () => Promise<Buffer | string> }> {
  // One load and render per call of shareFiles: the build asks for every file at once.
  let cards: Promise<Record<Lang, Buffer>> | undefined;
  const renderCards = async (): Promise<Record<Lang, Buffer>> => {
    const input = loaded ?? (await loadPictureInput(geoDir));
    const [, last] = yearRange(input.data, new Date().getUTCFullYear());
    const out = {} as Record<Lang, Buffer>;
    for (const lang of LANGS) {
      // The house's colours and credit; its font only where resvg has it (svgToPng loads the
      // Noto Sans SC faces alone), so the cards keep that face.
      const style = house && { ...pictureStyle(resolveHouse(house, 'light'), 'light'), font: '' };
      const card = renderPicture(input, {
        lang,
        year: last,
        format: 'card',
        ...(style && { style }),
      });
      out[lang] = svgToPng(card.svg, CARD_SIZE.width);
    }
    return out;
  };
  const files = new Map<string, { type: string; make: () => Promise<Buffer | string> }>();
  for (const lang of LANGS) {
    files.set(CARD_FILES[lang], {
      type: 'image/png',
      make: async () => (await (cards ??= renderCards()))[lang],
    });
    files.set(OEMBED_FILES[lang], {
      type: 'application/json+oembed; charset=utf-8',
      make: () => Promise.resolve(JSON.stringify(oembedResponse(lang, baseUrl), null, 2) + '\n'),
    });
  }
  return files;
}

export function sharePlugin(options: SharePluginOptions = {}): Plugin {
  let geoDir = resolve(options.geoDir ?? 'geo');
  const { baseUrl, house } = options;
  return {
    name: 'corridor-share',
    configResolved(config) {
      geoDir = resolve(config.root, options.geoDir ?? 'geo');
    },
    transformIndexHtml: {
      order: 'post',
      // The map's pages only: the publishing desk is a tool, not a view to share or embed.
      handler: (_html, ctx) => (ctx.path.endsWith('/publish.html') ? [] : shareTags(baseUrl)),
    },
    configureServer(server) {
      // `npm run dev` serves the cards and oEmbed files too, made fresh from the data on each
      // request (edit, reload, see), like the data files.
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0]?.replace(/^\//, '') ?? '';
        const file = shareFiles(geoDir, baseUrl, undefined, house).get(path);
        if (!file) return next();
        file.make().then(
          (body) => {
            res.setHeader('Content-Type', file.type);
            res.end(body);
          },
          (error: unknown) => next(error),
        );
      });
    },
    async generateBundle() {
      const input = await loadPictureInput(geoDir);
      for (const problem of input.problems) this.warn(`social card: ${formatProblem(problem)}`);
      for (const [fileName, file] of shareFiles(geoDir, baseUrl, input, house)) {
        this.emitFile({ type: 'asset', fileName, source: await file.make() });
      }
    },
  };
}
