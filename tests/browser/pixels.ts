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
