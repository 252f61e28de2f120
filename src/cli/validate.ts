/**
 * `npm run validate [dir]`: checks a data folder (default `geo/`) with the same code the map
 * uses, so that a newsroom editing the data reads the same messages. Exit 1 on any problem.
 */
import { resolve } from 'node:path';
import { loadDataDir } from '../data/loadDir.ts';
import { formatProblem } from '../data/problems.ts';

const dir = resolve(process.argv[2] ?? 'geo');
const { data, problems } = await loadDataDir(dir);
const counts = `${data.hubs.length} hubs, ${data.places.length} places, ${data.routes.length} routes, ${data.metrics.series.length} series, ${data.metrics.sources.length} sources`;
if (problems.length) {
  console.error(`${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  for (const p of problems) console.error('  ' + formatProblem(p));
  console.error(`Loaded anyway: ${counts}.`);
  process.exitCode = 1;
} else {
  console.log(`${dir}: valid (${counts}).`);
}
