// Benchmark: the consolidation desk with thirty contributions of a full draft each (42 answers
// of 2,000 characters and 7 comments: about 2.5 million characters in all). Run after a release
// build: `node benches/consolidation.mjs` (`RUNS=` to change the 3 runs). At CPU ×1 and ×4
// (DevTools throttling), medians:
// - adding the 30 files at once: from choosing them to every contribution on the page, and the
//   longest task meanwhile (what a click or key press may wait for);
// - opening question 1 (i)'s 30 contributions (folded, as the desk shows more than five
//   contributors): from the click to all 30 on screen, and the longest task;
// - opening the page again with the 30 contributions stored: from navigation to question 1 (i)
//   saying it has 30 contributions, and the longest task;
// - typing into the consolidated answer of question 1 (i) with its 30 contributions open on
//   screen (the other questions' folded):
//   key press → next frame, p50 and p95, against the same with no contributions.
// Prints a table; asserts nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerField, openApp, openContext, start } from '../tests/e2e/support.mjs';
import { draftFile } from '../tests/e2e/draft-files.mjs';
import { frameProbe, median, quantile, timeKeyPresses } from './frame-probe.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const CONTRIBUTORS = 30;
const PRESSES = 40;

/** Records the longest task since `__longest` was last set to 0. */
function longestTaskProbe() {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

async function typing(page) {
  const field = answerField(page, '1.i');
  await field.fill('综合意见。'.repeat(400));
  await field.focus();
  await page.keyboard.press('End');
  await page.waitForTimeout(1000);
  const frames = await timeKeyPresses(page, PRESSES);
  return { p50: quantile(frames, 0.5), p95: quantile(frames, 0.95) };
}

const dir = mkdtempSync(join(tmpdir(), 'cr-bench-desk-'));
const env = await start({ uiLanguage: 'zh-CN' });
const results = {};
try {
  // The question and area ids, from the app itself.
  const { context: probe } = await openContext(env);
  const probePage = await openApp(probe, env.url);
  const ids = await probePage.locator('textarea[name^="answer-"]').evaluateAll((all) => all.map((t) => t.name.slice(7)));
  const areas = await probePage.locator('textarea[name^="comment-"]').evaluateAll((all) => all.map((t) => t.name.slice(8)));
  await probe.close();
  const paths = [];
  for (let n = 1; n <= CONTRIBUTORS; n += 1) {
    const path = join(dir, `contributor-${n}.json`);
    writeFileSync(path, draftFile(n, ids, areas));
    paths.push(path);
  }

  for (const cpu of [1, 4]) {
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) {
      const { context } = await openContext(env, { init: longestTaskProbe, viewport: { width: 1280, height: 800 } });
      await context.addInitScript(frameProbe);
      const page = await openApp(context, env.url);
      const cdp = await context.newCDPSession(page);
      const without = await (async () => {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
        const frames = await typing(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        return frames;
      })();

      await page.locator('#cr-desk-toggle').click();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#desk-choose').click()]);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      await page.evaluate(() => { window.__longest = 0; });
      const t0 = Date.now();
      await chooser.setFiles(paths);
      await page.locator('.cr-desk__report li').nth(CONTRIBUTORS - 1).waitFor({ timeout: 120_000 });
      await page.locator('#question-13\\.ii summary', { hasText: `${CONTRIBUTORS} 份` }).waitFor();
      const added = Date.now() - t0;
      const addLongest = await page.evaluate(() => window.__longest);

      // What the 30 contributions take in this origin's storage (IndexedDB, on disk).
      await page.waitForTimeout(1000);
      const stored = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
      // Opening the question being consolidated: its 30 contributions on screen.
      await page.evaluate(() => { window.__longest = 0; });
      const t1 = Date.now();
      await page.locator('#question-1\\.i summary').click();
      await page.locator('#question-1\\.i .cr-contribution').nth(CONTRIBUTORS - 1).waitFor();
      const opened = Date.now() - t1;
      const openLongest = await page.evaluate(() => window.__longest);
      const withContributions = await typing(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await page.waitForTimeout(1500);

      // Opening again: the 30 contributions come from the store.
      const again = await context.newPage();
      const cdp2 = await context.newCDPSession(again);
      await cdp2.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      await again.goto(env.url, { waitUntil: 'commit' });
      await again.locator('#question-1\\.i summary', { hasText: `${CONTRIBUTORS} 份` }).waitFor({ timeout: 120_000 });
      const reopened = await again.evaluate(() => performance.now());
      const reopenLongest = await again.evaluate(() => window.__longest);
      runs.push({
        added, addLongest, opened, openLongest, reopened, reopenLongest, stored,
        p50: withContributions.p50, p95: withContributions.p95, p50Without: without.p50, p95Without: without.p95,
      });
      await context.close();
    }
    results[cpu] = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
  }
} finally {
  await env.stop();
}

const ms = (value) => `${value.toFixed(0)} ms`;
// The long-task observer reports only tasks over 50 ms.
const longest = (value) => (value === 0 ? 'none over 50 ms' : ms(value));
console.log(`${CONTRIBUTORS} contributions of a full draft each; medians of ${RUNS}`);
console.log(`storage used by the origin with them stored: ${(results[1].stored / 1e6).toFixed(1)} MB`);
console.log('| | CPU ×1 | CPU ×4 |');
console.log('|---|---|---|');
for (const [label, key] of [
  ['adding the 30 files: chosen → all on the page', 'added'],
  ['  longest task meanwhile', 'addLongest'],
  ['opening question 1 (i): click → its 30 contributions on screen', 'opened'],
  ['  longest task meanwhile', 'openLongest'],
  ['opening the page again: navigation → 1 (i) says it has 30 contributions', 'reopened'],
  ['  longest task meanwhile', 'reopenLongest'],
  ['key press → next frame, p50, 30 contributions on screen', 'p50'],
  ['key press → next frame, p95, 30 contributions on screen', 'p95'],
  ['key press → next frame, p50, no contributions', 'p50Without'],
  ['key press → next frame, p95, no contributions', 'p95Without'],
]) {
  const format = key.endsWith('Longest') ? longest : ms;
  console.log(`| ${label} | ${format(results[1][key])} | ${format(results[4][key])} |`);
}
