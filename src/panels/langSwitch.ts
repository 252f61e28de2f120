import type { Lang } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
import type { CorridorStore } from '../state/store.ts';
import { h } from '../shared/dom.ts';
import { watch } from '../state/watch.ts';

/** Each language named in itself, so a reader finds theirs whatever is shown now. */
const LANGS: readonly { lang: Lang; name: string }[] = [
  { lang: 'zh', name: '中文' },
  { lang: 'en', name: 'English' },
];

/**
 * The visible language switch: one toggle button per language (`aria-pressed` on the current
 * one) in a labelled group, appended to `parent`. Returns the teardown.
 */
export function createLangSwitch(parent: HTMLElement, store: CorridorStore): () => void {
  const buttons = LANGS.map(({ lang, name }) => {
    const button = h('button', { type: 'button', lang, 'data-lang': lang }, name);
    button.addEventListener('click', () => store.getState().setLang(lang));
    return button;
  });
  const group = h('div', { class: 'cm-lang', role: 'group' }, ...buttons);
  parent.append(group);
  const unbind = watch(
    store,
    (s) => s.lang,
    (lang) => {
      group.setAttribute('aria-label', t(lang, 'language'));
      for (const button of buttons) {
        button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
      }
    },
  );
  return () => {
    unbind();
    group.remove();
  };
}
