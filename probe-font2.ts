import { chromium } from 'playwright-core';
import { chromiumArgs } from './tests/browser/harness.ts';
import { buildSubset } from './src/build/fontPlugin.ts';
const woff = await buildSubset('中文');
console.log('subset bytes', woff.length);
const url = `data:font/woff2;base64,${woff.toString('base64')}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs, '--disable-gpu'] });
for (const variant of (process.env.ORDER ?? 'system,dataurl').split(',')) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const face = variant === 'dataurl' ? `<style>@font-face{font-family:'Corridor Lang';src:url(${url}) format('woff2');unicode-range:U+4E2D,U+6587;font-display:block}</style>` : '';
  const fam = variant === 'dataurl' ? "'Corridor Lang', " : '';
  await page.setContent(`${face}<div id=x style="font: 15px ${fam}system-ui, -apple-system, 'Segoe UI', 'Noto Sans SC', 'Noto Sans CJK SC', 'Corridor Sans', sans-serif">Hello</div>`);
  const r = await page.evaluate(`(async () => {
    const l0 = performance.now(); if (document.fonts.load) await document.fonts.load("15px 'Corridor Lang'", '中文'); const loadMs = Math.round(performance.now() - l0);
    const x = document.getElementById('x'); void x.offsetWidth;
    const t = (text, lang, weight = 400) => { const s = document.createElement('span'); if (lang) s.lang = lang; s.style.fontWeight = String(weight); s.textContent = text; const t0 = performance.now(); x.append(s); void x.offsetWidth; return Math.round(performance.now() - t0); };
    const a = t('中文', 'zh'); const w = x.lastChild.offsetWidth; const b = t('西安', 'zh');
    return { loadMs, zhButton: a, width: w, fonts: [...document.fonts].map(f => f.family + ':' + f.status).join(','), nextZh: b };
  })()`);
  console.log(variant, JSON.stringify(r));
  await page.close();
}
await browser.close();
