// Embedding on a ministry's website: the loader, a strict CSP, any folder, the iframe embed and
// its messages, the host's styles kept out, theming, staying in the box, offline use, and the
// message shown when the app cannot start. The example host pages of examples/ are served as a
// host would serve them: the app in /static/forms/wipo-ai/, the page elsewhere, under the CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { DIST, chooseFile, chooseLanguage, launchBrowser } from './support.mjs';
import { draftFile } from './draft-files.mjs';
import { serveSite } from './static-server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const APP = '/static/forms/wipo-ai/';
/**
 * The README's CSP with Trusted Types. The app's own pages allow the app's one policy (the
 * offline worker's URL); host pages, which ask for no worker, allow none (`NO_POLICY`).
 */
const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types consultation-response";
const NO_POLICY = (csp) => csp.replace('trusted-types consultation-response', "trusted-types 'none'");

/** What the tests switch on the servers: a missing wasm, a CSP without wasm, a new release. */
const faults = { missingWasm: false, noWasmCsp: false, newRelease: false, blockedStyle: false };

let host; // the ministry's site: its pages, the app in a sub-folder, frame-host.js
let forms; // another origin serving the app for the iframe embed
let browser;

before(async () => {
  forms = await serveSite({
    routes: [[APP, DIST]],
    // Asked at each request, when the host's server is listening.
    headers: () => ({ 'content-security-policy': STRICT_CSP.replace("frame-ancestors 'self'", `frame-ancestors 'self' ${host.origin}`) }),
    override: appFaults,
  });
  host = await serveSite({
    routes: [
      [APP, DIST],
      [`${APP}strictest/`, DIST],
      ['/ministry/frame-host.js', join(DIST, 'frame-host.js')],
      ['/ministry/', join(ROOT, 'examples/ministry')],
      ['/hosts/', join(ROOT, 'examples/hosts')],
      ['/vendor/bootstrap/', join(ROOT, 'node_modules/bootstrap/dist')],
      ['/vendor/water/', join(ROOT, 'node_modules/water.css/out')],
    ],
    headers: (path) => {
      let csp = faults.noWasmCsp ? STRICT_CSP.replace(" 'wasm-unsafe-eval'", '') : STRICT_CSP;
      if (faults.blockedStyle) csp = csp.replace("style-src 'self'", "style-src 'none'");
      // The app's own page under the literal trusted-types 'none' too, with no offline worker.
      if (!path.startsWith(APP) || path.startsWith(`${APP}strictest/`)) csp = NO_POLICY(csp);
      if (path.endsWith('ai-frame.html')) csp += `; frame-src ${forms.origin}`;
      return { 'content-security-policy': csp };
    },
    override: async (path, file) => {
      if (path.endsWith('ai-frame.html')) {
        return { body: readFileSync(file, 'utf8').replace('https://forms.example.org', forms.origin) };
      }
      if (path.endsWith('/ai-without-app.html')) {
        const page = readFileSync(join(ROOT, 'examples/ministry/consultations/ai.html'), 'utf8');
        return { body: page.replace(/\s*<script type="module"[^>]*><\/script>/, '') };
      }
      if (path.endsWith('/unknown-lang.html')) {
        return { body: readFileSync(join(ROOT, 'examples/hosts/bare.html'), 'utf8').replace('data-lang="zh-CN"', 'data-lang="tlh"') };
      }
      return appFaults(path, file);
    },
  });
  browser = await launchBrowser('en-US');
});

after(async () => {
  await browser?.close();
  await host?.close();
  await forms?.close();
});

function appFaults(path, file) {
  if (faults.missingWasm && path.endsWith('.wasm')) return { status: 404 };
  if (faults.newRelease && path.endsWith('/sw.js')) return { body: `${readFileSync(file, 'utf8')}\n// the next release\n` };
  return null;
}

