// The consolidation desk: five contributors answer in their own browsers and send their files;
// a coordinator adds them all (with a damaged and a foreign file), reads every answer under its
// question, builds the national response from them, and downloads a compilation that Word
// (LibreOffice), commonmark.js and the browser read back in order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { start, openContext, openApp, answerField, storedDraft, openDrafts, WORDS } from './support.mjs';
import { readBlocks } from './markdown-reader.mjs';
import { draftFile } from './draft-files.mjs';

let env;
const dir = mkdtempSync(join(tmpdir(), 'cr-desk-'));
before(async () => { env = await start({ uiLanguage: 'zh-CN' }); });
after(async () => { await env?.stop(); });

const DESK = {
  zh: { open: '汇总他人意见', add: '添加意见文件' },
  en: { open: 'Combine contributions', add: 'Add contribution files' },
};

/** One contributor: opens the app in a browser context of their own, answers, downloads. */
async function contributor(organisation, answers, { format = WORDS.zh.draftFile, name } = {}) {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  if (organisation) await page.getByLabel('所属机构').fill(organisation);
  if (name) await page.getByLabel('姓名', { exact: true }).fill(name);
  for (const [id, text] of Object.entries(answers)) {
    if (id === 'general') await page.getByLabel('对本文件的一般性意见，或任何遗漏的议题').fill(text);
    else await answerField(page, id).fill(text);
  }
  const file = await download(page, format);
  return { context, page, file };
}

async function download(page, label) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** Opens the desk and adds `paths` through its own button, several files at once. */
async function addContributions(page, paths, words = DESK.zh) {
  const toggle = page.locator('#cr-desk-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: words.add, exact: true }).click()]);
  assert.ok(chooser.isMultiple());
  await chooser.setFiles(paths);
}

/** The keys of every contribution in the browser's store. */
function storedContributionKeys(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('consultation-response');
    request.onsuccess = () => {
      const keys = request.result.transaction('contributions').objectStore('contributions').getAllKeys();
      keys.onsuccess = () => resolve(keys.result);
      keys.onerror = reject;
    };
    request.onerror = reject;
  }));
}

function contributions(page, id) {
  return page.locator(`#question-${id.replace('.', '\\.')} .cr-contributions`);
}

async function groups(page, id) {
  return contributions(page, id).locator('.cr-contribution').evaluateAll((items) =>
    items.map((item) => `${item.querySelector('.cr-contribution__who').textContent}=${item.querySelector('.cr-contribution__text').textContent}`));
}

