/**
 * `npm run validate [dir …]`: checks data folders (default `geo/`) with the same code the map
 * uses, so that a newsroom editing the data reads the same messages. Exit 1 on any problem.
 * Never prints a stack trace: whatever goes wrong is one line about the folder.
 */
import { resolve } from 'node:path';
import { loadDataDir } from '../data/loadDir.ts';
import { clip, formatProblem } from '../data/problems.ts';

async function check(dir: string): Promise<boolean> {
  const { data, problems } = await loadDataDir(dir);
  const counts = `${data.hubs.length} hubs, ${data.places.length} places, ${data.routes.length} routes, ${data.metrics.series.length} series, ${data.metrics.sources.length} sources${data.metrics.events.length ? `, ${data.metrics.events.length} events` : ''}`;
  if (problems.length) {
    console.error(`${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const p of problems) console.error('  ' + formatProblem(p));
    console.error(`Loaded anyway: ${counts}.`);
    return false;
  }
  console.log(`${dir}: valid (${counts}).`);
  return true;
}

const dirs = process.argv.slice(2);
for (const dir of dirs.length ? dirs : ['geo']) {
  const path = resolve(dir);
  try {
    if (!(await check(path))) process.exitCode = 1;
  } catch (error) {
    console.error(`${path}: could not be checked (${clip(String(error))})`);
    process.exitCode = 1;
  }
}
