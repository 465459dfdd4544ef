// Chinese and English: the default from the embedding page or the browser, a switch that loses
// nothing and is remembered, the paper's English with where each text comes from, and documents
// in either language or both (read back by LibreOffice and a CommonMark reader).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { readBlocks } from './markdown-reader.mjs';
import { DIST, answerField, chooseLanguage, foreignRequests, openApp, openContext, start, storedDraft } from './support.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const appLang = (page) => page.locator('.cr-app').getAttribute('lang');
const questionText = (page, id) => page.locator(`#question-${id.replace('.', '\\.')} .cr-question__text`).innerText();

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'response-'));
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { path, dir, name: file.suggestedFilename() };
}

test('the browser language chooses, the embedding page overrides it, the host page is untouched', async () => {
  for (const [locale, lang, firstDraft] of [['en-GB', 'en', 'Draft 1'], ['zh-TW', 'zh-CN', '草稿 1'], ['fr-FR', 'en', 'Draft 1']]) {
    const { context } = await openContext(env, { locale });
    const page = await openApp(context, env.url);
    assert.equal(await appLang(page), lang, locale);
    assert.equal(await page.locator('.cr-drafts__bar .cr-drafts__name').innerText(), firstDraft, 'the first draft is named in that language');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN', 'the host page keeps its own lang');
    await context.close();
  }

  // A host page that asks for English on its mount element, in a Chinese browser.
  const { context, requests } = await openContext(env, { locale: 'zh-CN' });
  const host = readFileSync(join(DIST, 'index.html'), 'utf8')
    .replace(/<html lang="?zh-CN"?>/, '<html lang="de">')
    .replace(/<main[^>]*data-consultation-response[^>]*>[\s\S]*?<\/main>/, '<main><h1>Ministry</h1><div data-consultation-response data-lang="en"></div></main>');
  assert.ok(host.includes('data-lang="en"') && host.includes('lang="de"'), 'the host page was made');
  await context.route(`${env.url}ministry.html`, (route) => route.fulfill({ body: host, contentType: 'text/html' }));
  const page = await openApp(context, `${env.url}ministry.html`);
  assert.equal(await appLang(page), 'en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(foreignRequests(requests, env.url), []);
  await context.close();
});

test('switching language mid-sentence loses nothing and is remembered', async () => {
  const { context, requests } = await openContext(env, { locale: 'zh-CN' });
  const page = await openApp(context, env.url);
  const zh4iii = await questionText(page, '4.iii');
  assert.match(zh4iii, /微生物/);
  const field = answerField(page, '4.iii');
  await field.click();
  await page.keyboard.type('我的回答，写到一半');
  // Switch before the save has had time to run.
  await chooseLanguage(page, 'English', 'en');
  assert.equal(await field.inputValue(), '我的回答，写到一半');
  assert.match(await questionText(page, '4.iii'), /^Would a system of deposit for algorithms/);
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' and finished in English.');
  await page.waitForTimeout(400);
  assert.equal((await storedDraft(page)).answers['4.iii'], '我的回答，写到一半 and finished in English.');

  await page.reload();
  await answerField(page, '13.ii').waitFor();
  assert.equal(await appLang(page), 'en', 'the choice is remembered');
  assert.equal(await answerField(page, '4.iii').inputValue(), '我的回答，写到一半 and finished in English.');
  await chooseLanguage(page, '中文', 'zh-CN');
  assert.equal(await questionText(page, '4.iii'), zh4iii);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(foreignRequests(requests, env.url), []);
  await context.close();
});