/** A context that records CSP violations in every frame, and every request. */
async function newContext({ locale = 'zh-CN', viewport = { width: 1280, height: 800 }, init } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, locale, viewport });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (init) await context.addInitScript(init);
  // The page's own requests; the offline worker's precache is its own, once per release.
  const requests = [];
  context.on('request', (request) => request.serviceWorker() || requests.push(request.url()));
  return { context, requests };
}

const violations = (frame) => frame.evaluate(() => window.__violations);
const fields = (scope) => scope.locator('textarea[name^="answer-"]');

/** Opens `url` and waits until the app's 42 answer fields are there. */
async function openPage(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error));
  await page.goto(url);
  await fields(page).nth(41).waitFor();
  await page.locator('#cr-submit').waitFor();
  return page;
}

function pdfText(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'embed-print-'));
  writeFileSync(join(dir, 'print.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', join(dir, 'print.pdf'), '-'], { encoding: 'utf8' });
}

// Their sizes are the size budget's (size-budget.test.mjs).
test('the build writes a loader and frame host under stable names that point at this build', () => {
  const files = readdirSync(DIST);
  const loader = readFileSync(join(DIST, 'consultation-response.js'), 'utf8');
  assert.ok(files.includes('frame-host.js'));
  const named = [...loader.matchAll(/'(consultation-response-[0-9a-f]+(?:_bg\.wasm|\.js)|app-[0-9a-f]+\.css)'/g)].map((m) => m[1]);
  assert.equal(named.length, 3, `hashed names in the loader: ${named}`);
  for (const name of named) assert.ok(files.includes(name), `${name} is in dist/`);
  assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 1);
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  for (const name of named) assert.ok(sw.includes(name), `sw.js precaches ${name}`);

  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(index, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(index, /\sstyle=|\son[a-z]+=/, 'no style or event-handler attributes');
  assert.match(index, /<script (?:src="?consultation-response\.js"? type="?module"?|type="?module"? src="?consultation-response\.js"?)><\/script>/);
  for (const name of files.filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(DIST, name), 'utf8');
    assert.doesNotMatch(text, /\beval\(|new Function\(/, `${name} evaluates no strings`);
  }
});

/**
 * What a person does on a page holding the app: type, reload, every download, print, import.
 * Returns after checking each; `page` must hold the app with an empty draft.
 */
async function workThrough(page, text) {
  const answer = page.locator('textarea[name="answer-1.i"]');
  await answer.fill(text);
  await page.waitForTimeout(500);
  await page.reload();
  await fields(page).nth(41).waitFor();
  await page.locator('#cr-submit').waitFor();
  assert.equal(await answer.inputValue(), text);

  const dir = mkdtempSync(join(tmpdir(), 'embed-downloads-'));
  let draftFile;
  for (const name of ['下载 Word 文档（.docx）', '下载网页文件（.html，可重新导入）', '下载 Markdown 文本（.md）', '下载纯文本（.txt）', '下载草稿文件（.json，可重新导入）']) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    const mark = path.endsWith('.docx') ? 'word/document.xml' : path.endsWith('.json') ? 'consultation-response/draft-file' : 'WIPO';
    assert.ok(readFileSync(path, 'utf8').includes(mark), `${name} is the response`);
    if (path.endsWith('.json')) draftFile = path;
  }
  await page.emulateMedia({ media: 'print' }); // as printing does
  const printed = pdfText(await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  assert.ok(printed.replace(/\s+/g, '').includes(text), 'the answer is printed');

  await answer.fill('改过的回答');
  await chooseFile(page, draftFile);
  await page.getByRole('button', { name: '替换当前草稿' }).click();
  await page.getByText('已打开文件中的草稿。').waitFor();
  assert.equal(await answer.inputValue(), text);
  return printed;
}

test('the standalone page works under the strict CSP from a sub-folder: type, reload, every download, print, import', async () => {
  const { context, requests } = await newContext();
  const page = await openPage(context, `${host.url}static/forms/wipo-ai/`);
  await workThrough(page, '严格内容安全策略下的回答。');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
  // Two page loads, the wasm fetched once in each.
  assert.equal(requests.filter((r) => r.endsWith('.wasm')).length, 2);
  await context.close();
});

test("under trusted-types 'none' the app's own page, without its offline worker, works with no violation, the desk too", async () => {
  const { context } = await newContext();
  const page = await openPage(context, `${host.url}static/forms/wipo-ai/strictest/?offline=off`);
  await workThrough(page, '最严格的策略下的回答。');
  // The desk: a contribution added, shown, and the compilation downloaded.
  const dir = mkdtempSync(join(tmpdir(), 'embed-desk-'));
  writeFileSync(join(dir, 'contribution.json'), draftFile(3, ['1.i'], []));
  await page.locator('#cr-desk-toggle').click();
  await chooseFile(page, join(dir, 'contribution.json'), '添加意见文件');
  await page.locator('#question-1\\.i .cr-contributions', { hasText: '3 号单位' }).waitFor();
  const [compilation] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载意见汇编 Word 文档（.docx）' }).click()]);
  assert.match(compilation.suggestedFilename(), /compilation/);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** Everything of the host page the app must leave alone, read in the page. */
const hostState = (page) =>
  page.evaluate(() => ({
    html: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
    body: [...document.body.attributes].map((a) => `${a.name}=${a.value}`),
    title: document.title,
    scroll: [scrollX, scrollY],
    focus: document.activeElement === document.body,
    elements: [...document.querySelectorAll('*:not(script)')].map((e) => e.tagName.toLowerCase() + (e.tagName === 'LINK' ? ` ${e.getAttribute('href')}` : '')),
    mountChildren: document.querySelector('[data-consultation-response]').children.length,
  }));

test('the script embed works in a ministry page from another folder, under the CSP, touching nothing of the host', async () => {
  const { context, requests } = await newContext();
  const bare = await context.newPage();
  await bare.goto(`${host.url}ministry/consultations/ai-without-app.html`);
  const before = await hostState(bare);

  const page = await openPage(context, `${host.url}ministry/consultations/ai.html`);
  const afterLoad = await hostState(page);
  assert.deepEqual({ ...afterLoad, elements: undefined }, { ...before, elements: undefined }, 'html, body, title, scroll and focus untouched');
  const extra = [...afterLoad.elements];
  for (const element of before.elements) {
    const at = extra.indexOf(element);
    if (at >= 0) extra.splice(at, 1);
  }
  assert.equal(extra.length, 1, `added outside the mount: ${extra}`);
  assert.match(extra[0], /^link .*\/static\/forms\/wipo-ai\/app-[0-9a-f]+\.css$/);
  assert.equal(afterLoad.elements.length, before.elements.length + 1);
  // The app speaks the page's language on its own root only, and never renames the host's window,
  // not even when the person switches language.
  assert.equal(await page.locator('.cr-app').first().getAttribute('lang'), 'zh-CN');
  await chooseLanguage(page, 'English', 'en');
  assert.equal(await page.title(), before.title);
  await chooseLanguage(page, '中文', 'zh-CN');

  // Type, reload, every download, print and import, in the host page under its CSP; the print
  // holds the submission alone.
  const text = await workThrough(page, '嵌入页面中的回答。');
  assert.equal(requests.filter((r) => r.endsWith('.wasm')).length, 2, 'the wasm once per page load');
  for (const hostText of ['示例知识产权部', '新闻', '版权所有', '意见征集']) {
    assert.ok(!text.includes(hostText), `the printed PDF holds the host's "${hostText}"`);
  }
  // The script embed registers no worker on the host's origin unless asked.
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the iframe embed on another origin sizes itself, has no inner scroll bar, and asks the host to scroll', async () => {
  for (const width of [1280, 400]) {
    const { context } = await newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(error));
    await page.goto(`${host.url}ministry/consultations/ai-frame.html`);
    const frameElement = page.locator('iframe[data-consultation-response-frame]');
    const frame = page.frameLocator('iframe[data-consultation-response-frame]');
    await fields(frame).nth(41).waitFor();
    const inner = page.frames().find((f) => f.url().startsWith(forms.origin));
    assert.equal(await frame.locator('.cr-app').first().getAttribute('lang'), 'zh-CN', '?lang=zh-CN');

    const noInnerScroll = async () => {
      await page.waitForFunction(() => {
        const box = document.querySelector('iframe[data-consultation-response-frame]').getBoundingClientRect();
        return box.height > 1000;
      });
      await page.waitForTimeout(300);
      const sizes = await inner.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight, scrollW: document.documentElement.scrollWidth, clientW: document.documentElement.clientWidth }));
      assert.ok(sizes.scroll <= sizes.client + 1, `${width}px: inner scroll ${JSON.stringify(sizes)}`);
      assert.ok(sizes.scrollW <= sizes.clientW, `${width}px: sideways ${JSON.stringify(sizes)}`);
      return (await frameElement.boundingBox()).height;
    };
    const full = await noInnerScroll();

    // Collapsing an area shrinks the frame.
    await frame.getByRole('button', { name: '收起“专利权”' }).click();
    await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height < h - 1000, full);
    const collapsed = await noInnerScroll();
    assert.ok(collapsed < full, `${collapsed} < ${full}`);
    await frame.getByRole('button', { name: '展开“专利权”' }).click();
    await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height > h, collapsed);

    // A jump inside the frame brings its target into the host's view.
    if (width === 1280) {
      await frame.locator('#cr-contents').getByRole('link', { name: /^议题 10/ }).click();
      await page.waitForFunction(() => scrollY > 1000);
      await page.waitForTimeout(300);
      const frameTop = (await frameElement.boundingBox()).y;
      const headingTop = await inner.evaluate(() => document.querySelector('[data-consultation-response]').shadowRoot.getElementById('issue-10').getBoundingClientRect().top);
      const onScreen = frameTop + headingTop;
      assert.ok(onScreen >= 0 && onScreen < 800, `issue 10 heading at ${onScreen} in the host's view`);
    }

    // Forged height messages are ignored: from the host window itself, and from another frame
    // of the same origin as the form.
    const height = (await frameElement.boundingBox()).height;
    await page.evaluate(() => window.postMessage({ type: 'consultation-response:height', height: 10 }, '*'));
    await page.evaluate((src) => {
      const other = document.createElement('iframe');
      other.src = src;
      document.body.append(other);
    }, `${forms.url}static/forms/wipo-ai/frame-host.js`);
    await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
    const stranger = await (async () => {
      for (let i = 0; i < 50; i += 1) {
        const found = page.frames().find((f) => f.url().endsWith('frame-host.js'));
        if (found) return found;
        await page.waitForTimeout(100);
      }
      throw new Error('no second frame');
    })();
    await stranger.evaluate(() => parent.postMessage({ type: 'consultation-response:height', height: 12 }, '*'));
    await page.waitForTimeout(300);
    assert.equal((await frameElement.boundingBox()).height, height, 'forged messages change nothing');

    assert.deepEqual(await violations(page), []);
    assert.deepEqual(await violations(inner), []);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test("the app registers no keys on the host page: Escape in the host's part leaves the contents panel open", async () => {
  const { context } = await newContext({ viewport: { width: 400, height: 800 } });
  const page = await openPage(context, `${host.url}ministry/consultations/ai.html`);
  const toggle = page.getByRole('button', { name: '目录', exact: true });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  // A key pressed in the host's own part of the page (dispatched there: moving focus out of the
  // panel closes it by design) is the host's.
  await page.getByRole('link', { name: '新闻' }).dispatchEvent('keydown', { key: 'Escape', bubbles: true });
  await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'a key on the host page is the host\'s');
  // Inside the app, Escape closes the panel as always.
  await page.getByRole('button', { name: '关闭目录' }).focus();
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await context.close();
});

