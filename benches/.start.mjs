import { DIST, launchBrowser } from '/work/main/tests/e2e/support.mjs';
import { serveSite } from '/work/main/tests/e2e/static-server.mjs';
const site = await serveSite({ routes: [['/app/', DIST]] });
const browser = await launchBrowser('zh-CN');
for (let run = 0; run < 3; run++) {
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 412, height: 823 } });
await context.addInitScript(() => {
  window.__tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push(`${Math.round(e.startTime)}+${Math.round(e.duration)} ${e.attribution?.[0]?.containerSrc ?? ''}`); }).observe({ type: 'longtask', buffered: true });
  window.__ok = new Promise((r) => { const t = setInterval(() => { const s = document.querySelector('[data-consultation-response]')?.shadowRoot; if (s?.querySelector('.cr-app:not([data-first-view])') && !s.querySelector('[data-first-view]')) { clearInterval(t); r(performance.now()); } }, 1); });
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.goto(`${site.url}app/?offline=off`);
const took = await page.evaluate(() => window.__ok);
await page.waitForTimeout(1500);
const res = await page.evaluate(() => ({ tasks: window.__tasks, res: performance.getEntriesByType('resource').map(r => `${r.name.split('/').pop().slice(0, 30)} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`), marks: performance.getEntriesByType('mark').map(m => `${m.name} ${Math.round(m.startTime)}`) }));
console.log('takeover', Math.round(took), JSON.stringify(res, null, 0));
await context.close();
}
await browser.close(); await site.close(); process.exit(0);
