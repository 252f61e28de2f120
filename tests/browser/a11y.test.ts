// axe-core on the map in zh and en, light and dark, as it opens and with a hub's panel open and
// the data table shown (both at once: the panel stays open beside the table, so one run sees
// both): no serious or critical violation.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, saveArtifact, waitForLite } from './harness.ts';
import { useBrowser } from './lifecycle.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string | undefined }[];
}

/** axe-core's violations inside the map's root. */
async function axe(page: Page): Promise<Violation[]> {
  // Once a page: axe.min.js is half a megabyte to parse again for every run.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ url: `${baseUrl}/node_modules/axe-core/axe.min.js` });
  }
  return page.evaluate(async () => {
    const run = (
      window as unknown as { axe: { run(el: Element): Promise<{ violations: Violation[] }> } }
    ).axe.run;
    const { violations } = await run(document.querySelector('[data-corridor-map]')!);
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact: impact ?? null,
      help,
      nodes: nodes.map((n) => ({ target: n.target as string[], failureSummary: n.failureSummary })),
    }));
  });
}

const configs = [
  { lang: 'zh', theme: 'light' },
  { lang: 'en', theme: 'light' },
  { lang: 'zh', theme: 'dark' },
  { lang: 'en', theme: 'dark' },
] as const;

describe.each(configs)('axe on the map ($lang, $theme)', ({ lang, theme }) => {
  test('no serious or critical violation: page, then panel open and table shown', async () => {
    const { page, context } = await openPage(
      browser(),
      `${baseUrl}/?live=never&lang=${lang}&theme=${theme}`,
      {
        width: 800,
        height: 600,
        colorScheme: theme,
        reducedMotion: 'reduce',
      },
    );
    await waitForLite(page);
    const report: Record<string, Violation[]> = {};
    report.page = await axe(page);

    await page.locator('[data-corridor-map] [data-id="xian"]').first().click();
    await page.locator('.cm-details[data-selected="xian"]').waitFor();
    await page.locator('[data-corridor-map] .cm-table-toggle').click();
    await page.locator('[data-corridor-map] .cm-table[data-shown="true"]').waitFor();
    expect(await page.locator('.cm-details[data-selected="xian"]').isVisible()).toBe(true);
    report.panelAndTable = await axe(page);

    await saveArtifact(`axe-${lang}-${theme}.json`, JSON.stringify(report, null, 2));
    const serious = Object.entries(report).flatMap(([state, vs]) =>
      vs
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
    );
    expect(serious).toEqual([]);
    await context.close();
  });
});
