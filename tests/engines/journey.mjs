// The journey every engine must complete, written once against a small driver interface that
// Firefox (puppeteer-core over WebDriver BiDi) and WebKit (selenium-webdriver driving
// WebKitWebDriver) both implement. Pages are served as a host would, under the strictest CSP
// (Trusted Types included), each with the probe of probe.js as its first script; every CSP
// report the engine sends is collected too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { serveSite } from '../e2e/static-server.mjs';
import { draftFile } from '../e2e/draft-files.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
export const APP = '/static/forms/wipo-ai/';
/**
 * The README's CSP with Trusted Types: the app's own page allows the app's one policy (its
 * offline worker's URL); the ministry's page, which asks for no offline worker, allows none.
 */
export const STRICTEST_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types consultation-response";
const NO_POLICY_CSP = STRICTEST_CSP.replace('trusted-types consultation-response', "trusted-types 'none'");

/**
 * The site: the app in a sub-folder, the ministry's example page, and the app again under
 * `/blocked-style/` with every stylesheet refused. Resolves to `{ url, reports, close }`.
 */
export async function serveJourneySite() {
  const reports = [];
  const probe = readFileSync(fileURLToPath(new URL('probe.js', import.meta.url)));
  const site = await serveSite({
    routes: [
      [APP, DIST],
      ['/blocked-style/', DIST],
      ['/ministry/', join(ROOT, 'examples/ministry')],
      ['/__probe.js', fileURLToPath(new URL('probe.js', import.meta.url))],
    ],
    headers: (path) => {
      let csp = path.startsWith('/ministry/') ? NO_POLICY_CSP : STRICTEST_CSP;
      if (path.startsWith('/blocked-style/')) csp = csp.replace("style-src 'self'", "style-src 'none'");
      return { 'content-security-policy': `${csp}; report-uri /__csp-report` };
    },
    override: (path, file) => {
      if (path === '/__probe.js') return { body: probe };
      if (!file.endsWith('.html')) return null;
      // First in the page (a minified page may have no <head> tag): after <html ...>.
      return { body: readFileSync(file, 'utf8').replace(/<html[^>]*>/i, '$&<script src="/__probe.js"></script>') };
    },
    receive: (path, body) => path === '/__csp-report' && reports.push(body),
  });
  return { url: site.url, reports, close: site.close };
}

/** Runs `body` as a named step, so a failure says where the journey stopped. */
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
  } catch (error) {
    error.message = `${name}: ${error.message}`;
    throw error;
  }
  console.log(`  ok  ${name} (${Date.now() - started} ms)`);
}