test('a coordinator turns five contributors\' files into one response and a compilation', { timeout: 300_000 }, async () => {
  const patents = await contributor('专利司', { '1.i': '应当允许。', '4.iii': '需要算法披露。', general: '总体支持。' });
  const copyright = await contributor('版权司', { '1.i': '应当允许。\n', '7.i': '不同意。' });
  const university = await contributor('某大学', { '1.i': '不应允许。' });
  const company = await contributor('某公司', { '2.i': '公司意见。' }, { format: '下载网页文件（.html，可重新导入）' });
  const person = await contributor('', { '3.i': '个人意见。' }, { name: '王五' });
  for (const c of [copyright, university, company, person]) await c.context.close();

  const damaged = join(dir, 'damaged.json');
  writeFileSync(damaged, readFileSync(patents.file.path, 'utf8').replace('需要算法披露', '不需要算法披露'));
  const foreign = join(dir, 'minutes.txt');
  writeFileSync(foreign, '会议纪要：不是草稿文件。');

  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await addContributions(page, [patents.file.path, copyright.file.path, university.file.path, company.file.path, person.file.path, damaged, foreign]);
  const report = page.locator('.cr-desk__report li');
  await report.nth(6).waitFor();
  const lines = await report.allTextContents();
  assert.match(lines[0], /已添加，标为“专利司”/);
  assert.match(lines[3], /某公司/);
  assert.match(lines[4], /标为“王五”/);
  assert.match(lines[5], /^damaged\.json：未添加：.*校验/);
  assert.match(lines[6], /^minutes\.txt：未添加：/);
  assert.equal(await page.locator('#cr-desk-toggle').textContent(), '汇总他人意见（5）');
  assert.deepEqual(await page.locator('.cr-desk__contributor input').evaluateAll((inputs) => inputs.map((i) => i.value)),
    ['专利司', '版权司', '某大学', '某公司', '王五']);

  // Identical answers once, with all their contributors; empty ones left out.
  assert.deepEqual(await groups(page, '1.i'), ['专利司、版权司=应当允许。', '某大学=不应允许。']);
  assert.deepEqual(await groups(page, '2.i'), ['某公司=公司意见。']);
  assert.match(await contributions(page, '5.i').textContent(), /无人对此提供意见/);
  assert.match(await page.locator('.cr-comment', { has: page.locator('[name="comment-general"]') }).textContent(), /专利司总体支持。/);

  // Insert one, then another with its label; the field records it as typed, the counter follows.
  await contributions(page, '1.i').getByRole('button', { name: /^插入到回答中\s*：专利司、版权司$/ }).click();
  assert.equal(await answerField(page, '1.i').inputValue(), '应当允许。');
  await page.getByLabel('插入时在文字前加上提供者标签').check();
  await contributions(page, '1.i').getByRole('button', { name: /^插入到回答中\s*：某大学$/ }).click();
  assert.equal(await answerField(page, '1.i').inputValue(), '应当允许。\n\n某大学: 不应允许。');
  assert.match(await page.locator('#answer-count-1\\.i').textContent(), /^15 /);
  await answerField(page, '1.i').press('End');
  await answerField(page, '1.i').pressSequentially('（综合）');
  await contributions(page, '1.i').getByLabel('标记为已处理').check();
  await page.getByText('已处理 1 / 42 个问题').waitFor();

  // Filters set questions aside (hidden, never removed) and say how many.
  const shown = () => page.locator('.cr-question:not([hidden])').evaluateAll((q) => q.map((e) => e.id.replace('question-', '')));
  await page.getByLabel('意见不一致的问题').check();
  assert.deepEqual(await shown(), ['1.i']);
  await page.getByText('此筛选暂时隐去了 41 个问题。').waitFor();
  await page.getByLabel('尚未处理的问题').check();
  assert.ok(!(await shown()).includes('1.i'));
  assert.equal((await shown()).length, 41);
  await page.getByLabel('无人提供意见的问题').check();
  assert.deepEqual((await shown()).filter((id) => ['1.i', '2.i', '3.i', '4.iii', '7.i', '5.i'].includes(id)), ['5.i']);
  await page.getByLabel('全部问题').check();
  assert.equal((await shown()).length, 42);

  // The compilation, read back by its real readers.
  const md = await download(page, '下载意见汇编 Markdown 文本（.md）');
  const blocks = readBlocks(readFileSync(md.path, 'utf8')).map((b) => b.text);
  const contributorsList = blocks.find((b) => b.startsWith('专利司'));
  for (const label of ['专利司', '版权司', '某大学', '某公司', '王五']) assert.match(contributorsList, new RegExp(label));
  const inOrder = (text, pieces, what) => {
    let from = 0;
    for (const piece of pieces) {
      const at = text.indexOf(piece, from);
      assert.ok(at >= 0, `${piece} missing or out of order in the ${what}`);
      from = at + piece.length;
    }
  };
  const order = ['专利司、版权司', '应当允许。', '某大学', '不应允许。', '某公司', '公司意见。', '王五', '个人意见。',
    '需要算法披露。', '版权司', '不同意。', '专利司', '总体支持。'];
  inOrder(blocks.join('\n'), order, 'Markdown compilation');
  const word = await download(page, '下载意见汇编 Word 文档（.docx）');
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, word.path], { timeout: 120_000 });
  inOrder(readFileSync(word.path.replace(/\.docx$/, '.txt'), 'utf8'), order, 'Word compilation');
  const html = await download(page, '下载意见汇编网页（.html）');
  const reader = await context.newPage();
  await reader.setContent(readFileSync(html.path, 'utf8'));
  inOrder(await reader.locator('body').innerText(), order, 'HTML compilation');
  await reader.close();

  // A newer file from one contributor replaces the older, saying what changed; an older one
  // never replaces a newer.
  await answerField(patents.page, '4.iii').fill('需要算法披露，但应保护商业秘密。');
  const newer = await download(patents.page, WORDS.zh.draftFile);
  await addContributions(page, [newer.path, patents.file.path]);
  await page.getByText(/这是“专利司”意见的新版本，已替换旧版本。有变化的是：议题 4（iii）/).waitFor();
  await page.getByText(/比已添加的“专利司”意见版本旧，仍保留较新的版本/).waitFor();
  assert.deepEqual(await groups(page, '4.iii'), ['专利司=需要算法披露，但应保护商业秘密。']);
  assert.equal(await page.locator('.cr-desk__contributor').count(), 5);

  // A label edited by the coordinator stays; removing takes a contributor away.
  await page.locator('.cr-desk__contributor input').nth(4).fill('王五（个人）');
  await page.locator('.cr-desk__contributor input').nth(4).press('Enter');
  await page.locator('.cr-desk__contributor input').nth(4).blur();
  assert.deepEqual(await groups(page, '3.i'), ['王五（个人）=个人意见。']);

  // Reload: the contributions, the consolidated answer and the considered mark are all there.
  await page.waitForTimeout(400);
  await page.reload();
  await page.locator('textarea[name^="answer-"]').nth(41).waitFor();
  await page.locator('#cr-desk-toggle', { hasText: '（5）' }).waitFor();
  assert.deepEqual(await groups(page, '1.i'), ['专利司、版权司=应当允许。', '某大学=不应允许。']);
  assert.deepEqual(await groups(page, '3.i'), ['王五（个人）=个人意见。']);
  assert.equal(await answerField(page, '1.i').inputValue(), '应当允许。\n\n某大学: 不应允许。（综合）');
  assert.ok(await contributions(page, '1.i').getByLabel('标记为已处理').isChecked());
  assert.equal((await storedDraft(page)).considered[0], 'answer:1.i');

  await page.locator('#cr-desk-toggle').click();
  await page.getByRole('button', { name: /^移除\s*：某公司$/ }).click();
  await page.locator('#cr-desk-toggle', { hasText: '（4）' }).waitFor();
  assert.equal(await contributions(page, '2.i').count(), 1);
  assert.deepEqual(await groups(page, '2.i'), []);
  assert.deepEqual(page.errors, []);
  await patents.context.close();
  await context.close();
});

