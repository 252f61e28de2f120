/**
 * `npm run validate [dir …] [--today YYYY-MM-DD]`: checks data folders (default `geo/`) with the
 * same code the map uses, so that a newsroom editing the data reads the same messages. Exit 1 on
 * any problem. Then lists each series' newest date and warns (exit 0) about series with nothing
 * in the 18 months before `--today` (default: today), so that next year's desk sees what to
 * update. Never prints a stack trace: whatever goes wrong is one line about the folder.
 */
import { resolve } from 'node:path';
import { loadDataDir } from '../data/loadDir.ts';
import { newestDate, staleSeries, dataAsOf, STALE_MONTHS } from '../data/periods.ts';
import { clip, formatProblem } from '../data/problems.ts';
import { parseValidateArgs } from './validateArgs.ts';

async function check(dir: string, today: string): Promise<boolean> {
  const { data, problems } = await loadDataDir(dir);
  const counts = `${data.hubs.length} hubs, ${data.places.length} places, ${data.routes.length} routes, ${data.metrics.series.length} series, ${data.metrics.sources.length} sources${data.metrics.events.length ? `, ${data.metrics.events.length} events` : ''}`;
  if (problems.length) {
    console.error(`${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const p of problems) console.error('  ' + formatProblem(p));
    console.error(`Loaded anyway: ${counts}.`);
  } else {
    console.log(`${dir}: valid (${counts}).`);
  }
  console.log(`Data as of ${dataAsOf(data) ?? '(no dated point)'}. Newest point of each series:`);
  for (const s of data.metrics.series) console.log(`  ${newestDate(s) ?? '—         '}  ${s.id}`);
  const stale = staleSeries(data, today);
  if (stale.length) {
    console.warn(
      `Warning: ${stale.length} series with no point in the ${STALE_MONTHS} months before ${today} (update them, or leave them if no outlet has a newer figure):`,
    );
    for (const s of stale) console.warn(`  ${s.id} (newest ${s.newest ?? 'none'})`);
  }
  return problems.length === 0;
}

const args = parseValidateArgs(process.argv.slice(2), new Date().toISOString().slice(0, 10));
if ('error' in args) {
  console.error(args.error);
  process.exitCode = 2;
} else {
  for (const dir of args.dirs.length ? args.dirs : ['geo']) {
    const path = resolve(dir);
    try {
      if (!(await check(path, args.today))) process.exitCode = 1;
    } catch (error) {
      console.error(`${path}: could not be checked (${clip(String(error))})`);
      process.exitCode = 1;
    }
  }
}
