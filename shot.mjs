import { start, openContext, openApp } from './tests/e2e/support.mjs';
const env = await start();
for (const [w, h, name] of [[1280, 800, 'wide'], [390, 844, 'phone']]) {
  const { context } = await openContext(env, { viewport: { width: w, height: h }, locale: process.env.LOC ?? 'zh-CN' });
  const page = await openApp(context, env.url);
  await page.screenshot({ path: `/tmp/${name}.png` });
  console.log(name, JSON.stringify(await page.evaluate(() => [...appRoot().querySelectorAll('.cr-header, .cr-tip, .cr-drafts, .cr-about h2, .cr-about__intro, .cr-about input, .cr-toolbar')].slice(0, 8).map((e) => `${e.className || e.tagName} ${Math.round(e.getBoundingClientRect().top)}-${Math.round(e.getBoundingClientRect().bottom)}`))));
  await context.close();
}
await env.stop();
