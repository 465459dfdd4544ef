// The submission: every download opened by a real reader, import round trips, review, send, print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerField, chooseFile, dropFile, foreignRequests, openApp, openContext, start, storedDraft } from './support.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const LAST_SENTENCE = 'The very last sentence of the long answer 最后一句在这里。';
const ANSWERS = {
  '1.i': '应该允许 AI 申请命名为发明人。',
  '4.iii': '不太了解。',
  '7.iii': 'Yes, for research. </script><img src=x onerror=alert(1)> & "quoted"',
  'p26': '需要考虑技术差距。\nCapacity building matters.',
  '13.ii': '可以考虑立法改革。',
};

async function fillDraft(page, { long = false } = {}) {
  await page.getByLabel('姓名', { exact: true }).fill('王五 Wang Wu');
  await page.getByLabel('所属机构').fill('某国知识产权局');
  for (const [id, text] of Object.entries(ANSWERS)) await answerField(page, id).fill(text);
  if (long) {
    const unit = '人工智能与知识产权的长篇论述。A long argument about AI and IP. ';
    const text = unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000 - LAST_SENTENCE.length) + LAST_SENTENCE;
    await answerField(page, '5.ii').fill(text);
  }
  await page.waitForTimeout(400);
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'response-'));
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** Asserts that each of `texts` occurs in `haystack`, in this order. */
function assertInOrder(haystack, texts) {
  let from = 0;
  for (const text of texts) {
    const at = haystack.indexOf(text, from);
    assert.ok(at >= 0, `${JSON.stringify(text)} missing (or out of order) after position ${from}`);
    from = at + text.length;
  }
}

test('the Word file is a valid package that LibreOffice reads with every answer in order', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await fillDraft(page);
  const { path, name } = await download(page, '下载 Word 文档（.docx）');
  assert.match(name, /^WIPO-IP-AI-2-GE-20-1_某国知识产权局_\d{4}-\d{2}-\d{2}\.docx$/);

  // A zip whose every XML part is well-formed.
  execFileSync('python3', ['-c', `
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for n in z.namelist():
    if n.endswith('.xml') or n.endswith('.rels'):
        xml.dom.minidom.parseString(z.read(n))
assert 'word/document.xml' in z.namelist()
`, path]);

  const out = mkdtempSync(join(tmpdir(), 'lo-'));
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, path], { timeout: 120_000 });
  const text = readFileSync(join(out, name.replace(/\.docx$/, '.txt')), 'utf8');
  assertInOrder(text, [
    '收件：WIPO 秘书处（ai2ip@wipo.int）',
    '主题：对《关于知识产权政策与人工智能的议题文件草案》（WIPO/IP/AI/2/GE/20/1）的意见',
    '姓名：王五 Wang Wu',
    '专利权',
    '议题 1：发明权和所有权',
    ANSWERS['1.i'],
    ANSWERS['4.iii'],
    ANSWERS['7.iii'],
    '需要考虑技术差距。', 'Capacity building matters.',
    ANSWERS['13.ii'],
  ]);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the HTML file reads as the response, runs nothing, and importing it resumes the draft', async () => {
  const { context, requests } = await openContext(env);
  const page = await openApp(context, env.url);
  await fillDraft(page);
  const { path } = await download(page, '下载网页文件（.html，可重新导入）');

  const reader = await context.newPage();
  const dialogs = [];
  reader.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await reader.goto(`file://${path}`);
  const shown = await reader.locator('body').innerText();
  assertInOrder(shown, ['姓名', '王五 Wang Wu', ANSWERS['1.i'], ANSWERS['7.iii'], ANSWERS['13.ii']]);
  assert.equal(await reader.locator('img').count(), 0);
  assert.equal(await reader.locator('[src], [href], link, iframe, object, embed').count(), 0, 'no external resource');
  assert.equal(await reader.locator('script:not([type="application/json"])').count(), 0, 'no script');
  assert.deepEqual(dialogs, []);

  // A second browser, empty, opens the file and gets the same draft back.
  const fresh = await openContext(env);
  const other = await openApp(fresh.context, env.url);
  await chooseFile(other, path);
  await other.getByRole('button', { name: '替换当前草稿' }).click();
  await other.getByText('已打开文件中的草稿。').waitFor();
  for (const [id, text] of Object.entries(ANSWERS)) {
    assert.equal(await answerField(other, id).inputValue(), text, `answer ${id} after import`);
  }
  assert.equal(await other.getByLabel('姓名', { exact: true }).inputValue(), '王五 Wang Wu');
  const stored = await storedDraft(other);
  assert.equal(stored.answers['7.iii'], ANSWERS['7.iii']);
  assert.deepEqual(foreignRequests([...requests, ...fresh.requests].filter((r) => !r.startsWith('file:')), env.url), []);
  await fresh.context.close();
  await context.close();
});

