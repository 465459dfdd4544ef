// Finding the way through 42 questions: contents with answered counts, jump links that move
// focus, collapsing areas, unanswered-only, folding the context, answer counts that are announced
// only after a pause, the skip link, and layouts from a 320-px reflow to a wide screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { WORDS, answerField, openApp, openContext, overflowing, start, storedDraft } from './support.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const contents = (page) => page.locator('#cr-contents');
const focusedId = (page) => page.evaluate(() => appRoot().activeElement?.id);

test('the contents count answers per issue, per area and overall, and jump with focus', async () => {
  const { context } = await openContext(env, { locale: 'en-US' });
  const page = await openApp(context, env.url);
  const link = (name) => contents(page).getByRole('link', { name });
  await link('Issue 4: Disclosure (0 of 5 answered)').waitFor();
  await answerField(page, '4.i').fill('One.');
  await answerField(page, '4.v').fill('Two.');
  await answerField(page, 'p26').fill('Three.');
  await link('Issue 4: Disclosure (2 of 5 answered)').waitFor();
  await link('Patents (2 of 17 answered)').waitFor();
  await link('Technology Gap and Capacity Building (1 of 2 answered)').waitFor();
  assert.equal(await contents(page).locator('.cr-contents__progress').innerText(), '3 of 42 questions answered');
  assert.equal(await contents(page).locator('progress').getAttribute('value'), '3');

  await link(/^Issue 10:/).click();
  await page.waitForFunction(() => appRoot().activeElement?.id === 'issue-10');
  assert.ok(await page.locator('#issue-10').isVisible());
  // The host page's address is left alone.
  assert.equal(new URL(page.url()).hash, '');
  await context.close();
});

test('areas collapse and expand, hidden fields keep their text, a jump opens its area', async () => {
  const { context } = await openContext(env, { locale: 'zh-CN' });
  const page = await openApp(context, env.url);
  const words = WORDS.zh;
  await answerField(page, '1.i').fill('收起前写的');
  const toggle = page.getByRole('button', { name: words.collapsePatents });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await toggle.click();
  const expand = page.getByRole('button', { name: words.expandPatents });
  assert.equal(await expand.getAttribute('aria-expanded'), 'false');
  assert.equal(await answerField(page, '1.i').isVisible(), false);
  assert.equal(await answerField(page, '1.i').inputValue(), '收起前写的', 'hidden, not removed');
  await expand.click();
  assert.ok(await answerField(page, '1.i').isVisible());

  await contents(page).getByRole('button', { name: words.collapseAll }).click();
  assert.equal(await page.locator('textarea[name^="answer-"]:visible').count(), 0);
  await contents(page).getByRole('link', { name: /^议题 7：/ }).click();
  await page.waitForFunction(() => appRoot().activeElement?.id === 'issue-7');
  assert.ok(await answerField(page, '7.i').isVisible());
  assert.equal(await answerField(page, '1.i').isVisible(), false, 'other areas stay collapsed');
  await contents(page).getByRole('button', { name: words.expandAll }).click();
  assert.equal(await page.locator('textarea[name^="answer-"]:visible').count(), 42);
  assert.equal((await storedDraft(page)).answers['1.i'], '收起前写的');
  await context.close();
});

test('unanswered only sets answered questions aside, and never hides the one being typed in', async () => {
  const { context } = await openContext(env, { locale: 'en-US' });
  const page = await openApp(context, env.url);
  await answerField(page, '1.i').fill('Answered before.');
  await answerField(page, '11.i').fill('Design one.');
  await answerField(page, '11.ii').fill('Design two.');
  await page.getByLabel(WORDS.en.unanswered).check();
  assert.equal(await contents(page).getByRole('status').innerText(), '3 answered questions set aside.');
  assert.equal(await answerField(page, '1.i').isVisible(), false);
  assert.ok(await answerField(page, '1.ii').isVisible());
  assert.equal(await page.locator('#issue-11').isVisible(), false, 'an issue with every question answered is set aside');
  assert.ok(await page.locator('#area-body-designs').getByText('Every question in this area is answered.').isVisible());
  // Answering a question while the filter is on keeps it in view.
  await answerField(page, '1.ii').fill('Now answered too.');
  await page.waitForTimeout(400);
  assert.ok(await answerField(page, '1.ii').isVisible());
  // The contents still reach a set-aside issue: the filter gives way.
  await contents(page).getByRole('link', { name: /^Issue 11:/ }).click();
  await page.waitForFunction(() => appRoot().activeElement?.id === 'issue-11');
  assert.equal(await page.getByLabel(WORDS.en.unanswered).isChecked(), false);
  assert.ok(await answerField(page, '1.i').isVisible());
  assert.equal(await answerField(page, '1.i').inputValue(), 'Answered before.');
  await context.close();
});

