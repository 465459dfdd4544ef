// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every view and state, in both languages: zero
// violations; and the whole journey by keyboard alone, in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { STORAGE_KEY, WORDS, answerField, chooseFile, chooseLanguage, openDrafts, fillStorage, openApp, openContext, start } from './support.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

async function violations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

const draftJson = (answers, at) => JSON.stringify({
  format: 'consultation-response/draft', version: 1, consultation: 'wipo-ip-ai-2019', saved_at: at, answers,
});

for (const [code, words] of Object.entries(WORDS)) {
  test(`${code}: the empty draft, as first opened`, async () => {
    const { context } = await openContext(env, { locale: words.locale });
    const page = await openApp(context, env.url);
    assert.equal(await page.locator('.cr-app').getAttribute('lang'), words.lang);
    assert.deepEqual(await violations(page), []);
    await context.close();
  });

  test(`${code}: a filled draft with the review open, its error summary and the history`, async () => {
    const { context } = await openContext(env, { locale: words.locale });
    const page = await openApp(context, env.url);
    await answerField(page, '1.i').fill('应该允许。 It should.');
    await answerField(page, 'p26').fill('Yes.');
    await openDrafts(page, words.manageDrafts);
    await page.getByRole('button', { name: words.newDraft }).click();
    await page.getByRole('button', { name: words.review }).click();
    await page.getByRole('alert').filter({ hasText: words.problems }).waitFor();
    await page.getByRole('button', { name: words.showHistory }).click();
    assert.deepEqual(await violations(page), []);
    await context.close();
  });

  test(`${code}: a restored draft`, async () => {
    const { context } = await openContext(env, { locale: words.locale });
    const page = await context.newPage();
    await page.goto(env.url);
    await page.evaluate(([key, current, history]) => {
      localStorage.setItem(key, current);
      localStorage.setItem(`${key}/history`, history);
    }, [STORAGE_KEY, draftJson({ '1.i': 'now' }, '2026-11-26T09:00:00.000Z'), JSON.stringify({ version: 1, snapshots: [
      { at: '2026-11-24T09:00:00.000Z', draft: draftJson({ '1.i': 'earlier', '7.ii': 'earlier too' }, '2026-11-24T09:00:00.000Z') },
    ] })]);
    await page.reload();
    await answerField(page, '13.ii').waitFor();
    await page.getByRole('button', { name: words.showHistory }).click();
    await page.getByRole('button', { name: words.restoreAll }).click();
    await page.getByText(words.restored).waitFor();
    assert.equal(await answerField(page, '7.ii').inputValue(), 'earlier too');
    assert.deepEqual(await violations(page), []);
    await context.close();
  });

  test(`${code}: warning banners: unreadable draft and no storage`, async () => {
    const { context } = await openContext(env, { locale: words.locale });
    const page = await context.newPage();
    await page.goto(env.url);
    await page.evaluate((key) => localStorage.setItem(key, '{"broken'), STORAGE_KEY);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: words.unreadable }).waitFor();
    assert.deepEqual(await violations(page), []);
    await context.close();

    const blocked = await openContext(env, {
      locale: words.locale,
      init: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('no', 'SecurityError'); } }),
    });
    const other = await openApp(blocked.context, env.url);
    await answerField(other, '2.i').fill('x');
    await other.getByRole('alert').filter({ hasText: words.notSaved }).waitFor();
    assert.deepEqual(await violations(other), []);
    await blocked.context.close();
  });

  test(`${code}: two windows in conflict, an import waiting for confirmation, a full storage`, async () => {
    const { context } = await openContext(env, { locale: words.locale });
    // Two windows that changed the same answer leave both texts in the draft (timing-free here:
    // the stored draft carries the conflict, as the other window wrote it).
    const second = await context.newPage();
    await second.goto(`${env.url}not-the-app.txt`);
    await second.evaluate((key) => localStorage.setItem(key, JSON.stringify({
      format: 'consultation-response/draft', version: 1, consultation: 'wipo-ip-ai-2019',
      saved_at: '2026-11-26T09:00:00.000Z', answers: { '3.i': 'second window' }, conflicts: { 'answer:3.i': 'first window' },
    })), STORAGE_KEY);
    await second.goto(env.url);
    await second.getByRole('alert').filter({ hasText: /同一内容|two places/ }).waitFor();
    assert.deepEqual(await violations(second), []);
    await second.close();
    const first = await openApp(context, env.url);

    const dir = mkdtempSync(join(tmpdir(), 'axe-'));
    const [file] = await Promise.all([first.waitForEvent('download'), first.getByRole('button', { name: words.draftFile }).click()]);
    const path = join(dir, 'draft.json');
    await file.saveAs(path);
    await chooseFile(first, path, words.chooseFile);
    await first.getByRole('button', { name: words.replace }).waitFor();
    assert.deepEqual(await violations(first), []);
    await context.close();

    const full = await openContext(env, { locale: words.locale });
    const page = await openApp(full.context, env.url);
    await fillStorage(page);
    await answerField(page, '5.i').fill('typed when the storage is full');
    await page.getByRole('alert').filter({ hasText: words.full }).first().waitFor();
    assert.deepEqual(await violations(page), []);
    await full.context.close();
  });

  test(`${code}: the view options in use, and the contents panel open on a phone`, async () => {
    const { context } = await openContext(env, { locale: words.locale });
    const page = await openApp(context, env.url);
    await answerField(page, '3.i').fill('answered');
    await page.getByLabel(words.unanswered).check();
    await page.getByLabel(words.fold).check();
    await page.getByRole('button', { name: words.collapsePatents }).click();
    assert.deepEqual(await violations(page), []);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('button', { name: words.contents, exact: true }).click();
    await page.getByRole('button', { name: words.closeContents }).waitFor();
    assert.deepEqual(await violations(page), []);
    await context.close();
  });
}

