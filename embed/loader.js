// consultation-response.js: the one way the app starts, on its own page and on a host's page.
// It finds the app's hashed files next to itself, mounts the app into the first
// [data-consultation-response] element inside a shadow root (so the host's styles cannot reach
// in and the app's cannot leak out), and says so in both languages when the app cannot start.
// The build writes it into dist/ with the hashed names filled in: cache this file briefly, the
// hashed files for ever.
const FILES = { js: '@JS@', wasm: '@WASM@', css: '@CSS@' };
// The app's first view in each language of the paper, its first language first.
const VIEWS = '@VIEWS@';
const at = (name) => new URL(name, import.meta.url).href;

/**
 * Whether a stylesheet link's rules are known to be in effect. A link the page's CSP blocked has
 * a sheet whose rules cannot be read, like another origin's: either is asked for again, and its
 * load or error event tells.
 */
function applied(link) {
  try {
    return link.sheet !== null && link.sheet.cssRules.length > 0;
  } catch {
    return false;
  }
}

/**
 * Links the stylesheet into `parent` unless it is there; resolves once it has loaded, rejects if
 * it cannot be (missing, or blocked by the page's Content-Security-Policy).
 */
function stylesheet(parent) {
  const href = at(FILES.css);
  const present = [...parent.querySelectorAll('link')].find((l) => l.href === href);
  if (present && applied(present)) return Promise.resolve();
  // A link whose load or error event has already fired (the page's own, blocked or failed)
  // would never answer again: a fresh one is asked for, and its answer awaited.
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((done, fail) => {
    link.addEventListener('load', done);
    link.addEventListener('error', () => fail(new Error(`the stylesheet ${href} could not be loaded`)));
  });
  if (present) present.replaceWith(link);
  else parent.append(link);
  return loaded;
}

/** The message shown instead of an empty box: both languages, and the app's own page if set. */
function failed(host, shadow, error) {
  console.error('consultation-response could not start:', error);
  const box = document.createElement('div');
  box.className = 'cr-app cr-failed';
  box.setAttribute('role', 'alert');
  const say = (lang, text, tag = 'p') => {
    const element = document.createElement(tag);
    element.lang = lang;
    element.textContent = text;
    box.append(element);
    return element;
  };
  say('zh-CN', '意见回复表无法启动：它的文件无法加载，或者此浏览器或本页不允许运行 WebAssembly。');
  say('en', 'The response form cannot start: its files could not be loaded, or this browser or page does not allow WebAssembly.');
  const page = host.dataset.standaloneUrl;
  if (page) say('en', '在单独的页面中打开 · Open the form on its own page', 'a').href = page;
  // Above the first view, if one is shown: what was typed there stays to be copied.
  shadow.prepend(box);
}

/**
 * The worker's address. Where the page enforces Trusted Types (`require-trusted-types-for
 * 'script'`), registering a worker takes a TrustedScriptURL, which only a policy makes: the app's
 * one policy, `consultation-response`, passes exactly this URL and nothing else.
 */
function workerUrl() {
  const url = at('sw.js');
  if (!window.trustedTypes?.createPolicy) return url;
  const only = (given) => {
    if (given !== url) throw new TypeError(`consultation-response: not the app's worker: ${given}`);
    return given;
  };
  return trustedTypes.createPolicy('consultation-response', { createScriptURL: only }).createScriptURL(url);
}

/** Offline use: a service worker for the app's folder, and a new release offered, never forced. */
async function keepOffline(host, root) {
  const asked = host.dataset.offline === 'on' && new URLSearchParams(location.search).get('offline') !== 'off';
  if (!asked || !('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  const registration = await sw.register(workerUrl(), { scope: at('./') });
  const announce = () => {
    if (!registration.waiting || !sw.controller) return;
    // The attribute lets the app see a release that was waiting before it listened.
    root.setAttribute('data-update-ready', '');
    root.dispatchEvent(new Event('consultation-response:update'));
  };
  announce();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => worker.state === 'installed' && announce());
  });
  // The app asks for this only after the draft is saved.
  root.addEventListener('consultation-response:reload', () => {
    if (!registration.waiting) return location.reload();
    sw.addEventListener('controllerchange', () => location.reload());
    registration.waiting.postMessage('skip-waiting');
  });
}

/** The language code of a tag (`zh` of `zh-CN`). */
const languageCode = (tag) => tag?.split('-')[0].toLowerCase();

/**
 * The paper's language the first view is shown in: the host's `data-lang` (on the app's own page
 * `?lang=` first), else the first of the browser's languages the paper is written in, else the
 * paper's first. The app decides again as it starts (a language the person chose is stored with
 * the draft).
 */
function viewLanguage(host) {
  const codes = Object.keys(VIEWS);
  const asked = host.hasAttribute('data-page-options') ? new URLSearchParams(location.search).get('lang') : null;
  const wanted = [asked, host.dataset.lang, ...(navigator.languages ?? [navigator.language])].map(languageCode);
  return wanted.find((c) => codes.includes(c)) ?? codes[0];
}

/** The first view in `language`, read from its file (no markup is ever parsed from a string). */
function fetchView(language) {
  return new Promise((done, fail) => {
    const request = new XMLHttpRequest();
    request.open('GET', at(VIEWS[language]));
    request.responseType = 'document';
    request.addEventListener('load', () => {
      const view = request.status === 200 && request.response?.querySelector('[data-first-view]');
      view ? done(document.importNode(view, true)) : fail(new Error(`no first view in ${VIEWS[language]}`));
    });
    request.addEventListener('error', () => fail(new Error(`${VIEWS[language]} could not be loaded`)));
    request.send();
  });
}

