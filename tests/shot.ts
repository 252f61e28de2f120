import { launchBrowser, openPage } from './browser/harness.ts';
import { startStaticServer } from './browser/globalSetup.ts';
const server = await startStaticServer();
const browser = await launchBrowser();
const cases: [string, number, number][] = JSON.parse(process.argv[2]!);
for (const [path, w, h] of cases) {
  const o = await openPage(browser, `${server.url}/${path}`, { width: w, height: h });
  await o.page
    .waitForFunction(
      () =>
        document.querySelector('[data-corridor-map]')?.getAttribute('data-state') !== 'loading' ||
        document.querySelector('iframe'),
      undefined,
      { timeout: 20000 },
    )
    .catch(() => {});
  await o.page.waitForTimeout(1500);
  const name = `/tmp/shots/${path.replace(/[^\w]+/g, '_')}_${w}.png`;
  await o.page.screenshot({ path: name, fullPage: true });
  console.log(name, o.errors.slice(0, 5), o.warnings.slice(0, 5));
  await o.context.close();
}
await browser.close();
await server.close();
