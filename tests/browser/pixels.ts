import type { Page } from 'playwright-core';
import { CORRIDOR_COLORS } from '../../src/shared/colors.ts';
import { LAND_COLORS } from '../../src/shared/colors.ts';
import { countColors, type RGB } from './harness.ts';

const hex = (css: string): RGB => [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16)) as RGB;

async function mapBox(page: Page, selector = '[data-corridor-map]') {
  const box = await page.locator(`${selector} .cm-map`).boundingBox();
  if (!box) throw new Error('no map element');
  return box;
}

/** Pixels of land, sea and each corridor colour in the map. */
export async function mapPixels(page: Page, selector?: string): Promise<Record<string, number>> {
  const clip = await mapBox(page, selector);
  const base = await countColors(
    page,
    clip,
    { land: hex(LAND_COLORS.light.land), sea: hex(LAND_COLORS.light.sea) },
    6,
  );
  const routes = await countColors(page, clip, CORRIDOR_COLORS, 40);
  return { total: base.total, ...base.counts, ...routes.counts } as Record<string, number>;
}

export interface RouteBandOptions {
  /** Half the width of the band along the route, in CSS pixels (default 6). */
  radius?: number;
  /** Pixels this close to any other route are left out (default 10). */
  clearance?: number;
  selector?: string;
}

/** The pixels of a band along one route: `rgb[k]` is the colour of pixel `index[k]` of the map box. */
export interface RouteBand {
  index: number[];
  rgb: RGB[];
}

/**
 * The pixels of the map along route `routeId` of the page's data, away from every other route,
 * with their colours (index `y * width + x` in the map's box). The band is drawn from the route's
 * waypoints projected by the live map (`corridorMap.project`), so it follows the camera.
 */
export async function routeBand(
  page: Page,
  routeId: string,
  { radius = 6, clearance = 10, selector }: RouteBandOptions = {},
): Promise<RouteBand> {
  const box = await mapBox(page, selector);
  const clip = {
    x: Math.round(box.x),
    y: Math.round(box.y),
    width: Math.round(box.width),
    height: Math.round(box.height),
  };
  const png = await page.screenshot({ clip, scale: 'css', animations: 'disabled' });
  return page.evaluate(
    async ({ base64, id, r, clear, origin, sel }) => {
      type Mapped = HTMLElement & {
        corridorMap?: { project(lon: number, lat: number): [number, number] | undefined };
      };
      const map = (document.querySelector(sel) as Mapped | null)?.corridorMap;
      if (!map) throw new Error('routeBand: no corridorMap on the element');
      const routes = (await (
        await fetch(new URL('geo/routes.geojson', document.baseURI))
      ).json()) as {
        features: { properties: { id: string }; geometry: { coordinates: [number, number][] } }[];
      };
      const target = routes.features.find((f) => f.properties.id === id);
      if (!target) throw new Error(`routeBand: no route ${id}`);

      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), {
        colorSpaceConversion: 'none',
        premultiplyAlpha: 'none',
      });
      const { width, height } = bitmap;
      // The band along the route, minus a wider band along every other route.
      const mask = new OffscreenCanvas(width, height).getContext('2d', {
        willReadFrequently: true,
      });
      const canvas = new OffscreenCanvas(width, height).getContext('2d', {
        willReadFrequently: true,
      });
      if (!mask || !canvas) throw new Error('routeBand: no 2D canvas context');
      const stroke = (coordinates: [number, number][], lineWidth: number) => {
        mask.lineWidth = lineWidth;
        mask.lineCap = 'round';
        mask.lineJoin = 'round';
        mask.beginPath();
        for (const [lon, lat] of coordinates) {
          const p = map.project(lon, lat);
          if (p) mask.lineTo(p[0] - origin.x, p[1] - origin.y);
        }
        mask.stroke();
      };
      mask.strokeStyle = '#fff';
      stroke(target.geometry.coordinates, 2 * r);
      mask.globalCompositeOperation = 'destination-out';
      for (const other of routes.features) {
        if (other !== target) stroke(other.geometry.coordinates, 2 * clear);
      }
      const inBand = mask.getImageData(0, 0, width, height).data;
      canvas.drawImage(bitmap, 0, 0);
      const { data } = canvas.getImageData(0, 0, width, height);
      const index: number[] = [];
      const rgb: [number, number, number][] = [];
      for (let i = 0; i < width * height; i++) {
        if (inBand[4 * i + 3] === 0) continue;
        index.push(i);
        rgb.push([data[4 * i]!, data[4 * i + 1]!, data[4 * i + 2]!]);
      }
      return { index, rgb };
    },
    {
      base64: png.toString('base64'),
      id: routeId,
      r: radius,
      clear: clearance,
      origin: clip,
      sel: selector ?? '[data-corridor-map]',
    },
  );
}
