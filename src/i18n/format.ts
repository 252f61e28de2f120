import type { Lang, Qualifier, Unit } from '../data/types.ts';
import { UNIT_WORDS } from './units.ts';

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

// Intl formatters are costly to create and these run for every figure on every panel render.
const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALES[lang], options)));
  return f;
}

/**
 * Big amounts the way each language writes them: zh in 万/亿 (4788亿, 4136万), en in
 * million/billion (478.8 billion). Below 10,000 (zh) or a million (en) the number is written out.
 * Every digit is kept (4217700 t is "4.2177 million", not "4.22"): the figures are the
 * source's exact numbers (FIGURES.md: "1648, not about 1,600"); `about` says when they are not.
 */
function amount(value: number, lang: Lang): string {
  const compact = lang === 'zh' ? Math.abs(value) >= 1e4 : Math.abs(value) >= 1e6;
  return compact
    ? nf(lang, {
        notation: 'compact',
        compactDisplay: 'long',
        maximumSignificantDigits: 21,
      }).format(value)
    : count(value, lang);
}

/** A count: exact, grouped in en (20,045), ungrouped in zh as Chinese newsrooms write it (20045). */
function count(value: number, lang: Lang): string {
  return nf(lang, { maximumFractionDigits: 2, useGrouping: lang === 'en' }).format(value);
}

/** A count of things in the interface ("12 of 10,000 routes"), written as the figures are. */
export function formatCount(value: number, lang: Lang): string {
  return count(value, lang);
}

function duration(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  const unit = (unit: 'hour' | 'minute', v: number) =>
    nf(lang, { style: 'unit', unit, unitDisplay: lang === 'zh' ? 'long' : 'short' }).format(v);
  const parts = [h ? unit('hour', h) : '', m || !h ? unit('minute', m) : ''].filter(Boolean);
  return parts.join(lang === 'zh' ? '' : ' ');
}

let plurals: Intl.PluralRules | undefined;

/** The number and its unit, without qualifier: "20,045 trains", "4788亿元", "153.42%". */
export function formatQuantity(value: number, unit: Unit, lang: Lang): string {
  switch (unit) {
    case 'percent':
      return nf(lang, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
    case 'minutes':
      return duration(value, lang);
    case 'yuan':
      return lang === 'zh' ? `${amount(value, lang)}元` : `¥${amount(value, lang)}`;
    case 'tonnes':
    case 'teu': {
      const words = UNIT_WORDS[unit];
      return lang === 'zh'
        ? amount(value, lang) + words.zh
        : `${amount(value, lang)} ${words.en[1]}`;
    }
    default: {
      const words = UNIT_WORDS[unit];
      if (lang === 'zh') return count(value, lang) + words.zh;
      const plural = (plurals ??= new Intl.PluralRules(LOCALES.en)).select(value) === 'one' ? 0 : 1;
      return `${count(value, lang)} ${words.en[plural]}`;
    }
  }
}

const QUALIFIED: Record<Qualifier, Record<Lang, (s: string) => string>> = {
  exact: { zh: (s) => s, en: (s) => s },
  over: { zh: (s) => `超过${s}`, en: (s) => `over ${s}` },
  under: { zh: (s) => `不足${s}`, en: (s) => `under ${s}` },
  about: { zh: (s) => `约${s}`, en: (s) => `about ${s}` },
  target: { zh: (s) => `目标${s}`, en: (s) => `target ${s}` },
};

/** A figure as a reader sees it: "over 6,300 trains", "超过6300列", "about ¥2.16 million". */
export function formatFigure(value: number, unit: Unit, qualifier: Qualifier, lang: Lang): string {
  return QUALIFIED[qualifier][lang](formatQuantity(value, unit, lang));
}

/** An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) in the reader's language. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  return dateFormat(lang, m ? (d ? 'day' : 'month') : 'year').format(date);
}

// Making an Intl formatter costs far more than using one (a panel formats dozens of dates):
// one per language and precision, made on first use.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang, precision: 'year' | 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${lang}:${precision}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
    if (precision !== 'year') options.month = lang === 'zh' ? 'long' : 'short';
    if (precision === 'day') options.day = 'numeric';
    format = new Intl.DateTimeFormat(LOCALES[lang], options);
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * The formatters the first panels use, one per step: a step makes one (the first of a language
 * loads its locale data, tens of ms on a phone), so that mount() can run them in tasks of their
 * own rather than inside the task that builds the panels.
 */
export function formatterWarmups(lang: Lang): (() => void)[] {
  return [
    () => count(1, lang),
    () => amount(1e8, lang),
    () => formatQuantity(1, 'percent', lang),
    () => formatQuantity(1, 'trains', lang),
    () => formatDate('2020', lang),
    () => formatDate('2020-01', lang),
    () => formatDate('2020-01-01', lang),
  ];
}
