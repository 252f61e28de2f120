import type { Lang } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
import type { CorridorStore } from '../state/store.ts';
import { afterPaint, h } from '../shared/dom.ts';
import { watch } from '../state/watch.ts';

/** Each language named in itself, so a reader finds theirs whatever is shown now. */
const LANGS: readonly { lang: Lang; name: string }[] = [
  { lang: 'zh', name: '中文' },
  { lang: 'en', name: 'English' },
];

/**
 * The visible language switch: one toggle button per language (`aria-pressed` on the current
 * one) in a labelled group, appended to `parent`. Returns the teardown.
 *
 * A press answers in its own frame (the button pressed, the group busy) and the map takes the
 * language in the next one: every text of the map laid out again in another script — its fonts
 * found and its words shaped — is 90–190 ms of layout at 4× CPU, which held the press's paint
 * back past 100 ms on a phone (issue 20). The text follows one frame later.
 */
export function createLangSwitch(parent: HTMLElement, store: CorridorStore): () => void {
  let chosen: Lang | undefined;
  const apply = afterPaint(() => {
    if (chosen !== undefined) store.getState().setLang(chosen);
    chosen = undefined;
    group.removeAttribute('aria-busy');
  });
  const buttons = LANGS.map(({ lang, name }) => {
    const button = h('button', { type: 'button', lang, 'data-lang': lang }, name);
    button.addEventListener('click', () => {
      chosen = lang;
      press(lang);
      group.setAttribute('aria-busy', 'true');
      apply.request();
    });
    return button;
  });
  const press = (lang: Lang) => {
    for (const button of buttons) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    }
  };
  const group = h('div', { class: 'cm-lang', role: 'group' }, ...buttons);
  parent.append(group);
  const unbind = watch(
    store,
    (s) => s.lang,
    (lang) => {
      group.setAttribute('aria-label', t(lang, 'language'));
      press(chosen ?? lang);
    },
  );
  return () => {
    apply.cancel();
    unbind();
    group.remove();
  };
}
