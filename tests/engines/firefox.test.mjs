// The journey in Firefox: Debian's firefox-esr, headless, driven by puppeteer-core over WebDriver
// BiDi, with its interface language and the page's fixed.
import { test, before, after } from 'node:test';
import puppeteer from 'puppeteer-core';
import { journey, serveJourneySite } from './journey.mjs';

let site;
let browser;
before(async () => {
  site = await serveJourneySite();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: { 'intl.locale.requested': 'en-US', 'intl.accept_languages': 'zh-CN, en' },
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', LANGUAGE: 'en_US' },
  });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

test(`Firefox: the whole journey under the strictest policy`, { timeout: 240_000 }, async () => {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  console.log(`  ${await browser.version()}`);
  await journey(
    {
      open: (url) => page.goto(url, { waitUntil: 'load' }),
      reload: () => page.reload({ waitUntil: 'load' }),
      run: (fn, ...args) => page.evaluate(fn, ...args),
      type: (text) => page.keyboard.type(text),
      async click(selector) {
        const element = await page.evaluateHandle(
          (selector) => document.querySelector('[data-consultation-response]').shadowRoot.querySelector(selector),
          selector,
        );
        await element.asElement().click();
      },
    },
    site,
  );
});
