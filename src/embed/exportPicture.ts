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

const derivedOf = new WeakMap<CorridorData, Derived>();
let fontUrl: Promise<string | undefined> | undefined;

/** The picture of what `store` shows now, as a file: its bytes and a name. */
export async function makePicture(
  store: CorridorStore,
  theme: Theme,
  request: PictureRequest,
  doc: Document = document,
): Promise<{ blob: Blob; fileName: string }> {
  const state = store.getState();
  const { data, lang, selection } = state;
  const year = selectYear(state);
  let derived = derivedOf.get(data);
  if (!derived) {
    derived = deriveData(data);
    derivedOf.set(data, derived);
  }
  const width = request.format === 'png' ? request.width : 1200;
  const options = { lang, year, selection, theme, width };
  const name = ['corridor-map', year, lang, selection?.id, theme === 'dark' ? 'dark' : undefined]
    .filter((part) => part !== undefined)
    .join('-');
  if (request.format === 'svg') {
    const { svg } = renderPicture({ data, derived, land }, options);
    return { blob: new Blob([svg], { type: 'image/svg+xml' }), fileName: `${name}.svg` };
  }
  const font = await embeddedFont();
  const picture = renderPicture(
    { data, derived, land },
    { ...options, ...(font && { font: { family: FONT_FAMILY_NAME, url: font } }) },
  );
  const blob = await rasterize(picture, doc);
  return { blob, fileName: `${name}-${request.width}.png` };
}

/** Makes the picture and hands it to the browser as a download. */
export async function downloadPicture(
  root: HTMLElement,
  store: CorridorStore,
  request: PictureRequest,
): Promise<void> {
  const doc = root.ownerDocument;
  const theme: Theme = root.classList.contains('cm-dark') ? 'dark' : 'light';
  const { blob, fileName } = await makePicture(store, theme, request, doc);
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

/** The label font subset as a `data:` URL, fetched once; undefined if it cannot be read. */
function embeddedFont(): Promise<string | undefined> {
  fontUrl ??= (async () => {
    try {
      const response = await fetch(new URL(FONT_URL, import.meta.url).href);
      if (!response.ok) return undefined;
      const bytes = new Uint8Array(await response.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return `data:font/woff2;base64,${btoa(binary)}`;
    } catch {
      return undefined; // the picture then uses the system's fonts
    }
  })();
  return fontUrl;
}

/** The SVG drawn into a canvas of the picture's size, as a PNG blob. */
async function rasterize(picture: Picture, doc: Document): Promise<Blob> {
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
    context.drawImage(image, 0, 0, picture.width, picture.height);
    return await new Promise<Blob>((done, fail) =>
      canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
