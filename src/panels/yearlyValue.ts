import type { CorridorData, Lang, Series } from '../data/types.ts';
import { formatDate, formatFigure } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { h } from '../shared/dom.ts';
import { figureAt, pointYear } from '../state/selectors.ts';
import { statedValue } from './sourceRef.ts';

/**
 * A series' figure for a year, as panels and the table show it: the value with its source, date
 * and status (sourceRef.ts); "2023: … — latest reported" when the year has none of its own; a
 * partial period said in words ("to 31 March 2024 only"); the year's unverified value, if any,
 * named as unverified beside it. "No figure for YYYY" only when nothing earlier exists either.
 */
export function yearlyValue(
  data: CorridorData,
  lang: Lang,
  series: Series,
  year: number,
): HTMLElement {
  const { point, latest, unverified } = figureAt(series, year);
  const parts: (Node | string)[] = [];
  if (point) {
    if (latest) parts.push(h('span', { class: 'cm-latest-year' }, `${pointYear(point)}: `));
    parts.push(
      statedValue(data, lang, {
        ...point,
        unit: series.unit,
        asOf: point.through ?? (series.kind === 'annual' ? `${point.t}-12-31` : point.t),
      }),
    );
    if (latest) parts.push(h('span', { class: 'cm-latest' }, ` — ${t(lang, 'latestReported')}`));
    if (point.through) {
      parts.push(
        h(
          'small',
          { class: 'cm-partial' },
          t(lang, 'partialPeriod', { date: formatDate(point.through, lang) }),
        ),
      );
    }
  } else {
    parts.push(h('span', { class: 'cm-nodata' }, t(lang, 'noData', { year })));
  }
  if (unverified) {
    parts.push(
      h(
        'small',
        { class: 'cm-unverified' },
        t(lang, 'unverifiedPoint', {
          year,
          value: formatFigure(unverified.value, series.unit, unverified.qualifier, lang),
        }),
      ),
    );
    // Why it is unverified (e.g. "no outlet found that states this figure").
    if (unverified.note) parts.push(h('small', { class: 'cm-note' }, unverified.note[lang]));
  }
  return h('span', { class: 'cm-yearly-value' }, ...parts);
}
