/**
 * A synthetic data folder for the bench's heavy case: the real hubs, places and metrics (less
 * the series and events of the real routes), and `count` straight routes between them (valid by
 * the data contract, with no problem at all, so the app loads them the way it loads `geo/`),
 * opening over the years of the real data.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Point = { properties: { id: string }; geometry: { coordinates: [number, number] } };
type Metrics = { series: { subject: string }[]; events?: { route?: string }[] };
const CORRIDORS = ['china-europe', 'china-laos', 'new-western-land-sea'];

export function writeSyntheticData(from: string, to: string, count: number): void {
  mkdirSync(to, { recursive: true });
  for (const file of ['hubs.geojson', 'places.geojson']) {
    copyFileSync(join(from, file), join(to, file));
  }
  const read = (file: string) =>
    (JSON.parse(readFileSync(join(from, file), 'utf8')) as { features: Point[] }).features;
  const stops = [...read('hubs.geojson'), ...read('places.geojson')];
  // Without the real routes: their series and events would name routes that are not there.
  const metrics = JSON.parse(readFileSync(join(from, 'metrics.json'), 'utf8')) as Metrics;
  const subjects = new Set([...CORRIDORS, ...stops.map((s) => s.properties.id)]);
  writeFileSync(
    join(to, 'metrics.json'),
    JSON.stringify({
      ...metrics,
      series: metrics.series.filter((s) => subjects.has(s.subject)),
      events: metrics.events?.filter((e) => e.route === undefined),
    }),
  );
  const features = Array.from({ length: count }, (_, i) => {
    const a = stops[i % stops.length]!;
    const [ax, ay] = a.geometry.coordinates;
    // The next stop that lies elsewhere: a line from a stop to itself (or to another stop at the
    // same point) is no line, and validation leaves it out.
    let j = (i * 7 + 3) % stops.length;
    const at = (k: number) => stops[k]!.geometry.coordinates;
    while (at(j)[0] === ax && at(j)[1] === ay) j = (j + 1) % stops.length;
    const b = stops[j]!;
    const [bx, by] = b.geometry.coordinates;
    const bend = ((i % 13) - 6) * 0.3;
    return {
      type: 'Feature',
      properties: {
        id: `synthetic-${i}`,
        corridor: CORRIDORS[i % 3],
        name: { zh: `线路${i}`, en: `Route ${i}` },
        from: a.properties.id,
        to: b.properties.id,
        stops: [a.properties.id, b.properties.id],
        mode: 'rail',
        opened: `${2011 + (i % 13)}-0${1 + (i % 9)}-15`,
        openedSource: 'estimate',
        schematic: true,
        series: [],
      },
      geometry: {
        type: 'LineString',
        coordinates: [
          [ax, ay],
          [(ax + bx) / 2 + bend, (ay + by) / 2 + bend],
          [bx, by],
        ],
      },
    };
  });
  writeFileSync(
    join(to, 'routes.geojson'),
    JSON.stringify({ type: 'FeatureCollection', features }),
  );
}
