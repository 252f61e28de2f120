import type { CorridorData, Lang, Series } from '../data/types.ts';
import { pointDate } from '../data/periods.ts';
import { formatFigure } from '../i18n/format.ts';
import { formatPeriod, partialNote } from '../i18n/periods.ts';
import { t } from '../i18n/strings.ts';
import { h } from '../shared/dom.ts';
import { figureAt, pointYear } from '../state/selectors.ts';
import { statedValue } from './sourceRef.ts';

/**
 * A series' figure for a year, as panels and the table show it: the value with its source, date
 * and status (sourceRef.ts); "2023: … — latest reported" when the year has none of its own; a
 * part-year value led by its period and said as part ("Jan–Mar 2024: 1.38 million tonnes (first
 * quarter only)", i18n/periods.ts); the year's unverified value, if any,
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
    const colon = lang === 'zh' ? '：' : ': ';
    // The period leads whenever it is not simply the year the reader is looking at.
    if (latest || point.through) {
      parts.push(
        h(
          'span',
          { class: point.through ? 'cm-period' : 'cm-latest-year' },
          formatPeriod(pointYear(point), point.through, lang) + colon,
        ),
      );
    }
    parts.push(
      statedValue(data, lang, { ...point, unit: series.unit, asOf: pointDate(series, point) }),
    );
    if (point.through) {
      const note = partialNote(point.through, lang);
      parts.push(h('small', { class: 'cm-partial' }, lang === 'zh' ? `（${note}）` : ` (${note})`));
    }
    if (latest) parts.push(h('span', { class: 'cm-latest' }, ` — ${t(lang, 'latestReported')}`));
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
