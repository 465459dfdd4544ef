// What every end-to-end test needs: the release build served on 127.0.0.1, Debian's Chromium
// driven by playwright-core, a record of every request, and the app's documented contracts.
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';
import { fileURLToPath } from 'node:url';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const STORAGE_KEY = 'consultation-response/v1/wipo-ip-ai-2019';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts the server and the browser; `stop()` ends both. */
export async function start() {
  const server = await serve(DIST, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    url: server.url,
    browser,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A new browser context whose every request is recorded in `requests`, with downloads allowed.
 * `init` runs in the page before any of the app's scripts.
 */
export async function openContext(env, { init } = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  if (init) await context.addInitScript(init);
  return { context, requests };
}

/** Opens the app and waits until every answer field is there. */
export async function openApp(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('dialog', (dialog) => {
    errors.push(new Error(`unexpected dialog: ${dialog.message()}`));
    dialog.dismiss();
  });
  await page.goto(url);
  await page.locator('textarea[name^="answer-"]').nth(41).waitFor();
  page.errors = errors;
  return page;
}

/** The answer field for question `id`, by the documented `name="answer-<id>"` contract. */
export function answerField(page, id) {
  return page.locator(`textarea[name="answer-${id}"]`);
}

/** The stored draft, parsed. */
export async function storedDraft(page) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  return raw && JSON.parse(raw);
}

/** Requests that left for any origin other than the app's own (blob: and data: stay local). */
export function foreignRequests(requests, url) {
  const origin = new URL(url).origin;
  return requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'));
}
