/**
 * The one rule for URLs the map builds from input it does not control (a `data=` link, a
 * snippet attribute, an option from code). Every check goes through the WHATWG URL parser, the
 * one the browser itself will use to fetch, so that what is checked is what is loaded: a regex
 * on the raw string misses `//host`, `/\host` and `/<tab>/host`, which the parser reads as
 * another host.
 */

/** The folder of a page URL: everything up to and including the last `/` of its path. */
export function folderOf(pageHref: string): URL {
  const url = new URL('./', pageHref);
  url.search = '';
  url.hash = '';
  return url;
}

/**
 * The absolute URL of the data folder `value` names, relative to the page at `pageHref`, or null
 * when it is not on the page's own origin and inside the page's folder. A crafted link must
 * never make the map show another site's figures under the newsroom's name.
 */
export function sameOriginFolder(value: string, pageHref: string): string | null {
  // Control characters are stripped by the URL parser; a value holding any is crafted.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let page: URL;
  let url: URL;
  try {
    page = new URL(pageHref);
    url = new URL(value, page);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.origin !== page.origin || url.username || url.password) return null;
  const folder = folderOf(page.href);
  if (!url.pathname.startsWith(folder.pathname)) return null;
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/**
 * An http(s) URL for a frame's page, resolved against `base`, or null for anything else
 * (`javascript:`, `data:`, `blob:`, unparsable): a snippet attribute that a CMS lets writers set
 * must not become script in the article.
 */
export function httpUrl(value: string, base: string): string | null {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** At most `max` characters of a hostile value, for a warning: never echo a 100 KB string. */
export function quote(value: string, max = 200): string {
  const text = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(text);
}
