// Benchmark: this app side by side with the lower bound any form can reach, a plain HTML page
// with the same 42 questions as labelled textareas and three lines of script writing the whole
// draft to localStorage at every input, generated here from the same data file. Both are served from 127.0.0.1 and
// measured in one run of headless Chromium at CPU x1 and x4 (DevTools throttling), first visit,
// medians of RUNS (default 3):
//   transfer    every file the page loaded, gzip -9 and brotli (quality 11)
//   FCP         first contentful paint
//   key lands   navigation -> a key pressed in the first answer has reached the field; these two
//               from START_RUNS (default 12) more first visits besides the RUNS full ones, as the
//               start swings more from visit to visit than typing does
//   key->frame  key down -> the task after the next frame, p50 and p95 of 52 keys typed 40 ms
//               apart at the end of a 20,000-character answer written in paragraphs of 400
//               characters, every other answer 500 characters; timed in the page, with no
//               round trip to it between keys. (One 20,000-character paragraph, as this
//               benchmark typed before, costs any page ~140 ms a key at CPU x4 to shape the
//               whole paragraph again, and hid the app's own cost behind it.)
//   work/key    the page's own work per key press in that typing, from a trace of 52 more keys:
//               rendering (style, layout, prepaint, paint, layerize, commit) and script (event
//               handlers, frame callbacks), totals over the keys typed; steadier than the
//               frame times, which on a shared machine swing by ×2 between runs
//   save        one save of the whole draft
// Runs are interleaved (plain, app, embed; plain, app, embed; ...) and each ratio is the median
// of the ratios within a run, so that a slower phase of the machine weighs on both sides.
// The script embed in the example ministry page is measured beside them. Then Lighthouse's
// performance audit with its mobile defaults (simulated slow 4G, CPU x4) on the app's own page
// and on the plain page, medians of RUNS: score, LCP, total blocking time, CLS, FCP, speed index.
// Run after a release build: `node benches/compare.mjs`. Prints two tables; asserts nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { DIST, launchBrowser } from '../tests/e2e/support.mjs';
import { serveSite } from '../tests/e2e/static-server.mjs';
import { saveProbe } from './save-probe.mjs';
import { keyFramesProbe, median, quantile, timeTyping } from './frame-probe.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
// First visits measured for the start alone, beside the RUNS full ones (START_RUNS, default 12).
const START_RUNS = Number(process.env.START_RUNS ?? 12);
// For a quicker look at one part: CPUS=4, PEERS=plain,app, LIGHTHOUSE=0 (the README's table is
// the whole run); TRACES=<folder> keeps each typing trace (Chromium's, for its DevTools).
const CPUS = (process.env.CPUS ?? '1,4').split(',').map(Number);
const ONLY = process.env.PEERS?.split(',');
const WITH_LIGHTHOUSE = process.env.LIGHTHOUSE !== '0';
const PRESSES = 52;
const GAP_MS = 40;
const paper = JSON.parse(readFileSync(fileURLToPath(new URL('../data/wipo-ip-ai-2019.json', import.meta.url)), 'utf8'));

