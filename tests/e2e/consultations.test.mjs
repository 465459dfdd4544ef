// Any consultation: the app built for the example consultation of data/ (CONSULTATION=…), served
// beside WIPO's on one site. Each serves its own paper, keeps its own drafts, names its own
// organiser and documents, and refuses the other's draft files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { DIST, chooseFile, launchBrowser } from './support.mjs';
import { serveSite } from './static-server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = 'data/example-digital-services-2026.json';
const example = JSON.parse(readFileSync(join(ROOT, EXAMPLE), 'utf8'));

let site;
let browser;
const exampleDist = mkdtempSync(join(tmpdir(), 'cr-example-dist-'));

before(async () => {
  // The same build, for the example's file: what a ministry does for its own consultation.
  execFileSync('trunk', ['build', '--release', '--offline', '--dist', exampleDist], {
    cwd: ROOT,
    env: { ...process.env, CONSULTATION: EXAMPLE },
    stdio: 'ignore',
  });
  site = await serveSite({ routes: [['/wipo/', DIST], ['/example/', exampleDist]] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const questions = (paper) =>
  paper.areas.flatMap((area) => [
    ...area.paragraphs.filter((p) => p.question).map((p) => p.question.id),
    ...area.issues.flatMap((issue) => issue.questions.map((q) => q.id)),
  ]);

/** Opens the app at `path` and waits for its `count` answer fields. */
async function open(context, path, count) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error));
  await page.goto(`${site.url}${path}`);
  await page.locator('textarea[name^="answer-"]').nth(count - 1).waitFor();
  await page.locator('#cr-submit').waitFor();
  return page;
}

test('an app built for another consultation serves it beside WIPO\'s: its paper, its drafts, its organiser, its documents', { timeout: 240_000 }, async () => {
  const ids = questions(example);
  assert.equal(ids.length, 12);
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const mine = await open(context, 'example/', ids.length);
  assert.equal(await mine.title(), `意见回复 · ${example.symbol} ${example.title.zh}`);
  const fields = await mine.locator('textarea[name^="answer-"]').evaluateAll((all) => all.map((f) => f.name));
  assert.deepEqual(fields, ids.map((id) => `answer-${id}`), 'every question of the file, in order, and nothing else');
  assert.match(await mine.locator('.cr-header').innerText(), /consultation@ministry\.example/);
  assert.ok(await mine.getByRole('heading', { name: '发送给 示例部' }).isVisible());
  // This organiser publishes nothing: no publication question, and the review does not ask it.
  assert.equal(await mine.locator('#respondent-publication-acknowledged').count(), 0);
  await mine.getByRole('button', { name: '检查回复' }).click();
  const summary = await mine.locator('.cr-error-summary').innerText();
  assert.match(summary, /姓名/);
  assert.doesNotMatch(summary, /公布/);
  await mine.locator('textarea[name="answer-1.i"]').fill('示例的回答：应当保留。');
  await mine.locator('textarea[name="answer-p5"]').fill('应当能够看到。');

  const wipo = await open(context, 'wipo/', 42);
  await wipo.locator('textarea[name="answer-1.i"]').fill('WIPO 的回答。');
  await wipo.waitForTimeout(600);
  await mine.reload();
  await mine.locator('textarea[name="answer-1.i"]').waitFor();
  await wipo.reload();
  await wipo.locator('textarea[name="answer-1.i"]').waitFor();
  assert.equal(await mine.locator('textarea[name="answer-1.i"]').inputValue(), '示例的回答：应当保留。');
  assert.equal(await wipo.locator('textarea[name="answer-1.i"]').inputValue(), 'WIPO 的回答。');
  const keys = await mine.evaluate(() => Object.keys(localStorage).filter((k) => !k.includes('/settings/')));
  assert.ok(keys.includes(`consultation-response/v1/${example.id}`) && keys.includes('consultation-response/v1/wipo-ip-ai-2019'), `keys: ${keys}`);

  // Its documents carry its particulars.
  const dir = mkdtempSync(join(tmpdir(), 'cr-example-'));
  const [word] = await Promise.all([mine.waitForEvent('download'), mine.getByRole('button', { name: 'Word 文档（.docx）' }).click()]);
  assert.match(word.suggestedFilename(), /^EXAMPLE-DS-2026-1_response_\d{4}-\d{2}-\d{2}\.docx$/);
  const [markdown] = await Promise.all([mine.waitForEvent('download'), mine.getByRole('button', { name: 'Markdown 文本（.md）' }).click()]);
  const text = readFileSync(await markdown.path(), 'utf8');
  for (const expected of ['示例部政策司（consultation@ministry.example）', '示例的回答：应当保留。', '应当能够看到。', example.symbol]) {
    assert.ok(text.includes(expected), `the document holds ${expected}`);
  }
  assert.ok(!text.includes('WIPO'), 'and nothing of WIPO');

  // A draft file of WIPO's paper is another consultation's, and changes nothing.
  const [file] = await Promise.all([wipo.waitForEvent('download'), wipo.getByRole('button', { name: '草稿文件（.json，可重新导入）' }).click()]);
  const wipoFile = join(dir, 'wipo.json');
  writeFileSync(wipoFile, readFileSync(await file.path()));
  await chooseFile(mine, wipoFile);
  await mine.getByRole('alert').filter({ hasText: '草稿属于另一项征求意见（wipo-ip-ai-2019）' }).waitFor();
  assert.equal(await mine.locator('textarea[name="answer-1.i"]').inputValue(), '示例的回答：应当保留。');
  assert.deepEqual([...mine.errors, ...wipo.errors], []);
  await context.close();
});

test('the example consultation\'s app passes axe in both its languages', { timeout: 120_000 }, async () => {
  for (const locale of ['zh-CN', 'en-US']) {
    const context = await browser.newContext({ locale });
    const page = await open(context, 'example/', 12);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`), [], locale);
    await context.close();
  }
});