test('?lang= on the app\'s own page chooses the language', async () => {
  for (const [lang, expected] of [['en', 'en'], ['zh-CN', 'zh-CN']]) {
    const { context } = await newContext({ locale: lang === 'en' ? 'zh-CN' : 'en-US' });
    const page = await openPage(context, `${forms.url}static/forms/wipo-ai/?lang=${lang}&offline=off`);
    assert.equal(await page.locator('.cr-app').first().getAttribute('lang'), expected);
    await context.close();
  }
});

const STYLE_PROPERTIES = [
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'color', 'background-color',
  'margin-top', 'margin-bottom', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-top-style', 'border-top-color', 'border-left-width', 'border-radius',
  'display', 'float', 'text-transform', 'text-indent', 'letter-spacing', 'box-sizing', 'list-style-type',
];

/** Computed styles of every element of the app (inside its shadow root), in document order. */
const appStyles = (page) =>
  page.evaluate((properties) => {
    const root = document.querySelector('[data-consultation-response]').shadowRoot;
    // The print copy is left out: it is written when typing pauses, so its size depends on timing.
    return [...root.querySelectorAll('.cr-app, .cr-app *:not(.cr-print, .cr-print *)')].map((element) => {
      const style = getComputedStyle(element);
      const name = `${element.tagName.toLowerCase()}.${element.className}`;
      return [name, properties.map((p) => `${p}: ${style.getPropertyValue(p)}`)];
    });
  }, STYLE_PROPERTIES);

