import { FONT_FAMILY_NAME, FONT_URL } from 'virtual:corridor-font';

/**
 * Registers the shipped font subset (`virtual:corridor-font`, built by src/build/fontPlugin.ts)
 * with `doc.fonts` as "Corridor Sans", the last resort of the page's font stack, so that map
 * labels find Chinese glyphs even where the system has no CJK font. Resolves when the font is
 * ready, or after `timeoutMs`, and never rejects. Loads once per document.
 */
const loading = new WeakMap<Document, Promise<void>>();

export function loadCorridorFont(doc: Document, timeoutMs = 3000): Promise<void> {
  let promise = loading.get(doc);
  if (!promise) {
    promise = register(doc);
    loading.set(doc, promise);
  }
  const win = doc.defaultView ?? window;
  return Promise.race([promise, new Promise<void>((done) => win.setTimeout(done, timeoutMs))]);
}

async function register(doc: Document): Promise<void> {
  const win = doc.defaultView ?? window;
  if (typeof win.FontFace !== 'function' || !doc.fonts) return;
  try {
    const url = new URL(FONT_URL, import.meta.url).href;
    const face = new win.FontFace(FONT_FAMILY_NAME, `url(${JSON.stringify(url)})`, {
      display: 'swap',
    });
    doc.fonts.add(face);
    await face.load();
  } catch (error) {
    console.warn('corridor-map: could not load the label font; using system fonts', error);
  }
}
