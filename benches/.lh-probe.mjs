import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { mkdtempSync } from 'node:fs';
import { DIST } from '/work/main/tests/e2e/support.mjs';
import { serveSite } from '/work/main/tests/e2e/static-server.mjs';
const site = await serveSite({ routes: [['/app/', process.env.D ?? DIST]] });
const lang = process.env.LANGS ?? 'zh-CN';
for (let run = 0; run < Number(process.env.N ?? 3); run++) {
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', userDataDir: mkdtempSync('/tmp/lhp-'), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--lang=${lang}`, `--accept-lang=${lang}`] });
const result = await lighthouse(`${site.url}app/`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
const lhr = result.lhr;
const v = (id) => lhr.audits[id].numericValue;
const m = lhr.audits.metrics.details.items[0];
console.log('score', lhr.categories.performance.score * 100, 'lcp', Math.round(v('largest-contentful-paint')), 'tbt', v('total-blocking-time'), 'cls', v('cumulative-layout-shift'), 'fcp', Math.round(v('first-contentful-paint')), 'si', Math.round(v('speed-index')), 'tti', Math.round(v('interactive')), '| observed fcp', m.observedFirstContentfulPaint, 'lcp', m.observedLargestContentfulPaint);
if (process.env.L) for (const t of (lhr.audits['long-tasks']?.details?.items ?? []).slice(0, 8)) console.log('  long task', t.url, Math.round(t.startTime), Math.round(t.duration));
await chrome.kill();
}
await site.close(); process.exit(0);