/** Presses Tab until `matches(activeElement)` holds; fails after `limit` presses. */
async function tabTo(page, description, matches, arg, limit = 700) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate(matches, arg)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${description}`);
}

for (const [code, words] of Object.entries(WORDS)) {
  test(`${code}: the journey by keyboard alone: answer, review, download`, async () => {
    const { context } = await openContext(env, { locale: words.locale });
    const page = await openApp(context, env.url);
    await tabTo(page, 'the answer to 1 (i)', () => appRoot().activeElement?.name === 'answer-1.i');
    await page.keyboard.type('只用键盘写下的回答 typed by keyboard');
    await tabTo(page, 'the review button', (label) => appRoot().activeElement?.textContent === label, words.review);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: words.problems }).waitFor();
    assert.ok(await page.evaluate(() => appRoot().activeElement?.classList.contains('cr-error-summary')));
    await tabTo(page, 'the Markdown download', (label) => appRoot().activeElement?.textContent === label, words.markdown);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.ok(readFileSync(await download.path(), 'utf8').includes('只用键盘写下的回答 typed by keyboard'));
    await context.close();
  });
}

/** What the live regions of the app say, in order, from now on (each change of their text). */
async function listenToLiveRegions(page) {
  await page.evaluate(() => {
    window.spoken = [];
    for (const region of appRoot().querySelectorAll('[aria-live]')) {
      new MutationObserver(() => region.textContent && window.spoken.push(region.textContent))
        .observe(region, { childList: true, characterData: true, subtree: true });
    }
  });
}

/** The text of the elements that describe `field`, as a screen reader reads its description. */
const description = (field) => field.evaluate((el) => (el.getAttribute('aria-describedby') ?? '')
  .split(' ').map((id) => el.getRootNode().getElementById(id)?.textContent ?? '').join(' '));

test('heard while typing: the description never changes, nothing is said, then once the count and that it is saved; a comment says it is saved', async () => {
  const { context } = await openContext(env, { locale: 'zh-CN' });
  const page = await openApp(context, env.url);
  const field = answerField(page, '1.i');
  const before = await description(field);
  await listenToLiveRegions(page);
  await field.click();
  const descriptions = new Set();
  for (const key of 'AI 不是发明人'.split('')) {
    await page.keyboard.type(key);
    descriptions.add(await description(field));
    await page.waitForTimeout(40);
  }
  assert.deepEqual([...descriptions], [before], 'the description stayed as it was');
  assert.deepEqual(await page.evaluate(() => window.spoken), [], 'nothing said while typing');
  await page.waitForTimeout(1800);
  assert.deepEqual(await page.evaluate(() => window.spoken), ['8 个字符，字数 6。已保存在此浏览器中。']);
  const comment = page.locator('#comment-general');
  await comment.click();
  await page.keyboard.type('总体同意。', { delay: 40 });
  await page.waitForTimeout(1800);
  assert.deepEqual((await page.evaluate(() => window.spoken)).slice(1), ['已保存在此浏览器中。']);
  await context.close();
});

test('heard on switching language: the new language is said in it, and the window is named in it on the app\'s own page', async () => {
  const { context } = await openContext(env, { locale: 'zh-CN' });
  const page = await openApp(context, env.url);
  assert.match(await page.title(), /^意见回复 · WIPO\/IP\/AI\/2\/GE\/20\/1 关于知识产权政策与人工智能的议题文件草案$/);
  await listenToLiveRegions(page);
  await chooseLanguage(page, 'English', 'en');
  await page.waitForFunction(() => window.spoken.length > 0);
  assert.deepEqual(await page.evaluate(() => window.spoken), ['The form is now in English.']);
  assert.equal(await page.title(), 'Consultation response · WIPO/IP/AI/2/GE/20/1 Draft Issues Paper on Intellectual Property Policy and Artificial Intelligence');
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.waitForFunction(() => window.spoken.length > 1);
  assert.deepEqual(await page.evaluate(() => window.spoken), ['The form is now in English.', '界面已切换为中文。']);
  assert.match(await page.title(), /^意见回复 · /);
  await context.close();
});

test('heard on the way through: downloads are named as actions in a named group, and only the page\'s main parts are regions', async () => {
  for (const words of Object.values(WORDS)) {
    const { context } = await openContext(env, { locale: words.locale });
    const page = await openApp(context, env.url);
    const heading = words === WORDS.zh ? '下载回复' : 'Download the response';
    const group = page.getByRole('group', { name: heading, exact: true });
    const names = await group.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.textContent));
    // Five downloads, each named for what it does, and printing.
    assert.equal(names.length, 6);
    for (const name of names.slice(0, 5)) assert.match(name, words === WORDS.zh ? /^下载/ : /^Download /, name);
    assert.match(names[5], words === WORDS.zh ? /^打印/ : /^Print /);
    // Regions a person would jump to, and no region per area or issue.
    const regions = await page.getByRole('region').evaluateAll((all) => all.map((r) => r.getAttribute('aria-labelledby')));
    assert.deepEqual(regions.sort(), ['cr-about-heading', 'cr-drafts-heading', 'cr-submit-heading', 'cr-title'].sort());
    // The contents column scrolls, but is no tab stop of its own: its links are.
    assert.equal(await page.locator('#cr-contents').evaluate((nav) => nav.tabIndex), -1);
    await context.close();
  }
});
