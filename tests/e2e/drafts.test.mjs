// Several named drafts: create, switch, rename, duplicate, delete with undo, import as new.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { answerField, chooseFile, openApp, openDrafts, openContext, start } from './support.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const items = (page) => page.locator('.cr-drafts__item');

test('drafts are created, switched, renamed, duplicated, deleted and brought back', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  const panel = page.getByRole('region', { name: '我的草稿' });
  await openDrafts(page);
  await answerField(page, '1.i').fill('第一份草稿的回答');

  await panel.getByRole('button', { name: '新建草稿' }).click();
  await items(page).filter({ hasText: '草稿 2' }).waitFor();
  assert.equal(await answerField(page, '1.i').inputValue(), '', 'a new draft starts empty');
  await answerField(page, '1.i').fill('第二份草稿的回答');
  await page.waitForTimeout(400);

  await panel.getByRole('button', { name: '打开 草稿 1' }).click();
  await page.waitForFunction(() => appRoot().querySelector('textarea[name="answer-1.i"]')?.value === '第一份草稿的回答');
  assert.match(await items(page).filter({ hasText: '草稿 2' }).innerText(), /已回答 1 \/ 42 个问题/);

  await panel.getByLabel('当前草稿的名称').fill('部里的意见');
  await panel.getByLabel('当前草稿的名称').press('Enter');
  await items(page).filter({ hasText: '部里的意见' }).waitFor();

  await page.reload();
  await page.locator('textarea[name="answer-13.ii"]').waitFor();
  assert.equal(await answerField(page, '1.i').inputValue(), '第一份草稿的回答', 'the last opened draft opens again');
  await openDrafts(page);
  assert.equal(await items(page).count(), 2);

  await panel.getByRole('button', { name: '复制当前草稿' }).click();
  await items(page).filter({ hasText: '部里的意见（副本）' }).waitFor();
  assert.equal(await answerField(page, '1.i').inputValue(), '第一份草稿的回答');
  assert.equal(await items(page).count(), 3);

  await answerField(page, '2.i').fill('副本里新写的');
  await page.waitForTimeout(400);
  await panel.getByRole('button', { name: '删除当前草稿' }).click();
  await panel.getByText('已删除草稿“部里的意见（副本）”。').waitFor();
  assert.equal(await items(page).count(), 2);
  await panel.getByRole('button', { name: '撤销删除' }).click();
  await items(page).filter({ hasText: '部里的意见（副本）' }).waitFor();
  await page.waitForFunction(() => appRoot().querySelector('textarea[name="answer-2.i"]')?.value === '副本里新写的');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an imported file can open as a new draft beside the current one', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await page.getByLabel('所属机构').fill('某大学');
  await answerField(page, '6.i').fill('可以授予版权。');
  await page.waitForTimeout(400);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载草稿文件（.json，可重新导入）' }).click(),
  ]);
  await answerField(page, '6.i').fill('当前草稿改过的回答');
  await page.waitForTimeout(400);
  await chooseFile(page, await download.path());
  await page.getByRole('button', { name: '作为新草稿打开' }).click();
  await openDrafts(page);
  await items(page).filter({ hasText: '某大学' }).waitFor();
  await page.waitForFunction(() => appRoot().querySelector('textarea[name="answer-6.i"]')?.value === '可以授予版权。');
  await page.getByRole('button', { name: '打开 草稿 1' }).click();
  await page.waitForFunction(() => appRoot().querySelector('textarea[name="answer-6.i"]')?.value === '当前草稿改过的回答');
  await context.close();
});

test('a default draft name follows the interface language until the draft is renamed', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await openDrafts(page);
  await page.getByRole('button', { name: '新建草稿' }).click();
  await items(page).filter({ hasText: '草稿 2' }).waitFor();
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await openDrafts(page, 'Manage drafts');
  await items(page).filter({ hasText: 'Draft 2' }).waitFor();
  assert.deepEqual(await items(page).locator('.cr-drafts__name').allInnerTexts(), ['Draft 1', 'Draft 2']);
  assert.match(await page.locator('.cr-drafts__summary').innerText(), /^Draft 2 ·/);

  await page.getByLabel('Name of this draft').fill('Office of the Minister');
  await page.getByLabel('Name of this draft').press('Enter');
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await openDrafts(page);
  await items(page).filter({ hasText: 'Office of the Minister' }).waitFor();
  assert.deepEqual(await items(page).locator('.cr-drafts__name').allInnerTexts(), ['草稿 1', 'Office of the Minister']);
  await context.close();
});
