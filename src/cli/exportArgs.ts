/** The arguments of `npm run export` (src/cli/export.ts), checked at the boundary. */
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../data/types.ts';
import { PICTURE_WIDTHS } from '../static/picture.ts';

export const USAGE = `usage: npm run export -- --out FILE.svg|FILE.png [--year YYYY] [--lang ${LANGS.join('|')}]
       [--hub ID | --route ID] [--theme light|dark] [--width ${PICTURE_WIDTHS.join('|')}] [--data DIR]`;

/** A bad argument: one line for the user, exit 1. */
export class UsageError extends Error {}

export interface ExportArgs {
  out: string;
  format: 'svg' | 'png';
  year: number | undefined;
  lang: Lang;
  hub: string | undefined;
  route: string | undefined;
  theme: 'light' | 'dark';
  width: number;
  data: string;
}

/** Command-line arguments, checked; throws UsageError with `invalid <name>: <value>`. */
export function parseExportArgs(argv: string[]): ExportArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: 'string' },
        year: { type: 'string' },
        lang: { type: 'string', default: 'zh' },
        hub: { type: 'string' },
        route: { type: 'string' },
        theme: { type: 'string', default: 'light' },
        width: { type: 'string', default: String(PICTURE_WIDTHS[0]) },
        data: { type: 'string', default: 'geo' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const invalid = (name: string, value: string) =>
    new UsageError(`invalid ${name}: ${JSON.stringify(value)}`);
  if (!values.out) throw new UsageError('missing --out FILE.svg or FILE.png');
  const ext = extname(values.out).toLowerCase();
  if (ext !== '.svg' && ext !== '.png') throw invalid('out (must end in .svg or .png)', values.out);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw invalid('year', values.year);
  const lang = LANGS.find((l) => l === values.lang);
  if (!lang) throw invalid('lang', values.lang);
  if (values.theme !== 'light' && values.theme !== 'dark') throw invalid('theme', values.theme);
  const width = PICTURE_WIDTHS.find((w) => String(w) === values.width);
  if (!width) throw invalid(`width (${PICTURE_WIDTHS.join(' or ')})`, values.width);
  if (values.hub !== undefined && values.route !== undefined) {
    throw new UsageError('give --hub or --route, not both');
  }
  return {
    out: values.out,
    format: ext === '.svg' ? 'svg' : 'png',
    year: values.year === undefined ? undefined : Number(values.year),
    lang,
    hub: values.hub,
    route: values.route,
    theme: values.theme,
    width,
    data: values.data,
  };
}
