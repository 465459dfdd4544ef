// What the person is told about this browser's storage, and removing the drafts from it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { answerField, openApp, openDrafts, openContext, start } from './support.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test('persistent storage is asked for after the first edit, not on arrival, and the answer is shown', async () => {
  // A spy on navigator.storage.persist: Firefox turns each call into a permission prompt.
  const { context } = await openContext(env, {
    init: () => {
      window.__persistCalls = 0;
      const persist = StorageManager.prototype.persist;
      StorageManager.prototype.persist = function () {
        window.__persistCalls += 1;
        return persist.call(this);
      };
    },
  });
  const page = await openApp(context, env.url);
  const answer = page.locator('.cr-persistence');
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'nothing asked before the first edit');
  assert.match(await answer.innerText(), /开始填写后，本工具会询问浏览器/);

  await answerField(page, '1.i').pressSequentially('第一');
  await page.waitForFunction(() => window.__persistCalls === 1);
  await page.waitForFunction(() => !appRoot().querySelector('.cr-persistence').textContent.includes('正在询问'));
  assert.match(await answer.innerText(), /浏览器(已同意|未同意|无法承诺)持久保存本站数据/);
  await answerField(page, '2.i').pressSequentially('第二');
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => window.__persistCalls), 1, 'asked once');
  await context.close();
});

test('the tip about cleared storage is said once and stays dismissed', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  const tip = page.getByRole('note').filter({ hasText: '浏览器可能会清除它' });
  await tip.waitFor();
  await tip.getByRole('button', { name: '知道了' }).click();
  assert.equal(await tip.count(), 0);
  await page.reload();
  await page.locator('textarea[name="answer-13.ii"]').waitFor();
  assert.equal(await tip.count(), 0);
  await context.close();
});

test('removing my drafts empties this browser of them and touches nothing of the host site', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await page.evaluate(() => localStorage.setItem('host-site/preference', 'kept'));
  await answerField(page, '1.i').fill('共享电脑上的私密回答');
  await page.getByLabel('姓名', { exact: true }).fill('王五');
  await openDrafts(page);
  await page.getByRole('button', { name: '新建草稿' }).click();
  await answerField(page, '2.i').fill('第二份草稿');
  await page.waitForTimeout(400);
  await page.getByRole('button', { name: '打开 草稿 1' }).click();
  await page.waitForFunction(() => (appRoot().querySelector('textarea[name="answer-1.i"]')?.value ?? '') !== '');

  await page.getByRole('button', { name: '从此浏览器中删除我的草稿' }).click();
  await page.getByRole('button', { name: '取消' }).click();
  assert.equal(await answerField(page, '1.i').inputValue(), '共享电脑上的私密回答', 'cancel changes nothing');

  await page.getByRole('button', { name: '从此浏览器中删除我的草稿' }).click();
  await page.getByRole('alert').getByRole('button', { name: '删除' }).click();
  await page.getByText('已从此浏览器中删除您的草稿。').waitFor();
  assert.equal(await answerField(page, '1.i').inputValue(), '');
  assert.equal(await page.getByLabel('姓名', { exact: true }).inputValue(), '');
  assert.equal(await page.locator('.cr-drafts__item').count(), 1, 'every draft is gone');
  await page.waitForTimeout(400);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, ['host-site/preference']);
  await page.reload();
  await page.locator('textarea[name="answer-13.ii"]').waitFor();
  assert.equal(await answerField(page, '1.i').inputValue(), '');
  await context.close();
});
