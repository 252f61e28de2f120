/**
 * `npm run export -- --year 2019 --lang en --hub xian --width 2400 --out map.png`: the picture
 * the download control gives (src/static/picture.ts), from a data folder, for print desks.
 * SVG or PNG by the extension of `--out`; PNG through resvg (src/build/pictureNode.ts), with
 * the bundled Noto Sans SC, never a system or downloaded font. A bad argument is one line on
 * stderr and exit 1; never a stack trace.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadHouseFile } from '../build/houseFile.ts';
import { loadPictureInput, svgToPng } from '../build/pictureNode.ts';
import { formatProblem } from '../data/problems.ts';
import { findHub, findRoute, yearRange } from '../state/selectors.ts';
import type { Selection } from '../state/store.ts';
import { pictureStyle, resolveHouse } from '../shared/houseStyle.ts';
import { renderPicture } from '../static/picture.ts';
import { parseExportArgs, USAGE, UsageError } from './exportArgs.ts';

async function main(argv: string[]): Promise<void> {
  const args = parseExportArgs(argv);
  const input = await loadPictureInput(resolve(args.data));
  const { data, problems } = input;
  if (!data.routes.length && !data.hubs.length) {
    throw new UsageError(`no data in ${args.data}: ${problems.map(formatProblem).join('; ')}`);
  }
  for (const problem of problems) console.warn(`warning: ${formatProblem(problem)}`);
  const [first, last] = yearRange(data, new Date().getUTCFullYear());
  const year = args.year ?? last;
  if (year < first || year > last) throw new UsageError(`invalid year: ${year} (${first}–${last})`);
  let selection: Selection = null;
  if (args.hub !== undefined) {
    if (!findHub(data, args.hub)) throw new UsageError(`invalid hub: ${JSON.stringify(args.hub)}`);
    selection = { kind: 'hub', id: args.hub };
  }
  if (args.route !== undefined) {
    if (!findRoute(data, args.route)) {
      throw new UsageError(`invalid route: ${JSON.stringify(args.route)}`);
    }
    selection = { kind: 'route', id: args.route };
  }
  // The deployment's house style, as the build takes it (docs/embedding.md, "House style"): its
  // colours and credit; its font in an SVG, not in a PNG (resvg has the Noto Sans SC faces only).
  const houseFile = process.env.CORRIDOR_MAP_STYLE;
  const house = houseFile ? loadHouseFile(houseFile).style : undefined;
  const style = house && pictureStyle(resolveHouse(house, args.theme), args.theme);
  const picture = renderPicture(input, {
    lang: args.lang,
    year,
    selection,
    theme: args.theme,
    width: args.width,
    ...(style && { style: args.format === 'png' ? { ...style, font: '' } : style }),
  });
  const out = resolve(args.out);
  await mkdir(dirname(out), { recursive: true });
  const body = args.format === 'svg' ? picture.svg : svgToPng(picture.svg, picture.width);
  await writeFile(out, body);
  console.log(`${args.out}: ${args.format.toUpperCase()} ${picture.width}×${picture.height}`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`export: ${error.message}\n${USAGE}`);
  } else {
    console.error(`export: failed (${error instanceof Error ? error.message : String(error)})`);
  }
  process.exitCode = 1;
}
