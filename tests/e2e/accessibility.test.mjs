// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the app's views and states: zero violations;
// and the whole journey by keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { STORAGE_KEY, answerField, openApp, openContext, start } from './support.mjs';

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

test('the empty draft, as first opened', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test('a filled draft with the review open and its error summary', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await answerField(page, '1.i').fill('应该允许。');
  await page.getByRole('button', { name: '新建草稿' }).click();
  await page.getByRole('button', { name: '检查回复' }).click();
  await page.getByRole('alert').filter({ hasText: '提交前请注意以下事项' }).waitFor();
  await page.getByRole('button', { name: '显示较早的版本' }).click();
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test('warning banners: unreadable draft and no storage', async () => {
  const { context } = await openContext(env);
  const page = await context.newPage();
  await page.goto(env.url);
  await page.evaluate((key) => localStorage.setItem(key, '{"broken'), STORAGE_KEY);
  await page.reload();
  await page.getByRole('alert').filter({ hasText: '无法读取' }).waitFor();
  assert.deepEqual(await violations(page), []);
  await context.close();

  const blocked = await openContext(env, {
    init: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('no', 'SecurityError'); } }),
  });
  const other = await openApp(blocked.context, env.url);
  await answerField(other, '2.i').fill('x');
  await other.getByRole('alert').filter({ hasText: '草稿未保存' }).waitFor();
  assert.deepEqual(await violations(other), []);
  await blocked.context.close();
});

/** Presses Tab until `matches(activeElement)` holds; fails after `limit` presses. */
async function tabTo(page, description, matches, limit = 600) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate(matches)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${description}`);
}

test('the journey by keyboard alone: answer, review, download', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await tabTo(page, 'the answer to 1 (i)', () => document.activeElement?.name === 'answer-1.i');
  await page.keyboard.type('只用键盘写下的回答');
  await tabTo(page, 'the review button', () => document.activeElement?.textContent === '检查回复');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: '提交前请注意以下事项' }).waitFor();
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('cr-error-summary')));
  await tabTo(page, 'the Markdown download', () => document.activeElement?.textContent === 'Markdown 文本（.md）');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.ok(readFileSync(await download.path(), 'utf8').includes('只用键盘写下的回答'));
  await context.close();
});
