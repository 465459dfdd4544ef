// What a blind person hears: the Orca screen reader (Debian's Orca 43) reading the app in Firefox
// ESR, on a virtual display, over a private D-Bus session with its own accessibility bus. Orca
// starts with the customisation in this folder, which writes every utterance to a file and starts
// no speech server (it logs what it would say either way; with no synthesiser nothing is ever cut
// short, so the log is all that could be said: a stricter check of silence). The page is driven
// from the keyboard through WebDriver BiDi (puppeteer-core); one real click (xdotool) first puts
// the window's focus into the page, as a person's first Tab would.
//
// Run under `xvfb-run dbus-run-session` (scripts/test.sh does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { serveSite } from '../e2e/static-server.mjs';

// CR_DIST: another build's folder, to hear an earlier release the same way.
const DIST = process.env.CR_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const prefs = mkdtempSync(join(tmpdir(), 'cr-orca-'));
const downloads = mkdtempSync(join(tmpdir(), 'cr-orca-downloads-'));
const SPEECH_LOG = join(prefs, 'speech.jsonl');
const env = { ...process.env, ORCA_SPEECH_LOG: SPEECH_LOG, GNOME_ACCESSIBILITY: '1', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', LANGUAGE: 'en_US' };

let orca;
let site;
let browser;
let page;

/** Everything Orca has said since the start, in order. */
function heard() {
  if (!existsSync(SPEECH_LOG)) return [];
  return readFileSync(SPEECH_LOG, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).text);
}

/** What Orca says while `action` runs and for `settle` ms after. */
async function hear(action, settle = 1500) {
  const from = heard().length;
  await action();
  await new Promise((resolve) => setTimeout(resolve, settle));
  return heard().slice(from);
}

/**
 * What Orca says while `action` runs, until it has said something matching `until` (Orca follows
 * a focus change in its own time; a key pressed before it has would go where its browse-mode
 * cursor still is), and for `settle` ms after.
 */
async function hearUntil(action, until, settle = 500) {
  const from = heard().length;
  await action();
  for (let i = 0; i < 50 && !heard().slice(from).some((s) => until.test(s)); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, settle));
  return heard().slice(from);
}

const inApp = (selector) =>
  page.evaluateHandle((selector) => document.querySelector('[data-consultation-response]').shadowRoot.querySelector(selector), selector);

/**
 * Presses a key on the X display, as a keyboard would: Orca hears the key press itself (keys
 * sent through WebDriver reach only the page) and, knowing the person acted, stays where they are.
 */
function pressKey(key) {
  execFileSync('xdotool', ['key', '--clearmodifiers', key]);
}

/** Moves focus to the element, as Tab would, and lets Orca speak. */
async function focus(selector) {
  const element = (await inApp(selector)).asElement();
  assert.ok(element, `${selector} is in the page`);
  await element.focus();
}

before(async () => {
  copyFileSync(fileURLToPath(new URL('orca-customizations.py', import.meta.url)), join(prefs, 'orca-customizations.py'));
  orca = spawn('orca', ['--replace', '-u', prefs, ...(process.env.ORCA_DEBUG ? ['--debug-file', process.env.ORCA_DEBUG] : [])], { env, stdio: 'ignore' });
  for (let i = 0; i < 100 && !heard().includes('Screen reader on.'); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(heard().includes('Screen reader on.'), 'Orca started');
  site = await serveSite({ routes: [['/', DIST]] });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: false,
    extraPrefsFirefox: {
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'zh-CN, zh, en',
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // The browser's own question about persistent storage is not the app's to test here.
      'permissions.default.persistent-storage': 2,
    },
    env: { ...env, MOZ_ENABLE_WAYLAND: '0' },
  });
  page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(`${site.url}?offline=off`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('[data-consultation-response]')?.shadowRoot?.querySelector('#cr-submit'), { timeout: 30_000 });
  // The window's focus into the page, with one real click on its empty margin.
  const windows = execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'firefox'], { encoding: 'utf8' }).trim().split('\n');
  execFileSync('xdotool', ['windowfocus', '--sync', windows.at(-1)]);
  execFileSync('xdotool', ['mousemove', '8', '500', 'click', '1']);
  await new Promise((resolve) => setTimeout(resolve, 1500));
});

after(async () => {
  await browser?.close();
  await site?.close();
  orca?.kill();
});

test('Orca reads the page as it loads: its title, and nothing read out by itself', () => {
  const said = heard();
  assert.ok(said.some((s) => s.startsWith('Finished loading 意见回复 · WIPO/IP/AI/2/GE/20/1')), said.join(' | '));
  assert.ok(!said.some((s) => /clickable/.test(s)), said.join(' | '));
});

