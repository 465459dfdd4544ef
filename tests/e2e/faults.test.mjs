// What the app does when storage is missing or holds something it cannot read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { STORAGE_KEY, answerField, openApp, openContext, start, fillStorage } from './support.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test('without localStorage the app keeps working and says the draft is not being saved', async () => {
  const { context } = await openContext(env, {
    init: () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The document is sandboxed', 'SecurityError');
        },
      });
    },
  });
  const page = await openApp(context, env.url);
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: '不允许本页使用本地存储' }).waitFor());
  await answerField(page, '2.i').fill('不应该。');
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: '草稿未保存' }).waitFor());
  assert.equal(await answerField(page, '2.i').inputValue(), '不应该。');
  assert.equal(await page.locator('.cr-status__count').innerText(), '已回答 1 / 42 个问题');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an unreadable stored draft is reported, kept under a backup key, and a new draft starts', async () => {
  const { context } = await openContext(env);
  const page = await context.newPage();
  // Stored before the app first starts: a page of the same origin that is not the app.
  await page.goto(`${env.url}not-the-app.txt`);
  await page.evaluate((key) => localStorage.setItem(key, '{"format":"consultation-response/draft","vers'), STORAGE_KEY);
  await page.goto(env.url);
  await page.locator('textarea[name="answer-13.ii"]').waitFor();
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: '无法读取' }).waitFor());

  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.includes('/unreadable/')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(backups, ['{"format":"consultation-response/draft","vers']);

  await answerField(page, '1.ii').fill('应该引入。');
  await page.waitForTimeout(500);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORAGE_KEY);
  assert.equal(stored.answers['1.ii'], '应该引入。');
  await context.close();
});

test('a full storage: a persistent alert, a one-click backup, and saving resumes by itself', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await answerField(page, '1.i').fill('保存成功的第一版。');
  await page.waitForTimeout(400);
  await fillStorage(page);

  const longer = '保存成功的第一版。' + '存储已满时继续写下的内容。'.repeat(20);
  await answerField(page, '1.i').fill(longer);
  const alert = page.getByRole('alert').filter({ hasText: '浏览器存储空间已满' });
  await alert.waitFor();
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).answers['1.i'], STORAGE_KEY);
  assert.equal(stored, '保存成功的第一版。', 'the last good copy is intact');
  assert.equal(await answerField(page, '1.i').inputValue(), longer, 'nothing typed is lost');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: '下载草稿文件备份' }).click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(JSON.parse(file.draft).answers['1.i'], longer);

  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler/')).forEach((k) => localStorage.removeItem(k)));
  await page.locator('.cr-status__save', { hasText: '草稿已保存于' }).waitFor({ timeout: 10_000 });
  assert.equal(await alert.count(), 0);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).answers['1.i'], STORAGE_KEY);
  assert.equal(saved, longer);
  await context.close();
});

test('closing the page right after the last key press keeps the text', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await answerField(page, '6.i').click();
  await page.keyboard.type('关闭前最后输入的文字');
  await page.close();
  const again = await openApp(context, env.url);
  assert.equal(await answerField(again, '6.i').inputValue(), '关闭前最后输入的文字');
  await context.close();
});

test('reloading in the middle of typing keeps every character', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await answerField(page, '6.ii').click();
  await page.keyboard.type('reload mid-typing 中途刷新');
  await page.reload();
  await page.locator('textarea[name="answer-13.ii"]').waitFor();
  assert.equal(await answerField(page, '6.ii').inputValue(), 'reload mid-typing 中途刷新');
  await context.close();
});

test('a draft stored by the first release opens as it was', async () => {
  const { context } = await openContext(env);
  const page = await context.newPage();
  await page.goto(`${env.url}not-the-app.txt`); // stored before the app first starts
  // Exactly what the first release wrote (format version 1).
  const firstRelease = '{"format":"consultation-response/draft","version":1,"consultation":"wipo-ip-ai-2019","saved_at":"2026-11-26T13:05:09.123Z","answers":{"1.i":"第一版保存的回答","p26":"需要考虑。"}}';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, firstRelease]);
  await page.goto(env.url);
  await page.locator('textarea[name="answer-13.ii"]').waitFor();
  assert.equal(await answerField(page, '1.i').inputValue(), '第一版保存的回答');
  assert.equal(await answerField(page, 'p26').inputValue(), '需要考虑。');
  assert.equal(await page.getByRole('alert').count(), 0);
  await context.close();
});

test('a draft from a newer release is kept untouched and reported, and can be downloaded', async () => {
  const { context } = await openContext(env);
  const page = await context.newPage();
  await page.goto(`${env.url}not-the-app.txt`); // stored before the app first starts
  const newer = '{"format":"consultation-response/draft","version":7,"answers":{"1.i":"来自未来的回答"}}';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, newer]);
  await page.goto(env.url);
  await page.locator('textarea[name="answer-13.ii"]').waitFor();
  const alert = page.getByRole('alert').filter({ hasText: '更新版本的工具保存' });
  await alert.waitFor();
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.includes('/unreadable/')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(backups, [newer]);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: '下载无法读取的原始内容' }).click(),
  ]);
  assert.equal(readFileSync(await download.path(), 'utf8'), newer);
  await context.close();
});

test('answers to questions this paper does not have are kept, shown and written out', async () => {
  const { context } = await openContext(env);
  const page = await context.newPage();
  await page.goto(`${env.url}not-the-app.txt`); // stored before the app first starts
  const draft = '{"format":"consultation-response/draft","version":1,"consultation":"wipo-ip-ai-2019","answers":{"1.i":"已知问题的回答","14.ii":"来自另一版本的问题的回答"}}';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, draft]);
  await page.goto(env.url);
  await page.locator('textarea[name="answer-13.ii"]').waitFor();
  const section = page.getByRole('region', { name: '其他回答（本文件中没有对应的问题）' });
  await section.getByText('来自另一版本的问题的回答').waitFor();
  await answerField(page, '1.i').fill('已知问题的新回答');
  await page.waitForTimeout(400);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).answers, STORAGE_KEY);
  assert.equal(stored['14.ii'], '来自另一版本的问题的回答', 'kept through saves');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载纯文本（.txt）' }).click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.includes('14.ii\n来自另一版本的问题的回答'));
  await context.close();
});
