import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { buildBasemap, DEFAULT_BBOX } from '../../src/data/basemap.ts';
import type { Basemap, BBox } from '../../src/data/basemap.ts';
import { clipPolygons } from '../../src/data/basemapClip.ts';

const require = createRequire(import.meta.url);
const atlas = (file: string): Topology =>
  JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology;
const land50 = atlas('land-50m.json');
const countries50 = atlas('countries-50m.json');

const basemap = buildBasemap(land50, countries50);
const WORLD: BBox = [-180, -85, 180, 85];
const world = buildBasemap(land50, countries50, { bbox: WORLD });

function rings(map: Basemap): Position[][] {
  return map.land.features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
  );
}
function lines(map: Basemap): Position[][] {
  return map.borders.features.flatMap((f) => f.geometry.coordinates);
}
function onLand(map: Basemap, lon: number, lat: number): boolean {
  return map.land.features.some((f) => booleanPointInPolygon([lon, lat], f));
}
/**
 * The longest step in longitude, leaving out steps along the box's south or north edge: that is
 * where a ring round a pole (Antarctica) is closed, and it runs along the map's edge, not across.
 */
function largestLonStep(line: Position[], [, s, , n]: BBox): number {
  let max = 0;
  for (let i = 1; i < line.length; i++) {
    const [lon0 = NaN, lat0 = NaN] = line[i - 1] ?? [];
    const [lon1 = NaN, lat1 = NaN] = line[i] ?? [];
    const alongEdge = lat0 === lat1 && (lat0 === s || lat0 === n);
    if (!alongEdge) max = Math.max(max, Math.abs(lon1 - lon0));
  }
  return max;
}
/** Signed shoelace area in lon/lat: positive when counter-clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i - 1] ?? [];
    const [x2 = 0, y2 = 0] = ring[i] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

describe('buildBasemap', () => {
  it('has land and borders', () => {
    expect(rings(basemap).length).toBeGreaterThan(100);
    expect(lines(basemap).length).toBeGreaterThan(50);
  });

  it('has no segment jumping more than 180° of longitude (the antimeridian smear)', () => {
    for (const [map, bbox] of [
      [basemap, DEFAULT_BBOX],
      [world, WORLD],
    ] as const) {
      for (const line of [...rings(map), ...lines(map)]) {
        expect(largestLonStep(line, bbox)).toBeLessThanOrEqual(180);
      }
    }
  });

  it('keeps every coordinate inside the bbox', () => {
    const [w, s, e, n] = DEFAULT_BBOX;
    const outside = [...rings(basemap), ...lines(basemap)]
      .flat()
      .filter(([lon = NaN, lat = NaN]) => !(lon >= w && lon <= e && lat >= s && lat <= n));
    expect(outside).toEqual([]);
  });

  it('rounds to two decimals and drops consecutive duplicates', () => {
    for (const line of [...rings(basemap), ...lines(basemap)]) {
      for (const [i, [lon = NaN, lat = NaN]] of line.entries()) {
        expect(Math.round(lon * 100) / 100).toBe(lon);
        expect(Math.round(lat * 100) / 100).toBe(lat);
        expect(line[i + 1]).not.toEqual([lon, lat]);
      }
    }
  });

  it('writes closed rings wound as RFC 7946 asks (outer counter-clockwise, holes clockwise)', () => {
    for (const feature of basemap.land.features) {
      const polygons =
        feature.geometry.type === 'Polygon'
          ? [feature.geometry.coordinates]
          : feature.geometry.coordinates;
      for (const [outer, ...holes] of polygons) {
        for (const ring of outer ? [outer, ...holes] : []) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[ring.length - 1]).toEqual(ring[0]);
        }
        expect(signedArea(outer ?? [])).toBeGreaterThan(0);
        for (const hole of holes) expect(signedArea(hole)).toBeLessThan(0);
      }
    }
  });

  it.each([
    ['Singapore', 103.82, 1.35],
    ['Moscow', 37.62, 55.75],
    ['Duisburg', 6.76, 51.43],
    ['Madrid', -3.7, 40.42],
    ['Hamburg', 9.99, 53.55],
    ['Yiwu', 120.08, 29.31],
    ['Xi’an', 108.94, 34.34],
    ['Vientiane', 102.63, 17.98],
  ])('puts %s on land, at least 5° inside the bbox', (_, lon, lat) => {
    const [w, s, e, n] = DEFAULT_BBOX;
    expect(Math.min(lon - w, e - lon, lat - s, n - lat)).toBeGreaterThanOrEqual(5);
    expect(onLand(basemap, lon, lat)).toBe(true);
  });

  it.each([
    ['the Indian Ocean', 80, -5],
    ['the Black Sea', 34, 43.2],
    ['the Mediterranean', 18, 35],
    ['the South China Sea', 114, 15],
    // Where a flat-drawn Chukotka ring would smear a band across the default box.
    ['the Norwegian Sea', 5, 68],
    ['the sea north of Iceland', -15, 68],
  ])('leaves %s as water', (_, lon, lat) => {
    expect(onLand(basemap, lon, lat)).toBe(false);
  });

  it('repairs Chukotka, Fiji and Antarctica when the whole world is kept', () => {
    // Raw world-atlas rings drawn flat turn these oceans into land bands.
    expect(onLand(world, -150, 0)).toBe(false); // Pacific
    expect(onLand(world, 0, 80)).toBe(false); // Arctic Ocean
    expect(onLand(world, 0, -50)).toBe(false); // Southern Ocean
    expect(onLand(world, 175, 67)).toBe(true); // Chukotka, west of 180°
    expect(onLand(world, -173, 66)).toBe(true); // Chukotka, east of 180°
    expect(onLand(world, 179.5, 71.2)).toBe(true); // Wrangel Island, both sides
    expect(onLand(world, -179.5, 71.2)).toBe(true);
    expect(onLand(world, 178, -17.8)).toBe(true); // Viti Levu, Fiji
    expect(onLand(world, 0, -80)).toBe(true); // Antarctica
  });

  it('fits land and borders in the download budget', () => {
    const gzip = gzipSync(JSON.stringify(basemap)).length;
    expect(gzip).toBeLessThan(120 * 1024);
  });

  it('rejects bad options instead of drawing nonsense', () => {
    expect(() => buildBasemap(land50, countries50, { bbox: [150, -15, -30, 72] })).toThrow(
      'invalid bbox',
    );
    expect(() => buildBasemap(land50, countries50, { precision: -1 })).toThrow('invalid precision');
    expect(() => buildBasemap(land50, countries50, { tolerance: NaN })).toThrow(
      'invalid tolerance',
    );
    expect(() => buildBasemap({ ...land50, objects: {} }, countries50)).toThrow('no object "land"');
  });
});

describe('clipPolygons', () => {
  const whole: BBox = [-180, -90, 180, 90];
  const exact = { precision: 6, tolerance: 0 };

  it('cuts a ring across the antimeridian into a piece on each side', () => {
    const square = [
      [170, 0],
      [-170, 0],
      [-170, 10],
      [170, 10],
      [170, 0],
    ];
    const pieces = clipPolygons([[square]], whole, exact);
    const spans = pieces
      .map(([outer = []]) => {
        const lons = outer.map(([lon = NaN]) => lon);
        return [Math.min(...lons), Math.max(...lons)];
      })
      .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    expect(spans).toEqual([
      [-180, -170],
      [170, 180],
    ]);
  });

  it('closes a ring round the South Pole along the pole', () => {
    const cap = [
      [-180, -70],
      [-90, -72],
      [0, -70],
      [90, -72],
      [180, -70],
    ];
    const [piece, ...rest] = clipPolygons([[cap]], [-180, -85, 180, 85], exact);
    expect(rest).toEqual([]);
    const lats = (piece?.[0] ?? []).map(([, lat = NaN]) => lat);
    expect(Math.min(...lats)).toBe(-85);
    expect(Math.max(...lats)).toBe(-70);
  });

  it('keeps a hole with its outer ring when the outer ring unwrapped past 180°', () => {
    // Starts east of 180°, so the outer ring unwraps to −190…−150 while the hole stays at ±175.
    const outer = [
      [-170, 0],
      [-150, 0],
      [-150, 20],
      [170, 20],
      [170, 0],
      [-170, 0],
    ];
    const hole = [
      [175, 5],
      [175, 15],
      [-175, 15],
      [-175, 5],
      [175, 5],
    ];
    const pieces = clipPolygons([[outer, hole]], whole, exact);
    expect(pieces).toHaveLength(2);
    for (const piece of pieces) expect(piece).toHaveLength(2);
  });
});