/**
 * Shows the app's first view in the host's shadow root before the wasm has arrived, so that the
 * paper can be read and typed into at once: the one the page carries (index.html's declarative
 * shadow root; its template's content where the browser has none), or else the file in the
 * language wanted. Resolves with the shadow root once the view is styled; never fails: without a
 * first view the host's own lines stay until the app starts.
 */
async function showFirstView(host) {
  const language = viewLanguage(host);
  const template = host.querySelector(':scope > template[shadowrootmode]');
  if (!host.shadowRoot && template) {
    host.attachShadow({ mode: 'open' }).append(template.content);
    template.remove();
  }
  const shown = host.shadowRoot?.querySelector('[data-first-view]');
  if (shown?.lang && languageCode(shown.lang) === language) return host.shadowRoot;
  try {
    const view = await fetchView(language);
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    // A person may already be typing in the view shown: it stays.
    if (shown && shown.contains(shadow.activeElement)) return shadow;
    await stylesheet(shadow);
    shown ? shown.replaceWith(view) : shadow.append(view);
    return shadow;
  } catch (error) {
    console.warn('consultation-response: the first view is not shown:', error);
    return host.shadowRoot;
  }
}

/** What was typed or chosen in one first view, put into the same controls of another. */
function carryOver(from, to) {
  for (const control of from.querySelectorAll('textarea, input, select')) {
    const twin = control.id && to.querySelector(`#${CSS.escape(control.id)}`);
    if (!twin) continue;
    if (control.type === 'radio' || control.type === 'checkbox') twin.checked = control.checked;
    else twin.value = control.value;
  }
}

/**
 * A button pressed in the first view before the app has started. A language button: the view in
 * that language takes its place, with what was typed carried over and the focus on the button,
 * and the app starts in it (`data-language-chosen` on the host, which it takes as the person's
 * choice). Any other did nothing there: it is kept (pressed again because nothing happened, it
 * is still one press) and marked `data-pressed`, and the app's button standing where it stood
 * (the same text, the same place among the buttons of its nearest element with an id) is pressed
 * when the app takes over, which asks with a `cr-press-again` event on the app's element. Once
 * the app has mounted, its own buttons answer.
 */
function followPresses(host, root) {
  const kept = [];
  const buttonsReading = (scope, text) => [...(scope?.querySelectorAll('button') ?? [])].filter((b) => b.textContent === text);
  root.addEventListener('cr-press-again', () => {
    for (const { id, text, nth } of kept.splice(0)) {
      buttonsReading(id ? host.shadowRoot.getElementById(id) : root, text)[nth]?.click();
    }
  });
  host.shadowRoot?.addEventListener('click', async (event) => {
    const pressed = event.target.closest?.('button');
    const shown = pressed?.closest('[data-first-view]');
    if (!shown || root.isConnected) return;
    if (!pressed.matches('.cr-language__option[lang]')) {
      if (pressed.hasAttribute('data-pressed')) return;
      pressed.setAttribute('data-pressed', '');
      const anchor = pressed.parentElement.closest('[id]');
      const text = pressed.textContent;
      kept.push({ id: anchor?.id, text, nth: buttonsReading(anchor ?? shown, text).indexOf(pressed) });
      return;
    }
    const language = languageCode(pressed.lang);
    if (!(language in VIEWS)) return;
    // The last button pressed is the choice, the language shown too.
    host.setAttribute('data-language-chosen', pressed.lang);
    if (languageCode(shown.lang) === language) return;
    try {
      const view = await fetchView(language);
      // Taken over meanwhile (the app shows the language chosen), or another language pressed.
      if (!shown.isConnected || languageCode(host.getAttribute('data-language-chosen')) !== language) return;
      carryOver(shown, view);
      shown.replaceWith(view);
      view.querySelector(`.cr-language__option[lang="${pressed.lang}"]`)?.focus();
    } catch (error) {
      console.warn('consultation-response: the first view is not shown in the language chosen:', error);
    }
  });
}

/**
 * The page first, then the program: resolves once the browser has reported painting content (the
 * first view) and two frames more, so that the wasm is asked for after it is on screen. A
 * background tab, which paints nothing, waits a second at most.
 */
function painted() {
  return new Promise((done) => {
    const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));
    setTimeout(done, 1000);
    if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return frames();
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      frames();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
}

const host = document.querySelector('[data-consultation-response]');
const STARTED = Symbol.for('consultation-response');
if (host && !host[STARTED]) {
  host[STARTED] = true;
  // Until the shadow root is attached (the first view, or the app) whatever the host put in its
  // element (index.html's "opening…" lines) stays on screen.
  const attach = () => host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const styled = stylesheet(document.head);
  const root = document.createElement('div');
  try {
    if (typeof WebAssembly !== 'object') throw new Error('no WebAssembly');
    const viewed = await showFirstView(host);
    followPresses(host, root);
    await painted();
    const glue = import(at(FILES.js));
    const [app] = await Promise.all([glue, styled]);
    await app.default({ module_or_path: at(FILES.wasm) });
    // Instantiating, reading the paper and the first render are three tasks: a key pressed
    // between them is handled at once.
    const yieldToPage = () => new Promise((done) => setTimeout(done, 0));
    await yieldToPage();
    app.prepare();
    await yieldToPage();
    const shadow = attach();
    await stylesheet(shadow);
    // The app renders after the first view, unseen, and then takes its place in one frame.
    if (viewed?.querySelector('[data-first-view]')) root.setAttribute('data-app-starting', '');
    shadow.append(root);
    app.mount(root);
  } catch (error) {
    // Said even without the stylesheet: the message is plain text.
    await Promise.allSettled([styled]);
    failed(host, attach(), error);
  }
  keepOffline(host, root).catch((error) => console.warn('offline use is not available:', error));
}