/** Computed styles of every host element that neither holds the app nor is it. */
const hostStyles = (page) =>
  page.evaluate((properties) => {
    const mount = document.querySelector('[data-consultation-response]');
    return [...document.body.querySelectorAll('*:not(script)')].filter((e) => !e.contains(mount)).map((element) => {
      const style = getComputedStyle(element);
      return [element.tagName.toLowerCase(), [...properties, 'width', 'height'].map((p) => `${p}: ${style.getPropertyValue(p)}`)];
    });
  }, STYLE_PROPERTIES);

function differences(expected, actual) {
  assert.equal(actual.length, expected.length, 'same elements');
  const out = [];
  expected.forEach(([name, values], i) => {
    values.forEach((value, j) => {
      if (actual[i][1][j] !== value) out.push(`${name}: ${value} ≠ ${actual[i][1][j]}`);
    });
  });
  return out.slice(0, 8);
}

test('host styles (Bootstrap 5, a classless framework, a CMS theme) do not touch the app, nor it them', async () => {
  const { context } = await newContext();
  const bare = await openPage(context, `${host.url}hosts/bare.html`);
  const expected = await appStyles(bare);
  assert.ok(expected.length > 500, `${expected.length} elements compared`);
  for (const url of ['hosts/bootstrap.html', 'hosts/classless.html', 'ministry/consultations/ai.html']) {
    const page = await openPage(context, `${host.url}${url}`);
    assert.deepEqual(differences(expected, await appStyles(page)), [], url);
    await page.close();
  }
  // The host's own elements compute the same with the app and without it.
  const without = await context.newPage();
  await without.goto(`${host.url}ministry/consultations/ai-without-app.html`);
  const withApp = await openPage(context, `${host.url}ministry/consultations/ai.html`);
  const hostBefore = await hostStyles(without);
  assert.ok(hostBefore.length >= 10, `${hostBefore.length} host elements compared`);
  assert.deepEqual(differences(hostBefore, await hostStyles(withApp)), []);
  await context.close();
});