test('a draft file round-trips; a wrong or damaged file is refused and changes nothing', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await fillDraft(page);
  const { path } = await download(page, '下载草稿文件（.json，可重新导入）');
  const dir = mkdtempSync(join(tmpdir(), 'bad-'));
  const damaged = join(dir, 'damaged.json');
  writeFileSync(damaged, readFileSync(path, 'utf8').replace('应该允许', '不应该允许'));
  const wrong = join(dir, 'notes.json');
  writeFileSync(wrong, '{"hello": "world"}');

  await answerField(page, '1.i').fill('我改变了主意。');
  await page.waitForTimeout(400);
  for (const [file, reason] of [[damaged, '校验和不符'], [wrong, '不是本工具保存的草稿文件']]) {
    await chooseFile(page, file);
    await page.getByRole('alert').filter({ hasText: reason }).waitFor();
    assert.equal(await answerField(page, '1.i').inputValue(), '我改变了主意。');
    assert.equal((await storedDraft(page)).answers['1.i'], '我改变了主意。');
  }

  // Saved again as UTF-16 ("Unicode" in some editors), with its byte-order mark: it opens.
  const utf16 = join(dir, 'draft-utf16.json');
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(path, 'utf8'), 'utf16le')]));
  await chooseFile(page, utf16);
  await page.getByRole('button', { name: '取消' }).waitFor();
  await page.getByRole('button', { name: '取消' }).click();
  // Bytes in no encoding the app reads are refused as such.
  const latin1 = join(dir, 'draft-latin1.json');
  writeFileSync(latin1, Buffer.from('{"format": "consultation-response/draft-file", "name": "caf\xe9"}', 'latin1'));
  await chooseFile(page, latin1);
  await page.getByRole('alert').filter({ hasText: '文字编码' }).waitFor();
  assert.equal(await answerField(page, '1.i').inputValue(), '我改变了主意。');

  await chooseFile(page, path);
  await page.getByRole('button', { name: '取消' }).click();
  assert.equal(await answerField(page, '1.i').inputValue(), '我改变了主意。', 'cancel keeps the draft');
  await chooseFile(page, path);
  await page.getByRole('button', { name: '替换当前草稿' }).click();
  await page.getByText('已打开文件中的草稿。').waitFor();
  assert.equal(await answerField(page, '1.i').inputValue(), ANSWERS['1.i']);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the import area is the app's own: a button in the page's language, the chosen name, drag and drop", async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await fillDraft(page);
  const { path } = await download(page, '下载草稿文件（.json，可重新导入）');

  const fresh = await openContext(env, { locale: 'en-US' });
  const other = await openApp(fresh.context, env.url);
  const chooser = other.getByRole('button', { name: 'Choose a file', exact: true });
  assert.equal(await other.locator('#import-chosen').innerText(), 'No file chosen');
  assert.match(await chooser.getAttribute('aria-describedby'), /import-chosen/);
  // The browser's own file input is not a second, differently worded stop for keyboard or AT.
  assert.equal(await other.locator('input[type=file]').isVisible(), false);
  assert.equal(await other.getByRole('button', { name: /Choose File|Datei/ }).count(), 0);

  // Keyboard: Enter on the focused button opens the browser's chooser.
  const chooserOpened = other.waitForEvent('filechooser');
  await chooser.press('Enter');
  const fileChooser = await chooserOpened;
  await fileChooser.setFiles(path);
  await other.getByRole('alert').filter({ hasText: 'passed its checks' }).waitFor();
  assert.match(await other.locator('#import-chosen').innerText(), /^Chosen: .*\.json$/);
  await other.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await answerField(other, '1.i').inputValue(), '');

  // A file dragged from the desktop and dropped on the area opens the same way.
  await dropFile(other, path, 'from-the-desktop.json');
  assert.equal(await other.locator('#import-chosen').innerText(), 'Chosen: from-the-desktop.json');
  await other.getByRole('button', { name: 'Replace the current draft' }).click();
  await other.getByText('The draft from the file is open.').waitFor();
  assert.equal(await answerField(other, '1.i').inputValue(), ANSWERS['1.i']);

  // A file that is not ours, dropped, is refused with the reason and changes nothing.
  const dir = mkdtempSync(join(tmpdir(), 'drop-'));
  writeFileSync(join(dir, 'notes.txt'), 'just some notes');
  await dropFile(other, join(dir, 'notes.txt'), 'notes.txt', 'text/plain');
  await other.getByRole('alert').filter({ hasText: 'not a draft file' }).waitFor();
  assert.equal(await answerField(other, '1.i').inputValue(), ANSWERS['1.i']);
  assert.deepEqual([...page.errors, ...other.errors], []);
  await fresh.context.close();
  await context.close();
});

