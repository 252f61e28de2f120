import type { Problem } from './problems.ts';
import type { CorridorData, SeriesPoint } from './types.ts';

/**
 * The publisher this project writes in a source entry of its own (notes, drawing estimates).
 * Readers cannot open those notes, so nothing shown to them as a figure, a date or an event may
 * cite such a source.
 */
export const PROJECT_PUBLISHER = 'corridor-map';

/**
 * The one exception: a point kept as `unverified` whose note says that no outlet was found —
 * the map then names the value as unverified and says why, instead of hiding a figure the
 * project once had.
 */
const NO_OUTLET = /no outlet/i;

export function isNoOutletPoint(point: SeriesPoint): boolean {
  return point.status === 'unverified' && point.note !== undefined && NO_OUTLET.test(point.note.en);
}

/**
 * Reports every figure, series point, event and route opening date that cites a source published
 * by this project (DESIGN §2: "a source shown to readers is a publisher with a date — never this
 * project's own notes"). Coordinates are not checked: their sources (`coordSource`) say where a
 * point is drawn and are never shown as a figure. Reported, not removed: the value stays on the
 * map while the desk finds its outlet.
 */
export function checkOwnSources(data: CorridorData, problems: Problem[]): void {
  const own = new Set(
    data.metrics.sources.filter((s) => s.publisher === PROJECT_PUBLISHER).map((s) => s.id),
  );
  if (!own.size) return;
  const report = (file: string, feature: string, field: string, id: string, why = '') =>
    problems.push({
      file,
      feature,
      field,
      message: `cites ${id}, a source of this project's own (publisher ${PROJECT_PUBLISHER}): name the outlet that states it${why}`,
    });
  for (const hub of data.hubs) {
    const { id, figures, notes } = hub.properties;
    for (const f of figures) {
      if (own.has(f.source)) report('hubs.geojson', id, `figures[id=${f.id}].source`, f.source);
    }
    for (const n of notes) {
      if (own.has(n.source)) report('hubs.geojson', id, `notes[id=${n.id}].source`, n.source);
    }
  }
  for (const route of data.routes) {
    const { id, openedSource } = route.properties;
    if (own.has(openedSource)) report('routes.geojson', id, 'openedSource', openedSource);
  }
  for (const series of data.metrics.series) {
    for (const p of series.points) {
      if (own.has(p.source) && !isNoOutletPoint(p)) {
        report(
          'metrics.json',
          series.id,
          `points[t=${p.t}].source`,
          p.source,
          ', or keep the point unverified with a note saying no outlet was found',
        );
      }
    }
  }
  for (const event of data.metrics.events) {
    if (own.has(event.source)) report('metrics.json', event.id, 'source', event.source);
  }
}