test('when the browser refuses to store contributions, the desk says so and keeps working', async () => {
  const a = await contributor('甲单位', { '1.i': '甲的意见。' });
  await a.context.close();
  const { context } = await openContext(env, {
    init: () => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  });
  const page = await openApp(context, env.url);
  await addContributions(page, [a.file.path]);
  await page.getByRole('alert').filter({ hasText: '本浏览器无法保存这些意见' }).waitFor();
  assert.deepEqual(await groups(page, '1.i'), ['甲单位=甲的意见。']);
  await contributions(page, '1.i').getByRole('button', { name: /^插入到回答中\s*：甲单位$/ }).click();
  assert.equal(await answerField(page, '1.i').inputValue(), '甲的意见。');
  await context.close();
});

test('the desk passes axe in both languages and works from the keyboard alone', { timeout: 120_000 }, async () => {
  const a = await contributor('甲单位', { '1.i': '甲的意见。', '2.i': '同样。' });
  const b = await contributor('乙单位', { '1.i': '乙的意见。', '2.i': '同样。' });
  await a.context.close();
  await b.context.close();
  for (const language of ['zh', 'en']) {
    const { context } = await openContext(env, { locale: language === 'zh' ? 'zh-CN' : 'en-GB' });
    const page = await openApp(context, env.url);
    const words = DESK[language];
    // Keyboard only: open the desk, open the chooser, insert, mark considered, download.
    await page.locator('#cr-desk-toggle').focus();
    await page.keyboard.press('Enter');
    await page.locator('#cr-desk-toggle[aria-expanded="true"]').waitFor();
    await page.locator('#desk-choose').focus();
    const chooserShown = page.waitForEvent('filechooser');
    // One round trip first, so that Playwright's interception of the chooser is in place before
    // the key press opens it (a click waits for that by itself).
    await page.evaluate(() => 0);
    await page.keyboard.press('Enter');
    const chooser = await chooserShown;
    await chooser.setFiles([a.file.path, b.file.path]);
    await page.locator('.cr-desk__report li').nth(1).waitFor();
    const insert = contributions(page, '1.i').locator('button').first();
    await insert.focus();
    await page.keyboard.press('Enter');
    assert.equal(await answerField(page, '1.i').inputValue(), '甲的意见。');
    await contributions(page, '1.i').locator('input[type=checkbox]').focus();
    await page.keyboard.press('Space');
    assert.ok(await contributions(page, '1.i').locator('input[type=checkbox]').isChecked());
    await page.locator('.cr-desk__compilation button').last().focus();
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.match(file.suggestedFilename(), /_compilation_.*\.md$/);
    await page.locator('.cr-desk').waitFor();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `axe in ${language}`);
    assert.ok(words.open);
    await context.close();
  }
});

