// About the respondent, comments on missing issues, and quick answers: kept, restored, written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { answerField, openApp, openContext, start, storedDraft } from './support.mjs';
import { readBlocks } from './markdown-reader.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test('respondent details, comments and quick answers survive a reload and reach the document', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);

  await page.getByLabel('姓名', { exact: true }).fill('王五');
  await page.keyboard.type(' Wang Wu');
  await page.getByLabel('职务或职位').fill('Deputy Director');
  await page.getByLabel('所属机构').fill('某国知识产权局 <IP Office> & Co');
  await page.getByLabel('代表机构提交').check();
  await page.getByLabel('答复人类别').selectOption({ label: '政府或知识产权局' });
  await page.getByLabel('联系电子邮箱').fill('wang@example.org');
  await page.getByLabel('我知悉 WIPO 将公布所收到的意见').check();
  await page.getByLabel('公布时请隐去我的姓名').check();

  await page.locator('#question-4\\.iii').getByRole('button', { name: '不太了解。' }).click();
  assert.equal(await answerField(page, '4.iii').inputValue(), '不太了解。');
  await answerField(page, '4.iii').press('End');
  await page.keyboard.type('但值得研究。');
  await page.locator('#question-7\\.vi').getByRole('button', { name: '无意见。' }).click();

  await page.getByLabel('关于“数据”：是否有遗漏或识别有误的议题？').fill('遗漏了个人数据与隐私的交叉问题。');
  await page.getByLabel('对本文件的一般性意见，或任何遗漏的议题').fill('Overall we agree with the issues identified.');
  await page.waitForTimeout(500);
  // What was typed is still on screen after the re-renders that saving and counting cause.
  assert.equal(await page.getByLabel('姓名', { exact: true }).inputValue(), '王五 Wang Wu');
  assert.equal(await page.getByLabel('所属机构').inputValue(), '某国知识产权局 <IP Office> & Co');
  assert.equal(await page.getByLabel('关于“数据”：是否有遗漏或识别有误的议题？').inputValue(), '遗漏了个人数据与隐私的交叉问题。');
  const stored = await storedDraft(page);
  assert.equal(stored.respondent.name, '王五 Wang Wu');
  assert.equal(stored.respondent.kind, 'government-or-ip-office');

  await page.reload();
  await page.locator('textarea[name="answer-13.ii"]').waitFor();
  assert.equal(await page.getByLabel('姓名', { exact: true }).inputValue(), '王五 Wang Wu');
  assert.equal(await page.getByLabel('所属机构').inputValue(), '某国知识产权局 <IP Office> & Co');
  assert.ok(await page.getByLabel('代表机构提交').isChecked());
  assert.equal(await page.getByLabel('答复人类别').inputValue(), 'government-or-ip-office');
  assert.ok(await page.getByLabel('我知悉 WIPO 将公布所收到的意见').isChecked());
  assert.ok(await page.getByLabel('公布时请隐去我的姓名').isChecked());
  assert.equal(await answerField(page, '4.iii').inputValue(), '不太了解。但值得研究。');
  assert.equal(await answerField(page, '7.vi').inputValue(), '无意见。');
  assert.equal(await page.locator('textarea[name="comment-data"]').inputValue(), '遗漏了个人数据与隐私的交叉问题。');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 Markdown 文本（.md）' }).click(),
  ]);
  const blocks = readBlocks(await readFile(await download.path(), 'utf8'));
  const texts = blocks.map((b) => b.text);
  const respondentAt = texts.indexOf('答复人');
  assert.ok(respondentAt > 0, 'a respondent section');
  const after = texts.slice(respondentAt + 1, respondentAt + 2)[0];
  for (const line of ['姓名：王五 Wang Wu', '所属机构：某国知识产权局 <IP Office> & Co', '身份：代表机构提交',
    '答复人类别：政府或知识产权局', '联系电子邮箱：wang@example.org',
    '公布：已知悉 WIPO 将公布所收到的意见；公布时请隐去答复人姓名']) {
    assert.ok(after.includes(line), `${line} in ${after}`);
  }
  const dataAt = texts.indexOf('数据');
  const commentAt = texts.indexOf('遗漏或识别有误的议题：');
  assert.ok(dataAt < commentAt && commentAt < texts.indexOf('设计'));
  assert.equal(texts[commentAt + 1], '遗漏了个人数据与隐私的交叉问题。');
  assert.equal(texts.at(-2), '一般性意见');
  assert.equal(texts.at(-1), 'Overall we agree with the issues identified.');
  assert.deepEqual(page.errors, []);
  await context.close();
});
