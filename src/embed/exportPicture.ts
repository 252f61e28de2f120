/**
 * The download control's work (src/panels/download.ts), loaded by a dynamic import on the first
 * click so that a reader who never downloads pays nothing for it: the picture of the view as
 * shown (src/static/picture.ts) as SVG, or as PNG drawn from that SVG into a canvas.
 *
 * The PNG path: SVG → Blob → `blob:` URL → Image → canvas → PNG blob. No `data:` HTML, no inline
 * style on the page, no eval: it runs under the strict CSP (`img-src 'self' data: blob:`). An SVG
 * drawn as an image uses no font of the page, so the shipped font subset (the label font,
 * holding every character of the data and the interface) goes into that SVG as a `data:` URL,
 * and Chinese renders even on a system without a CJK font.
 */
import { FONT_FAMILY_NAME, FONT_URL } from 'virtual:corridor-font';
import land from 'virtual:corridor-land';
import { deriveData, type Derived } from '../data/derive.ts';
import type { CorridorData } from '../data/types.ts';
import type { PictureRequest } from '../panels/download.ts';
import type { Theme } from '../shared/colors.ts';
import { selectYear } from '../state/selectors.ts';
import type { CorridorStore } from '../state/store.ts';
import { renderPicture, type Picture } from '../static/picture.ts';
import { fontFacesOf, housePictureStyle } from './houseValues.ts';

const derivedOf = new WeakMap<CorridorData, Derived>();
const fontUrls = new Map<string, Promise<string | undefined>>();

/**
 * The picture of what `store` shows now, as a file: its bytes and a name. Its colours, font and
 * credit line are the computed house values of `root` (src/embed/houseValues.ts), the same the
 * page shows.
 */
export async function makePicture(
  store: CorridorStore,
  theme: Theme,
  request: PictureRequest,
  root: HTMLElement,
): Promise<{ blob: Blob; fileName: string }> {
  const doc = root.ownerDocument;
  const state = store.getState();
  const { data, lang, selection } = state;
  const year = selectYear(state);
  let derived = derivedOf.get(data);
  if (!derived) {
    derived = deriveData(data);
    derivedOf.set(data, derived);
  }
  const width = request.format === 'png' ? request.width : 1200;
  const style = housePictureStyle(root, theme);
  const options = { lang, year, selection, theme, width, style };
  const name = ['corridor-map', year, lang, selection?.id, theme === 'dark' ? 'dark' : undefined]
    .filter((part) => part !== undefined)
    .join('-');
  if (request.format === 'svg') {
    const { svg } = renderPicture({ data, derived, land }, options);
    return { blob: new Blob([svg], { type: 'image/svg+xml' }), fileName: `${name}.svg` };
  }
  // The label subset (Chinese on any system) and the house's own font files, as data: URLs.
  const faces = [
    { family: FONT_FAMILY_NAME, url: new URL(FONT_URL, import.meta.url).href },
    ...fontFacesOf(doc, style.font),
  ];
  const fonts = (
    await Promise.all(
      faces.map(async ({ family, url }) => ({ family, url: await embeddedFont(url) })),
    )
  ).filter((f): f is { family: string; url: string } => f.url !== undefined);
  const picture = renderPicture({ data, derived, land }, { ...options, fonts });
  const blob = await rasterize(picture, doc);
  return { blob, fileName: `${name}-${request.width}.png` };
}

/** Makes the picture and hands it to the browser as a download. */
export async function downloadPicture(
  root: HTMLElement,
  store: CorridorStore,
  request: PictureRequest,
): Promise<void> {
  const theme: Theme = root.classList.contains('cm-dark') ? 'dark' : 'light';
  const { blob, fileName } = await makePicture(store, theme, request, root);
  saveFile(root, blob, fileName);
}

/** Hands `blob` to the browser as a download named `fileName` (a hidden link in `parent`). */
export function saveFile(parent: HTMLElement, blob: Blob, fileName: string): void {
  const doc = parent.ownerDocument;
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  parent.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after the click returns.
  (doc.defaultView ?? window).setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A font file as a `data:` URL, fetched once per URL; undefined if it cannot be read. */
function embeddedFont(url: string): Promise<string | undefined> {
  let pending = fontUrls.get(url);
  pending ??= (async () => {
    try {
      const response = await fetch(url);
      if (!response.ok) return undefined;
      const bytes = new Uint8Array(await response.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      const ext = /\.(woff2?|ttf|otf)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? 'woff2';
      const type = `font/${ext}`;
      return `data:${type};base64,${btoa(binary)}`;
    } catch {
      return undefined; // the picture then uses the system's fonts
    }
  })();
  fontUrls.set(url, pending);
  return pending;
}

/**
 * The SVG drawn into a canvas of the picture's size, as a PNG blob. Drawn until two draws two
 * frames apart agree: a decoded SVG image with two embedded fonts (the label subset and a house
 * font) first drew without its 16 px lines in Chromium 156 (every line of the legend notes and
 * sources missing from the first draw of a fresh page, all there two frames later); the image's
 * own fonts have no event to wait on.
 */
async function rasterize(picture: Picture, doc: Document): Promise<Blob> {
  const win = doc.defaultView ?? window;
  const frames = (n: number): Promise<void> =>
    new Promise((done) => {
      const tick = (left: number) =>
        left <= 0 ? done() : win.requestAnimationFrame(() => tick(left - 1));
      tick(n);
    });
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(picture.width, picture.height);
    image.src = url;
    await image.decode();
    const canvas = doc.createElement('canvas');
    canvas.width = picture.width;
    canvas.height = picture.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    const draw = () => {
      context.clearRect(0, 0, picture.width, picture.height);
      context.drawImage(image, 0, 0, picture.width, picture.height);
      return new Uint32Array(context.getImageData(0, 0, picture.width, picture.height).data.buffer);
    };
    let previous = draw();
    for (let tries = 0; tries < 10; tries++) {
      await frames(2);
      const current = draw();
      if (sameArray(previous, current)) break;
      previous = current;
    }
    return await new Promise<Blob>((done, fail) =>
      canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function sameArray(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
