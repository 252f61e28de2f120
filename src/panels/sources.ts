import { dataAsOf } from '../data/periods.ts';
import { formatDate } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import type { CorridorStore } from '../state/store.ts';
import { h, replace } from '../shared/dom.ts';
import { watch } from '../state/watch.ts';

const HAN = /[\u3400-\u9fff]/;

/**
 * "Data as of" the newest point, then every source of the data, each named once with its
 * publisher and date, in a `<details>` so that it costs one line until opened. Source titles are written in one language (mostly
 * English, the source article's in Chinese); each entry carries that language in `lang`.
 */
export function createSources(el: HTMLElement, store: CorridorStore): () => void {
  el.classList.add('cm-sources');
  let open = false;
  const { data } = store.getState();
  const { sources } = data.metrics;
  // A news graphic's "last updated": the newest date a value stands at, from the data itself.
  const asOf = dataAsOf(data);
  const unsubscribe = watch(
    store,
    (s) => s.lang,
    (lang) => {
      open = el.querySelector('details')?.open ?? open;
      const items = sources.map((source) => {
        const text = `${source.title}. ${source.publisher}`;
        const title =
          source.url && /^https?:\/\//.test(source.url)
            ? h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, text)
            : text;
        return h(
          'li',
          { 'data-source': source.id },
          h('span', { lang: HAN.test(text) ? 'zh' : 'en' }, title),
          ', ',
          h('time', { datetime: source.date }, formatDate(source.date, lang)),
        );
      });
      replace(
        el,
        asOf
          ? h(
              'p',
              { class: 'cm-data-as-of' },
              h('time', { datetime: asOf }, t(lang, 'dataAsOf', { date: formatDate(asOf, lang) })),
            )
          : null,
        h(
          'details',
          { open },
          h('summary', {}, t(lang, 'sources'), ` (${items.length})`),
          h('ol', {}, ...items),
        ),
      );
    },
  );
  return () => {
    unsubscribe();
    replace(el);
    el.classList.remove('cm-sources');
  };
}