test('a second window sees the contributions, and removing my drafts from this browser removes them', { timeout: 120_000 }, async () => {
  const a = await contributor('甲单位', { '1.i': '甲的意见。' });
  await a.context.close();
  const { context } = await openContext(env);
  const first = await openApp(context, env.url);
  const second = await openApp(context, env.url);
  await addContributions(first, [a.file.path]);
  await contributions(first, '1.i').locator('.cr-contribution').waitFor();
  // The other window reads the store again when told the contributions changed.
  await contributions(second, '1.i').locator('.cr-contribution').waitFor();
  assert.deepEqual(await groups(second, '1.i'), ['甲单位=甲的意见。']);
  await second.close();

  await first.getByRole('button', { name: '从此浏览器中删除我的草稿' }).click();
  await first.getByRole('alert').getByRole('button', { name: '删除' }).click();
  await first.getByText('已从此浏览器中删除您的草稿。').waitFor();
  await first.locator('#cr-desk-toggle', { hasText: /^汇总他人意见$/ }).waitFor();
  assert.equal(await contributions(first, '1.i').count(), 0);
  assert.deepEqual(await storedContributionKeys(first), []);
  await context.close();
});

test('with more than five contributors, each question\'s contributions fold into one line that opens', { timeout: 120_000 }, async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  const ids = await page.locator('textarea[name^="answer-"]').evaluateAll((all) => all.map((t) => t.name.slice(7)));
  const areas = await page.locator('textarea[name^="comment-"]').evaluateAll((all) => all.map((t) => t.name.slice(8)));
  const paths = [1, 2, 3, 4, 5, 6].map((n) => {
    const path = join(dir, `many-${n}.json`);
    writeFileSync(path, draftFile(n, ids, areas));
    return path;
  });
  await addContributions(page, paths);
  await page.locator('.cr-desk__report li').nth(5).waitFor();
  const summary = contributions(page, '1.i').locator('summary');
  assert.equal(await summary.textContent(), '他人意见（6 份，6 种不同意见）');
  // Folded: not in the page until opened (so typing stays fast), then there in full.
  assert.equal(await contributions(page, '1.i').locator('.cr-contribution').count(), 0);
  await summary.focus();
  await page.keyboard.press('Enter');
  await contributions(page, '1.i').locator('.cr-contribution').nth(5).waitFor();
  assert.match((await groups(page, '1.i'))[5], /^第 6 单位=6 号单位对 1\.i 的意见：/);
  assert.equal(await contributions(page, '2.i').locator('.cr-contribution').count(), 0, 'the others stay folded');
  await context.close();
});

test('the contributions of a draft deleted for good leave the browser; those of the others stay', { timeout: 120_000 }, async () => {
  const a = await contributor('甲单位', { '1.i': '甲的意见。' });
  await a.context.close();
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  const panel = page.getByRole('region', { name: '我的草稿' });
  await addContributions(page, [a.file.path]);
  await contributions(page, '1.i').locator('.cr-contribution').waitFor();
  await openDrafts(page);
  await panel.getByRole('button', { name: '新建草稿' }).click();
  await page.locator('.cr-drafts__item', { hasText: '草稿 2' }).waitFor();
  await addContributions(page, [a.file.path]);
  await contributions(page, '1.i').locator('.cr-contribution').waitFor();
  await page.waitForTimeout(300);
  assert.equal((await storedContributionKeys(page)).length, 2);
  // Draft 2 deleted, then draft 3: draft 2 can no longer be brought back.
  await panel.getByRole('button', { name: '删除当前草稿' }).click();
  await page.getByText(/^已删除草稿“草稿 2”/).waitFor();
  await panel.getByRole('button', { name: '新建草稿' }).click();
  await page.waitForFunction(() => appRoot().querySelectorAll('.cr-drafts__item').length === 2);
  await panel.getByRole('button', { name: '删除当前草稿' }).click();
  await page.waitForFunction(() => appRoot().querySelectorAll('.cr-drafts__item').length === 1);
  await page.reload();
  await page.locator('textarea[name^="answer-"]').nth(41).waitFor();
  await page.waitForFunction(async () => {
    const keys = await new Promise((resolve) => {
      const request = indexedDB.open('consultation-response');
      request.onsuccess = () => {
        const all = request.result.transaction('contributions').objectStore('contributions').getAllKeys();
        all.onsuccess = () => resolve(all.result);
      };
    });
    return keys.length === 1;
  });
  const [kept] = await storedContributionKeys(page);
  assert.match(kept, /^consultation-response\/v1\/wipo-ip-ai-2019\|/, 'the first draft keeps its contribution');
  await context.close();
});
