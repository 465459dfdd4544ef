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

/**
 * Starts the server and the browser; `stop()` ends both. `uiLanguage` is the browser's own
 * language (not the page's): native controls draw their text in it, so it is always set, never
 * taken from the machine.
 */
export async function start({ uiLanguage = 'en-US' } = {}) {
  const server = await serve(DIST, 0);
  const browser = await launchBrowser(uiLanguage);
  return {
    url: server.url,
    browser,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/** Debian's Chromium with its interface in `uiLanguage` (`--lang`; on Linux also `LANGUAGE`). */
export function launchBrowser(uiLanguage = 'en-US') {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, `--lang=${uiLanguage}`],
    env: { ...process.env, LANGUAGE: uiLanguage.replace('-', '_'), LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
}

/**
 * A new browser context whose every request is recorded in `requests`, with downloads allowed.
 * `init` runs in the page before any of the app's scripts; `locale` is the browser's language.
 */
export async function openContext(env, { init, locale = 'zh-CN', viewport, reducedMotion } = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, locale, viewport, reducedMotion });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  // The app lives in a shadow root on its mount element: `appRoot()` is where its ids are.
  await context.addInitScript(() => {
    globalThis.appRoot = () => document.querySelector('[data-consultation-response]')?.shadowRoot ?? document;
  });
  if (init) await context.addInitScript(init);
  return { context, requests };
}

/** Opens the app and waits until every answer field and the submission section are there. */
export async function openApp(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('dialog', (dialog) => {
    errors.push(new Error(`unexpected dialog: ${dialog.message()}`));
    dialog.dismiss();
  });
  await page.goto(url);
  // The paper comes an issue at a time, then the submission: wait for the whole of it.
  await page.locator('textarea[name^="answer-"]').nth(41).waitFor();
  await page.locator('#cr-submit').waitFor();
  page.errors = errors;
  return page;
}

/**
 * Resolves once the app has taken the place of the page's first view (its first render, shown
 * before the wasm has started): until then the first issue's fields are there twice, the app's
 * unseen.
 */
export async function appStarted(page) {
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-consultation-response]')?.shadowRoot;
    return root?.querySelector('.cr-app') && !root.querySelector('[data-first-view]');
  });
}

/**
 * Presses the language button `name` and waits until the interface speaks `lang`: the app says
 * the switch a frame before the page's words change.
 */
export async function chooseLanguage(page, name, lang) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.locator(`.cr-app[lang="${lang}"]`).waitFor();
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

/** The words the tests look for, in each interface language. */
export const WORDS = {
  zh: {
    locale: 'zh-CN', lang: 'zh-CN', name: '中文',
    newDraft: '新建草稿', review: '检查回复', problems: '提交前请注意以下事项',
    showHistory: '显示较早的版本', restoreAll: '恢复整份草稿', restored: '已恢复到较早的版本',
    unreadable: '无法读取', notSaved: '草稿未保存', markdown: '下载 Markdown 文本（.md）',
    contents: '目录', closeContents: '关闭目录', unanswered: '只显示未作答的问题', fold: '收起背景段落',
    collapseAll: '全部收起', expandAll: '全部展开', skip: '跳到问题',
    collapsePatents: '收起“专利权”', expandPatents: '展开“专利权”',
    manageDrafts: '管理草稿', draftFile: '下载草稿文件（.json，可重新导入）', chooseFile: '选择文件', replace: '替换当前草稿', full: '存储空间已满',
  },
  en: {
    locale: 'en-US', lang: 'en', name: 'English',
    newDraft: 'New draft', review: 'Review the response', problems: 'Before you send, please see to the following',
    showHistory: 'Show earlier versions', restoreAll: 'Restore the whole draft', restored: 'The earlier version is restored',
    unreadable: 'cannot be read', notSaved: 'Draft not saved', markdown: 'Download Markdown text (.md)',
    contents: 'Contents', closeContents: 'Close contents', unanswered: 'Unanswered questions only', fold: 'Fold the context paragraphs',
    collapseAll: 'Collapse all', expandAll: 'Expand all', skip: 'Skip to the questions',
    collapsePatents: 'Collapse “Patents”', expandPatents: 'Expand “Patents”',
    manageDrafts: 'Manage drafts', draftFile: 'Download draft file (.json, can be opened again here)', chooseFile: 'Choose a file', replace: 'Replace the current draft', full: 'storage is full',
  },
};

/** Elements of the app that stick out past the right edge of the viewport (none may). */
export async function overflowing(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const element of appRoot().querySelectorAll('.cr-app *')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && (box.right > width + 1 || box.left < -1)) {
        if (element.closest('.cr-skip-link, .cr-visually-hidden, .cr-print')) continue;
        out.push(`${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 5) };
  });
}

/** Fills this origin's localStorage until it refuses even a few characters more. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 10, 16, 1]) {
      const block = 'x'.repeat(size);
      try {
        for (;;) localStorage.setItem(`filler/${n++}`, block);
      } catch {
        // Full at this block size: try a smaller one.
      }
    }
  });
}

/**
 * Opens `path` through the import area's own button, as a person does: the button opens the
 * browser's file chooser, and the file is chosen there.
 */
export async function chooseFile(page, path, label = WORDS.zh.chooseFile) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: label, exact: true }).click(),
  ]);
  await chooser.setFiles(path);
}

/** Drops the file at `path` on the import area, as dragging it from the desktop does. */
export async function dropFile(page, path, name, type = 'application/json') {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path, 'utf8');
  const transfer = await page.evaluateHandle(([text, name, type]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type }));
    return data;
  }, [text, name, type]);
  const area = page.locator('.cr-import');
  await area.dispatchEvent('dragenter', { dataTransfer: transfer });
  await area.dispatchEvent('dragover', { dataTransfer: transfer });
  await area.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Opens the draft bar's management panel (the list, new, duplicate, delete), if closed. */
export async function openDrafts(page, label = WORDS.zh.manageDrafts) {
  const toggle = page.getByRole('button', { name: label, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}