test('context paragraphs fold away, open with one click, and the choice is remembered', async () => {
  const { context } = await openContext(env, { locale: 'en-US' });
  const page = await openApp(context, env.url);
  const paragraph10 = page.locator('#paragraph-10');
  assert.ok(await paragraph10.isVisible());
  await page.getByLabel(WORDS.en.fold).check();
  assert.equal(await paragraph10.isVisible(), false);
  assert.ok(await answerField(page, '4.i').isVisible(), 'questions stay');
  assert.ok(await answerField(page, 'p26').isVisible(), 'the question that ends paragraph 26 stays');
  await page.getByText('Context: paragraph 10', { exact: true }).click();
  assert.ok(await paragraph10.isVisible());
  await page.reload();
  await answerField(page, '13.ii').waitFor();
  assert.ok(await page.getByLabel(WORDS.en.fold).isChecked());
  assert.equal(await page.locator('#paragraph-12').isVisible(), false);
  await context.close();
});

test('the answer count shows at once and is announced, with the saved state, only after a pause in typing', async () => {
  const { context } = await openContext(env, { locale: 'en-US' });
  const page = await openApp(context, env.url);
  const field = answerField(page, '2.ii');
  const shown = page.locator('#answer-count-2\\.ii');
  const live = page.locator('#question-2\\.ii [aria-live="polite"]');
  // The visible count does not describe the field (a description that changes is read at each
  // key); the live region speaks once, after a pause.
  assert.equal(await field.getAttribute('aria-describedby'), 'answer-origin-2.ii answer-hint-2.ii');
  assert.equal(await shown.innerText(), '0 characters, 0 words');
  assert.equal(await live.textContent(), '');
  await page.evaluate(() => {
    window.announcements = [];
    const region = appRoot().querySelector('#question-2\\.ii [aria-live="polite"]');
    new MutationObserver(() => window.announcements.push(region.textContent))
      .observe(region, { childList: true, characterData: true, subtree: true });
  });
  await field.click();
  // Steady typing, a key every 120 ms for about five seconds: nothing is announced meanwhile.
  await page.keyboard.type('Specific provisions are not needed yet 暂不需要', { delay: 120 });
  assert.equal(await shown.innerText(), '43 characters, 10 words');
  assert.deepEqual(await page.evaluate(() => window.announcements), []);
  await page.waitForTimeout(1800);
  const said = '43 characters, 10 words. Saved in this browser.';
  assert.deepEqual(await page.evaluate(() => window.announcements), [said]);
  // Then it empties itself, so that reading the page later meets no stale count.
  await page.waitForTimeout(5200);
  assert.deepEqual(await page.evaluate(() => window.announcements), [said, '']);
  // The field itself was never re-rendered while typing: the same element throughout.
  assert.equal(await field.inputValue(), 'Specific provisions are not needed yet 暂不需要');
  await context.close();
});

test('the skip button is the first stop and moves focus to the questions', async () => {
  for (const words of Object.values(WORDS)) {
    const { context } = await openContext(env, { locale: words.locale });
    const page = await openApp(context, env.url);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('button', { name: words.skip });
    assert.ok(await skip.evaluate((el) => el === el.getRootNode().activeElement));
    assert.ok(await skip.isVisible(), 'visible when focused');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => appRoot().activeElement?.id === 'cr-paper');
    // The next Tab continues from the questions, not from the top of the page.
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => appRoot().getElementById('cr-paper').contains(appRoot().activeElement)));
    await context.close();
  }
});

/** The browser's own drawing of a bare file input: its text is in the browser's language. */
async function nativeFileInput(browser) {
  const page = await browser.newPage();
  await page.setContent('<input type="file">');
  const picture = await page.locator('input').screenshot();
  await page.close();
  return picture;
}

// Native controls draw their text in the browser's own language, whatever the page's: the
// layout is checked under a short and a long one.
const UI_LANGUAGES = ['en-US', 'de-DE'];

test('phone, 200% zoom and 320-px reflow: nothing scrolls sideways or is cut off, in any browser language', async () => {
  const native = [];
  for (const uiLanguage of UI_LANGUAGES) {
    const ui = await start({ uiLanguage });
    try {
      native.push(await nativeFileInput(ui.browser));
      await reflowsAtEveryWidth(ui, uiLanguage);
    } finally {
      await ui.stop();
    }
  }
  // Proves the two runs really had different browser languages ("Choose File" against "Datei
  // auswählen", from Debian's chromium-l10n).
  assert.ok(!native[0].equals(native[1]), 'the browser drew its file input the same in both UI languages');
});

