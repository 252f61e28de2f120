import type { CorridorData, Lang, Qualifier, Status, Unit } from '../data/types.ts';
import { formatDate, formatFigure } from '../i18n/format.ts';
import { STATUS_NAMES, t } from '../i18n/strings.ts';
import { findSource } from '../state/selectors.ts';
import { h } from '../shared/dom.ts';

export interface Stated {
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  status: Status;
  source: string;
  /** Date the value stands at. */
  asOf: string;
}

/**
 * A number with its source, date and status, as one readable unit: the number itself, then
 * "source, as of date" in words, and the status in words when it is not plainly reported
 * (DESIGN: every figure names its source; a derived or unverified one says so).
 * The full source title is also on the number's `title`, for hover and focus.
 */
export function statedValue(data: CorridorData, lang: Lang, stated: Stated): HTMLElement {
  const source = findSource(data, stated.source);
  // The title names the piece; the publisher goes in the hover text and the sources list.
  const sourceText = source?.title ?? stated.source;
  const full = source ? `${source.publisher}: ${source.title}` : stated.source;
  const text = formatFigure(stated.value, stated.unit, stated.qualifier, lang);
  const asOf = t(lang, 'asOf', { date: formatDate(stated.asOf, lang) });
  const meta = `${t(lang, 'source')}: ${sourceText} · ${asOf}`;
  return h(
    'span',
    { class: 'cm-stated' },
    h(
      'strong',
      {
        class: 'cm-value',
        tabindex: 0,
        title: `${t(lang, 'source')}: ${full} · ${asOf}`,
        'data-value': stated.value,
      },
      text,
    ),
    stated.status !== 'reported'
      ? h(
          'span',
          { class: `cm-status cm-status-${stated.status}` },
          ` (${STATUS_NAMES[stated.status][lang]})`,
        )
      : null,
    h('small', { class: 'cm-meta' }, meta),
  );
}
