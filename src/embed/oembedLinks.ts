import type { Lang } from '../data/types.ts';

/**
 * Puts the page's oEmbed link for `lang` first among its oEmbed links (the build writes one per
 * language, `hreflang` on each, the default language first; src/build/sharePlugin.ts): oEmbed
 * consumers take the first, so a page showing English names `oembed-en.json` to a consumer that
 * runs the page's script. Nothing happens on a page without such links.
 */
export function preferOembedLink(doc: Document, lang: Lang): void {
  const links = [
    ...doc.head.querySelectorAll<HTMLLinkElement>(
      'link[rel="alternate"][type="application/json+oembed"]',
    ),
  ];
  const first = links[0];
  const mine = links.find((link) => link.hreflang === lang);
  if (first && mine && mine !== first) first.before(mine);
}
