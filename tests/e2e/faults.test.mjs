// What the app does when storage is missing or holds something it cannot read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { STORAGE_KEY, answerField, openApp, openContext, start } from './support.mjs';

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
  assert.ok(await page.getByText('已回答 1 / 42 个问题').isVisible());
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an unreadable stored draft is reported, kept under a backup key, and a new draft starts', async () => {
  const { context } = await openContext(env);
  const page = await context.newPage();
  await page.goto(env.url);
  await page.evaluate((key) => localStorage.setItem(key, '{"format":"consultation-response/draft","vers'), STORAGE_KEY);
  await page.reload();
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
