/**
 * The one way every view names the period a value covers (panels, table, tooltips, the exported
 * picture, both languages): a whole year is its year; part of a year says which part, in the
 * cell's own words — "Jan–Mar 2024: 1.38 million tonnes (first quarter only)",
 * "2024年1—3月：138万吨（仅一季度）" — so that a quarter is never read as the year.
 */
import { partialPeriod } from '../data/periods.ts';
import type { Lang } from '../data/types.ts';

// Fixed names rather than Intl: ICU versions disagree ("Sep" or "Sept"), and these never change.
const MONTHS_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const month = (m: number, names: readonly string[]) => names[m - 1] ?? String(m);
const dayMonth = (iso: string) => iso.split('-').slice(1).map(Number) as [number, number];

/** The period of a value for `year`, running to `through` when it covers part of the year only. */
export function formatPeriod(year: number, through: string | undefined, lang: Lang): string {
  if (!through) return lang === 'zh' ? `${year}年` : String(year);
  const period = partialPeriod(through);
  if ('months' in period) {
    const [first, last] = period.months;
    if (lang === 'zh') return `${period.year}年${first === last ? last : `${first}—${last}`}月`;
    const names =
      first === last
        ? month(last, MONTHS_SHORT)
        : `${month(first, MONTHS_SHORT)}–${month(last, MONTHS_SHORT)}`;
    return `${names} ${period.year}`;
  }
  const [m, d] = dayMonth(period.day);
  return lang === 'zh'
    ? `${period.year}年1月1日—${m}月${d}日`
    : `1 Jan – ${d} ${month(m, MONTHS_SHORT)} ${period.year}`;
}

/** What part of its year a partial value covers, in words: "first quarter only", "仅一季度". */
export function partialNote(through: string, lang: Lang): string {
  const period = partialPeriod(through);
  if ('day' in period) {
    const [m, d] = dayMonth(period.day);
    return lang === 'zh' ? `仅截至${m}月${d}日` : `to ${d} ${month(m, MONTHS_LONG)} only`;
  }
  const last = period.months[1];
  const named: Record<number, [zh: string, en: string]> = {
    3: ['仅一季度', 'first quarter only'],
    6: ['仅上半年', 'first half only'],
    9: ['仅前三季度', 'first three quarters only'],
  };
  const words = named[last];
  if (words) return lang === 'zh' ? words[0] : words[1];
  return lang === 'zh' ? `仅1—${last}月` : `January–${month(last, MONTHS_LONG)} only`;
}

/**
 * A value with its period as one line of plain text: "2024: 1,804 trains" for a whole year,
 * "Jan–Mar 2024: 1.38 million tonnes (first quarter only)" for part of one.
 */
export function formatPeriodValue(
  value: string,
  year: number,
  through: string | undefined,
  lang: Lang,
): string {
  const period = formatPeriod(year, through, lang);
  const line = lang === 'zh' ? `${period}：${value}` : `${period}: ${value}`;
  if (!through) return line;
  const note = partialNote(through, lang);
  return lang === 'zh' ? `${line}（${note}）` : `${line} (${note})`;
}
