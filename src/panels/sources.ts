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
  const { data } = store.getState();
  const { sources } = data.metrics;
  // A news graphic's "last updated": the newest date a value stands at, from the data itself.
  const asOf = dataAsOf(data);
  // Built once: a new language changes the dates' words and the summary, not the titles (issue
  // 20: rebuilding every entry was a good part of the language switch's 100 ms on a phone).
  const dates = sources.map((source) => h('time', { datetime: source.date }));
  const items = sources.map((source, i) => {
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
      dates[i],
    );
  });
  const asOfTime = asOf ? h('time', { datetime: asOf }) : null;
  const summary = h('summary');
  replace(
    el,
    asOfTime ? h('p', { class: 'cm-data-as-of' }, asOfTime) : null,
    h('details', {}, summary, h('ol', {}, items)),
  );
  const unsubscribe = watch(
    store,
    (s) => s.lang,
    (lang) => {
      if (asOfTime && asOf)
        asOfTime.textContent = t(lang, 'dataAsOf', { date: formatDate(asOf, lang) });
      summary.textContent = `${t(lang, 'sources')} (${items.length})`;
      sources.forEach((source, i) => {
        dates[i]!.textContent = formatDate(source.date, lang);
      });
    },
  );
  return () => {
    unsubscribe();
    replace(el);
    el.classList.remove('cm-sources');
  };
}
