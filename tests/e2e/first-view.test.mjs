// The page before the app: the app's first view (its first render, written into the page at
// build time) is on screen as soon as the page is, can be read and typed into while the
// WebAssembly is held back, and the app takes its place keeping focus, the caret and every
// character, which it records in the draft. Text typed over a stored answer is never put over it
// silently. A language pressed before the start shows the view in it at once and the app starts
// in it; any other button pressed before the start is pressed by the app as it takes over. The
// same on a ministry's page through the script embed, under the strict CSP with Trusted Types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, STORAGE_KEY, launchBrowser } from './support.mjs';
import { serveSite } from './static-server.mjs';

const APP = '/static/forms/wipo-ai/';
const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'";
const TITLE = { zh: '关于知识产权政策与人工智能的议题文件草案', en: 'Draft Issues Paper on Intellectual Property Policy and Artificial Intelligence' };

let site;
let browser;
before(async () => {
  site = await serveSite({
    routes: [
      ['/app/', DIST],
      [APP, DIST],
      ['/ministry/', fileURLToPath(new URL('../../examples/ministry/', import.meta.url))],
    ],
    headers: (path) => (path.startsWith('/ministry/') ? { 'content-security-policy': CSP } : {}),
  });
  browser = await launchBrowser('zh-CN');
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** A page of a fresh browser whose wasm arrives only when `release()` is called. */
async function heldBack(locale = 'zh-CN', viewport = { width: 1000, height: 900 }) {
  const context = await browser.newContext({ locale, viewport });
  await context.addInitScript(() => {
    globalThis.appRoot = () => document.querySelector('[data-consultation-response]')?.shadowRoot;
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  let release;
  let gate;
  const hold = () => (gate = new Promise((resolve) => (release = resolve)));
  hold();
  let wasmAsked = null;
  await context.route(/_bg\.wasm$/, async (route) => {
    // What the page showed when the wasm was asked for.
    wasmAsked = await route.request().frame().evaluate(() => ({
      painted: performance.getEntriesByName('first-contentful-paint').length === 1,
      firstView: Boolean(document.querySelector('[data-consultation-response]')?.shadowRoot?.querySelector('[data-first-view] h1')),
    }));
    await gate;
    await route.continue();
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error));
  return { context, page, hold, release: () => release(), wasmAsked: () => wasmAsked };
}

/** Resolves once the app has taken the first view's place. */
const appStarted = (page) =>
  page.waitForFunction(() => appRoot()?.querySelector('.cr-app') && !appRoot().querySelector('[data-first-view]'));

/** Where the focus is in the app's tree, and its selection and text. */
const focused = (page) =>
  page.evaluate(() => {
    const active = appRoot().activeElement;
    return { id: active?.id, start: active?.selectionStart, end: active?.selectionEnd, value: active?.value };
  });

/** The element's place in the document (not the viewport). */
const place = (locator) =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { top: Math.round(box.top + scrollY), left: Math.round(box.left), width: Math.round(box.width) };
  });

async function waitForStored(page, check) {
  for (let i = 0; i < 50; i += 1) {
    const raw = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    const draft = raw && JSON.parse(raw);
    if (draft && check(draft)) return draft;
    await page.waitForTimeout(100);
  }
  throw new Error(`the draft was not stored as expected: ${await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)}`);
}

test('index.html carries the first view in a declarative shadow root, with its stylesheet, and no script of its own', () => {
  const page = readFileSync(join(DIST, 'index.html'), 'utf8');
  const template = page.match(/<template shadowrootmode="open">(.*?)<\/template>/s)?.[1];
  assert.ok(template, 'a declarative shadow root');
  assert.match(template, /^<link rel="stylesheet" href="app-[0-9a-f]+\.css">/);
  assert.match(template, /<div data-first-view lang="zh-CN" class="cr-app">/);
  assert.match(template, new RegExp(TITLE.zh));
  assert.doesNotMatch(template, /<script|\son[a-z]+=/i);
  // Every question of the first issue, with its field named as the app names it.
  for (const id of ['1.i', '1.ii', '1.iii']) assert.match(template, new RegExp(`<textarea id="answer-${id.replace('.', '\\.')}" name="answer-${id.replace('.', '\\.')}"`));
});

test('before the app has started the paper is on screen and takes typing; the app keeps focus, caret and every character, and saves them', async () => {
  const { context, page, release, wasmAsked } = await heldBack();
  await page.goto(`${site.url}app/?offline=off`);
  const answer = page.locator('textarea[name="answer-1.i"]');
  await answer.waitFor();
  assert.equal(await page.locator('[data-first-view] h1').textContent(), TITLE.zh);
  for (let i = 0; i < 100 && !wasmAsked(); i += 1) await page.waitForTimeout(20);
  assert.deepEqual(wasmAsked(), { painted: true, firstView: true }, 'the wasm is asked for once the first view is painted');
  assert.equal(await page.locator('[data-first-view]').count(), 1);
  const before = { answer: await place(answer), name: await place(page.locator('#respondent-name')) };

  await page.locator('#respondent-name').fill('王五');
  await page.locator('#respondent-capacity-on-behalf-of-organisation').check();
  await page.locator('#respondent-kind').selectOption('government-or-ip-office');
  await page.locator('#respondent-publication-acknowledged').check();
  await answer.click();
  await page.keyboard.type('启动前输入的文字');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await focused(page), { id: 'answer-1.i', start: 6, end: 6, value: '启动前输入的文字' });
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), null, 'nothing is stored before the app runs');

  release();
  await appStarted(page);
  // The app's own field, in the same place, with the focus and the caret where they were.
  assert.deepEqual(await focused(page), { id: 'answer-1.i', start: 6, end: 6, value: '启动前输入的文字' });
  assert.deepEqual({ answer: await place(answer), name: await place(page.locator('#respondent-name')) }, before);
  assert.equal(await page.locator('#respondent-name').inputValue(), '王五');
  await page.keyboard.type('再写');
  assert.equal(await answer.inputValue(), '启动前输入的再写文字');
  const stored = await waitForStored(page, (d) => d.answers?.['1.i'] === '启动前输入的再写文字' && d.respondent?.name === '王五');
  // The choices made before the app started are kept too, in the draft and on screen.
  assert.deepEqual(
    [stored.respondent.capacity, stored.respondent.kind, stored.respondent.publication_acknowledged],
    ['on-behalf-of-organisation', 'government-or-ip-office', true],
  );
  assert.equal(await page.locator('#respondent-kind').inputValue(), 'government-or-ip-office');
  assert.ok(await page.locator('#respondent-capacity-on-behalf-of-organisation').isChecked());
  assert.ok(await page.locator('#respondent-publication-acknowledged').isChecked());
  // The paper goes on coming an issue at a time: the field keeps the focus throughout.
  await page.locator('#cr-submit').waitFor();
  assert.equal((await focused(page)).id, 'answer-1.i');
  await page.reload();
  await page.locator('#cr-submit').waitFor();
  assert.equal(await answer.inputValue(), '启动前输入的再写文字');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('text typed before the app started, over a stored answer, keeps both to choose from', async () => {
  const { context, page, hold, release } = await heldBack();
  release();
  await page.goto(`${site.url}app/?offline=off`);
  await page.locator('#cr-submit').waitFor();
  await page.locator('textarea[name="answer-1.i"]').fill('已存的回答');
  await waitForStored(page, (d) => d.answers?.['1.i'] === '已存的回答');
  await page.close();

  // The first view shows the field empty (it is the same for everyone); the person types.
  hold();
  const again = await context.newPage();
  await again.goto(`${site.url}app/?offline=off`);
  const field = again.locator('textarea[name="answer-1.i"]');
  await field.click();
  await again.keyboard.type('新写的');
  release();
  await appStarted(again);
  const alert = again.getByRole('alert').filter({ hasText: '同一内容在两处被同时修改' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /已存的回答/);
  assert.equal(await field.inputValue(), '新写的');
  await alert.getByRole('button', { name: '两个版本都保留' }).click();
  assert.equal(await field.inputValue(), '新写的\n\n已存的回答');
  await waitForStored(again, (d) => d.answers?.['1.i'] === '新写的\n\n已存的回答' && !d.conflicts);
  await context.close();
});

test('a browser preferring English gets the English first view before the app starts', async () => {
  const { context, page, release } = await heldBack('en-US');
  await page.goto(`${site.url}app/?offline=off`);
  const view = page.locator('[data-first-view][lang="en"]');
  await view.waitFor();
  assert.equal(await view.locator('h1').textContent(), TITLE.en);
  await page.locator('textarea[name="answer-1.ii"]').fill('typed early');
  release();
  await appStarted(page);
  assert.equal(await page.locator('.cr-app').getAttribute('lang'), 'en');
  assert.equal(await page.locator('textarea[name="answer-1.ii"]').inputValue(), 'typed early');
  await waitForStored(page, (d) => d.answers?.['1.ii'] === 'typed early');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a language pressed before the app has started: its view at once, with what was typed, and the app starts in it and keeps the choice', async () => {
  const { context, page, release } = await heldBack();
  await page.goto(`${site.url}app/?offline=off`);
  await page.locator('[data-first-view][lang="zh-CN"]').waitFor();
  await page.locator('#respondent-name').fill('Wang Wu');
  await page.locator('#respondent-capacity-on-behalf-of-organisation').check();
  await page.locator('textarea[name="answer-1.i"]').fill('先写的');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  const view = page.locator('[data-first-view][lang="en"]');
  await view.waitFor();
  assert.equal(await view.locator('h1').textContent(), TITLE.en);
  assert.equal(await page.locator('[data-first-view]').count(), 1);
  assert.equal(await page.locator('textarea[name="answer-1.i"]').inputValue(), '先写的');
  assert.equal(await page.locator('#respondent-name').inputValue(), 'Wang Wu');
  assert.ok(await page.locator('#respondent-capacity-on-behalf-of-organisation').isChecked());
  assert.deepEqual(
    await page.evaluate(() => [appRoot().activeElement?.textContent, appRoot().activeElement?.getAttribute('aria-pressed')]),
    ['English', 'true'],
    'the focus stays on the button pressed',
  );

  release();
  await appStarted(page);
  assert.equal(await page.locator('.cr-app').getAttribute('lang'), 'en');
  assert.equal(await page.locator('textarea[name="answer-1.i"]').inputValue(), '先写的');
  const stored = await waitForStored(page, (d) => d.answers?.['1.i'] === '先写的' && d.respondent?.name === 'Wang Wu');
  assert.equal(stored.respondent.capacity, 'on-behalf-of-organisation');
  // Kept as a choice made in the app is: the page opens in English again in this Chinese browser.
  await page.reload();
  await page.locator('#cr-submit').waitFor();
  assert.equal(await page.locator('.cr-app').getAttribute('lang'), 'en');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('of two languages pressed before the app has started, the last one pressed is the one shown and kept', async () => {
  const { context, page, release } = await heldBack();
  let releaseView;
  const viewGate = new Promise((resolve) => (releaseView = resolve));
  await context.route(/first-view\.en-[0-9a-f]+\.html$/, async (route) => {
    await viewGate;
    await route.continue();
  });
  await page.goto(`${site.url}app/?offline=off`);
  await page.locator('[data-first-view][lang="zh-CN"]').waitFor();
  await page.locator('textarea[name="answer-1.i"]').fill('先写的');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  // Changed mind while the English view is still on its way.
  await page.getByRole('button', { name: '中文', exact: true }).click();
  releaseView();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('[data-first-view]').getAttribute('lang'), 'zh-CN');
  assert.equal(await page.locator('textarea[name="answer-1.i"]').inputValue(), '先写的');

  release();
  await appStarted(page);
  assert.equal(await page.locator('.cr-app').getAttribute('lang'), 'zh-CN');
  assert.equal(await page.locator('textarea[name="answer-1.i"]').inputValue(), '先写的');
  await waitForStored(page, (d) => d.answers?.['1.i'] === '先写的');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('buttons pressed before the app has started are pressed by the app as it takes over, each once', async () => {
  const { context, page, release } = await heldBack();
  await page.goto(`${site.url}app/?offline=off`);
  await page.locator('[data-first-view][lang="zh-CN"]').waitFor();
  await page.locator('textarea[name="answer-1.ii"]').fill('先写的');
  const drafts = page.locator('.cr-drafts__toggle[aria-controls="cr-drafts-body"]');
  // Nothing happens yet, so a person presses again: still one press, the panel opens.
  await drafts.click();
  await drafts.click();
  assert.equal(await drafts.getAttribute('aria-expanded'), 'false');
  const noComment = page.locator('#question-1\\.i').getByRole('button', { name: '无意见。' });
  await noComment.click();
  assert.equal(await page.locator('textarea[name="answer-1.i"]').inputValue(), '');
  assert.equal(await page.evaluate(() => getComputedStyle(appRoot().activeElement).cursor), 'progress');

  release();
  await appStarted(page);
  assert.equal(await drafts.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#cr-drafts-body').isVisible(), true);
  assert.equal(await page.locator('textarea[name="answer-1.i"]').inputValue(), '无意见。');
  assert.equal(await page.locator('textarea[name="answer-1.ii"]').inputValue(), '先写的');
  // The quick answer's own focus: its field.
  assert.equal(await page.evaluate(() => appRoot().activeElement?.name), 'answer-1.i');
  await waitForStored(page, (d) => d.answers?.['1.i'] === '无意见。' && d.answers?.['1.ii'] === '先写的');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('view options switched before the app has started stay switched, and take effect', async () => {
  // Wide enough for the contents column, where the view options are.
  const { context, page, release } = await heldBack('zh-CN', { width: 1280, height: 900 });
  await page.goto(`${site.url}app/?offline=off`);
  await page.locator('[data-first-view]').waitFor();
  await page.locator('#cr-fold-context').check();
  release();
  await appStarted(page);
  assert.ok(await page.locator('#cr-fold-context').isChecked());
  assert.equal(await page.locator('#cr-unanswered-only').isChecked(), false);
  // The app's own handler ran: the context paragraphs are folded, and stay so on reload.
  const context6 = page.locator('details.cr-context').filter({ has: page.locator('#paragraph-6') });
  assert.equal(await context6.evaluate((details) => details.open), false);
  await page.reload();
  await page.locator('#cr-submit').waitFor();
  assert.ok(await page.locator('#cr-fold-context').isChecked());
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the script embed shows the first view in a ministry's page under the strict CSP with Trusted Types, and keeps what is typed", async () => {
  const { context, page, release } = await heldBack('en-US');
  await page.goto(`${site.url}ministry/consultations/ai.html`);
  // The host asks for Chinese (data-lang); the view comes from its own hashed file.
  const view = page.locator('[data-first-view][lang="zh-CN"]');
  await view.waitFor();
  assert.equal(await view.locator('h1').textContent(), TITLE.zh);
  await page.locator('textarea[name="answer-1.iii"]').click();
  await page.keyboard.type('部委页面上先写');
  release();
  await appStarted(page);
  assert.deepEqual(await focused(page), { id: 'answer-1.iii', start: 7, end: 7, value: '部委页面上先写' });
  await waitForStored(page, (d) => d.answers?.['1.iii'] === '部委页面上先写');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});
