import { launchBrowser, openPage, waitForLite } from './browser/harness.ts';
import { startStaticServer } from './browser/globalSetup.ts';
const server = await startStaticServer();
const browser = await launchBrowser();
const o = await openPage(browser, `${server.url}/embed.html?lang=en`, { width: 480, height: 400 });
const page = o.page;
await waitForLite(page);
const info = await page.evaluate(() => {
  const root = document.querySelector('[data-corridor-map]') as any;
  const p = root.corridorMap.project(120.0, 29.3);
  const el = document.elementFromPoint(p[0], p[1]);
  return { p, el: el?.outerHTML.slice(0, 200), parent: el?.parentElement?.outerHTML.slice(0, 100) };
});
console.log(info);
const box = (await page.locator('.cm-lite').boundingBox())!;
await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
await page.mouse.down();
await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 10, { steps: 4 });
await page.mouse.up();
for (let i = 0; i < 30; i++) {
  await page.waitForTimeout(1000);
  const s = await page.evaluate(() => { const r = document.querySelector('[data-corridor-map]')!; return [r.getAttribute('data-live'), r.getAttribute('data-view'), r.getAttribute('data-rendered')]; });
  console.log(i, s, o.errors.slice(0,3));
  if (s[2] === 'true') break;
}
await page.screenshot({ path: '/tmp/shots/live.png' });
await browser.close(); await server.close();
