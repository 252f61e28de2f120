/**
 * One preview of the real embed at one width: a same-origin iframe whose `srcdoc` is a blank page
 * holding exactly the snippet a desk would paste (its `embed.js`, its `data-*` attributes), so
 * what shows is what the article will show — the loader's frame of `embed.html`, its reserved
 * place and its height. No script of ours runs inside: the page inherits the strict CSP and only
 * the snippet's own `embed.js` runs. From outside, the preview reads the reserved height (the
 * loader's own estimate, estimateHeight) and the frame's height as the loader sets it from the
 * map's size messages, and grows to fit it.
 */
import type { Lang } from '../data/types.ts';
import { pt } from '../i18n/publishStrings.ts';
import { estimateHeight } from '../embed/loader.ts';
import { escapeHtml } from '../embed/snippet.ts';
import { h } from '../shared/dom.ts';

export interface Preview {
  el: HTMLElement;
  /** Shows `snippet` at the preview's width; `controls` as in the snippet's `data-controls`. */
  show(snippet: string, controls: string | undefined): void;
  setWidth(width: number): void;
  setLang(lang: Lang): void;
}

/** The page inside a preview: the snippet alone, with a stylesheet that only removes the margin. */
export function previewDocument(snippet: string, base: string, lang: Lang): string {
  const css = new URL('publish-frame.css', base).href;
  return [
    '<!doctype html>',
    `<html lang="${lang === 'en' ? 'en' : 'zh-Hans'}">`,
    `<head><meta charset="utf-8"><title>Preview</title><link rel="stylesheet" href="${escapeHtml(css)}"></head>`,
    `<body>${snippet}</body>`,
    '</html>',
  ].join('\n');
}

export function createPreview(initialWidth: number, base: string, lang0: Lang): Preview {
  let width = initialWidth;
  let lang = lang0;
  let reserved = 0;
  let real: number | null = null;
  const frame = h('iframe', { class: 'pub-preview-frame' });
  const caption = h('figcaption');
  const title = h('span', { class: 'pub-preview-title' });
  const reservedText = h('span', { class: 'pub-reserved' });
  const realText = h('span', { class: 'pub-real', 'aria-live': 'polite' });
  caption.append(title, reservedText, realText);
  const el = h('figure', { class: 'pub-preview' }, caption, frame);
  let detach = () => {};

  const render = () => {
    title.textContent = pt(lang, 'previewAt', { width });
    frame.title = pt(lang, 'previewAt', { width });
    reservedText.textContent = pt(lang, 'reserved', { height: reserved });
    realText.textContent =
      real === null ? pt(lang, 'realPending') : pt(lang, 'realHeight', { height: real });
    el.dataset.reserved = String(reserved);
    if (real === null) delete el.dataset.real;
    else el.dataset.real = String(real);
    // CSSOM, not a style attribute: allowed under style-src 'self'.
    frame.style.width = `${width}px`;
    frame.style.height = `${real ?? reserved}px`;
  };

  /** Follows the loader's frame inside the preview: its height once the map said it is ready. */
  const attach = () => {
    detach();
    const doc = frame.contentDocument;
    const win = doc?.defaultView as (Window & typeof globalThis) | null | undefined;
    if (!doc || !win) return;
    let ready = false;
    let inner: HTMLIFrameElement | null = null;
    const resize = new win.ResizeObserver(() => measure());
    const measure = () => {
      if (!inner) return;
      const state = inner.contentDocument
        ?.querySelector('[data-corridor-map]')
        ?.getAttribute('data-state');
      if (state === 'ready' || state === 'error') ready = true;
      if (!ready) return;
      real = Math.round(inner.getBoundingClientRect().height);
      render();
    };
    const find = () => {
      const found = doc.querySelector('iframe');
      if (found && found !== inner) {
        inner = found;
        resize.observe(found);
      }
      measure();
    };
    const onReady = () => {
      ready = true;
      measure();
    };
    const mutations = new win.MutationObserver(find);
    mutations.observe(doc.body, { childList: true, subtree: true });
    doc.addEventListener('corridor:ready', onReady);
    find();
    detach = () => {
      resize.disconnect();
      mutations.disconnect();
      doc.removeEventListener('corridor:ready', onReady);
    };
  };
  frame.addEventListener('load', attach);

  return {
    el,
    show(snippet, controls) {
      detach();
      reserved = estimateHeight(width, controls);
      real = null;
      render();
      el.dataset.snippet = snippet;
      frame.srcdoc = previewDocument(snippet, base, lang);
    },
    setWidth(w) {
      width = w;
    },
    setLang(l) {
      lang = l;
      render();
    },
  };
}