test('the text file holds every answer, and only answered questions when asked', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await fillDraft(page);
  const all = readFileSync((await download(page, '下载纯文本（.txt）')).path, 'utf8');
  assert.equal((all.match(/意见观点：/g) ?? []).length, 42);
  assertInOrder(all, Object.values(ANSWERS));
  await page.getByLabel('在文件中列出未作答的问题').uncheck();
  const answered = readFileSync((await download(page, '下载纯文本（.txt）')).path, 'utf8');
  assert.equal((answered.match(/意见观点：/g) ?? []).length, 5);
  assert.ok(!answered.includes('（未作答）'));
  await context.close();
});

test('printing gives the submission with the full long answer and none of the interface', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await fillDraft(page, { long: true });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  const dir = mkdtempSync(join(tmpdir(), 'print-'));
  writeFileSync(join(dir, 'response.pdf'), pdf);
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'response.pdf'), '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, '');
  assert.ok(flat.includes(LAST_SENTENCE.replace(/\s+/g, '')), 'the last sentence of the 20,000-character answer');
  assert.ok(flat.includes('王五WangWu'));
  for (const label of ['检查、下载与发送', 'Word文档（.docx）', '打印或另存为PDF', '选择文件', '快速回答', '下载回复', '草稿已保存于']) {
    assert.ok(!flat.includes(label), `interface text "${label}" printed`);
  }
  await context.close();
});

test('the review lists every question and its error summary takes focus and links to fields', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  await answerField(page, '2.i').fill('不应该。');
  await page.getByRole('button', { name: '检查回复' }).click();
  const summary = page.getByRole('alert').filter({ hasText: '提交前请注意以下事项' });
  await summary.waitFor();
  assert.equal(await summary.evaluate((el) => el === el.getRootNode().activeElement), true, 'focus on the summary');
  await summary.getByRole('link', { name: '请填写您的姓名' }).click();
  await page.waitForFunction(() => appRoot().activeElement?.id === 'respondent-name');
  assert.equal(new URL(page.url()).hash, '', 'the address is left alone');
  assert.equal(await page.locator('.cr-review__row').count(), 42);
  assert.ok(await page.getByText('已回答 1 / 42 个问题').first().isVisible());
  await page.getByRole('link', { name: '修改 议题 2（i）' }).click();
  await page.waitForFunction(() => appRoot().activeElement?.getAttribute('name') === 'answer-2.i');
  await context.close();
});

test('the send step gives the address and subject, and a mailto link with nothing else', async () => {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  assert.equal(await page.getByLabel('收件人').inputValue(), 'ai2ip@wipo.int');
  const subject = await page.getByLabel('主题').inputValue();
  assert.equal(subject, '对《关于知识产权政策与人工智能的议题文件草案》（WIPO/IP/AI/2/GE/20/1）的意见');
  const href = await page.getByRole('link', { name: '用邮件程序新建邮件（仅含收件人和主题）' }).getAttribute('href');
  const url = new URL(href);
  assert.equal(url.protocol + url.pathname, 'mailto:ai2ip@wipo.int');
  assert.deepEqual([...url.searchParams.keys()], ['subject']);
  assert.equal(url.searchParams.get('subject'), subject);
  assert.ok(await page.getByText('2020年2月14日').first().isVisible());
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: '复制 主题' }).click();
  await page.getByText('已复制').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), subject);
  await context.close();
});