test('the reader\'s own font size scales the app even where the host shrinks rem', async () => {
  const { context } = await newContext();
  const page = await openPage(context, `${host.url}ministry/consultations/ai.html`);
  const size = () => page.locator('.cr-app').first().evaluate((el) => getComputedStyle(el).fontSize);
  assert.equal(await size(), '16px', 'medium, whatever html { font-size: 62.5% } says');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-consultation-response]').shadowRoot.querySelector('.cr-app')).fontSize === '24px');
  const heading = await page.locator('.cr-header__title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.equal(heading, 24 * 1.75);
  await context.close();
});

test('a themed host sets the font, accent and width; axe finds nothing in either language', async () => {
  const { context } = await newContext({ locale: 'en-US' });
  const page = await openPage(context, `${host.url}ministry/consultations/ai-themed.html`);
  const style = (selector, property) => page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
  assert.match(await style('.cr-app', 'font-family'), /^"DejaVu Serif"/);
  assert.equal(await style('.cr-app', 'max-width'), '960px');
  assert.equal(await style('.cr-toolbar .cr-button--primary', 'background-color'), 'rgb(139, 26, 26)');
  assert.equal(await style('.cr-header__facts a', 'color'), 'rgb(139, 26, 26)');
  await page.locator('textarea[name="answer-1.i"]').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.match(await style('textarea[name="answer-1.i"]', 'box-shadow'), /rgb\(139, 26, 26\)/, 'focus ring in the accent');
  for (const [language, lang] of [['English', 'en'], ['中文', 'zh-CN']]) {
    await chooseLanguage(page, language, lang);
    const results = await new AxeBuilder({ page })
      .include('[data-consultation-response]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`), [], language);
  }
  await context.close();
});

test('at 1280×800 the title is on the first screen and only one line each of tip and drafts stands before the form', async () => {
  for (const url of [`${host.url}ministry/consultations/ai.html`, `${host.url}static/forms/wipo-ai/`]) {
    const { context } = await newContext();
    const page = await openPage(context, url);
    const title = await page.locator('#cr-title').boundingBox();
    assert.ok(title.y >= 0 && title.y + title.height <= 800, `${url}: title at ${JSON.stringify(title)}`);
    const tip = await page.locator('.cr-tip').boundingBox();
    const bar = await page.locator('.cr-drafts__bar').boundingBox();
    assert.ok(tip.height <= 64 && bar.height <= 64, `${url}: tip ${tip.height}px, draft bar ${bar.height}px`);
    const about = await page.getByRole('heading', { name: '关于答复人' }).boundingBox();
    assert.ok(about.y - (title.y + title.height) <= 400, `${url}: the form starts ${about.y - title.y}px below the title`);
    if (url.includes('/static/')) assert.ok(about.y + about.height <= 800, 'on the app\'s own page the form starts on the first screen');
    // Draft management stays one click away.
    await page.getByRole('button', { name: '管理草稿' }).click();
    await page.getByRole('button', { name: '新建草稿' }).waitFor();
    await context.close();
  }
});

test("the respondent's first field is on the first screen of the app's page: within 600 px at 1280×800, above the toolbar on a phone", async () => {
  for (const locale of ['zh-CN', 'en-US']) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const { context } = await newContext({ locale, viewport });
      const page = await openPage(context, `${host.url}static/forms/wipo-ai/`);
      const first = await page.locator('.cr-about input, .cr-about select, .cr-about textarea').first().boundingBox();
      const toolbar = await page.locator('.cr-toolbar').boundingBox();
      const where = `${locale} ${viewport.width}×${viewport.height}`;
      console.log(`# ${where}: the first field at ${Math.round(first.y)}–${Math.round(first.y + first.height)} px, the toolbar from ${Math.round(toolbar.y)} px`);
      if (viewport.width === 1280) assert.ok(first.y + first.height <= 600, `${where}: the first field ends ${first.y + first.height}px down`);
      assert.ok(first.y + first.height <= toolbar.y, `${where}: the first field is not under the sticky toolbar`);
      // The desk stays one click away, in the drafts bar.
      assert.ok(await page.locator('.cr-drafts #cr-desk-toggle').isVisible(), `${where}: the desk's button`);
      await context.close();
    }
  }
});