test('the English paper says where each text comes from', async () => {
  const { context } = await openContext(env, { locale: 'en-US' });
  const page = await openApp(context, env.url);
  const origin = (id) => page.locator(`#question-${id.replace('.', '\\.')} .cr-origin`).innerText();
  assert.equal(await questionText(page, '3.iv'), 'Should AI-generated content qualify as prior art?');
  assert.equal(await origin('3.iv'), '[Official wording]');
  assert.equal(await origin('1.iii'), '[Official wording in part; the rest is an unofficial translation]');
  assert.equal(await origin('4.i'), '[Unofficial translation]');
  assert.equal(await origin('p26'), '[Unofficial translation]');
  // The origin is part of the field's description, never of its label.
  const field = answerField(page, '4.i');
  assert.match(await field.getAttribute('aria-describedby'), /answer-origin-4\.i/);
  const label = await page.locator('label[for="answer-4.i"]').innerText();
  assert.doesNotMatch(label, /Unofficial/);
  assert.match(await page.locator('#paragraph-6').innerText(), /\[Official wording\]$/);
  assert.match(await page.locator('#paragraph-10').innerText(), /\[Unofficial translation\]$/);
  assert.match(await page.locator('.cr-header').innerText(), /WIPO\/IP\/AI\/2\/GE\/20\/1/);
  // Chinese shows no per-text labels: the paper says once, before its first word, that the
  // Chinese is a translation.
  await chooseLanguage(page, '中文', 'zh-CN');
  assert.equal(await page.locator('.cr-paper .cr-origin').count(), 0);
  assert.match(await page.locator('#area-body-intro .cr-note').innerText(), /中文为非官方译文/);
  await context.close();
});

test('documents in English, in Chinese, or bilingual, read back by real readers', async () => {
  const { context } = await openContext(env, { locale: 'en-US' });
  const page = await openApp(context, env.url);
  await answerField(page, '4.iii').fill('A deposit system would help. 有帮助。');
  await answerField(page, 'p26').fill('Yes: capacity building.');
  await page.getByLabel('List unanswered questions in the file').uncheck();

  const english = readFileSync((await download(page, 'Download Markdown text (.md)')).path, 'utf8');
  inOrder(readBlocks(english).map((b) => b.text), [
    'Response: Draft Issues Paper on Intellectual Property Policy and Artificial Intelligence',
    'Patents',
    'Issue 4: Disclosure',
    '(iii) Would a system of deposit for algorithms, similar to the deposit of microorganisms, be useful?',
    'Response:',
    'A deposit system would help. 有帮助。',
  ], 'English Markdown');
  assert.doesNotMatch(english, /议题 \d|意见观点|：/);

  await page.getByLabel('中文', { exact: true }).check();
  const chinese = readFileSync((await download(page, 'Download Markdown text (.md)')).path, 'utf8');
  inOrder(readBlocks(chinese).map((b) => b.text), [
    '意见回复：关于知识产权政策与人工智能的议题文件草案', '专利权', '议题 4：披露',
    '（iii） 与微生物的沉积类似的算法沉积系统是否有用？', '意见观点：', 'A deposit system would help. 有帮助。',
  ], 'Chinese Markdown');

  await page.getByLabel('Every language of the paper (each question in 中文, English)').check();
  // The bilingual web page: each question's other language carries its own lang, and the page
  // as a reader opens it passes axe.
  const html = readFileSync((await download(page, 'Download web page (.html, can be opened again here)')).path, 'utf8');
  const reader = await context.newPage();
  await reader.setContent(html);
  assert.equal(await reader.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await reader.locator('#q-4\\.iii .rd-translation[lang="zh-CN"]').innerText(), /^与微生物的沉积类似/);
  const results = await new AxeBuilder({ page: reader }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(results.violations.map((v) => v.id), []);
  await reader.close();

  const word = await download(page, 'Download Word document (.docx)');
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${word.dir}/profile`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', word.dir, word.path], { timeout: 120_000 });
  const text = readFileSync(join(word.dir, word.name.replace(/\.docx$/, '.txt')), 'utf8');
  const order = [
    'Issue 4: Disclosure / 议题 4：披露',
    '(iii) Would a system of deposit for algorithms',
    '与微生物的沉积类似的算法沉积系统是否有用？',
    'A deposit system would help. 有帮助。',
    'Question of paragraph 26 Are there measures or issues in the field of IP',
    '在知识产权领域，是否需要考虑有助于减少人工智能技术差距的不利影响的措施或议题？',
    'Yes: capacity building.',
  ];
  let from = 0;
  for (const piece of order) {
    const at = text.indexOf(piece, from);
    assert.ok(at >= 0, `${piece} missing or out of order in the bilingual Word document`);
    from = at + piece.length;
  }
  await context.close();
});

/** Each of `pieces` is a block of `blocks`, in this order. */
function inOrder(blocks, pieces, what) {
  let from = 0;
  for (const piece of pieces) {
    const at = blocks.indexOf(piece, from);
    assert.ok(at >= 0, `${what}: "${piece}" missing or out of order in ${JSON.stringify(blocks.slice(from, from + 8))}`);
    from = at + 1;
  }
}