test('a person hears each answer field\'s question, silence while typing, then once the count and that it is saved; a detail says it is saved', { timeout: 60_000 }, async () => {
  // Typing starts once Orca is in focus mode in the field, as a person hears before typing.
  const arriving = await hearUntil(() => focus('textarea[name="answer-1.i"]'), /^Focus mode$/);
  assert.ok(arriving.some((s) => s.startsWith('（i） 法律是否应该允许或要求将 AI 申请命名为发明人') && s.endsWith('entry.')), arriving.join(' | '));
  assert.ok(arriving.includes('意见观点.'), `the description: ${arriving.join(' | ')}`);
  const text = 'AI 不应被视为发明人，发明人应当是自然人。';
  const from = heard().length;
  await page.keyboard.type(text, { delay: 60 });
  // Keys sent through WebDriver never reach Orca as key presses, so it sometimes reads the
  // field's growing text back as a change it did not see typed: that is Orca's, not the app's.
  const echo = (typed) => (s) => typed.startsWith(s.replace(/\.$/, '').trimEnd());
  const whileTyping = heard().slice(from);
  const typing = whileTyping.filter((s) => !echo(text)(s));
  assert.deepEqual(typing, [], 'silence while typing: no count, no save status, nothing about storage');
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const pause = heard().slice(from + whileTyping.length);
  assert.deepEqual(pause.filter((s) => /个字符|已保存在此浏览器中/.test(s)), ['22 个字符，字数 18。已保存在此浏览器中。']);
  console.log(`  heard while typing: ${JSON.stringify(typing)}\n  heard after the pause: ${JSON.stringify(pause)}`);
  // The respondent's name: silence while typing it too, then that it is saved.
  await hear(() => focus('#respondent-name'));
  const name = await hear(() => page.keyboard.type('王五', { delay: 60 }), 2500);
  assert.deepEqual(name.filter((s) => !echo('王五')(s)), ['已保存在此浏览器中。']);
});

test('moving to another area\'s question says the question, not the regions left and entered', { timeout: 30_000 }, async () => {
  const said = await hear(() => focus('textarea[name="answer-7.i"]'));
  assert.ok(said.some((s) => s.startsWith('（i）')), said.join(' | '));
  // The paper's own region may be said on coming back to it; no area's or issue's.
  assert.ok(!said.some((s) => /^region (?!关于知识产权政策与人工智能的议题文件草案)/.test(s)), `no area or issue region: ${said.join(' | ')}`);
});

test('switching language is said in the new language, and the window is renamed', { timeout: 30_000 }, async () => {
  const switchToEnglish = async () => {
    await hearUntil(() => focus('.cr-language__option[lang="en"]'), /English toggle button/);
    return hear(() => pressKey('Return'), 2500);
  };
  let said = await switchToEnglish();
  // The app says the switch a frame before the page's words change, so that Orca hears it before
  // the flood of changed texts in which it drops events. Firefox then reports a caret move in the
  // answer field last focused and Orca goes there (seen with earlier releases too); should that
  // ever come first, the switch is heard once more, back in Chinese on a fresh page.
  if (!said.includes('The form is now in English.')) {
    console.log(`  Orca left the button: ${JSON.stringify(said.slice(0, 8))}; once more on a fresh page`);
    await page.evaluate(() => document.querySelector('[data-consultation-response]').shadowRoot.querySelector('.cr-language__option[lang="zh-CN"]').click());
    await hearUntil(async () => {
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('[data-consultation-response]')?.shadowRoot?.querySelector('#cr-submit'), { timeout: 30_000 });
    }, /^Finished loading/, 1500);
    said = await switchToEnglish();
  }
  const focused = await page.evaluate(() => document.querySelector('[data-consultation-response]').shadowRoot.activeElement?.outerHTML.slice(0, 80));
  assert.ok(said.includes('The form is now in English.'), `${said.join(' | ')} — focus on ${focused}`);
  assert.match(await page.title(), /^Consultation response · WIPO\/IP\/AI\/2\/GE\/20\/1 Draft Issues Paper/);
  console.log(`  heard on switching: ${JSON.stringify(said.slice(0, 8))}`);
});

/** The app's button whose text is `text`. */
const button = (text) =>
  page.evaluateHandle((text) => [...document.querySelector('[data-consultation-response]').shadowRoot.querySelectorAll('button')].find((b) => b.textContent === text), text);

test('the review\'s error summary is read when it takes focus', { timeout: 30_000 }, async () => {
  const review = (await button('Review the response')).asElement();
  assert.ok(review);
  await review.focus();
  const said = await hear(() => page.keyboard.press('Enter'), 2000);
  assert.ok(said.some((s) => s.includes('Before you send, please see to the following')), said.join(' | '));
  assert.ok(said.some((s) => s.includes('Enter a contact email')), said.join(' | '));
});

test('a download button says what it does, and pressing it downloads', { timeout: 30_000 }, async () => {
  const word = (await button('Download Word document (.docx)')).asElement();
  assert.ok(word);
  const arriving = await hear(() => word.focus());
  assert.ok(arriving.some((s) => s.includes('Download Word document (.docx)')), arriving.join(' | '));
  await page.keyboard.press('Enter');
  for (let i = 0; i < 50 && !readdirSync(downloads).some((f) => f.endsWith('.docx')); i++) await new Promise((r) => setTimeout(r, 200));
  assert.ok(readdirSync(downloads).some((f) => f.endsWith('.docx')), `downloaded: ${readdirSync(downloads)}`);
  console.log(`  heard on the download button: ${JSON.stringify(arriving)}`);
});
