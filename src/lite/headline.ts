import type { CorridorData, HubFeature, Lang } from '../data/types.ts';
import { formatDate, formatFigure } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { h } from '../shared/dom.ts';
import { findSource } from '../state/selectors.ts';

/** A hub's headline figure in words: what the tooltip and the exported picture show. */
export interface HeadlineText {
  /** "Chang'an trains to the end of September 2023" */
  label: string;
  /** "20,045 trains" */
  value: string;
  /** "Source: … · as of …" */
  source: string;
  /** The source's id, for a picture's source line. */
  sourceId: string;
}

/**
 * A hub's first reported figure (never a derived or unverified one) as text, with the source and
 * as-of date in words; null when the hub has no reported figure. Pure: no DOM.
 */
export function headlineText(data: CorridorData, hub: HubFeature, lang: Lang): HeadlineText | null {
  const figure = hub.properties.figures.find((f) => f.status === 'reported');
  if (!figure) return null;
  const source = findSource(data, figure.source);
  return {
    label: figure.label[lang],
    value: formatFigure(figure.value, figure.unit, figure.qualifier, lang),
    source: `${t(lang, 'source')}: ${source?.title ?? figure.source} · ${t(lang, 'asOf', { date: formatDate(figure.asOf, lang) })}`,
    sourceId: figure.source,
  };
}

/** A hub's headline for the tooltip (see {@link headlineText}). Null without a reported figure. */
export function headlineFigure(
  data: CorridorData,
  hub: HubFeature,
  lang: Lang,
): HTMLElement | null {
  const text = headlineText(data, hub, lang);
  if (!text) return null;
  return h(
    'span',
    { class: 'cm-headline' },
    `${text.label}: `,
    h('strong', {}, text.value),
    h('small', {}, ` · ${text.source}`),
  );
}