test('offline after the first visit; a new release is offered, never forced', async () => {
  const { context } = await newContext({ locale: 'en-US' });
  const url = `${forms.url}static/forms/wipo-ai/?lang=en`;
  let page = await openPage(context, url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.locator('textarea[name="answer-3.i"]').fill('Written before going offline.');
  await page.waitForTimeout(500);
  await page.reload();
  await fields(page).nth(41).waitFor();
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the worker controls the page');

  await context.setOffline(true);
  await page.reload();
  await fields(page).nth(41).waitFor();
  assert.equal(await page.locator('textarea[name="answer-3.i"]').inputValue(), 'Written before going offline.');
  await context.setOffline(false);

  // A new release: announced, and taken only when the person asks, after saving.
  faults.newRelease = true;
  try {
    await page.reload();
    await fields(page).nth(41).waitFor();
    await page.getByText('A new version of this tool is available.').waitFor({ timeout: 15_000 });
    await page.locator('textarea[name="answer-3.i"]').fill('Typed just before reloading.');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save and reload' }).click()]);
    await fields(page).nth(41).waitFor();
    assert.equal(await page.locator('textarea[name="answer-3.i"]').inputValue(), 'Typed just before reloading.');
    assert.equal(await page.getByText('A new version of this tool is available.').count(), 0);
  } finally {
    faults.newRelease = false;
  }

  // ?offline=off: no worker for that page's visitor.
  const other = await newContext({ locale: 'en-US' });
  page = await openPage(other.context, `${forms.url}static/forms/wipo-ai/?offline=off`);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  await other.context.close();
  await context.close();
});

test('the iframe embed starts offline after the first visit', async () => {
  const { context } = await newContext();
  const page = await context.newPage();
  await page.goto(`${host.url}ministry/consultations/ai-frame.html`);
  await fields(page.frameLocator('iframe[data-consultation-response-frame]')).nth(41).waitFor();
  const frame = page.frames().find((f) => f.url().startsWith(forms.origin));
  await frame.evaluate(async () => { await navigator.serviceWorker.ready; });
  await frame.locator('textarea[name="answer-3.i"]').fill('在框架中离线前写的。');
  await frame.waitForTimeout(500);
  await context.setOffline(true);
  // The host page is the host's to keep offline; the form in its frame comes back on its own.
  await frame.goto(frame.url());
  await frame.locator('textarea[name^="answer-"]').nth(41).waitFor();
  assert.equal(await frame.locator('textarea[name="answer-3.i"]').inputValue(), '在框架中离线前写的。');
  assert.ok(await frame.evaluate(() => navigator.serviceWorker.controller !== null), 'served by the offline worker');
  await context.setOffline(false);
  await context.close();
});

/** The message the mount element shows when the app cannot start. */
async function startFailure(init, path = 'ministry/consultations/ai.html') {
  const { context } = await newContext({ init });
  const page = await context.newPage();
  await page.goto(`${host.url}${path}`);
  const alert = page.locator('[data-consultation-response] [role=alert]');
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /意见回复表无法启动/);
  assert.match(text, /The response form cannot start/);
  if (path.startsWith('ministry/')) assert.equal(await alert.getByRole('link').getAttribute('href'), '/static/forms/wipo-ai/');
  await context.close();
}

test('when it cannot start it says so in both languages: missing wasm, no WebAssembly, a CSP without wasm, a blocked stylesheet', async () => {
  faults.missingWasm = true;
  try {
    await startFailure();
  } finally {
    faults.missingWasm = false;
  }
  await startFailure(() => {
    delete globalThis.WebAssembly;
  });
  faults.noWasmCsp = true;
  try {
    await startFailure();
  } finally {
    faults.noWasmCsp = false;
  }
  faults.blockedStyle = true;
  try {
    // On a host page the loader links the stylesheet; the app's own page links it itself, and
    // its load or error event has fired before the loader runs.
    await startFailure();
    await startFailure(undefined, 'static/forms/wipo-ai/');
  } finally {
    faults.blockedStyle = false;
  }
});

test('an unknown data-lang falls back to the browser\'s languages', async () => {
  for (const [locale, expected] of [['en-US', 'en'], ['zh-CN', 'zh-CN']]) {
    const { context } = await newContext({ locale });
    const page = await openPage(context, `${host.url}hosts/unknown-lang.html`);
    assert.equal(await page.locator('.cr-app').first().getAttribute('lang'), expected);
    await context.close();
  }
});
