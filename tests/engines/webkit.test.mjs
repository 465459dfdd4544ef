// The journey in WebKit: Debian's WebKitGTK MiniBrowser in automation mode, driven through
// WebKitWebDriver by selenium-webdriver. It needs a display: scripts/test.sh runs it under
// xvfb-run.
import { test, before, after } from 'node:test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder, Key } from 'selenium-webdriver';
import { journey, serveJourneySite } from './journey.mjs';

const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A free port on 127.0.0.1 for WebKitWebDriver. */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

let site;
let webdriver;
let driver;
before(async () => {
  site = await serveJourneySite();
  const port = await freePort();
  webdriver = spawn('WebKitWebDriver', [`--port=${port}`], {
    stdio: 'ignore',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', LANGUAGE: 'en_US' },
  });
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  };
  for (let tries = 0; ; tries += 1) {
    try {
      driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
      break;
    } catch (error) {
      if (tries > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await driver.manage().window().setRect({ width: 1280, height: 800 });
});
after(async () => {
  await driver?.quit();
  webdriver?.kill();
  await site?.close();
});

/** Runs `fn(...args)` in the page and returns its (awaited) value. */
async function run(fn, ...args) {
  const outcome = await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     Promise.resolve().then(() => (${fn}).apply(null, arguments[0]))
       .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`,
    args,
  );
  if (outcome.error) throw new Error(outcome.error);
  return outcome.value;
}

/** Waits until the page after a navigation has loaded. */
async function loaded() {
  await driver.wait(async () => (await driver.executeScript('return document.readyState')) === 'complete', 30_000);
}

test('WebKit: the whole journey under the strictest policy', { timeout: 240_000 }, async () => {
  console.log(`  ${await driver.executeScript('return navigator.userAgent')}`);
  await journey(
    {
      async open(url) {
        await driver.get(url);
        await loaded();
      },
      async reload() {
        await driver.navigate().refresh();
        await loaded();
      },
      run,
      // Key presses to whatever has focus (the field, inside the app's shadow root).
      type: (text) => driver.actions().sendKeys(text.replaceAll('\n', Key.ENTER)).perform(),
      async click(selector) {
        const element = await driver.executeScript(
          'return document.querySelector("[data-consultation-response]").shadowRoot.querySelector(arguments[0])',
          selector,
        );
        await element.click();
      },
    },
    site,
  );
});