async function reflowsAtEveryWidth(env, uiLanguage) {
  // 320 CSS px is a 1280-px screen at 400%; 640 is the same screen at 200%.
  for (const width of [320, 360, 640]) {
    for (const words of Object.values(WORDS)) {
      const where = `${width}px ${words.lang}, browser in ${uiLanguage}`;
      const { context } = await openContext(env, { locale: words.locale, viewport: { width, height: 720 } });
      const page = await openApp(context, env.url);
      await answerField(page, '1.i').fill('A fairly long answer with a long address https://www.wipo.int/about-ip/en/artificial_intelligence/conversation.html in it.');
      await page.getByRole('button', { name: words.review }).click();
      let result = await overflowing(page);
      assert.deepEqual(result.out, [], where);
      assert.ok(result.scrollWidth <= result.width, `${where}: page scrolls sideways (${result.scrollWidth})`);

      // The contents open as a panel from the toolbar, close with Escape, and focus returns.
      const open = page.getByRole('button', { name: words.contents, exact: true });
      await open.click();
      assert.equal(await open.getAttribute('aria-expanded'), 'true');
      await page.waitForFunction(() => appRoot().activeElement?.id === 'cr-contents-heading');
      result = await overflowing(page);
      assert.deepEqual(result.out, [], `${where}, contents open`);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => appRoot().activeElement?.id === 'cr-contents-toggle');
      assert.equal(await contents(page).isVisible(), false);
      await context.close();
    }
  }
}

test('on a wide screen the contents stay in view while the page scrolls', async () => {
  const { context } = await openContext(env, { locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const page = await openApp(context, env.url);
  await answerField(page, '9.i').scrollIntoViewIfNeeded();
  const box = await contents(page).boundingBox();
  assert.ok(box && box.y <= 1 && box.y + 20 < 800, `contents at ${JSON.stringify(box)}`);
  assert.equal(await page.getByRole('button', { name: 'Contents', exact: true }).isVisible(), false);
  await context.close();
});

test('reduced motion turns the panel animation off', async () => {
  const { context } = await openContext(env, { locale: 'en-US', viewport: { width: 360, height: 720 }, reducedMotion: 'reduce' });
  const page = await openApp(context, env.url);
  await page.getByRole('button', { name: 'Contents', exact: true }).click();
  assert.equal(await contents(page).evaluate((el) => getComputedStyle(el).animationName), 'none');
  await context.close();
  const moving = await openContext(env, { locale: 'en-US', viewport: { width: 360, height: 720 }, reducedMotion: 'no-preference' });
  const other = await openApp(moving.context, env.url);
  await other.getByRole('button', { name: 'Contents', exact: true }).click();
  assert.equal(await contents(other).evaluate((el) => getComputedStyle(el).animationName), 'cr-slide-in');
  await moving.context.close();
});

test('on a short, narrow window a focused control is never hidden behind the sticky toolbar', async () => {
  const { context } = await openContext(env, { locale: 'en-US', viewport: { width: 360, height: 480 } });
  const page = await openApp(context, env.url);
  let checked = 0;
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      const active = appRoot().activeElement;
      const bar = appRoot().querySelector('.cr-toolbar');
      if (!active || bar.contains(active) || active === document.body) return null;
      const box = active.getBoundingClientRect();
      return { name: active.name || active.id || active.textContent.slice(0, 30), top: box.top, visibleBottom: Math.min(box.bottom, box.top + 48), barTop: bar.getBoundingClientRect().top };
    });
    if (!state) continue;
    checked++;
    assert.ok(state.visibleBottom <= state.barTop + 1, `${state.name} is behind the toolbar: ${JSON.stringify(state)}`);
    if (state.name === 'answer-2.i') break;
  }
  // The draft bar's controls are folded away, so the questions come sooner than they did.
  assert.ok(checked > 20, `only ${checked} stops checked`);
  await context.close();
});

test('a review link reaches its answer even in a collapsed area or when set aside', async () => {
  const { context } = await openContext(env, { locale: 'en-US' });
  const page = await openApp(context, env.url);
  await answerField(page, '7.ii').fill('Set aside soon.');
  await page.getByLabel(WORDS.en.unanswered).check();
  await contents(page).getByRole('button', { name: WORDS.en.collapseAll }).click();
  await page.getByRole('button', { name: WORDS.en.review }).click();
  await page.locator('.cr-review a[href="#answer-7.ii"]').click();
  await page.waitForFunction(() => appRoot().activeElement?.name === 'answer-7.ii');
  assert.ok(await answerField(page, '7.ii').isVisible());
  assert.ok(await page.getByLabel(WORDS.en.unanswered).isChecked(), 'the filter stays on for the rest');
  assert.equal(new URL(page.url()).hash, '');
  await context.close();
});
