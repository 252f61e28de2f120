import type { CorridorData, HubFeature, Lang } from '../data/types.ts';
import { formatDate, formatFigure } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { h } from '../shared/dom.ts';
import { findSource } from '../state/selectors.ts';

/**
 * A hub's headline for the tooltip: its first reported figure (never a derived or unverified
 * one), with the source and as-of date in words. Null when the hub has no reported figure.
 */
export function headlineFigure(
  data: CorridorData,
  hub: HubFeature,
  lang: Lang,
): HTMLElement | null {
  const figure = hub.properties.figures.find((f) => f.status === 'reported');
  if (!figure) return null;
  const source = findSource(data, figure.source);
  return h(
    'span',
    { class: 'cm-headline' },
    `${figure.label[lang]}: `,
    h('strong', {}, formatFigure(figure.value, figure.unit, figure.qualifier, lang)),
    h(
      'small',
      {},
      ` · ${t(lang, 'source')}: ${source?.title ?? figure.source} · ${t(lang, 'asOf', { date: formatDate(figure.asOf, lang) })}`,
    ),
  );
}
