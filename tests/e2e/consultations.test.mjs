// Any consultation: the app built for the example consultation of data/ (CONSULTATION=…), served
// beside WIPO's on one site. The example is in one language (English) and asks a question at the
// end of an issue's paragraph; everything the app does for WIPO's paper it does for this one:
// its paper, its drafts, every download read back by its real reader, print, review, the desk,
// the script embed under the strict CSP, and axe in its language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { DIST, WORDS, appStarted, chooseFile, launchBrowser, openDrafts } from './support.mjs';
import { serveSite } from './static-server.mjs';
import { readBlocks } from './markdown-reader.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = 'data/example-digital-services-2026.json';
const example = JSON.parse(readFileSync(join(ROOT, EXAMPLE), 'utf8'));
const EN = WORDS.en;
/** The README's CSP; a host page allows no Trusted Types policy. */
const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types consultation-response";
const HOST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Consultations · Example Ministry</title></head>
<body><main><h1>Consultations of the Example Ministry</h1><p>Write your comments below.</p>
<div data-consultation-response></div><script type="module" src="/forms/example/consultation-response.js"></script></main></body></html>`;

let site;
let browser;
const exampleDist = mkdtempSync(join(tmpdir(), 'cr-example-dist-'));
const dir = mkdtempSync(join(tmpdir(), 'cr-example-'));

before(async () => {
  // The same build, for the example's file: what a ministry does for its own consultation.
  execFileSync(join(ROOT, 'scripts/build.sh'), ['--dist', exampleDist], {
    cwd: ROOT,
    env: { ...process.env, CONSULTATION: EXAMPLE },
    stdio: 'ignore',
  });
  site = await serveSite({
    routes: [['/wipo/', DIST], ['/example/', exampleDist], ['/forms/example/', exampleDist], ['/ministry/', dir]],
    headers: (path) => ({
      'content-security-policy': path.startsWith('/ministry/') ? STRICT_CSP.replace('trusted-types consultation-response', "trusted-types 'none'") : STRICT_CSP,
    }),
    override: (path) => (path === '/ministry/comments.html' ? { body: HOST_PAGE } : null),
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** The example's answerable questions in the paper's order: a paragraph's question before its issue's. */
const questions = (paper) =>
  paper.areas.flatMap((area) => [
    ...area.paragraphs.filter((p) => p.question).map((p) => p.question.id),
    ...area.issues.flatMap((issue) => [
      ...(issue.paragraphs ?? []).filter((p) => p.question).map((p) => p.question.id),
      ...issue.questions.map((q) => q.id),
    ]),
  ]);
const IDS = questions(example);
const ANSWERS = { p4: 'Yes: keep one counter in every town.', '2.ii': 'Test every service with screen readers.', p5: 'Yes, with a log people can read.' };

async function newContext(locale = 'en-US') {
  const context = await browser.newContext({ locale, acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return context;
}

/** Opens the app at `path` and waits for its `count` answer fields. */
async function open(context, path, count) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error));
  await page.goto(`${site.url}${path}`);
  await page.locator('textarea[name^="answer-"]').nth(count - 1).waitFor();
  await page.locator('#cr-submit').waitFor();
  return page;
}

const field = (page, id) => page.locator(`textarea[name="answer-${id}"]`);

async function download(page, label) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** Waits until the field (in the app's shadow root) holds `text`. */
async function valueBecomes(locator, text) {
  for (let i = 0; i < 100 && (await locator.inputValue()) !== text; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await locator.inputValue(), text);
}

async function fill(page) {
  for (const [id, text] of Object.entries(ANSWERS)) await field(page, id).fill(text);
  await page.locator('#respondent-name').fill('Ann Example');
  await page.locator('#respondent-kind').selectOption('community-group');
  await page.waitForTimeout(600);
}

test('an app built for another consultation serves it beside WIPO\'s: its paper in its one language, its drafts, its organiser', { timeout: 240_000 }, async () => {
  assert.equal(IDS.length, 13);
  // A browser that prefers Chinese: the paper has only English, so English it is.
  const context = await newContext('zh-CN');
  const mine = await open(context, 'example/', IDS.length);
  assert.equal(await mine.title(), `Consultation response · ${example.symbol} ${example.title.en}`);
  assert.equal(await mine.locator('.cr-app').getAttribute('lang'), 'en');
  assert.equal(await mine.evaluate(() => document.documentElement.lang), 'en');
  const fields = await mine.locator('textarea[name^="answer-"]').evaluateAll((all) => all.map((f) => f.name));
  assert.deepEqual(fields, IDS.map((id) => `answer-${id}`), 'every question of the file, in order, and nothing else');
  // The question ending paragraph 4, in issue 1, has its field after the paragraph, before (i).
  assert.match(await mine.locator('#question-p4').innerText(), /Question of paragraph 4/);
  assert.match(await mine.locator('.cr-header').innerText(), /consultation@ministry\.example/);
  assert.ok(await mine.getByRole('heading', { name: 'Send to the Example Ministry' }).isVisible());
  // One language: no switch, no choice of the document's language, no wording marks.
  assert.equal(await mine.locator('.cr-language').count(), 0);
  assert.equal(await mine.locator('input[name="download-language"]').count(), 0);
  assert.equal(await mine.locator('.cr-origin').count(), 0);
  // Its own kinds of respondent.
  assert.deepEqual(await mine.locator('#respondent-kind option').allTextContents(), ['Choose one', 'Individual', 'Business', 'Charity or community group', 'Public body']);
  // This organiser publishes nothing: no publication question, and the review does not ask it.
  assert.equal(await mine.locator('#respondent-publication-acknowledged').count(), 0);
  await mine.getByRole('button', { name: EN.review }).click();
  const summary = await mine.locator('.cr-error-summary').innerText();
  assert.match(summary, /Enter your name/);
  assert.doesNotMatch(summary, /publish/);
  await field(mine, '1.i').fill('Keep them.');
  await field(mine, 'p4').fill('Yes.');

  const wipo = await open(context, 'wipo/', 42);
  await field(wipo, '1.i').fill('WIPO 的回答。');
  await wipo.waitForTimeout(600);
  await mine.reload();
  await appStarted(mine);
  await wipo.reload();
  await appStarted(wipo);
  assert.equal(await field(mine, '1.i').inputValue(), 'Keep them.');
  assert.equal(await field(mine, 'p4').inputValue(), 'Yes.');
  assert.equal(await field(wipo, '1.i').inputValue(), 'WIPO 的回答。');
  const keys = await mine.evaluate(() => Object.keys(localStorage).filter((k) => !k.includes('/settings/')));
  assert.ok(keys.includes(`consultation-response/v1/${example.id}`) && keys.includes('consultation-response/v1/wipo-ip-ai-2019'), `keys: ${keys}`);

  // A draft file of WIPO's paper is another consultation's, and changes nothing.
  const wipoFile = await download(wipo, '下载草稿文件（.json，可重新导入）');
  await chooseFile(mine, wipoFile.path, EN.chooseFile);
  await mine.getByRole('alert').filter({ hasText: 'it belongs to another consultation (wipo-ip-ai-2019)' }).waitFor();
  assert.equal(await field(mine, '1.i').inputValue(), 'Keep them.');
  assert.deepEqual([...mine.errors, ...wipo.errors], []);
  await context.close();
});

test('every download of the example is read back by its real reader, the draft file opens again, and printing gives the response', { timeout: 300_000 }, async () => {
  const context = await newContext();
  const page = await open(context, 'example/', IDS.length);
  await fill(page);
  const cover = 'Policy Department, Example Ministry (consultation@ministry.example)';

  const word = await download(page, 'Download Word document (.docx)');
  assert.match(word.name, /^EXAMPLE-DS-2026-1_Ann-Example_\d{4}-\d{2}-\d{2}\.docx$/);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, word.path], { timeout: 120_000 });
  const wordText = readFileSync(word.path.replace(/\.docx$/, '.txt'), 'utf8');
  const html = await download(page, 'Download web page (.html, can be opened again here)');
  const reader = await context.newPage();
  await reader.goto(`file://${html.path}`);
  const htmlText = await reader.locator('main.rd').innerText();
  const markdown = readBlocks(readFileSync((await download(page, 'Download Markdown text (.md)')).path, 'utf8')).map((b) => b.text).join('\n');
  const text = readFileSync((await download(page, 'Download plain text (.txt)')).path, 'utf8');
  for (const [format, body] of Object.entries({ word: wordText, html: htmlText, markdown, text })) {
    for (const expected of [cover, example.symbol, ...Object.values(ANSWERS), 'Ann Example', 'Charity or community group', 'Question of paragraph 4']) {
      assert.ok(body.includes(expected), `${format} holds "${expected}"`);
    }
    assert.ok(!/WIPO|Question wording|Publication/.test(body), `${format}: nothing of WIPO's, no wording line, no publication line`);
    const order = Object.values(ANSWERS).map((a) => body.indexOf(a));
    assert.deepEqual([...order].sort((a, b) => a - b), order, `${format}: the answers in the paper's order`);
  }

  // The draft file and the web page both open again, in a browser that has never seen them.
  const draft = await download(page, EN.draftFile);
  for (const file of [draft.path, html.path]) {
    const fresh = await newContext();
    const other = await open(fresh, 'example/', IDS.length);
    await chooseFile(other, file, EN.chooseFile);
    await other.getByRole('button', { name: EN.replace }).click();
    await other.getByText('The draft from the file is open.').waitFor();
    for (const [id, answer] of Object.entries(ANSWERS)) assert.equal(await field(other, id).inputValue(), answer, `${file}: ${id}`);
    assert.equal(await other.locator('#respondent-kind').inputValue(), 'community-group');
    await fresh.close();
  }

  // Printing: the response as a document, none of the interface.
  await page.emulateMedia({ media: 'print' });
  writeFileSync(join(dir, 'print.pdf'), await page.pdf({ format: 'A4' }));
  const printed = execFileSync('pdftotext', ['-layout', join(dir, 'print.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const answer of Object.values(ANSWERS)) assert.ok(printed.includes(answer), `printed: ${answer}`);
  for (const label of ['Download Word document (.docx)', 'Choose a file', 'Quick answers']) assert.ok(!printed.includes(label), `printed: ${label}`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the example keeps several drafts, and its desk combines a contribution', { timeout: 240_000 }, async () => {
  // A contributor's file, written in another browser.
  const contributorContext = await newContext();
  const contributor = await open(contributorContext, 'example/', IDS.length);
  await contributor.locator('#respondent-organisation').fill('Digital Agency');
  await field(contributor, '3.ii').fill('Ask once, keep it once.');
  await contributor.waitForTimeout(600);
  const contribution = await download(contributor, EN.draftFile);
  await contributorContext.close();

  const context = await newContext();
  const page = await open(context, 'example/', IDS.length);
  await field(page, '1.i').fill('First draft.');
  await openDrafts(page, EN.manageDrafts);
  await page.getByRole('button', { name: EN.newDraft, exact: true }).click();
  await valueBecomes(field(page, '1.i'), '');
  await field(page, '1.i').fill('Second draft.');
  await page.waitForTimeout(600);
  await page.reload();
  await appStarted(page);
  assert.equal(await field(page, '1.i').inputValue(), 'Second draft.');
  await openDrafts(page, EN.manageDrafts);
  assert.deepEqual(await page.locator('.cr-drafts__list .cr-drafts__name').allTextContents(), ['Draft 1', 'Draft 2']);
  await page.getByRole('button', { name: 'Open Draft 1' }).click();
  await valueBecomes(field(page, '1.i'), 'First draft.');

  // The desk: the contribution under its question, insertable, and in the compilation.
  await page.locator('#cr-desk-toggle').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add contribution files', exact: true }).click()]);
  await chooser.setFiles([contribution.path]);
  await page.locator('.cr-desk__report li', { hasText: 'added as Digital Agency' }).waitFor();
  const under = page.locator('#question-3\\.ii .cr-contribution');
  assert.match(await under.innerText(), /Digital Agency[\s\S]*Ask once, keep it once\./);
  await under.getByRole('button', { name: 'Insert into the answer' }).click();
  assert.equal(await field(page, '3.ii').inputValue(), 'Ask once, keep it once.');
  const compilation = await download(page, 'Download the compilation as Markdown text (.md)');
  const blocks = readBlocks(readFileSync(compilation.path, 'utf8')).map((b) => b.text);
  assert.ok(blocks.includes('Ask once, keep it once.') && blocks.some((b) => b.includes('Digital Agency')), 'the compilation holds the contribution');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the example embeds in a ministry page under the strict CSP, and passes axe in its language', { timeout: 180_000 }, async () => {
  const context = await newContext();
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error));
  await page.goto(`${site.url}ministry/comments.html`);
  await page.locator('textarea[name^="answer-"]').nth(IDS.length - 1).waitFor();
  assert.equal(await page.locator('textarea[name^="answer-"]').count(), IDS.length);
  await field(page, 'p4').fill('Typed in the ministry page.');
  await page.waitForTimeout(600);
  await page.reload();
  await appStarted(page);
  assert.equal(await field(page, 'p4').inputValue(), 'Typed in the ministry page.');
  assert.equal(await page.locator('h1').first().innerText(), 'Consultations of the Example Ministry', 'the host page is untouched');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);

  for (const locale of ['en-US', 'zh-CN']) {
    const own = await open(await newContext(locale), 'example/', IDS.length);
    // Before axe, which adds a style element of its own.
    assert.deepEqual(await own.evaluate(() => window.__violations), [], `${locale}: CSP`);
    const results = await new AxeBuilder({ page: own }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`), [], locale);
    await own.context().close();
  }
  await context.close();
});
