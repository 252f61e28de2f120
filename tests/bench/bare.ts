// The baseline for `npm run bench`: the same basemap and routes drawn with maplibre and deck.gl
// and nothing else (no validation, store, panels), animated the same way (TripsLayer growth).
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { TripsLayer } from '@deck.gl/geo-layers';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import basemap from 'virtual:corridor-basemap';
import { basemapStyle } from '../../src/map/style.ts';

maplibregl.setWorkerUrl(workerUrl);
type Line = { path: [number, number][]; timestamps: number[] };
const w = window as unknown as { __rendered?: boolean; __play?: () => void; __playing?: boolean };

const routes = (await (await fetch('../geo/routes.geojson')).json()) as {
  features: { geometry: { coordinates: [number, number][] } }[];
};
const synthetic = Number(new URLSearchParams(location.search).get('n') ?? 0);
const lines: Line[] = routes.features.map((f) => ({
  path: f.geometry.coordinates,
  timestamps: f.geometry.coordinates.map((_, i, a) => i / (a.length - 1)),
}));
for (let i = 0; i < synthetic; i++) {
  const [x, y] = [10 + ((i * 7.3) % 100), 10 + ((i * 3.1) % 40)];
  lines.push({
    path: [
      [x, y],
      [x + 8, y + 4],
      [x + 15, y - 2],
    ],
    timestamps: [0, 0.5, 1],
  });
}
const map = new maplibregl.Map({
  container: 'map',
  style: basemapStyle(basemap, 'light'),
  bounds: [-5, 0, 122, 56],
});
let time = 1;
const layer = () =>
  new TripsLayer<Line>({
    id: 'routes',
    data: lines,
    getPath: (d) => d.path,
    getTimestamps: (d) => d.timestamps,
    getColor: [213, 94, 0],
    getWidth: 3,
    widthUnits: 'pixels',
    currentTime: time,
    trailLength: 1e4,
    fadeTrail: false,
  });
// Same "rendered" rule as the app: basemap loaded and a deck.gl frame drawn, in either order.
let drawn = false;
const rendered = () => {
  if (w.__rendered) return;
  w.__rendered = true;
  performance.mark('corridor:first-frame');
};
map.on('idle', () => drawn && rendered());
const overlay = new MapLibreOverlay({
  interleaved: true,
  layers: [layer()],
  onAfterRender: () => {
    drawn = true;
    if (map.loaded()) rendered();
  },
});
map.addControl(overlay);
w.__play = () => {
  const step = () => {
    time = (time + 0.01) % 1.2;
    overlay.setProps({ layers: [layer()] });
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
  w.__playing = true;
};