/** The plain form: the same questions, labelled, and the whole draft saved at every input. */
function plainForm() {
  const esc = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const questions = [];
  const field = (q, label) =>
    questions.push(`<p><label for="q${q.id}">${label}</label><br><textarea id="q${q.id}" name="answer-${q.id}" rows="6" cols="80"></textarea></p>`);
  // Every question the paper asks: those of its issues, and those ending a paragraph (42).
  const endingParagraphs = (paragraphs) => {
    for (const p of paragraphs ?? []) if (p.question) field(p.question, esc(p.question.text.zh));
  };
  for (const area of paper.areas) {
    questions.push(`<h2>${esc(area.heading.zh)}</h2>`);
    endingParagraphs(area.paragraphs);
    for (const issue of area.issues) {
      questions.push(`<h3>${esc(issue.title.zh)}</h3>`);
      endingParagraphs(issue.paragraphs);
      for (const q of issue.questions) field(q, `${esc(q.label)} ${esc(q.text.zh)}`);
    }
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(paper.title.zh)}</title></head><body><h1>${esc(paper.title.zh)}</h1><form>${questions.join('\n')}</form>
<script>const f = document.forms[0], key = 'plain-form';
try { const saved = JSON.parse(localStorage.getItem(key) || '{}'); for (const [n, v] of Object.entries(saved)) if (f.elements[n]) f.elements[n].value = v; } catch {}
window.save = () => localStorage.setItem(key, JSON.stringify(Object.fromEntries(new FormData(f))));
f.addEventListener('input', save);</script></body></html>`;
}

const peerDir = mkdtempSync(join(tmpdir(), 'plain-form-'));
writeFileSync(join(peerDir, 'index.html'), plainForm());
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const site = await serveSite({
  routes: [['/app/', DIST], ['/plain/', peerDir], ['/static/forms/wipo-ai/', DIST], ['/ministry/', join(EXAMPLES, 'ministry')]],
});
const browser = await launchBrowser('en-US');

/** Each peer: its address, and where the files it loads come from (for the transfer sizes). */
const PEERS = {
  plain: { url: `${site.url}plain/`, files: { '/plain/': peerDir } },
  app: { url: `${site.url}app/?offline=off`, files: { '/app/': DIST } },
  // The script embed in the example ministry page (its own stylesheet counts too).
  embed: { url: `${site.url}ministry/consultations/ai.html`, files: { '/static/forms/wipo-ai/': DIST, '/ministry/': join(EXAMPLES, 'ministry') } },
};
for (const [name, peer] of Object.entries(PEERS)) peer.name = name;
const field = (id) => `textarea[name="answer-${id}"]`;

/** Records the first input event's time. */
function pageProbe() {
  window.__firstInput = null;
  addEventListener('input', () => { window.__firstInput ??= performance.now(); }, true);
}

/**
 * A first visit in a fresh profile: the page opened and, as a person does, a key pressed in the
 * first answer as soon as it shows, and again if nothing appeared. `landed` is when it arrived.
 */
async function firstVisit(peer, cpu) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  await context.addInitScript(pageProbe);
  await context.addInitScript(keyFramesProbe);
  await context.addInitScript(saveProbe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const files = new Set();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    for (const [prefix, dir] of Object.entries(peer.files)) {
      if (path.startsWith(prefix)) files.add(join(dir, path.slice(prefix.length) || 'index.html'));
    }
  });

  await page.goto(peer.url, { waitUntil: 'commit' });
  const first = page.locator(field('1.i'));
  await first.waitFor();
  for (let tries = 0; tries < 50; tries += 1) {
    await first.press('x');
    if (await page.evaluate(() => window.__firstInput !== null)) break;
    await page.waitForTimeout(100);
  }
  const landed = await page.evaluate(() => window.__firstInput);
  return { context, page, cdp, files, landed };
}

// A key can land before the first paint is reported (the field takes keys as soon as it is
// parsed): the entry is awaited.
const firstPaint = (page) =>
  page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, null, { timeout: 10_000 }).then((h) => h.jsonValue());

/** The start alone: key lands and first contentful paint of one more first visit. */
async function start(peer, cpu) {
  const { context, page, landed } = await firstVisit(peer, cpu);
  const fcp = await firstPaint(page);
  await context.close();
  return { landed, fcp };
}

async function measure(peer, cpu) {
  const { context, page, cdp, files, landed } = await firstVisit(peer, cpu);
  await page.waitForLoadState('load');
  // The app asks for its wasm once the page is painted, after the load event: the transfer
  // counts everything until every question's field is the app's.
  await page.locator('textarea[name^="answer-"]').nth(41).waitFor({ timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  const fcp = await firstPaint(page);

  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const body = readFileSync(file);
    gzip += gzipSync(body, { level: 9 }).length;
    brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }

  // Every question answered with 500 characters, one with 20,000 in paragraphs; typing at its
  // end.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const ids = await page.locator('textarea[name^="answer-"]').evaluateAll((all) => all.map((t) => t.name.slice(7)));
  for (const id of ids) await page.locator(field(id)).fill(`对问题 ${id} 的回答。An answer to ${id}. `.repeat(30).slice(0, 500));
  const long = page.locator(field('4.iii'));
  const paragraph = `${'知识产权 Intellectual property. '.repeat(16).slice(0, 398)}\n\n`;
  await long.fill(paragraph.repeat(50).slice(0, 20_000));
  await long.focus();
  await page.keyboard.press('End');
  // The app says a field's count 1.5 s after its last input and takes it out of the live region
  // 5 s later, each a small re-render: filling 42 fields at once leaves 84 of them to come,
  // which a person typing in one field never meets. Both pages get the same wait.
  await page.waitForTimeout(7000);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const frames = await timeTyping(page, PRESSES, GAP_MS);
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await timeTyping(page, PRESSES, GAP_MS);
  const trace = await browser.stopTracing();
  if (process.env.TRACES) writeFileSync(join(process.env.TRACES, `${peer.name}-x${cpu}-${Date.now()}.json`), trace);
  const work = workPerKey(trace, PRESSES);

  // One save of the whole draft: the plain form's save function; the app's, as the page hides.
  const save = await page.evaluate(async (isApp) => {
    const times = [];
    const field = (isApp ? document.querySelector('[data-consultation-response]').shadowRoot : document).querySelector('textarea[name="answer-4.iii"]');
    for (let i = 0; i < 20; i += 1) {
      field.value += '.';
      if (isApp) {
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        times.push(window.__timeAppSave());
      } else {
        const t0 = performance.now();
        window.save();
        times.push(performance.now() - t0);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return times.sort((a, b) => a - b)[10];
  }, peer !== PEERS.plain);
  await context.close();
  return { gzip, brotli, fcp, landed, p50: quantile(frames, 0.5), p95: quantile(frames, 0.95), ...work, save };
}

const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);
const SCRIPT = new Set(['EventDispatch', 'FireAnimationFrame', 'TimerFire', 'FunctionCall']);

/** The page's main thread's rendering and script time per key press, from a trace's events. */
function workPerKey(trace, keys) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const mains = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain') mains.set(`${e.pid}/${e.tid}`, 0);
  for (const e of events) if (mains.has(`${e.pid}/${e.tid}`)) mains.set(`${e.pid}/${e.tid}`, mains.get(`${e.pid}/${e.tid}`) + 1);
  const main = [...mains].sort((a, b) => b[1] - a[1])[0][0];
  let render = 0;
  let script = 0;
  // Script events nest (a frame callback inside a task): only the outermost one counts.
  let scriptEnd = 0;
  for (const e of events.filter((e) => e.ph === 'X' && `${e.pid}/${e.tid}` === main).sort((a, b) => a.ts - b.ts)) {
    if (RENDERING.has(e.name)) render += e.dur;
    if (SCRIPT.has(e.name) && e.ts >= scriptEnd) {
      script += e.dur;
      scriptEnd = e.ts + e.dur;
    }
  }
  return { render: render / 1000 / keys, script: script / 1000 / keys };
}

const results = {};
// Each measure's ratio to the plain form's in the same run, then the median of those.
const ratios = {};
for (const cpu of CPUS) {
  const runs = {};
  for (let i = 0; i < RUNS; i += 1) {
    for (const [name, peer] of Object.entries(PEERS)) {
      if (ONLY && !ONLY.includes(name)) continue;
      console.error(`measuring ${name} at CPU x${cpu}, run ${i + 1}`);
      (runs[name] ??= []).push(await measure(peer, cpu));
    }
  }
  // The start varies more from visit to visit than typing does: more first visits, each a few
  // seconds, are added to the RUNS full ones.
  const starts = Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, list.map(({ landed, fcp }) => ({ landed, fcp }))]));
  for (let i = 0; i < START_RUNS; i += 1) {
    for (const name of Object.keys(runs)) {
      console.error(`measuring ${name}'s start at CPU x${cpu}, visit ${i + 1}`);
      starts[name].push(await start(PEERS[name], cpu));
    }
  }
  const summary = (list, plain) => {
    const keys = Object.keys(list[0]);
    return [
      Object.fromEntries(keys.map((k) => [k, median(list.map((r) => r[k]))])),
      plain && Object.fromEntries(keys.map((k) => [k, median(list.map((r, i) => r[k] / plain[i][k]))])),
    ];
  };
  for (const name of Object.keys(runs)) {
    const [typing, typingRatios] = summary(runs[name], runs.plain);
    const [started, startRatios] = summary(starts[name], starts.plain);
    results[`${name}@${cpu}`] = { ...typing, ...started };
    if (runs.plain) ratios[`${name}@${cpu}`] = { ...typingRatios, ...startRatios };
  }
}
await browser.close();

