// Earlier versions: one answer or the whole draft put back, and going back can be undone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { STORAGE_KEY, answerField, openApp, openContext, start, storedDraft } from './support.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const draftJson = (answers, at) => JSON.stringify({
  format: 'consultation-response/draft', version: 1, consultation: 'wipo-ip-ai-2019', saved_at: at, answers,
});

test('an earlier answer or the whole earlier draft can be put back, and nothing current is lost', async () => {
  const { context } = await openContext(env);
  const page = await context.newPage();
  await page.goto(`${env.url}not-the-app.txt`); // stored before the app first starts
  const monday = draftJson({ '1.i': '周一的回答', '2.i': '周一写的第二题' }, '2026-11-23T09:00:00.000Z');
  const tuesday = draftJson({ '1.i': '周二的回答' }, '2026-11-24T09:00:00.000Z');
  const now = draftJson({ '1.i': '今天的回答', '3.i': '今天新写的' }, '2026-11-26T09:00:00.000Z');
  await page.evaluate(([key, current, history]) => {
    localStorage.setItem(key, current);
    localStorage.setItem(`${key}/history`, history);
  }, [STORAGE_KEY, now, JSON.stringify({ version: 1, snapshots: [
    { at: '2026-11-23T09:00:00.000Z', draft: monday },
    { at: '2026-11-24T09:00:00.000Z', draft: tuesday },
  ] })]);
  await page.goto(env.url);
  await page.locator('textarea[name="answer-13.ii"]').waitFor();

  await page.getByRole('button', { name: '显示较早的版本' }).click();
  const versions = page.locator('.cr-history__item');
  assert.equal(await versions.count(), 2);
  const mondayItem = versions.filter({ hasText: '2026-11-23' });
  await mondayItem.getByRole('button', { name: '逐题查看' }).click();
  await mondayItem.getByRole('button', { name: '恢复此回答 议题 2（i）' }).click();
  assert.equal(await answerField(page, '2.i').inputValue(), '周一写的第二题');
  assert.equal(await answerField(page, '1.i').inputValue(), '今天的回答', 'other answers untouched');
  await page.waitForTimeout(400);
  assert.equal((await storedDraft(page)).answers['2.i'], '周一写的第二题');

  await versions.filter({ hasText: '2026-11-24' }).getByRole('button', { name: '恢复整份草稿' }).click();
  await page.getByText('已恢复到较早的版本').waitFor();
  assert.equal(await answerField(page, '1.i').inputValue(), '周二的回答');
  assert.equal(await answerField(page, '3.i').inputValue(), '');
  const stored = await storedDraft(page);
  assert.equal(stored.answers['1.i'], '周二的回答');

  // What was current before going back is itself a version now.
  const history = await page.evaluate((key) => JSON.parse(localStorage.getItem(`${key}/history`)), STORAGE_KEY);
  const kept = history.snapshots.map((s) => JSON.parse(s.draft).answers);
  assert.ok(kept.some((a) => a['1.i'] === '今天的回答' && a['3.i'] === '今天新写的' && a['2.i'] === '周一写的第二题'));
  assert.deepEqual(page.errors ?? [], []);
  await context.close();
});
