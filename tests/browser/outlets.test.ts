// Issue 13 in the page: a yearly figure names the outlet that states it and that outlet's date;
// a figure no outlet states says "unverified" in words; the sources list names each outlet once.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchBrowser, openPage } from './harness.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the Chang'an route at `year` and returns its Chang'an trains row, once the panel shows it. */
async function changanRow(lang: 'en' | 'zh', year: number) {
  const opened = await openPage(
    browser,
    `${baseUrl}/index.html?lang=${lang}#route=changan&year=${year}`,
    {
      width: 960,
      height: 720,
    },
  );
  const details = opened.page.locator('.cm-details');
  await expect
    .poll(() => details.getAttribute('data-selected'), { timeout: 30_000 })
    .toBe('changan');
  return { ...opened, row: details.locator('li[data-series="changan-trains"]') };
}

/** The sources list's entries for `id` (textContent: the list sits in a closed `<details>`). */
async function sourceItems(page: Page, id: string): Promise<string[]> {
  return page.locator(`.cm-sources li[data-source="${id}"]`).allTextContents();
}

test("Chang'an 2017 names its outlet and the outlet's date, and is not marked unverified", async () => {
  const { page, context, row, errors, blocked } = await changanRow('en', 2017);
  const text = await row.innerText();
  expect(text).toContain('194 trains');
  expect(text).toContain('Shaanxi Provincial Department of Commerce');
  expect(text).toContain('1 November 2018');
  expect(text).toContain('as of 31 Dec 2017');
  expect(text).not.toMatch(/unverified/i);
  // The full source (publisher: title) on hover and focus.
  expect(await row.locator('.cm-value').getAttribute('title')).toMatch(
    /^Source: Shaanxi Provincial Department of Commerce: Shaanxi Provincial Department of Commerce \(English site\), 1 November 2018/,
  );

  // The sources list names this outlet once, with its date and its link.
  const items = await sourceItems(page, 'sxdofcom-2018-11-01');
  expect(items).toHaveLength(1);
  expect(items[0]).toContain('1 Nov 2018');
  expect(
    await page.locator('.cm-sources li[data-source="sxdofcom-2018-11-01"] a').getAttribute('href'),
  ).toBe('http://en.sxdofcom.gov.cn/newstyle/pub_newsshow.asp?id=29036796&chid=100450');
  for (const id of ['chinainout-2015', 'xitlp-2019-01-08', 'nbd-2023-10-08', 'brnn-2022-01-05'])
    expect(await sourceItems(page, id), id).toHaveLength(1);

  expect(blocked).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test.each([
  ['en', '251 trains', '(unverified)', 'No outlet found that states this figure'],
  ['zh', '251列', '未核实', '未找到载明此数的媒体来源'],
] as const)(
  "Chang'an 2016, which no outlet states, says unverified in words (%s)",
  async (lang, ...words) => {
    const { row, context, errors } = await changanRow(lang, 2016);
    const text = await row.innerText();
    for (const word of words) expect(text).toContain(word);
    expect(errors).toEqual([]);
    await context.close();
  },
);