/** Lighthouse's performance audit, mobile defaults, in a fresh profile each run. */
async function lighthouseRun(url) {
  const profile = mkdtempSync(join(tmpdir(), 'cr-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    userDataDir: profile,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    envVars: { ...process.env, LANGUAGE: 'zh_CN', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const value = (id) => lhr.audits[id].numericValue;
    return {
      score: lhr.categories.performance.score * 100,
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      fcp: value('first-contentful-paint'),
      si: value('speed-index'),
    };
  } finally {
    await chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}
const audits = {};
for (const name of WITH_LIGHTHOUSE ? ['plain', 'app'] : []) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await lighthouseRun(PEERS[name].url));
  audits[name] = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
}
await site.close();

if (ONLY || CPUS.length < 2 || !WITH_LIGHTHOUSE) {
  // A partial run: the medians as they are, no table.
  console.log(JSON.stringify({ results, ratios, audits }, null, 1));
  process.exit(0);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const rows = [
  ['transfer, gzip', 'gzip', kb],
  ['transfer, brotli', 'brotli', kb],
  ['first contentful paint', 'fcp', ms],
  ['navigation → key press lands', 'landed', ms],
  ['key press → next frame, p50', 'p50', ms],
  ['key press → next frame, p95', 'p95', ms],
  ['rendering work per key press', 'render', ms],
  ['script work per key press', 'script', ms],
  ['one save of the whole draft', 'save', ms],
];
console.log(`| | CPU | plain form | this app | app / plain (median of each run's ratio) | script embed in a host page |`);
console.log(`|---|---|---|---|---|---|`);
for (const cpu of [1, 4]) {
  for (const [label, key, format] of rows) {
    if ((key === 'gzip' || key === 'brotli') && cpu === 4) continue;
    const [plain, app, embed] = ['plain', 'app', 'embed'].map((name) => results[`${name}@${cpu}`][key]);
    console.log(`| ${label} | ×${cpu} | ${format(plain)} | ${format(app)} | ×${ratios[`app@${cpu}`][key].toFixed(2)} | ${format(embed)} |`);
  }
}
console.log('');
console.log('Lighthouse, performance, mobile defaults (simulated slow 4G, CPU ×4), the own page:');
console.log('');
console.log('| | plain form | this app |');
console.log('|---|---|---|');
const lighthouseRows = [
  ['performance score', 'score', (v) => v.toFixed(0)],
  ['largest contentful paint', 'lcp', ms],
  ['total blocking time', 'tbt', ms],
  ['cumulative layout shift', 'cls', (v) => v.toFixed(3)],
  ['first contentful paint', 'fcp', ms],
  ['speed index', 'si', ms],
];
for (const [label, key, format] of lighthouseRows) console.log(`| ${label} | ${format(audits.plain[key])} | ${format(audits.app[key])} |`);
const goals = [
  ['Lighthouse performance ≥ 95', audits.app.score >= 95],
  ['Lighthouse LCP ≤ 2.0 s', audits.app.lcp <= 2000],
  ['Lighthouse total blocking time ≤ 200 ms', audits.app.tbt <= 200],
  ['typing: key → frame p95 at ×4 ≤ 1.25 × plain', ratios['app@4'].p95 <= 1.25],
  ['start: key lands at ×4 ≤ 1.25 × plain', ratios['app@4'].landed <= 1.25],
  ['size: first visit ≤ 200 KB gzip', results['app@1'].gzip <= 200 * 1024],
  ['size: first visit ≤ 160 KB brotli', results['app@1'].brotli <= 160 * 1024],
];
console.log('');
for (const [goal, met] of goals) console.log(`${met ? 'met    ' : 'NOT met'}  ${goal}`);