/** Polls `check` in the page until it returns something truthy. */
async function waitFor(driver, check, args = [], { timeout = 20_000, what = String(check) } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await driver.run(check, ...args);
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The app's 42 answer fields and its submission section are in the page. */
function appReady(driver) {
  return waitFor(driver, () => {
    const root = document.querySelector('[data-consultation-response]')?.shadowRoot;
    // The general comment comes a painted step after the last area: the whole paper is there.
    return root?.querySelectorAll('textarea[name^="answer-"]').length === 42
      && !!root.querySelector('[name="comment-general"]') && !!root.querySelector('#cr-submit');
  }, [], { what: 'the app with its 42 answer fields and the general comment', timeout: 30_000 });
}

/** Values of the named fields in the app. */
function values(driver, names) {
  return driver.run((names) => {
    const root = document.querySelector('[data-consultation-response]').shadowRoot;
    return names.map((name) => root.querySelector(`[name="${name}"]`)?.value ?? null);
  }, names);
}

/** Moves focus to the named field and types `text` with the keyboard. */
async function typeInto(driver, name, text) {
  await driver.run((name) => {
    const field = document.querySelector('[data-consultation-response]').shadowRoot.querySelector(`[name="${name}"]`);
    field.scrollIntoView({ block: 'center' });
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, name);
  await driver.type(text);
}

/** What the probe recorded: page errors and violations (the CSP reports are checked apart). */
const probe = (driver) => driver.run(() => ({ ...window.__journey, downloads: window.__journey.downloads.length }));

/** Clicks the app's button whose text is exactly `text`, with the driver's own click. */
async function clickButton(driver, text) {
  const found = await driver.run((text) => {
    const root = document.querySelector('[data-consultation-response]').shadowRoot;
    root.querySelectorAll('[data-journey-target]').forEach((b) => b.removeAttribute('data-journey-target'));
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === text);
    button?.scrollIntoView({ block: 'center' });
    button?.setAttribute('data-journey-target', '');
    return !!button;
  }, text);
  assert.ok(found, `a button "${text}"`);
  await driver.click('[data-journey-target]');
}

/** The text of a stored (uncompressed) or deflated zip entry. */
function zipEntry(zip, wanted) {
  for (let at = 0; at + 30 < zip.length; ) {
    if (zip.readUInt32LE(at) !== 0x04034b50) break;
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extra;
    const data = zip.subarray(start, start + size);
    if (name === wanted) return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at = start + size;
  }
  throw new Error(`no ${wanted} in the zip`);
}

const ANSWERS = {
  'answer-1.i': 'Inventions made by AI: first answer',
  'answer-4.iii': 'Disclosure of the algorithm: second answer',
  'comment-general': 'General comment: third answer',
};

/**
 * The journey: start under the strictest policy, three answers across a reload and a language
 * switch, Word and HTML downloads, a long answer shown whole, the ministry's page, the desk,
 * the offline worker, and a blocked stylesheet that is said to be one.
 */
export async function journey(driver, site) {
  const app = `${site.url}${APP.slice(1)}`;
  const names = Object.keys(ANSWERS);

  await step('starts under the strictest policy with no page error and no persistence prompt', async () => {
    await driver.open(app);
    await appReady(driver);
    const seen = await probe(driver);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.violations, []);
    assert.equal(seen.persistCalls, 0, 'persistent storage is not asked for on arrival');
  });

  await step('three answers typed, kept over a reload; persistence asked after the first edit', async () => {
    for (const [name, text] of Object.entries(ANSWERS)) await typeInto(driver, name, text);
    if (await driver.run(() => typeof navigator.storage?.persist === 'function')) {
      await waitFor(driver, () => window.__journey.persistCalls === 1, [], { what: 'one persistence request' });
    } else {
      // This engine cannot be asked (WebKitGTK has no StorageManager): the app says so.
      await waitFor(driver, () => document.querySelector('[data-consultation-response]').shadowRoot
        .querySelector('.cr-persistence')?.textContent.match(/无法承诺|cannot promise/), [], { what: 'the note that this browser cannot promise to keep the data' });
    }
    // Saved within half a second of the last key.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await driver.reload();
    await appReady(driver);
    assert.deepEqual(await values(driver, names), Object.values(ANSWERS));
  });

  await step('the language switch keeps them', async () => {
    await driver.click('button.cr-language__option[lang="en"]');
    await waitFor(driver, () => document.querySelector('[data-consultation-response]').shadowRoot.querySelector('.cr-app')?.lang === 'en', [], { what: 'the English interface' });
    assert.deepEqual(await values(driver, names), Object.values(ANSWERS));
  });

  await step('the Word and HTML downloads hold them', async () => {
    await clickButton(driver, 'Download Word document (.docx)');
    await clickButton(driver, 'Download web page (.html, can be opened again here)');
    const files = await waitFor(driver, () => window.__journey.downloads.length >= 2 && window.__journey.downloads, [], { what: 'two downloads' });
    const word = files.find((f) => f.name.endsWith('.docx'));
    const page = files.find((f) => f.name.endsWith('.html'));
    assert.ok(word && page, `downloads: ${files.map((f) => f.name)}`);
    const documentXml = zipEntry(Buffer.from(word.base64, 'base64'), 'word/document.xml');
    const html = Buffer.from(page.base64, 'base64').toString('utf8');
    for (const text of Object.values(ANSWERS)) {
      assert.ok(documentXml.includes(text), `the Word document holds "${text}"`);
      assert.ok(html.includes(text), `the web page holds "${text}"`);
    }
  });

  await step('a long answer grows its field, typed and after a reload', async () => {
    const lines = Array.from({ length: 14 }, (_, i) => `line ${i + 1}`).join('\n');
    await typeInto(driver, 'answer-2.i', lines);
    // The field is fitted in the frame after a key press: wait two frames, then measure.
    const typed = await driver.run(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
      const field = document.querySelector('[data-consultation-response]').shadowRoot.querySelector('[name="answer-2.i"]');
      resolve({ scroll: field.scrollHeight, client: field.clientHeight, lines: field.value.split('\n').length });
    }))));
    assert.equal(typed.lines, 14);
    assert.ok(typed.client >= typed.scroll - 1, `typed: the whole answer shows (${JSON.stringify(typed)})`);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await driver.reload();
    await appReady(driver);
    const reloaded = await waitFor(driver, () => {
      const field = document.querySelector('[data-consultation-response]').shadowRoot.querySelector('[name="answer-2.i"]');
      return field.clientHeight >= field.scrollHeight - 1 && { scroll: field.scrollHeight, client: field.clientHeight };
    }, [], { what: 'the stored long answer shown whole' });
    assert.ok(reloaded.client > 200, `reloaded: ${JSON.stringify(reloaded)}`);
  });

  await step('the desk keeps a contribution over a reload', async () => {
    await driver.click('#cr-desk-toggle');
    const file = draftFile(7, ['1.i'], []);
    await driver.run((text) => {
      const root = document.querySelector('[data-consultation-response]').shadowRoot;
      const data = new DataTransfer();
      data.items.add(new File([text], 'contribution.json', { type: 'application/json' }));
      const area = root.querySelector('.cr-drop');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        area.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    }, file);
    const shown = () => waitFor(driver, () =>
      document.querySelector('[data-consultation-response]').shadowRoot.querySelector('#question-1\\.i .cr-contributions')?.textContent.includes('7 号单位'),
    [], { what: 'the contribution under question 1 (i)' });
    await shown();
    await driver.reload();
    await appReady(driver);
    await shown();
  });

  await step('the offline worker controls the page after a reload', async () => {
    await waitFor(driver, () => navigator.serviceWorker.getRegistration().then((r) => !!r?.active), [], { what: 'an active worker' });
    await driver.reload();
    await appReady(driver);
    assert.ok(await driver.run(() => !!navigator.serviceWorker.controller), 'the page is controlled');
  });

  await step("the ministry page embeds it, with the answers, under trusted-types 'none'", async () => {
    await driver.open(`${site.url}ministry/consultations/ai.html`);
    await appReady(driver);
    assert.deepEqual(await values(driver, names), Object.values(ANSWERS));
    const seen = await probe(driver);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.violations, []);
  });

  await step('a blocked stylesheet is said to stop the app', async () => {
    await driver.open(`${site.url}blocked-style/`);
    const message = await waitFor(driver, () =>
      document.querySelector('[data-consultation-response]').shadowRoot?.querySelector('[role="alert"]')?.textContent,
    [], { what: 'the message that the app cannot start' });
    assert.match(message, /无法启动.*cannot start/s);
  });

  await step('no CSP or Trusted Types violation was reported', async () => {
    // Reports are sent in the background: give the engine a moment, then expect only the
    // stylesheet the blocked-style page refused.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const unexpected = site.reports.filter((report) => !/style-src/.test(report));
    assert.deepEqual(unexpected, []);
    assert.ok(site.reports.some((report) => /style-src/.test(report)), 'the blocked stylesheet was reported: reports arrive');
  });
}
