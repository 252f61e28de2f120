/**
 * What the desk copies: the snippet, a plain iframe, the share link and the oEmbed URL, each in a
 * read-only text box with a Copy button. One live region says what was copied ("Copied: the
 * snippet"), so a screen reader hears it and a sighted desk sees it.
 */
import type { Lang } from '../data/types.ts';
import { pt, type PublishKey } from '../i18n/publishStrings.ts';
import { h } from '../shared/dom.ts';

export type OutputKey = 'snippet' | 'iframe' | 'shareLink' | 'oembed';
const KEYS: readonly OutputKey[] = ['snippet', 'iframe', 'shareLink', 'oembed'];

export interface Outputs {
  el: HTMLElement;
  update(texts: Record<OutputKey, string>): void;
  setLang(lang: Lang): void;
}

export function createOutputs(lang0: Lang): Outputs {
  let lang = lang0;
  const status = h('p', { class: 'pub-status', role: 'status', 'aria-live': 'polite' });
  const blocks = KEYS.map((key) => {
    const id = `pub-out-${key}`;
    const multiline = key === 'snippet' || key === 'iframe';
    const box = multiline
      ? h('textarea', { id, readonly: true, rows: key === 'snippet' ? 5 : 3, spellcheck: 'false' })
      : h('input', { id, type: 'text', readonly: true, spellcheck: 'false' });
    const label = h('label', { for: id });
    const help = key === 'snippet' ? h('p', { class: 'pub-note', id: `${id}-help` }) : null;
    if (help) box.setAttribute('aria-describedby', help.id);
    const button = h('button', { type: 'button', class: 'pub-copy', 'data-copy': key });
    button.addEventListener('click', () => {
      const what = pt(lang, key as PublishKey);
      navigator.clipboard.writeText(box.value).then(
        () => {
          // Emptied first: the same message twice in a row is announced again.
          status.textContent = '';
          status.dataset.copied = key;
          requestAnimationFrame(() => (status.textContent = pt(lang, 'copied', { what })));
        },
        () => {
          box.select();
          delete status.dataset.copied;
          status.textContent = pt(lang, 'copyFailed');
        },
      );
    });
    const el = h('div', { class: 'pub-output', 'data-output': key }, label, help, box, button);
    return { key, box, label, help, button, el };
  });
  const el = h(
    'div',
    { class: 'pub-outputs' },
    blocks.map((b) => b.el),
    status,
  );
  const setLang = (l: Lang) => {
    lang = l;
    for (const { key, label, help, button } of blocks) {
      const what = pt(lang, key as PublishKey);
      label.textContent = what;
      if (help) help.textContent = pt(lang, 'snippetHelp');
      button.textContent = pt(lang, 'copy');
      button.setAttribute('aria-label', pt(lang, 'copyWhat', { what }));
    }
  };
  setLang(lang0);
  return {
    el,
    update(texts) {
      for (const { key, box } of blocks) box.value = texts[key];
    },
    setLang,
  };
}
