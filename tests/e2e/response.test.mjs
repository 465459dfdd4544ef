// The foundation journey: open the paper, answer in Chinese and English, reload, download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { answerField, foreignRequests, openApp, openContext, start, storedDraft } from './support.mjs';
import { answersOf, readBlocks } from './markdown-reader.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

/** 20,000 characters of Chinese and English prose ending in a sentence we look for. */
function longAnswer() {
  const unit = '人工智能生成的发明应当由人类发明人署名。Inventorship should remain human. ';
  const ending = '最后一句：这是第两万个字符之前的结尾。';
  const body = unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000 - ending.length);
  return body + ending;
}

const ANSWERS = {
  '1.i': '应该允许 AI 申请命名为发明人，但应由申请人自己决定。',
  '7.iii': 'Yes, for research. <script>alert("x")</script> & "quoted" </textarea> text',
  'p26': '需要考虑技术差距；Capacity building matters.',
};

test('the whole paper is there, with a labelled answer field under every question', async () => {
  const { context, requests } = await openContext(env);
  const page = await openApp(context, env.url);
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: '关于知识产权政策与人工智能的议题文件草案' }).waitFor());
  const paperPart = page.locator('.cr-paper');
  assert.equal(await paperPart.getByRole('heading', { level: 2 }).count(), 8, 'introduction, six areas, general comments');
  assert.equal(await paperPart.getByRole('heading', { level: 3 }).count(), 13, 'thirteen issues');
  const numbered = await page.locator('textarea[name^="answer-"]').evaluateAll((fields) =>
    fields.map((f) => f.name).filter((n) => /^answer-\d+\.[ivx]+$/.test(n)));
  assert.equal(numbered.length, 41);
  assert.equal(await answerField(page, 'p26').count(), 1, 'the question ending paragraph 26');
  for (const n of [1, 5, 6, 17, 26, 27]) {
    assert.equal(await page.locator(`#paragraph-${n}`).count(), 1, `paragraph ${n}`);
  }
  await page.getByLabel('与微生物的沉积类似的算法沉积系统是否有用？').fill('x');
  assert.equal(await answerField(page, '4.iii').inputValue(), 'x');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(foreignRequests(requests, env.url), []);
  await context.close();
});

test('answers typed in Chinese and English, one of 20,000 characters, survive a reload', async () => {
  const { context, requests } = await openContext(env);
  const page = await openApp(context, env.url);
  for (const [id, text] of Object.entries(ANSWERS)) {
    await answerField(page, id).click();
    await page.keyboard.type(text);
  }
  const long = longAnswer();
  await answerField(page, '4.iii').fill(long.slice(0, -10));
  await answerField(page, '4.iii').press('End');
  await page.keyboard.type(long.slice(-10));

  // Saved within half a second of the last change.
  await page.waitForTimeout(500);
  const stored = await storedDraft(page);
  assert.equal(stored.version, 2);
  assert.equal(stored.answers['4.iii'], long);
  assert.equal(await answerField(page, '4.iii').inputValue(), long, 'still on screen after saving');
  assert.equal(await answerField(page, '7.iii').inputValue(), ANSWERS['7.iii']);
  await assert.doesNotReject(page.locator('.cr-status__save', { hasText: '草稿已保存于' }).waitFor());

  await page.reload();
  await page.locator('textarea[name="answer-13.ii"]').waitFor();
  for (const [id, text] of Object.entries(ANSWERS)) {
    assert.equal(await answerField(page, id).inputValue(), text, `answer ${id}`);
  }
  assert.equal((await answerField(page, '4.iii').inputValue()).length, 20_000);
  assert.equal(await answerField(page, '4.iii').inputValue(), long);
  assert.equal(await page.locator('.cr-status__count').innerText(), '已回答 4 / 42 个问题');
  assert.deepEqual(page.errors, [], 'no script ran from an answer, no error');
  assert.deepEqual(foreignRequests(requests, env.url), []);
  await context.close();
});

test('the downloaded Markdown holds every answer under its question, in order', async () => {
  const { context, requests } = await openContext(env);
  const page = await openApp(context, env.url);
  const long = longAnswer();
  for (const [id, text] of Object.entries(ANSWERS)) await answerField(page, id).fill(text);
  await answerField(page, '4.iii').fill(long);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 Markdown 文本（.md）' }).click(),
  ]);
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  assert.equal(download.suggestedFilename(), `WIPO-IP-AI-2-GE-20-1_response_${today}.md`);
  const markdown = await readFile(await download.path(), 'utf8');

  const blocks = readBlocks(markdown);
  assert.equal(blocks[0].type, 'heading');
  assert.match(blocks[0].text, /关于知识产权政策与人工智能的议题文件草案/);
  for (const fact of ['WIPO/IP/AI/2/GE/20/1', '收件：WIPO 秘书处（ai2ip@wipo.int）', `日期：${today}`, '已回答：4 / 42']) {
    assert.ok(markdown.includes(fact.replace(/([\\`*_[\]<>#|~&!])/g, '\\$1')) || blocks.some((b) => b.text.includes(fact)), fact);
  }

  const questionsOnPage = await page.locator('.cr-question__text').allTextContents();
  const idsOnPage = await page.locator('textarea[name^="answer-"]').evaluateAll((fs) => fs.map((f) => f.name.slice(7)));
  const found = answersOf(blocks);
  assert.equal(found.length, 42);
  found.forEach(({ question, answer }, i) => {
    assert.ok(question.endsWith(questionsOnPage[i]), `question ${i} in the paper's order`);
    const typed = idsOnPage[i] === '4.iii' ? long : ANSWERS[idsOnPage[i]];
    assert.equal(answer, typed ?? '（未作答）', `answer to ${idsOnPage[i]}`);
  });
  assert.deepEqual(page.errors, []);
  assert.deepEqual(foreignRequests(requests, env.url), []);
  await context.close();
});
