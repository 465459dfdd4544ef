// Two windows on one draft: each sees the other's answers, and nothing typed in either is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { answerField, openApp, openContext, start, storedDraft } from './support.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

async function waitForValue(field, value) {
  for (let i = 0; i < 40; i++) {
    if ((await field.inputValue()) === value) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(await field.inputValue(), value);
}

test('answers to different questions in two windows both survive, and each window shows both', async () => {
  const { context } = await openContext(env);
  const first = await openApp(context, env.url);
  const second = await openApp(context, env.url);
  await answerField(first, '1.i').fill('第一个窗口的回答');
  await answerField(second, '2.i').fill('Second window answer');
  await waitForValue(answerField(second, '1.i'), '第一个窗口的回答');
  await waitForValue(answerField(first, '2.i'), 'Second window answer');
  await first.reload();
  await first.locator('textarea[name="answer-13.ii"]').waitFor();
  assert.equal(await answerField(first, '1.i').inputValue(), '第一个窗口的回答');
  assert.equal(await answerField(first, '2.i').inputValue(), 'Second window answer');
  assert.deepEqual([...first.errors, ...second.errors], []);
  await context.close();
});

test('the same question edited in two windows keeps both texts and lets the person choose', async () => {
  // "At once" made certain: the second window hears of the first's save only after its own edit,
  // as when both type within the same moment.
  const { context } = await openContext(env, {
    init: () => addEventListener('storage', (e) => window.__holdStorageEvents && e.stopImmediatePropagation(), true),
  });
  const first = await openApp(context, env.url);
  const second = await openApp(context, env.url);
  await second.evaluate(() => { window.__holdStorageEvents = true; });
  await answerField(first, '3.i').fill('甲：应以发明所属领域为准。');
  await first.waitForTimeout(400);
  await answerField(second, '3.i').fill('乙：应以 AI 应用的领域为准。');
  await second.evaluate(() => { window.__holdStorageEvents = false; });
  const notice = (page) => page.getByRole('alert').filter({ hasText: '同一内容在两处被同时修改' });
  await notice(second).waitFor();
  await notice(first).waitFor();
  const stored = await storedDraft(first);
  const texts = [stored.answers['3.i'], ...Object.values(stored.conflicts ?? {})];
  assert.ok(texts.includes('甲：应以发明所属领域为准。'), 'the first text is kept');
  assert.ok(texts.includes('乙：应以 AI 应用的领域为准。'), 'the second text is kept');

  await notice(second).getByRole('button', { name: '两个版本都保留' }).click();
  const both = await answerField(second, '3.i').inputValue();
  assert.ok(both.includes('甲：应以发明所属领域为准。') && both.includes('乙：应以 AI 应用的领域为准。'));
  await waitForValue(answerField(first, '3.i'), both);
  for (let i = 0; i < 40 && (await notice(first).count()); i++) await first.waitForTimeout(100);
  assert.equal(await notice(first).count(), 0, 'settled in one window, settled in both');
  assert.equal(await notice(second).count(), 0);
  assert.equal((await storedDraft(first)).answers['3.i'], both);
  await context.close();
});
