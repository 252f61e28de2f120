import type { Lang } from '../data/types.ts';
import { t } from '../i18n/strings.ts';
import { h } from '../shared/dom.ts';

/** The weights the page's text uses (corridor-map.css: body, labels, headings and table heads). */
const WEIGHTS = [400, 500, 600, 700] as const;

/**
 * Steps for idle time that make the browser load the fonts a switch to each of `langs` will use,
 * one weight per step: a few words of the language laid out out of sight in `root` and removed.
 * The first Chinese text on a page makes the browser find and open the system's CJK font (about
 * 19 MB for Noto Sans CJK), a file per weight: in the language switch's own frame that was
 * 300–480 ms of text shaping at 4× CPU, against about 100 ms once the fonts were open (issue 20).
 */
export function fontWarmups(root: HTMLElement, langs: readonly Lang[]): (() => void)[] {
  return WEIGHTS.map((weight) => () => {
    const probe = h(
      'span',
      { class: `cm-font-warm cm-font-warm-${weight}`, 'aria-hidden': 'true' },
      ...langs.map((lang) => h('span', { lang }, t(lang, 'title'))),
    );
    root.append(probe);
    // Laid out now, in this idle task: only the probe is new, so only it is laid out (and its
    // fonts loaded); removed at once, the fonts stay in the browser's cache.
    void probe.offsetWidth;
    probe.remove();
  });
}
